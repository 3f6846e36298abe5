import type { BrandInfo } from './brand/brand-info'
import type { Outcome } from './outcome'
import type { Language } from './i18n/languages'
import type { Prefill } from './helpdesk/prefill-link'
import type { PcLicences, PcLicencesRequestInput, SeatCheck, SeatCheckRequest, UserLicences, UserLicencesRequestInput } from './licences-on-pc'
import type { DeactivationRequestInput, LoginMethod, OfflineLoginMethod, OfflineRequest, SsoSignInRequestInput } from './request'

/** Where the hardware id that will be sent came from. */
export type HardwareIdSource = 'machine-id' | 'override'

export interface HardwareIdInfo {
  id: string
  source: HardwareIdSource
  /** How the id was derived, in words a helpdesk agent can repeat. */
  description: string
}

/** The language the app speaks now, and the ones the language menu offers (each named in itself). */
export interface LanguageChoice {
  language: Language
  choices: Language[]
}

/** The language the person picked in the window. */
export interface LanguageRequest {
  language: Language
}

export interface AppInfo {
  /** The product's name as the window shows it: the vendor's (`productName`), else the app's own. */
  name: string
  version: string
  /** e.g. "linux 6.1 (x64)". */
  os: string
  /** The License API base URL in use (never carries credentials). */
  server: string
  /** True when the built-in sandbox serves requests: no real licence is touched. */
  sandbox: boolean
  /** The bundle code from configuration, to prefill the form. */
  defaultProduct: string
  /** Default customer account code for SSO, when the vendor configured one. */
  defaultCustomerAccount: string
  /** The vendor's help page (https), linked under the form; null when none is configured. */
  helpUrl: string | null
  /** The vendor's logo, accent colour and support address (each null when not configured). */
  brand: BrandInfo
}

export interface DeactivationResult {
  product: string
  /**
   * The bundle's products, freed with it, where the app knows them (the vendor's `bundleProducts`
   * setting, or the built-in sandbox's own bundles); null when not known: the License API's answer
   * names none, and nothing else is asked.
   */
  products: string[] | null
  hardwareId: string
  method: LoginMethod
  /** ISO time the server confirmed. */
  at: string
  /** The reference the main process logged this result under (absent where nothing logged it). */
  reference?: string
}

/** The end of the app's log, for the helpdesk (every line already without secrets). */
export interface LogTail {
  /** The folder "Open logs folder" opens. */
  folder: string
  /** The log file's full path. */
  file: string
  /** The last lines, oldest first. */
  lines: string[]
}

/** Progress of a browser sign-in, pushed to the window while it waits. */
export type SsoProgress =
  | { stage: 'opening-browser' }
  | { stage: 'waiting-for-browser'; signInUrl: string; browserOpened: boolean; notOpenedReason?: string }
  | { stage: 'deactivating' }

/** Whether the connection to the License API is being kept warm (false when configured off). */
export interface WarmUpState {
  warming: boolean
}

/** What a request file will free, as the upload screen shows it (never the full licence key). */
/** A field of a request file this app does not know, as the file holds it (made safe to show and cut; a secret-looking one hidden). */
export interface OfflineRequestOtherField {
  name: string
  value: string
}

/**
 * What a request file will free, as the file says it (every text made safe to show): the server
 * judges its signature and content when it is uploaded.
 */
export interface OfflineRequestSummary {
  product: string
  hardwareId: string
  method: OfflineLoginMethod
  /** The licence key masked to its last 4 characters, or the username. */
  licence: string
  /** ISO time the file says it was written; null when its date is in no form the app reads. */
  writtenAt: string | null
  /** The file's date as written, when `writtenAt` is null (empty when the file has none). */
  writtenText: string
  /** The app or SDK that wrote it, e.g. "License Manager 0.1.0", or "not stated". */
  writtenBy: string
  requestId: string
  /** `v2`: the wrapped form, every field signed; `v1`: the older flat form, whose signature covers only the date, the licence key or username, the hardware id and the API key. */
  format: 'v2' | 'v1'
  /** Fields this app does not know (at most MAX_OTHER_FIELDS_SHOWN; the server judges them). */
  otherFields: OfflineRequestOtherField[]
  /** How many more such fields the file has than are listed. */
  otherFieldsNotShown: number
}

