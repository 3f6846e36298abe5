import type { SsoProgress, StartupFacts } from '../../shared/api'
import { describeError } from '../../shared/errors'
import { t } from '../../shared/i18n/current'
import { IPC, type IpcChannel } from '../../shared/ipc-channels'
import type { InvokeChannel, PayloadOf, ValueOf } from '../../shared/ipc-contract'
import { failure, success, type Outcome } from '../../shared/outcome'
import {
  parseDeactivateArgs,
  parseLanguageArgs,
  parseNoArgs,
  parseOfflineContentArgs,
  parseOfflineRequestArgs,
  parsePcLicencesArgs,
  parseSeatCheckArgs,
  parseSsoDeactivateArgs,
  parseUserLicencesArgs
} from './ipc-payloads'
import {
  projectOutcome,
  toAppError,
  toAppInfo,
  toDeactivationResult,
  toHardwareIdInfo,
  toLogTail,
  toNull,
  toOfflineRequestSaved,
  toOfflineRequestSummary,
  toOfflineUploadResult,
  toPcLicences,
  toPrefill,
  toSeatCheck,
  toSsoProgress,
  toStartupFacts,
  toUserLicences,
  toWarmUpState
} from './ipc-results'
import { saveRequestFile, type SaveRequestFileDeps } from './offline-save'
import type { WindowLicenseService } from '../engine/service'
import type { PrefillInbox } from './prefill-inbox'
import type { InvokeEventLike, SenderCheck } from './sender-check'
import { withReference, type IpcOutcomeLog, type LogAccess } from './ipc-log'
import type { LanguageControl } from './language-choice'

/** The subset of `ipcMain` used here; Electron's own `ipcMain` satisfies it. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void
  removeHandler(channel: string): void
}

export interface IpcDeps {
  ipcMain: IpcMainLike
  /**
   * The engine, once configured. A failed start-up (bad configuration, sandbox that
   * would not start) is an outcome too, returned to every call so the window can show it.
   */
  service: () => Promise<Outcome<WindowLicenseService>> | Outcome<WindowLicenseService>
  isTrustedSender: SenderCheck
  /** The native save dialog (and file writing) for offline request files; without it saving answers `offline_save_failed`. */
  saveFile?: SaveRequestFileDeps
  /** Where helpdesk links wait for the window (absent: none ever arrives). */
  prefills?: PrefillInbox
  /** The running sandbox's reset, or null when the app talks to a real server. */
  sandboxReset?: () => Promise<(() => void) | null>
  /** Version, OS and hardware id for the start-up failure screen, read without the engine. */
  startupFacts?: () => Promise<StartupFacts>
  /** Told which channel failed unexpectedly; never given the payload. */
  onUnexpectedError?: (channel: IpcChannel, error: unknown) => void
  /** The log's tail and folder, for the window's diagnostics and "Open logs folder"; absent → those calls answer logs_unavailable. */
  logs?: LogAccess
  /** Logs each call's outcome and returns the reference it logged it under, which the answer then carries (ipc-log.ts). */
  logOutcome?: IpcOutcomeLog
  /** The app's language and the person's choice of it; absent → the window picks from its own languages. */
  languages?: LanguageControl
}

/**
 * The main-process side of one channel: its payload's shape check, then the call, answering
 * the contract's result; `withoutEngine` for the one call that must answer when the engine
 * could not start.
 */
export type ChannelHandler<C extends InvokeChannel> =
  | {
      parse: (args: readonly unknown[]) => Outcome<PayloadOf<C>>
      call: (service: WindowLicenseService, input: PayloadOf<C>, event: InvokeEventLike) => Promise<Outcome<ValueOf<C>>> | Outcome<ValueOf<C>>
    }
  | {
      parse: (args: readonly unknown[]) => Outcome<PayloadOf<C>>
      withoutEngine: (input: PayloadOf<C>) => Promise<Outcome<ValueOf<C>>>
    }

/** One handler for every channel of the contract: a channel left out, or paired with another call's types, does not compile. */
export type ContractHandlers = { [C in InvokeChannel]: ChannelHandler<C> }

/** What `register` needs of any channel's handler once the map above has checked its types. */
type RegisteredHandler =
  | {
      parse: (args: readonly unknown[]) => Outcome<unknown>
      call: (service: WindowLicenseService, input: never, event: InvokeEventLike) => Promise<Outcome<unknown>> | Outcome<unknown>
    }
  | { parse: (args: readonly unknown[]) => Outcome<unknown>; withoutEngine: (input: never) => Promise<Outcome<unknown>> }

const forbidden = (): Outcome<never> => failure(describeError('ipc_forbidden'))

