import type {
  AppInfo,
  DeactivationResult,
  HardwareIdInfo,
  LanguageChoice,
  LanguageRequest,
  LogTail,
  OfflineRequestContent,
  OfflineRequestSaved,
  OfflineRequestSummary,
  OfflineUploadResult,
  StartupFacts,
  WarmUpState
} from './api'
import type { Prefill } from './helpdesk/prefill-link'
import type { PcLicences, PcLicencesRequestInput, SeatCheck, SeatCheckRequest, UserLicences, UserLicencesRequestInput } from './licences-on-pc'
import { IPC } from './ipc-channels'
import type { DeactivationRequestInput, OfflineRequest, SsoSignInRequestInput } from './request'
import type { Outcome } from './outcome'

/**
 * Every call the window makes, by channel: what it sends and what it gets back. The preload's
 * `invoke` and the shell's `register` are typed by this one map, so a channel paired with
 * another call's payload or result does not compile.
 */
export interface IpcContract {
  [IPC.getAppInfo]: () => Promise<Outcome<AppInfo>>
  [IPC.getHardwareId]: () => Promise<Outcome<HardwareIdInfo>>
  [IPC.deactivate]: (input: DeactivationRequestInput) => Promise<Outcome<DeactivationResult>>
  [IPC.deactivateWithSso]: (input: SsoSignInRequestInput) => Promise<Outcome<DeactivationResult>>
  [IPC.cancelSso]: () => Promise<Outcome<null>>
  [IPC.warmUp]: () => Promise<Outcome<WarmUpState>>
  [IPC.saveOfflineRequest]: (input: OfflineRequest) => Promise<Outcome<OfflineRequestSaved>>
  [IPC.inspectOfflineRequest]: (input: OfflineRequestContent) => Promise<Outcome<OfflineRequestSummary>>
  [IPC.uploadOfflineRequest]: (input: OfflineRequestContent) => Promise<Outcome<OfflineUploadResult>>
  [IPC.takePrefill]: () => Promise<Outcome<Prefill | null>>
  [IPC.resetSandbox]: () => Promise<Outcome<null>>
  [IPC.getStartupFacts]: () => Promise<Outcome<StartupFacts>>
  [IPC.openHelp]: () => Promise<Outcome<null>>
  [IPC.getPcLicences]: (input: PcLicencesRequestInput) => Promise<Outcome<PcLicences>>
  [IPC.checkSeatFree]: (input: SeatCheckRequest) => Promise<Outcome<SeatCheck>>
  [IPC.getUserLicences]: (input: UserLicencesRequestInput) => Promise<Outcome<UserLicences>>
  [IPC.getLogTail]: () => Promise<Outcome<LogTail>>
  [IPC.openLogsFolder]: () => Promise<Outcome<null>>
  [IPC.getLanguage]: () => Promise<Outcome<LanguageChoice>>
  [IPC.chooseLanguage]: (input: LanguageRequest) => Promise<Outcome<LanguageChoice>>
}

/** The channels the window invokes (progress and arrived links are pushed on their own channels, not invoked). */
export type InvokeChannel = keyof IpcContract

/** What a channel's call sends: its one payload, or null for a call that takes none. */
export type PayloadOf<C extends InvokeChannel> = Parameters<IpcContract[C]> extends [infer P] ? P : null

/** What a channel's call answers when it succeeds. */
export type ValueOf<C extends InvokeChannel> = Awaited<ReturnType<IpcContract[C]>> extends Outcome<infer T> ? T : never