/** Most unknown fields of a request file listed in its summary. */
export const MAX_OTHER_FIELDS_SHOWN = 20

/** The outcome of the save dialog: where the file went, or that the person cancelled. */
export type OfflineRequestSaved = { saved: true; path: string; summary: OfflineRequestSummary } | { saved: false }

/** A request file's text, as the window read it (at most 64 KiB). */
export interface OfflineRequestContent {
  content: string
}

export interface OfflineUploadResult {
  summary: OfflineRequestSummary
  /** ISO time the server confirmed. */
  at: string
}

/** The API the preload exposes to the window as `window.licenseManager`. */
/** What the start-up failure screen shows; read without a configured engine. */
export interface StartupFacts {
  name: string
  version: string
  os: string
  /** This PC's id read the default way (the configuration may be what failed), or null when unreadable. */
  hardwareId: HardwareIdInfo | null
}

export interface LicenseManagerApi {
  getAppInfo(): Promise<Outcome<AppInfo>>
  getHardwareId(): Promise<Outcome<HardwareIdInfo>>
  deactivate(input: DeactivationRequestInput): Promise<Outcome<DeactivationResult>>
  /** Runs the browser sign-in, then deactivates with its code or token. */
  deactivateWithSso(input: SsoSignInRequestInput): Promise<Outcome<DeactivationResult>>
  cancelSso(): Promise<Outcome<null>>
  /** The form is shown or its bundle filled in: open the connection ahead of the click (sends nothing to the API). */
  warmUp(): Promise<Outcome<WarmUpState>>
  /** Builds a signed request file for a PC without internet and saves it where the person chooses. */
  saveOfflineRequest(input: OfflineRequest): Promise<Outcome<OfflineRequestSaved>>
  /** Reads a request file and says what it will free; nothing is sent. */
  inspectOfflineRequest(input: OfflineRequestContent): Promise<Outcome<OfflineRequestSummary>>
  /** Uploads a request file to the License API, which frees the seat. */
  uploadOfflineRequest(input: OfflineRequestContent): Promise<Outcome<OfflineUploadResult>>
  /** Returns a function that stops listening. */
  onSsoProgress(listener: (progress: SsoProgress) => void): () => void
  /** The helpdesk link's prefill waiting for the window, once; null when none. */
  takePrefill(): Promise<Outcome<Prefill | null>>
  /** Called when a link arrives while the app runs; returns a function that stops listening. */
  onPrefillArrived(listener: () => void): () => void
  /** Sandbox only: every licence back to its seeded devices. */
  resetSandbox(): Promise<Outcome<null>>
  /** Version, OS and hardware id for the start-up failure screen; answers even when the engine could not start. */
  getStartupFacts(): Promise<Outcome<StartupFacts>>
  /** Opens the vendor's configured help page in the system browser (the window names no address). */
  openHelp(): Promise<Outcome<null>>
  /** Asks the License API what this PC (or the hardware id given) holds: "Licences on this PC". */
  getPcLicences(input: PcLicencesRequestInput): Promise<Outcome<PcLicences>>
  /** After a deactivation made in this window: asks the License API whether the bundle is still active there. */
  checkSeatFree(input: SeatCheckRequest): Promise<Outcome<SeatCheck>>
  /** A user's licences of a bundle (username and password), to pick one when there are several. */
  getUserLicences(input: UserLicencesRequestInput): Promise<Outcome<UserLicences>>
  /** The log's folder and last lines; answers even when the engine could not start. */
  getLogTail(): Promise<Outcome<LogTail>>
  /** Opens the log's folder in the system's file manager. */
  openLogsFolder(): Promise<Outcome<null>>
  /** The language the app speaks and the ones the person may choose; answers even when the engine could not start. */
  getLanguage(): Promise<Outcome<LanguageChoice>>
  /** Switches the app's language for this session (the window's and the main process's dialogs and menu). */
  chooseLanguage(input: LanguageRequest): Promise<Outcome<LanguageChoice>>
}
