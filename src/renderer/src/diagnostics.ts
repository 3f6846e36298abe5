import type { AppInfo, DeactivationResult, HardwareIdInfo, OfflineRequestSummary, OfflineUploadResult, StartupFacts } from '../../shared/api'
import { hardwareIdFingerprint, inGroupsOfFour } from '../../shared/helpdesk/hardware-id-format'
import { maskLicenceKey } from '../../shared/helpdesk/licence-key-mask'
import type { AppError } from '../../shared/errors'
import type { Outcome } from '../../shared/outcome'
import { LOGIN_METHOD_LABELS } from '../../shared/request'
import type { PreparedAttempt } from './form-model'

export interface DiagnosticsContext {
  app: Pick<AppInfo, 'name' | 'version' | 'os' | 'server' | 'sandbox'>
  /** The request as sent: it may carry secrets, which the report leaves out. */
  attempt: PreparedAttempt
  outcome: Outcome<DeactivationResult>
  /** When the outcome arrived. */
  at: Date
  /** The reference the result showed, to read aloud (e.g. LM-DNF-400-7K3Q). */
  reference?: string
  /** This PC's own id, reported next to an override. */
  thisPc?: HardwareIdInfo | null
  /** Defaults to this PC's time zone. */
  timeZone?: string
}

const REMOVED = '[removed]'

/** "Code: device_not_found · HTTP 400", the line a helpdesk asks for. */
export function codeAndStatus(error: Pick<AppError, 'code' | 'status'>): string {
  return `Code: ${error.code} · ${error.status > 0 ? `HTTP ${error.status}` : 'no HTTP status'}`
}

function secretsOf(attempt: PreparedAttempt): string[] {
  if (attempt.kind === 'sso') return []
  const credentials = attempt.input.credentials
  switch (credentials.method) {
    case 'license-key':
      return [credentials.licenseKey]
    case 'user':
      return [credentials.password]
    case 'sso-token':
      return [credentials.idToken]
    case 'sso-code':
      return [credentials.code]
  }
}

function customerAccountOf(attempt: PreparedAttempt): string | undefined {
  if (attempt.kind === 'sso') return attempt.input.customerAccountCode
  const credentials = attempt.input.credentials
  return 'customerAccountCode' in credentials ? credentials.customerAccountCode : undefined
}

/** Server text may echo what was sent; no secret survives into the report. */
function redact(text: string, secrets: readonly string[]): string {
  return secrets.reduce((out, secret) => out.split(secret).join(REMOVED), text)
}

/**
 * A plain-text report for the helpdesk: app, OS, server, bundle, method, hardware id and its
 * source, time, and the result or error. Never a password, licence key, token or sign-in code.
 */
export function buildDiagnostics({ app, attempt, outcome, at, reference, thisPc, timeZone }: DiagnosticsContext): string {
  const { input } = attempt
  const lines: string[] = [`${app.name} diagnostics`]
  if (reference) lines.push(`Reference: ${reference}`)
  lines.push(
    `App version: ${app.version}`,
    `OS: ${app.os}`,
    `Server: ${app.server}${app.sandbox ? ' (sandbox)' : ''}`,
    `Bundle: ${input.product}`,
    `Method: ${LOGIN_METHOD_LABELS[attempt.method]} (${attempt.method})`
  )
  const credentials = attempt.kind === 'direct' ? attempt.input.credentials : undefined
  if (credentials?.method === 'user') lines.push(`Username: ${credentials.username.trim()}`)
  if (credentials?.method === 'license-key') lines.push(`Licence key: ${maskLicenceKey(credentials.licenseKey)}`)
  if (attempt.kind === 'sso') lines.push(`Browser sign-in grant: ${attempt.input.grant}`)
  const customerAccount = customerAccountOf(attempt)
  if (customerAccount) lines.push(`Customer account: ${customerAccount}`)
  if (input.licenseId !== undefined) lines.push(`Licence id: ${input.licenseId}`)
  lines.push(
    `Hardware id: ${attempt.hardware.id}`,
    `Hardware id in groups: ${inGroupsOfFour(attempt.hardware.id)} (fingerprint ${hardwareIdFingerprint(attempt.hardware.id)})`,
    `Hardware id source: ${attempt.hardware.source} — ${attempt.hardware.description}`
  )
  if (attempt.hardware.source === 'override' && thisPc) {
    lines.push(`This PC’s own hardware id (not sent): ${thisPc.id} (fingerprint ${hardwareIdFingerprint(thisPc.id)})`)
  }
  lines.push(`Time: ${at.toISOString()}`, `Time zone: ${timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone}`)
  if (outcome.ok) lines.push('Result: deactivated', `Confirmed by server at: ${outcome.value.at}`)
  else lines.push(...errorLines(outcome.error, secretsOf(attempt)))
  return lines.join('\n') + '\n'
}

