import type { LogTail } from '../../shared/api'
import { IPC } from '../../shared/ipc-channels'
import type { InvokeChannel } from '../../shared/ipc-contract'
import type { Outcome } from '../../shared/outcome'
import { inputSecrets } from '../engine/service'
import { logOutcome, type LogFields, type Logger } from '../logging/logger'

/** The log as the window reaches it: its end, and its folder opened in the file manager. */
export interface LogAccess {
  tail(): LogTail
  /** False when the folder could not be opened. */
  openFolder(): Promise<boolean>
}

/** One window call as the log sees it; the payload only to name what it asked (bundle, method) and to scrub its secrets. */
export interface IpcCall {
  channel: InvokeChannel
  /** The checked payload; undefined when the call was refused before its payload was read. */
  payload: unknown
  outcome: Outcome<unknown>
  durationMs: number
}

/** Logs a call when it should be, returning the reference its answer then carries. */
export type IpcOutcomeLog = (call: IpcCall) => string | undefined

/** Calls whose success is an event worth a line: what the person did, not what the window asked to draw itself. */
const LOGGED_SUCCESSES: ReadonlySet<InvokeChannel> = new Set([
  IPC.deactivate,
  IPC.deactivateWithSso,
  IPC.cancelSso,
  IPC.saveOfflineRequest,
  IPC.uploadOfflineRequest,
  IPC.resetSandbox,
  IPC.openHelp
])

/** Calls whose successful answer carries its reference (the window shows it with the result). */
const REFERENCED_SUCCESSES: ReadonlySet<InvokeChannel> = new Set([IPC.deactivate, IPC.deactivateWithSso])

/** The channel's name after its prefix, e.g. `deactivate`. */
const eventOf = (channel: string): string => channel.slice(channel.indexOf(':') + 1)

const textOf = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined)

/** What a payload asked, in words that hold no secret: the bundle, the login method, whether the hardware id was overridden. */
function describePayload(payload: unknown): LogFields {
  if (typeof payload !== 'object' || payload === null) return {}
  const p = payload as Record<string, unknown>
  const credentials = typeof p['credentials'] === 'object' && p['credentials'] !== null ? (p['credentials'] as Record<string, unknown>) : {}
  const grant = textOf(p['grant'])
  return {
    product: textOf(p['product']),
    method: textOf(credentials['method']) ?? (grant === undefined ? undefined : grant === 'code' ? 'sso-code' : 'sso-token'),
    hardwareIdOverride: p['hardwareId'] === undefined ? undefined : true
  }
}

export function ipcOutcomeLog(logger: Logger): IpcOutcomeLog {
  return ({ channel, payload, outcome, durationMs }) => {
    // Already logged where it happened (the engine's start-up failure, which every call answers with).
    if (!outcome.ok && outcome.error.reference !== undefined) return undefined
    if (outcome.ok && !LOGGED_SUCCESSES.has(channel)) return undefined
    try {
      return logOutcome(logger, eventOf(channel), outcome, { durationMs, fields: describePayload(payload), secrets: inputSecrets(payload) })
    } catch {
      return undefined
    }
  }
}

/** The answer with the reference it was logged under: every failure carries it, and a deactivation's success. */
export function withReference(channel: InvokeChannel, outcome: Outcome<unknown>, reference: string): Outcome<unknown> {
  if (!outcome.ok) return { ok: false, error: { ...outcome.error, reference } }
  if (!REFERENCED_SUCCESSES.has(channel) || typeof outcome.value !== 'object' || outcome.value === null) return outcome
  return { ok: true, value: { ...outcome.value, reference } }
}
