import type { AppError } from '../../shared/errors'
import { makeReference } from '../../shared/helpdesk/reference'
import type { Outcome } from '../../shared/outcome'
import { secretScrubber } from '../engine/errors/scrub-secrets'
import type { LogFile } from './log-file'

/*
 * The app's log, shared by the window's main process and the command line: one line per
 * event, `<ISO time> <level> <event> key=value …`, every value passed through the same
 * secret scrubber as every error text (the configured keys and the call's own secrets, in
 * each form a server may echo them), then quoted as JSON when it holds anything but plain
 * word characters, so a value can never start a line of its own.
 */

export type LogLevel = 'info' | 'warn' | 'error'
export type LogValue = string | number | boolean | undefined
export type LogFields = Readonly<Record<string, LogValue>>

export interface Logger {
  /** Writes one line; `secrets` are removed besides the ones the logger knows. */
  write(level: LogLevel, event: string, fields?: LogFields, secrets?: readonly string[]): void
  /** The last lines, scrubbed again with the secrets known now. */
  tail(count: number): string[]
  readonly file: LogFile
}

export interface LoggerOptions {
  file: LogFile
  /** The secrets to remove from every line (the configured keys); asked on each write. */
  secrets?: () => readonly string[]
  now?: () => Date
}

/** Longest value kept (longer is cut by the scrubber, which never leaves the start of a secret). */
const MAX_VALUE_LENGTH = 300
const MAX_TAIL_LINE = 1000
const PLAIN = /^[\w.:/@+=,%-]+$/

const quoted = (value: string): string => (PLAIN.test(value) ? value : JSON.stringify(value))

export function formatLogLine(at: Date, level: LogLevel, event: string, fields: LogFields, clean: (text: string) => string): string {
  const parts = [at.toISOString(), level, quoted(clean(event))]
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue
    parts.push(`${key}=${typeof value === 'string' ? quoted(clean(value)) : String(value)}`)
  }
  return parts.join(' ')
}

export function createLogger(options: LoggerOptions): Logger {
  const now = options.now ?? (() => new Date())
  const known = options.secrets ?? (() => [])
  return {
    file: options.file,
    write(level, event, fields = {}, secrets = []) {
      const scrubber = secretScrubber([...known(), ...secrets])
      options.file.append(formatLogLine(now(), level, event, fields, (text) => scrubber.text(text, MAX_VALUE_LENGTH)))
    },
    tail(count) {
      const scrubber = secretScrubber(known())
      return options.file.tail(count).map((line) => scrubber.text(line, MAX_TAIL_LINE))
    }
  }
}

/** `/opt/License Manager/resources/app.asar/out/main/index.js:9:5` → `out/main/index.js:9:5`: no user's folder names. */
function projectRelative(frame: string): string {
  const inProject = /(?:^|[\\/])((?:out|src|node_modules)[\\/].*)$/.exec(frame)
  return (inProject?.[1] ?? frame.split(/[\\/]/).pop() ?? frame).replace(/\\/g, '/')
}

/** An error as the log names it: its kind and where it was thrown (file:line), never its message, which may quote a server. */
export function errorFields(error: unknown): LogFields {
  if (!(error instanceof Error)) return { error: typeof error }
  const frames = (error.stack ?? '')
    .split('\n')
    .slice(1)
    .map((line) => /\(?([^\s()]+:\d+:\d+)\)?\s*$/.exec(line)?.[1])
    .filter((frame): frame is string => frame !== undefined)
    .slice(0, 3)
    .map(projectRelative)
  return { error: error.name, ...(frames.length > 0 ? { at: frames.join(' < ') } : {}) }
}

/** The fields of a failure the helpdesk reads: its code and status, and the facts it carries (scrubbed on writing). */
export function failureFields(error: AppError): LogFields {
  return {
    code: error.code,
    status: error.status,
    family: error.family,
    field: error.field,
    networkCause: error.networkCause,
    serverMessage: error.serverMessage
  }
}

/**
 * Logs one outcome under a new reference (what the window and the command line show the
 * person, e.g. LM-DNF-400-7K3Q) and returns that reference.
 */
export function logOutcome(
  logger: Logger,
  event: string,
  outcome: Outcome<unknown>,
  context: { durationMs?: number; fields?: LogFields; secrets?: readonly string[]; answeredBy?: 'server' | 'this-pc' } = {}
): string {
  const reference = makeReference(outcome.ok ? { success: context.answeredBy ?? 'server' } : outcome.error)
  const durationMs = context.durationMs === undefined ? undefined : Math.round(context.durationMs)
  const fields: LogFields = outcome.ok
    ? { result: 'ok', reference, durationMs, ...context.fields }
    : { result: 'failed', ...failureFields(outcome.error), reference, durationMs, ...context.fields }
  logger.write(outcome.ok ? 'info' : 'error', event, fields, context.secrets)
  return reference
}
