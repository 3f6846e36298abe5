import type { DeactivationResult, HardwareIdInfo, OfflineRequestSummary, OfflineUploadResult } from '../shared/api'
import type { WrittenRequestFile } from './offline-commands'
import type { ActivationResult } from '../main/engine/service'
import type { AppError } from '../shared/errors'
import type { Outcome } from '../shared/outcome'
import { formatLocalTime } from '../shared/format-time'
import { hardwareIdFingerprint, inGroupsOfFour } from '../shared/helpdesk/hardware-id-format'
import { describeProductsFreed } from '../shared/products-freed'
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

/**
 * The hardware id as the window shows it: whole (to copy), then in groups of four with its
 * fingerprint, the short value a helpdesk compares by voice.
 */
function hardwareIdLines(id: string, indent = '  '): string[] {
  const label = `${indent}Hardware id:`.padEnd(indent.length + 13)
  return [`${label}${id}`, `${' '.repeat(label.length)}${inGroupsOfFour(id)} · fingerprint ${hardwareIdFingerprint(id)}`]
}

export function formatDeactivation(result: DeactivationResult, server: string): string {
  return [
    `Deactivated: bundle "${result.product}" is no longer active on this hardware id; the seat is free for another machine.`,
    `  Products:    ${describeProductsFreed(result)}`,
    ...hardwareIdLines(result.hardwareId),
    `  Method:      ${LOGIN_METHOD_LABELS[result.method]}`,
    `  Server:      ${server}`,
    `  At:          ${formatLocalTime(result.at)}`
  ].join('\n')
}

export function formatActivation(result: ActivationResult, server: string): string {
  return [
    `Activated: bundle "${result.product}" is active on this hardware id${result.products.length > 0 ? ` (${result.products.join(', ')})` : ''}.`,
    ...hardwareIdLines(result.hardwareId),
    `  Method:      ${LOGIN_METHOD_LABELS[result.method]}`,
    `  Server:      ${server}`,
    `  At:          ${formatLocalTime(result.at)}`
  ].join('\n')
}

export function formatHardwareId(info: HardwareIdInfo): string {
  return [...hardwareIdLines(info.id, ''), `Source:      ${info.source === 'override' ? 'override' : 'this PC'}`, `How:         ${info.description}`].join('\n')
}

function requestLines(summary: OfflineRequestSummary): string[] {
  return [
    `  Bundle:      ${summary.product}`,
    ...hardwareIdLines(summary.hardwareId),
    `  ${summary.method === 'license-key' ? 'Licence key' : 'Username   '}: ${summary.licence}`,
    `  Written:     ${formatLocalTime(summary.writtenAt)} by ${summary.writtenBy}`,
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
    `  At:          ${formatLocalTime(result.at)}`
  ].join('\n')
}