function errorLines(error: AppError, secrets: readonly string[]): string[] {
  const lines = [
    'Result: failed',
    `Error: ${error.title}`,
    `Error code: ${error.code}`,
    `HTTP status: ${error.status > 0 ? error.status : 'none'}`,
    `Error family: ${error.family}`
  ]
  if (error.field) lines.push(`Field: ${error.field}`)
  if (error.networkCause) lines.push(`Network cause: ${error.networkCause}`)
  if (error.serverMessage) lines.push(`Server message: ${redact(error.serverMessage, secrets)}`)
  return lines
}

export interface StartupDiagnosticsContext {
  /** Null while unknown (the main process did not answer). */
  facts: StartupFacts | null
  error: AppError
  reference: string
  at: Date
  timeZone?: string
}

/** The report for an app that could not start: its version, this PC's id, and why. */
export function buildStartupDiagnostics({ facts, error, reference, at, timeZone }: StartupDiagnosticsContext): string {
  const lines: string[] = [
    `${facts?.name ?? 'License Manager'} diagnostics`,
    `Reference: ${reference}`,
    'Task: start-up',
    `App version: ${facts?.version ?? 'unknown'}`,
    `OS: ${facts?.os ?? 'unknown'}`
  ]
  const id = facts?.hardwareId
  if (id) {
    lines.push(
      `Hardware id: ${id.id}`,
      `Hardware id in groups: ${inGroupsOfFour(id.id)} (fingerprint ${hardwareIdFingerprint(id.id)})`,
      `Hardware id source: ${id.source} — ${id.description}`
    )
  } else lines.push('Hardware id: could not be read')
  lines.push(`Time: ${at.toISOString()}`, `Time zone: ${timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone}`)
  lines.push(...errorLines(error, []))
  return lines.join('\n') + '\n'
}

export interface UploadDiagnosticsContext {
  app: DiagnosticsContext['app']
  /** What the request file names (its licence key is already masked). */
  summary: OfflineRequestSummary
  outcome: Outcome<OfflineUploadResult>
  at: Date
  /** The reference the result showed. */
  reference?: string
  /** Defaults to this PC's time zone. */
  timeZone?: string
}

/** The same report for the upload of a request file: what the file names, and the result. */
export function buildUploadDiagnostics({ app, summary, outcome, at, reference, timeZone }: UploadDiagnosticsContext): string {
  const lines: string[] = [`${app.name} diagnostics`]
  if (reference) lines.push(`Reference: ${reference}`)
  lines.push(
    `App version: ${app.version}`,
    `OS: ${app.os}`,
    `Server: ${app.server}${app.sandbox ? ' (sandbox)' : ''}`,
    'Task: upload of an offline deactivation request file',
    `Bundle: ${summary.product}`,
    `${summary.method === 'license-key' ? 'Licence key (masked)' : 'Username'}: ${summary.licence}`,
    `Hardware id: ${summary.hardwareId}`,
    `Hardware id in groups: ${inGroupsOfFour(summary.hardwareId)} (fingerprint ${hardwareIdFingerprint(summary.hardwareId)})`,
    `Request id: ${summary.requestId} (format ${summary.format})`,
    `File written: ${summary.writtenAt} by ${summary.writtenBy}`,
    `Time: ${at.toISOString()}`,
    `Time zone: ${timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone}`
  )
  if (outcome.ok) lines.push('Result: seat freed', `Confirmed by server at: ${outcome.value.at}`)
  else lines.push(...errorLines(outcome.error, []))
  return lines.join('\n') + '\n'
}
