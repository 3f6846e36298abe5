import type { AppInfo, DeactivationResult, HardwareIdInfo, LogTail, OfflineRequestSummary, OfflineUploadResult, StartupFacts } from '../../shared/api'
import { hardwareIdFingerprint, inGroupsOfFour } from '../../shared/helpdesk/hardware-id-format'
import { maskLicenceKey } from '../../shared/helpdesk/licence-key-mask'
import { displayText } from '../../shared/display-text'
import type { AppError } from '../../shared/errors'
import type { Outcome } from '../../shared/outcome'
import { methodLabel } from '../../shared/method-label'
import type { PreparedAttempt } from './form-model'
import type { SeatCheck } from '../../shared/licences-on-pc'
import { describeBundle, describeHolder, describeSeats, describeValidity, describeLicenceState } from '../../shared/licence-words'
import type { PcCheck } from './kept-answers'

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
  /** What the licence server said this PC (or an override) held, when last asked in this session. */
  pcCheck?: PcCheck | null
  /** The check after a successful deactivation, once answered. */
  seatCheck?: Outcome<SeatCheck> | null
  /** The log's last lines (already without secrets); null when the app could not read them. */
  log?: LogTail | null
}

const REMOVED = '[removed]'

/** A value that came from outside (a server, a file, a setting, a person), as one line of the report. */
const shown = (value: string, max?: number): string => displayText(value, max)

