import type { DeactivationResult, HardwareIdInfo, OfflineRequestSummary, OfflineUploadResult } from '../shared/api'
import type { WrittenRequestFile } from './offline-commands'
import type { ActivationResult } from '../main/engine/service'
import { displayText, terminalSafeJson } from '../shared/display-text'
import type { AppError } from '../shared/errors'
import type { SupportContact } from '../shared/brand/brand-info'
import { sendsToVendor } from '../shared/errors/vendor-contact'
import type { Outcome } from '../shared/outcome'
import { formatLocalTime } from '../shared/format-time'
import { hardwareIdFingerprint, inGroupsOfFour } from '../shared/helpdesk/hardware-id-format'
import { describeProductsFreed } from '../shared/products-freed'
import type { PcLicences } from '../shared/licences-on-pc'
import {
  describeBundle,
  describeHolder,
  describeLicenceState,
  describeProducts,
  describeSeats,
  describeValidity,
  NO_ACTIVATION_TIME,
  SIGNATURE_WORDS
} from '../shared/licence-words'
import { LOGIN_METHOD_LABELS } from '../shared/request'

/*
 * Every value interpolated into the human output passes through displayText: a server message,
 * a file's field, a link or a setting stays on its one line, its control, bidi and zero-width
 * characters shown as visible escapes, so no outside text can print a line of the app's own.
 */

/** A value that came from outside (or from a person), as one line of the human output. */
const shown = (value: string): string => displayText(value)

/**
 * One line of JSON: the typed Outcome, which never carries a secret, and the result's reference;
 * hidden and control characters of its values written as `\uXXXX` escapes (the same values).
 */
export const jsonLine = (outcome: Outcome<unknown>, reference?: string): string =>
  terminalSafeJson(JSON.stringify(reference === undefined ? outcome : { ...outcome, reference }))

/**
 * `flagOf` names the command-line flag of a request field (`product` → `--product`). Only the
 * catalogue's own words stand at the start of a line: a server's message always follows
 * "Server said:", even when it is the whole explanation (a code the catalogue does not know).
 */
export function formatError(error: AppError, flagOf: (field: string) => string = (f) => f, support?: SupportContact): string {
  const fromServer = error.serverMessage !== undefined && error.serverMessage === error.explanation
  const lines = [
    `Error: ${shown(error.title)}`,
    fromServer ? `Server said: ${shown(error.explanation)}` : shown(error.explanation),
    `What to do: ${shown(error.action)}`
  ]
  if (support !== undefined && sendsToVendor(error.code)) lines.push(`Vendor’s support: ${shown(support.address)}`)
  const status = error.status ? ` (HTTP ${error.status})` : ''
  const field = error.field ? flagOf(error.field) : undefined
  lines.push(`Code: ${shown(error.code)}${status}${field ? `, ${field.startsWith('--') ? 'flag' : 'field'}: ${shown(field)}` : ''}`)
  if (error.networkCause) lines.push(`Cause: ${shown(error.networkCause)}`)
  if (error.serverMessage && !fromServer) lines.push(`Server said: ${shown(error.serverMessage)}`)
  return lines.join('\n')
}

/**
 * The hardware id as the window shows it: whole (to copy), then in groups of four with its
 * fingerprint, the short value a helpdesk compares by voice.
 */
function hardwareIdLines(id: string, indent = '  '): string[] {
  const label = `${indent}Hardware id:`.padEnd(indent.length + 13)
  return [`${label}${shown(id)}`, `${' '.repeat(label.length)}${shown(inGroupsOfFour(id))} · fingerprint ${hardwareIdFingerprint(id)}`]
}

export function formatDeactivation(result: DeactivationResult, server: string): string {
  return [
    `Deactivated: bundle "${shown(result.product)}" is no longer active on this hardware id; the seat is free for another machine.`,
    `  Products:    ${shown(describeProductsFreed(result))}`,
    ...hardwareIdLines(result.hardwareId),
    `  Method:      ${LOGIN_METHOD_LABELS[result.method]}`,
    `  Server:      ${shown(server)}`,
    `  At:          ${formatLocalTime(result.at)}`
  ].join('\n')
}

