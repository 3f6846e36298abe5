import type { LicenseManagerApi, SsoProgress } from '../shared/api'
import { IPC } from '../shared/ipc-channels'
import type { InvokeChannel, IpcContract } from '../shared/ipc-contract'

type ProgressListener = (event: unknown, progress: SsoProgress) => void
type SignalListener = (event: unknown) => void

/** The parts of `ipcRenderer` the bridge uses; never handed to the page itself. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>
  on(channel: string, listener: ProgressListener | SignalListener): unknown
  removeListener(channel: string, listener: ProgressListener | SignalListener): unknown
}

/** `ipcRenderer.invoke` typed by the contract: a channel takes its own payload and answers its own result. */
export const contractInvoke =
  (ipc: IpcRendererLike) =>
  <C extends InvokeChannel>(channel: C, ...payload: Parameters<IpcContract[C]>): ReturnType<IpcContract[C]> =>
    ipc.invoke(channel, ...payload) as ReturnType<IpcContract[C]>

/**
 * Builds `window.licenseManager`: one named function per call, each sending its
 * one payload on its own channel. The page gets results and progress values, never
 * the IPC event or `ipcRenderer`.
 */
export function createLicenseManagerApi(ipc: IpcRendererLike): LicenseManagerApi {
  const invoke = contractInvoke(ipc)
  return {
    getAppInfo: () => invoke(IPC.getAppInfo),
    getHardwareId: () => invoke(IPC.getHardwareId),
    deactivate: (input) => invoke(IPC.deactivate, input),
    deactivateWithSso: (input) => invoke(IPC.deactivateWithSso, input),
    cancelSso: () => invoke(IPC.cancelSso),
    warmUp: () => invoke(IPC.warmUp),
    saveOfflineRequest: (input) => invoke(IPC.saveOfflineRequest, input),
    inspectOfflineRequest: (input) => invoke(IPC.inspectOfflineRequest, input),
    uploadOfflineRequest: (input) => invoke(IPC.uploadOfflineRequest, input),
    onSsoProgress: (listener) => {
      if (typeof listener !== 'function') throw new TypeError('onSsoProgress needs a function.')
      const relay: ProgressListener = (_event, progress) => listener(progress)
      ipc.on(IPC.ssoProgress, relay)
      return () => {
        ipc.removeListener(IPC.ssoProgress, relay)
      }
    },
    takePrefill: () => invoke(IPC.takePrefill),
    onPrefillArrived: (listener) => {
      if (typeof listener !== 'function') throw new TypeError('onPrefillArrived needs a function.')
      const relay: SignalListener = () => listener()
      ipc.on(IPC.prefillArrived, relay)
      return () => {
        ipc.removeListener(IPC.prefillArrived, relay)
      }
    },
    resetSandbox: () => invoke(IPC.resetSandbox),
    getStartupFacts: () => invoke(IPC.getStartupFacts),
    openHelp: () => invoke(IPC.openHelp),
    getPcLicences: (input) => invoke(IPC.getPcLicences, input),
    checkSeatFree: (input) => invoke(IPC.checkSeatFree, input),
    getUserLicences: (input) => invoke(IPC.getUserLicences, input),
    getLogTail: () => invoke(IPC.getLogTail),
    openLogsFolder: () => invoke(IPC.openLogsFolder),
    getLanguage: () => invoke(IPC.getLanguage),
    chooseLanguage: (input) => invoke(IPC.chooseLanguage, input)
  }
}