/** "Code: device_not_found · HTTP 400", the line a helpdesk asks for. */
export function codeAndStatus(error: Pick<AppError, 'code' | 'status'>): string {
  return `Code: ${shown(error.code, 100)} · ${error.status > 0 ? `HTTP ${error.status}` : 'no HTTP status'}`
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
 * source, time, and the result or error. Never a password, licence key, token or sign-in code;
 * every value from outside on its one line (control, bidi and zero-width characters escaped).
 */
export function buildDiagnostics({ app, attempt, outcome, at, reference, thisPc, timeZone, pcCheck, seatCheck, log }: DiagnosticsContext): string {
  const { input } = attempt
  const lines: string[] = [`${app.name} diagnostics`]
  if (reference) lines.push(`Reference: ${reference}`)
  lines.push(
    `App version: ${app.version}`,
    `OS: ${app.os}`,
    `Server: ${shown(app.server)}${app.sandbox ? ' (sandbox)' : ''}`,
    `Bundle: ${shown(input.product)}`,
    `Method: ${methodLabel(attempt.method)} (${attempt.method})`
  )
  const credentials = attempt.kind === 'direct' ? attempt.input.credentials : undefined
  if (credentials?.method === 'user') lines.push(`Username: ${shown(credentials.username.trim())}`)
  if (credentials?.method === 'license-key') lines.push(`Licence key: ${maskLicenceKey(credentials.licenseKey)}`)
  if (attempt.kind === 'sso') lines.push(`Browser sign-in grant: ${attempt.input.grant}`)
  const customerAccount = customerAccountOf(attempt)
  if (customerAccount) lines.push(`Customer account: ${shown(customerAccount)}`)
  if (input.licenseId !== undefined) lines.push(`Licence id: ${input.licenseId}`)
  lines.push(
    `Hardware id: ${shown(attempt.hardware.id)}`,
    `Hardware id in groups: ${shown(inGroupsOfFour(attempt.hardware.id))} (fingerprint ${hardwareIdFingerprint(attempt.hardware.id)})`,
    `Hardware id source: ${attempt.hardware.source} — ${shown(attempt.hardware.description)}`
  )
  if (attempt.hardware.source === 'override' && thisPc) {
    lines.push(`This PC’s own hardware id (not sent): ${shown(thisPc.id)} (fingerprint ${hardwareIdFingerprint(thisPc.id)})`)
  }
  lines.push(`Time: ${at.toISOString()}`, `Time zone: ${timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone}`)
  if (outcome.ok) lines.push('Result: deactivated', `Confirmed by server at: ${shown(outcome.value.at)}`)
  else lines.push(...errorLines(outcome.error, secretsOf(attempt)))
  if (seatCheck) lines.push(...seatCheckLines(seatCheck))
  lines.push(...pcCheckLines(pcCheck ?? null))
  if (log !== undefined) lines.push(...logLines(log, secretsOf(attempt)))
  return lines.join('\n') + '\n'
}

function seatCheckLines(check: Outcome<SeatCheck>): string[] {
  if (!check.ok) return [`Check after deactivation: failed (${check.error.code}, ${check.error.status > 0 ? `HTTP ${check.error.status}` : 'no HTTP status'})`]
  const { state, checkedAt, signatures } = check.value
  return [`Check after deactivation: ${state === 'free' ? 'seat free' : 'STILL ACTIVE on the server'} at ${checkedAt} (signatures ${signatures})`]
}

/** What this PC held when the licence server was last asked in this session (item of every report). */
function pcCheckLines(check: PcCheck | null): string[] {
  if (check === null) return ['Licences on this PC: not checked in this session']
  const asked = check.override === undefined ? 'this PC' : `hardware id ${shown(check.override)}`
  if (!check.outcome.ok) {
    const e = check.outcome.error
    return [
      `Licences on this PC: the check of ${asked} at ${check.at.toISOString()} failed (${e.code}, ${e.status > 0 ? `HTTP ${e.status}` : 'no HTTP status'})`
    ]
  }
  const v = check.outcome.value
  const lines = [
    `Licences on this PC: checked ${v.checkedAt} for ${v.source === 'override' ? 'hardware id (override)' : 'this PC’s hardware id'} ${shown(v.hardwareId)} (signatures ${v.signatures})`
  ]
  if (v.bundles.length === 0) lines.push('  nothing active')
  for (const b of v.bundles) {
    const state = describeLicenceState(b)
    lines.push(
      `  ${describeBundle(b)}: ${describeHolder(b.holder)}, licence id ${b.licenceId}, seats ${describeSeats(b.seats)}, ${describeValidity(b)}${state === null ? '' : `, ${state}`}`
    )
  }
  return lines
}

export interface PcLicencesDiagnosticsContext {
  app: DiagnosticsContext['app']
  check: PcCheck | null
  at: Date
}

/** The report "Licences on this PC" copies: the app, and what the hardware id held when last asked. */
export function buildPcLicencesDiagnostics({ app, check, at }: PcLicencesDiagnosticsContext): string {
  const lines = [
    `${app.name} diagnostics`,
    'Task: licences on this PC',
    `App version: ${app.version}`,
    `OS: ${app.os}`,
    `Server: ${shown(app.server)}${app.sandbox ? ' (sandbox)' : ''}`,
    `Time: ${at.toISOString()}`,
    ...pcCheckLines(check)
  ]
  return lines.join('\n') + '\n'
}

/** The log's file and last lines, indented; the form's secrets are removed once more (the log never holds them). */
function logLines(log: LogTail | null, secrets: readonly string[]): string[] {
  if (log === null) return ['Log: could not be read']
  return [`Log file: ${log.file}`, 'Last lines of the log:', ...log.lines.map((line) => `  ${redact(line, secrets)}`)]
}

function errorLines(error: AppError, secrets: readonly string[]): string[] {
  const lines = [
    'Result: failed',
    `Error: ${shown(error.title)}`,
    `Error code: ${shown(error.code, 100)}`,
    `HTTP status: ${error.status > 0 ? error.status : 'none'}`,
    `Error family: ${error.family}`
  ]
  if (error.field) lines.push(`Field: ${shown(error.field)}`)
  if (error.networkCause) lines.push(`Network cause: ${shown(error.networkCause)}`)
  if (error.serverMessage) lines.push(`Server message: ${shown(redact(error.serverMessage, secrets))}`)
  return lines
}

export interface StartupDiagnosticsContext {
  /** Null while unknown (the main process did not answer). */
  facts: StartupFacts | null
  error: AppError
  reference: string
  at: Date
  timeZone?: string
  /** The log's last lines; null when the app could not read them. */
  log?: LogTail | null
}

/** The report for an app that could not start: its version, this PC's id, why, and the log's last lines. */
export function buildStartupDiagnostics({ facts, error, reference, at, timeZone, log }: StartupDiagnosticsContext): string {
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
      `Hardware id: ${shown(id.id)}`,
      `Hardware id in groups: ${shown(inGroupsOfFour(id.id))} (fingerprint ${hardwareIdFingerprint(id.id)})`,
      `Hardware id source: ${id.source} — ${shown(id.description)}`
    )
  } else lines.push('Hardware id: could not be read')
  lines.push(`Time: ${at.toISOString()}`, `Time zone: ${timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone}`)
  lines.push(...errorLines(error, []))
  if (log !== undefined) lines.push(...logLines(log, []))
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
    `Server: ${shown(app.server)}${app.sandbox ? ' (sandbox)' : ''}`,
    'Task: upload of an offline deactivation request file',
    `Bundle: ${shown(summary.product)}`,
    `${summary.method === 'license-key' ? 'Licence key (masked)' : 'Username'}: ${shown(summary.licence)}`,
    `Hardware id: ${shown(summary.hardwareId)}`,
    `Hardware id in groups: ${shown(inGroupsOfFour(summary.hardwareId))} (fingerprint ${hardwareIdFingerprint(summary.hardwareId)})`,
    `Request id: ${shown(summary.requestId)} (format ${summary.format})`,
    `File written: ${summary.writtenAt === null ? (summary.writtenText === '' ? 'not stated' : `"${shown(summary.writtenText)}"`) : shown(summary.writtenAt)} by ${shown(summary.writtenBy)}`,
    ...(summary.otherFields.length > 0
      ? [
          `Other fields: ${summary.otherFields.map((f) => shown(f.name)).join(', ')}${summary.otherFieldsNotShown > 0 ? ` and ${summary.otherFieldsNotShown} more` : ''}`
        ]
      : []),
    `Time: ${at.toISOString()}`,
    `Time zone: ${timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone}`
  )
  if (outcome.ok) lines.push('Result: seat freed', `Confirmed by server at: ${shown(outcome.value.at)}`)
  else lines.push(...errorLines(outcome.error, []))
  return lines.join('\n') + '\n'
}
