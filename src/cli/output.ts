import type { DeactivationResult, HardwareIdInfo, OfflineRequestSummary, OfflineUploadResult } from '../shared/api'
import type { WrittenRequestFile } from './offline-commands'
import type { ActivationResult } from '../main/engine/service'
import type { AppError } from '../shared/errors'
import type { Outcome } from '../shared/outcome'
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

/** One line of JSON: the typed Outcome, which never carries a secret, and the result's reference. */
export const jsonLine = (outcome: Outcome<unknown>, reference?: string): string => JSON.stringify(reference === undefined ? outcome : { ...outcome, reference })

/** `flagOf` names the command-line flag of a request field (`product` → `--product`). */
export function formatError(error: AppError, flagOf: (field: string) => string = (f) => f): string {
  const lines = [`Error: ${error.title}`, error.explanation, `What to do: ${error.action}`]
  const status = error.status ? ` (HTTP ${error.status})` : ''
  const field = error.field ? flagOf(error.field) : undefined
  lines.push(`Code: ${error.code}${status}${field ? `, ${field.startsWith('--') ? 'flag' : 'field'}: ${field}` : ''}`)
  if (error.networkCause) lines.push(`Cause: ${error.networkCause}`)
  if (error.serverMessage && error.serverMessage !== error.explanation) lines.push(`Server said: ${error.serverMessage}`)
  return lines.join('\n')
}

export function formatDeactivation(result: DeactivationResult, server: string): string {
  return [
    `Deactivated: bundle "${result.product}" is no longer active on this hardware id; the seat is free for another machine.`,
    `  Products:    ${describeProductsFreed(result)}`,
    `  Hardware id: ${result.hardwareId}`,
    `  Method:      ${LOGIN_METHOD_LABELS[result.method]}`,
    `  Server:      ${server}`,
    `  At:          ${result.at}`
  ].join('\n')
}

export function formatActivation(result: ActivationResult, server: string): string {
  return [
    `Activated: bundle "${result.product}" is active on this hardware id${result.products.length > 0 ? ` (${result.products.join(', ')})` : ''}.`,
    `  Hardware id: ${result.hardwareId}`,
    `  Method:      ${LOGIN_METHOD_LABELS[result.method]}`,
    `  Server:      ${server}`,
    `  At:          ${result.at}`
  ].join('\n')
}

export function formatHardwareId(info: HardwareIdInfo): string {
  return [`Hardware id: ${info.id}`, `Source:      ${info.source === 'override' ? 'override' : 'this PC'}`, `How:         ${info.description}`].join('\n')
}

/** `status`: the bundles a hardware id holds, each with its licence, products, seats and dates; or that it holds none. */
export function formatPcLicences(result: PcLicences, server: string): string {
  const which = result.source === 'override' ? `Hardware id ${result.hardwareId} (given with --hardware-id)` : `This PC (hardware id ${result.hardwareId})`
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
  lines.push(`  Signatures:  ${SIGNATURE_WORDS[result.signatures]}`, `  Server:      ${server}`, `  Checked at:  ${result.checkedAt}`)
  return lines.join('\n')
}

function requestLines(summary: OfflineRequestSummary): string[] {
  return [
    `  Bundle:      ${summary.product}`,
    `  Hardware id: ${summary.hardwareId}`,
    `  ${summary.method === 'license-key' ? 'Licence key' : 'Username   '}: ${summary.licence}`,
    `  Written:     ${summary.writtenAt} by ${summary.writtenBy}`,
    `  Request id:  ${summary.requestId}`
  ]
}

export function formatWrittenRequest(written: WrittenRequestFile): string {
  return [
    `Request file written: ${written.path}`,
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
    `Seat freed: bundle "${result.summary.product}" is no longer active on the hardware id in the request file; the seat is free for another machine.`,
    ...requestLines(result.summary),
    `  Server:      ${server}`,
    `  At:          ${result.at}`
  ].join('\n')
}