export function formatActivation(result: ActivationResult, server: string): string {
  return [
    `Activated: bundle "${shown(result.product)}" is active on this hardware id${result.products.length > 0 ? ` (${shown(result.products.join(', '))})` : ''}.`,
    ...hardwareIdLines(result.hardwareId),
    `  Method:      ${LOGIN_METHOD_LABELS[result.method]}`,
    `  Server:      ${shown(server)}`,
    `  At:          ${formatLocalTime(result.at)}`
  ].join('\n')
}

export function formatHardwareId(info: HardwareIdInfo): string {
  return [
    ...hardwareIdLines(info.id, ''),
    `Source:      ${info.source === 'override' ? 'override' : 'this PC'}`,
    `How:         ${shown(info.description)}`
  ].join('\n')
}

/** `status`: the bundles a hardware id holds, each with its licence, products, seats and dates; or that it holds none. */
export function formatPcLicences(result: PcLicences, server: string): string {
  const which =
    result.source === 'override' ? `Hardware id ${shown(result.hardwareId)} (given with --hardware-id)` : `This PC (hardware id ${shown(result.hardwareId)})`
  const lines: string[] = []
  if (result.bundles.length === 0) {
    lines.push(
      `${which} holds no licence: the licence server lists nothing active on it.`,
      '  If the licensed product shows another hardware id, run: license-manager status --hardware-id <that id>'
    )
  } else {
    lines.push(`${which} holds ${result.bundles.length === 1 ? '1 bundle' : `${result.bundles.length} bundles`}:`)
    for (const b of result.bundles) {
      const products = describeProducts(b.products)
      const state = describeLicenceState(b)
      lines.push(
        `  ${describeBundle(b)}`,
        `    Licence:     ${describeHolder(b.holder)}, licence id ${b.licenceId}`,
        ...(products === null ? [] : [`    Products:    ${products}`]),
        `    Seats:       ${describeSeats(b.seats)}`,
        `    Valid:       ${describeValidity(b)}`,
        ...(state === null ? [] : [`    State:       ${state}`])
      )
    }
    lines.push(`  ${NO_ACTIVATION_TIME}`)
  }
  lines.push(`  Signatures:  ${SIGNATURE_WORDS[result.signatures]}`, `  Server:      ${shown(server)}`, `  Checked at:  ${formatLocalTime(result.checkedAt)}`)
  return lines.join('\n')
}

function requestLines(summary: OfflineRequestSummary): string[] {
  const written =
    summary.writtenAt === null
      ? summary.writtenText === ''
        ? 'date not stated'
        : `"${shown(summary.writtenText)}" (as the file says it)`
      : formatLocalTime(summary.writtenAt)
  return [
    `  Bundle:      ${shown(summary.product)}`,
    ...hardwareIdLines(summary.hardwareId),
    `  ${summary.method === 'license-key' ? 'Licence key' : 'Username   '}: ${shown(summary.licence)}`,
    `  Written:     ${written} by ${shown(summary.writtenBy)}`,
    `  Request id:  ${shown(summary.requestId)}`,
    `  Format:      ${summary.format === 'v2' ? 'current (schema 2): every field signed' : 'older (schema 1): only the date, licence key or username, hardware id and API key are signed'}`,
    ...(summary.otherFields.length > 0
      ? [
          '  Other fields (not known to this app; the server checks them):',
          ...summary.otherFields.map((f) => `    ${shown(f.name)}: ${shown(f.value)}`),
          ...(summary.otherFieldsNotShown > 0 ? [`    and ${summary.otherFieldsNotShown} more`] : [])
        ]
      : [])
  ]
}

export function formatWrittenRequest(written: WrittenRequestFile): string {
  return [
    `Request file written: ${shown(written.path)}`,
    ...requestLines(written.summary),
    '',
    'What happens next:',
    '  1. The seat is NOT free yet: the licence server frees it only when this file is uploaded.',
    '  2. Carry the file to a computer with internet and upload it at the software vendor’s customer portal,',
    '     or there with: license-manager upload-offline <file>',
    '  3. Treat the product on this PC as deactivated from now on: stop using it here. Nothing else needs to be done on this PC.'
  ].join('\n')
}

export function formatUpload(result: OfflineUploadResult, server: string): string {
  return [
    `Seat freed: bundle "${shown(result.summary.product)}" is no longer active on the hardware id in the request file; the seat is free for another machine.`,
    ...requestLines(result.summary),
    `  Server:      ${shown(server)}`,
    `  At:          ${formatLocalTime(result.at)}`
  ].join('\n')
}
