import type { SsoProgress } from '../../shared/api'
import { describeError } from '../../shared/errors'
import { IPC, type IpcChannel } from '../../shared/ipc-channels'
import { failure, success, type Outcome } from '../../shared/outcome'
import { parseDeactivateArgs, parseNoArgs, parseOfflineContentArgs, parseOfflineRequestArgs, parseSsoDeactivateArgs } from './ipc-payloads'
import {
  projectOutcome,
  toAppError,
  toAppInfo,
  toDeactivationResult,
  toHardwareIdInfo,
  toNull,
  toOfflineRequestSaved,
  toOfflineRequestSummary,
  toOfflineUploadResult,
  toPrefill,
  toSsoProgress,
  toWarmUpState
} from './ipc-results'
import { saveRequestFile, type SaveRequestFileDeps } from './offline-save'
import type { LicenseService } from '../engine/service'
import type { PrefillInbox } from './prefill-inbox'
import type { InvokeEventLike, SenderCheck } from './sender-check'

/** The engine's service, as the window's calls reach it (activation is the CLI's alone). */
export type IpcLicenseService = Omit<LicenseService, 'activate'>

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
  service: () => Promise<Outcome<IpcLicenseService>> | Outcome<IpcLicenseService>
  isTrustedSender: SenderCheck
  /** The native save dialog (and file writing) for offline request files; without it saving answers `offline_save_failed`. */
  saveFile?: SaveRequestFileDeps
  /** Where helpdesk links wait for the window (absent: none ever arrives). */
  prefills?: PrefillInbox
  /** The running sandbox's reset, or null when the app talks to a real server. */
  sandboxReset?: () => Promise<(() => void) | null>
  /** Told which channel failed unexpectedly; never given the payload. */
  onUnexpectedError?: (channel: IpcChannel, error: unknown) => void
}

type Call<P, T> = (service: IpcLicenseService, input: P, event: InvokeEventLike) => Promise<Outcome<T>> | Outcome<T>

const forbidden = (): Outcome<never> =>
  failure(describeError('ipc_forbidden', { explanation: 'A call to the licence engine came from outside the app’s window and was refused. Nothing was sent.' }))

/** Registers one handler per invoke channel; returns a function that removes them. */
export function registerIpcHandlers(deps: IpcDeps): () => void {
  const channels: IpcChannel[] = []

  /** Every call: sender check, then payload shape, then the engine; never a throw. */
  function register<P, T>(channel: IpcChannel, parse: (args: readonly unknown[]) => Outcome<P>, call: Call<P, T>): void {
    channels.push(channel)
    deps.ipcMain.handle(channel, async (event, ...args): Promise<Outcome<T>> => {
      try {
        if (!deps.isTrustedSender(event)) return forbidden()
        const input = parse(args)
        if (!input.ok) return input
        const service = await deps.service()
        if (!service.ok) return failure(toAppError(service.error))
        return await call(service.value, input.value, event)
      } catch (error) {
        deps.onUnexpectedError?.(channel, error)
        return failure(describeError('app_internal_error'))
      }
    })
  }

  register(IPC.getAppInfo, parseNoArgs, (service) => success(toAppInfo(service.appInfo())))

  register(IPC.getHardwareId, parseNoArgs, async (service) => projectOutcome(await service.hardwareId(), toHardwareIdInfo))

  register(IPC.deactivate, parseDeactivateArgs, async (service, input) =>
    projectOutcome(await service.deactivate(input), toDeactivationResult)
  )

  register(IPC.deactivateWithSso, parseSsoDeactivateArgs, async (service, input, event) => {
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
  })

  register(IPC.cancelSso, parseNoArgs, (service) => projectOutcome(service.cancelSso(), toNull))

  register(IPC.warmUp, parseNoArgs, (service) => projectOutcome(service.warmUp(), toWarmUpState))

  register(IPC.saveOfflineRequest, parseOfflineRequestArgs, async (service, input, event) => {
    const file = await service.offline.create(input)
    if (!file.ok) return failure(toAppError(file.error))
    if (!deps.saveFile) return failure(describeError('offline_save_failed'))
    return projectOutcome(await saveRequestFile(file.value, event.sender, deps.saveFile), toOfflineRequestSaved)
  })

  register(IPC.inspectOfflineRequest, parseOfflineContentArgs, (service, input) =>
    projectOutcome(service.offline.inspect(input.content), toOfflineRequestSummary)
  )

  register(IPC.uploadOfflineRequest, parseOfflineContentArgs, async (service, input) =>
    projectOutcome(await service.offline.upload(input.content), toOfflineUploadResult)
  )

  register(IPC.takePrefill, parseNoArgs, () => {
    const taken = deps.prefills?.take() ?? null
    if (taken === null) return success(null)
    return taken.ok ? success(toPrefill(taken.value)) : failure(toAppError(taken.error))
  })

  register(IPC.resetSandbox, parseNoArgs, async () => {
    const reset = (await deps.sandboxReset?.()) ?? null
    if (reset === null) {
      return failure(describeError('invalid_input', { field: 'sandbox', explanation: 'Only the built-in sandbox can be reset; this app talks to a real licence server. Nothing was changed.' }))
    }
    reset()
    return success(null)
  })

  return () => {
    for (const channel of channels) deps.ipcMain.removeHandler(channel)
  }
}