function contractHandlers(deps: IpcDeps): ContractHandlers {
  return {
    [IPC.getAppInfo]: { parse: parseNoArgs, call: (service) => success(toAppInfo(service.appInfo())) },

    [IPC.getHardwareId]: { parse: parseNoArgs, call: async (service) => projectOutcome(await service.hardwareId(), toHardwareIdInfo) },

    // The start-up failure screen asks this when the engine could not start.
    [IPC.getStartupFacts]: {
      parse: parseNoArgs,
      withoutEngine: async () => (deps.startupFacts ? success(toStartupFacts(await deps.startupFacts())) : failure(describeError('app_internal_error')))
    },

    [IPC.deactivate]: {
      parse: parseDeactivateArgs,
      call: async (service, input) => projectOutcome(await service.deactivate(input), toDeactivationResult)
    },

    [IPC.deactivateWithSso]: {
      parse: parseSsoDeactivateArgs,
      call: async (service, input, event) => {
        const window = event.sender
        // Progress goes to the window that asked, and a closed window never breaks the flow.
        const relay = (progress: SsoProgress): void => {
          try {
            if (!window.isDestroyed()) window.send(IPC.ssoProgress, toSsoProgress(progress))
          } catch (error) {
            deps.onUnexpectedError?.(IPC.ssoProgress, error)
          }
        }
        return projectOutcome(await service.deactivateWithSso(input, relay), toDeactivationResult)
      }
    },

    [IPC.cancelSso]: { parse: parseNoArgs, call: (service) => projectOutcome(service.cancelSso(), toNull) },

    [IPC.openHelp]: { parse: parseNoArgs, call: async (service) => projectOutcome(await service.openHelp(), toNull) },

    [IPC.warmUp]: { parse: parseNoArgs, call: (service) => projectOutcome(service.warmUp(), toWarmUpState) },

    [IPC.saveOfflineRequest]: {
      parse: parseOfflineRequestArgs,
      call: async (service, input, event) => {
        const file = await service.offline.create(input)
        if (!file.ok) return failure(toAppError(file.error))
        if (!deps.saveFile) return failure(describeError('offline_save_failed'))
        return projectOutcome(await saveRequestFile(file.value, event.sender, deps.saveFile), toOfflineRequestSaved)
      }
    },

    [IPC.inspectOfflineRequest]: {
      parse: parseOfflineContentArgs,
      call: (service, input) => projectOutcome(service.offline.inspect(input.content), toOfflineRequestSummary)
    },

    [IPC.uploadOfflineRequest]: {
      parse: parseOfflineContentArgs,
      call: async (service, input) => projectOutcome(await service.offline.upload(input.content), toOfflineUploadResult)
    },

    // The reads (§10): sent only when the window asks (opening "Licences on this PC" is asking).
    [IPC.getPcLicences]: { parse: parsePcLicencesArgs, call: async (service, input) => projectOutcome(await service.licencesOnPc(input), toPcLicences) },
    [IPC.checkSeatFree]: { parse: parseSeatCheckArgs, call: async (service, input) => projectOutcome(await service.checkSeatFree(input), toSeatCheck) },
    [IPC.getUserLicences]: { parse: parseUserLicencesArgs, call: async (service, input) => projectOutcome(await service.userLicences(input), toUserLicences) },

    [IPC.takePrefill]: {
      parse: parseNoArgs,
      call: () => {
        const taken = deps.prefills?.take() ?? null
        if (taken === null) return success(null)
        return taken.ok ? success(toPrefill(taken.value)) : failure(toAppError(taken.error))
      }
    },

    [IPC.getLogTail]: {
      parse: parseNoArgs,
      withoutEngine: async () => {
        const tail = deps.logs?.tail()
        return tail ? success(toLogTail(tail)) : failure(describeError('logs_unavailable', { detail: { task: 'read' } }))
      }
    },

    [IPC.openLogsFolder]: {
      parse: parseNoArgs,
      withoutEngine: async () => ((await deps.logs?.openFolder()) ? success(null) : failure(describeError('logs_unavailable', { detail: { task: 'open' } })))
    },

    // The window words everything in this language, the start-up failure screen too.
    [IPC.getLanguage]: {
      parse: parseNoArgs,
      withoutEngine: async () => (deps.languages ? success(deps.languages.current()) : failure(describeError('app_internal_error')))
    },

    [IPC.chooseLanguage]: {
      parse: parseLanguageArgs,
      withoutEngine: async (input) => (deps.languages ? deps.languages.choose(input.language) : failure(describeError('app_internal_error')))
    },

    [IPC.resetSandbox]: {
      parse: parseNoArgs,
      call: async () => {
        const reset = (await deps.sandboxReset?.()) ?? null
        if (reset === null) {
          return failure(
            describeError('invalid_input', {
              field: 'sandbox',
              detail: { problem: t('shell.request.sandbox-only'), nothing: 'changed' }
            })
          )
        }
        reset()
        return success(null)
      }
    }
  }
}

/** Registers one handler per invoke channel; returns a function that removes them. */
export function registerIpcHandlers(deps: IpcDeps): () => void {
  const handlers: Record<InvokeChannel, RegisteredHandler> = contractHandlers(deps)
  const channels = Object.keys(handlers) as InvokeChannel[]

  /** Every call: sender check, then payload shape, then the engine; never a throw. Then its outcome is logged. */
  function register(channel: InvokeChannel, handler: RegisteredHandler): void {
    deps.ipcMain.handle(channel, async (event, ...args): Promise<Outcome<unknown>> => {
      const started = performance.now()
      let payload: unknown
      const answer = async (): Promise<Outcome<unknown>> => {
        try {
          if (!deps.isTrustedSender(event)) return forbidden()
          const input = handler.parse(args)
          if (!input.ok) return input
          payload = input.value
          if ('withoutEngine' in handler) return await handler.withoutEngine(input.value as never)
          const service = await deps.service()
          if (!service.ok) return failure(toAppError(service.error))
          return await handler.call(service.value, input.value as never, event)
        } catch (error) {
          deps.onUnexpectedError?.(channel, error)
          return failure(describeError('app_internal_error'))
        }
      }
      const outcome = await answer()
      const reference = deps.logOutcome?.({ channel, payload, outcome, durationMs: performance.now() - started })
      return reference === undefined ? outcome : withReference(channel, outcome, reference)
    })
  }

  for (const channel of channels) register(channel, handlers[channel])

  return () => {
    for (const channel of channels) deps.ipcMain.removeHandler(channel)
  }
}
