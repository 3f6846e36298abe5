import type {
  AppInfo,
  DeactivationResult,
  HardwareIdInfo,
  LanguageChoice,
  LanguageRequest,
  LicenseManagerApi,
  LogTail,
  OfflineRequestContent,
  OfflineRequestSaved,
  OfflineRequestSummary,
  OfflineUploadResult,
  SsoProgress,
  StartupFacts,
  WarmUpState
} from '../../../src/shared/api'
import type { Prefill } from '../../../src/shared/helpdesk/prefill-link'
import type {
  BundleOnPc,
  PcLicences,
  PcLicencesRequestInput,
  SeatCheck,
  SeatCheckRequest,
  UserLicenceChoice,
  UserLicences,
  UserLicencesRequestInput
} from '../../../src/shared/licences-on-pc'
import type { DeactivationRequestInput, OfflineRequest, SsoSignInRequestInput } from '../../../src/shared/request'
import { NEUTRAL_BRAND } from '../../../src/shared/brand/brand-info'
import { describeError, describeServerError, type AppError } from '../../../src/shared/errors'
import { failure, success, type Outcome } from '../../../src/shared/outcome'

export const APP_INFO: Readonly<AppInfo> = Object.freeze({
  name: 'License Manager',
  version: '0.1.0',
  os: 'linux 6.1 (x64)',
  server: 'http://127.0.0.1:4010/api/v4/',
  sandbox: true,
  defaultProduct: 'office-suite',
  defaultCustomerAccount: 'acme',
  helpUrl: null,
  brand: NEUTRAL_BRAND
})

export const PC_HARDWARE_ID: HardwareIdInfo = {
  id: '3f2a9c0d1e4b5a6978c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2',
  source: 'machine-id',
  description: 'SHA-256 of the operating system’s machine id (/etc/machine-id)'
}

export interface Deferred<T> {
  promise: Promise<T>
  resolve(value: T): void
  reject(reason: unknown): void
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void
  let reject!: (reason: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

export const deactivated = (
  input: { product: string; hardwareId?: string | undefined },
  method: DeactivationResult['method'],
  products: string[] | null = null
): Outcome<DeactivationResult> =>
  success({ product: input.product, products, hardwareId: input.hardwareId ?? PC_HARDWARE_ID.id, method, at: '2025-03-04T10:20:30.000Z' })

export const REQUEST_SUMMARY: OfflineRequestSummary = {
  product: 'office-suite',
  hardwareId: PC_HARDWARE_ID.id,
  method: 'license-key',
  licence: '••••DDDD',
  writtenAt: '2025-03-01T08:00:00.000Z',
  writtenBy: 'License Manager 0.1.0',
  requestId: '6f1c2a9e-3b4d-4e5f-8a7b-1c2d3e4f5a6b',
  format: 'v2',
  writtenText: '',
  otherFields: [],
  otherFieldsNotShown: 0
}

/** office-suite on this PC with a key licence: what the fake's "Licences on this PC" lists by default. */
export const OFFICE_ON_PC: BundleOnPc = {
  licenceId: 1002,
  bundle: 'office-suite',
  bundleName: 'Office Suite',
  products: [
    { code: 'writer', name: 'Writer' },
    { code: 'sheets', name: 'Sheets' }
  ],
  holder: { kind: 'key', maskedKey: '••••-USE' },
  seats: { used: 2, allowed: 5 },
  validUntil: null,
  startDate: null,
  enabled: true,
  active: true,
  expired: false
}

/** A user licence of design-pack, as user_licenses lists it. */
export const userLicence = (licenceId: number, overrides: Partial<UserLicenceChoice> = {}): UserLicenceChoice => ({
  licenceId,
  bundle: 'design-pack',
  bundleName: 'Design Pack',
  products: ['Draw', 'Photo'],
  holder: { kind: 'user', email: 'bob@example.test', customerAccount: null },
  seats: { used: 0, allowed: 1 },
  validUntil: null,
  startDate: null,
  enabled: true,
  active: true,
  expired: false,
  onThisPc: false,
  ...overrides
})

/** A LicenseManagerApi that records every call; each test sets the answers it needs. */
export class FakeApi implements LicenseManagerApi {
  appInfo: Outcome<AppInfo> = success({ ...APP_INFO })
  hardwareId: Outcome<HardwareIdInfo> = success(PC_HARDWARE_ID)
  deactivateAnswer: (input: DeactivationRequestInput) => Promise<Outcome<DeactivationResult>> = async (input) => deactivated(input, methodOf(input))
  ssoAnswer: (input: SsoSignInRequestInput, emit: (progress: SsoProgress) => void) => Promise<Outcome<DeactivationResult>> = async (input) =>
    deactivated(input, input.grant === 'code' ? 'sso-code' : 'sso-token')

  saveAnswer: (input: OfflineRequest) => Promise<Outcome<OfflineRequestSaved>> = async () =>
    success({ saved: true, path: '/home/ann/office-suite-3f2a9c0d-deactivate.req', summary: REQUEST_SUMMARY })
  inspectAnswer: (input: OfflineRequestContent) => Promise<Outcome<OfflineRequestSummary>> = async () => success(REQUEST_SUMMARY)
  uploadAnswer: (input: OfflineRequestContent) => Promise<Outcome<OfflineUploadResult>> = async () =>
    success({ summary: REQUEST_SUMMARY, at: '2025-03-04T10:20:30.000Z' })

  pcLicencesAnswer: (input: PcLicencesRequestInput) => Promise<Outcome<PcLicences>> = async (input) =>
    success({
      hardwareId: input.hardwareId ?? PC_HARDWARE_ID.id,
      source: input.hardwareId === undefined ? 'machine-id' : 'override',
      bundles: [OFFICE_ON_PC],
      checkedAt: '2025-03-04T10:19:00.000Z',
      signatures: 'verified'
    })
  seatCheckAnswer: (input: SeatCheckRequest) => Promise<Outcome<SeatCheck>> = async (input) =>
    success({ ...input, state: 'free', checkedAt: '2025-03-04T10:20:31.000Z', signatures: 'verified' })
  userLicencesAnswer: (input: UserLicencesRequestInput) => Promise<Outcome<UserLicences>> = async (input) =>
    success({ product: input.product, licences: [userLicence(2001, { onThisPc: true })], signatures: 'verified' })

  readonly calls = {
    getPcLicences: [] as PcLicencesRequestInput[],
    checkSeatFree: [] as SeatCheckRequest[],
    getUserLicences: [] as UserLicencesRequestInput[],
    getAppInfo: 0,
    getHardwareId: 0,
    deactivate: [] as DeactivationRequestInput[],
    deactivateWithSso: [] as SsoSignInRequestInput[],
    cancelSso: 0,
    warmUp: 0,
    saveOfflineRequest: [] as OfflineRequest[],
    inspectOfflineRequest: [] as OfflineRequestContent[],
    uploadOfflineRequest: [] as OfflineRequestContent[],
    resetSandbox: 0,
    openHelp: 0,
    getLogTail: 0,
    openLogsFolder: 0
  }
  /** What the next takePrefill answers (then null). */
  prefill: Outcome<Prefill | null> = success(null)
  readonly prefillListeners = new Set<() => void>()
  readonly progressListeners = new Set<(progress: SsoProgress) => void>()

  async getAppInfo(): Promise<Outcome<AppInfo>> {
    this.calls.getAppInfo++
    return this.appInfo
  }
  async getHardwareId(): Promise<Outcome<HardwareIdInfo>> {
    this.calls.getHardwareId++
    return this.hardwareId
  }
  deactivate(input: DeactivationRequestInput): Promise<Outcome<DeactivationResult>> {
    this.calls.deactivate.push(structuredClone(input))
    return this.deactivateAnswer(input)
  }
  deactivateWithSso(input: SsoSignInRequestInput): Promise<Outcome<DeactivationResult>> {
    this.calls.deactivateWithSso.push(structuredClone(input))
    return this.ssoAnswer(input, (progress) => this.emit(progress))
  }
  async cancelSso(): Promise<Outcome<null>> {
    this.calls.cancelSso++
    return success(null)
  }
  async warmUp(): Promise<Outcome<WarmUpState>> {
    this.calls.warmUp++
    return success({ warming: true })
  }
  saveOfflineRequest(input: OfflineRequest): Promise<Outcome<OfflineRequestSaved>> {
    this.calls.saveOfflineRequest.push(structuredClone(input))
    return this.saveAnswer(input)
  }
  inspectOfflineRequest(input: OfflineRequestContent): Promise<Outcome<OfflineRequestSummary>> {
    this.calls.inspectOfflineRequest.push(structuredClone(input))
    return this.inspectAnswer(input)
  }
  uploadOfflineRequest(input: OfflineRequestContent): Promise<Outcome<OfflineUploadResult>> {
    this.calls.uploadOfflineRequest.push(structuredClone(input))
    return this.uploadAnswer(input)
  }
  onSsoProgress(listener: (progress: SsoProgress) => void): () => void {
    this.progressListeners.add(listener)
    return () => this.progressListeners.delete(listener)
  }
  startupFacts: Outcome<StartupFacts> = success({ name: 'License Manager', version: '0.1.0', os: 'linux 6.1.0 (x64)', hardwareId: PC_HARDWARE_ID })
  async getStartupFacts(): Promise<Outcome<StartupFacts>> {
    return this.startupFacts
  }
  openHelpAnswer: Outcome<null> = success(null)
  async openHelp(): Promise<Outcome<null>> {
    this.calls.openHelp++
    return this.openHelpAnswer
  }
  logTail: Outcome<LogTail> = success({
    folder: '/home/ann/.config/License Manager/logs',
    file: '/home/ann/.config/License Manager/logs/main.log',
    lines: ['2025-03-04T10:20:30.000Z info app.start version=0.1.0']
  })
  async getLogTail(): Promise<Outcome<LogTail>> {
    this.calls.getLogTail++
    return this.logTail
  }
  openLogsFolderAnswer: Outcome<null> = success(null)
  async openLogsFolder(): Promise<Outcome<null>> {
    this.calls.openLogsFolder++
    return this.openLogsFolderAnswer
  }
  /** The app's language and the ones offered; `chooseLanguage` switches it when offered. */
  language: LanguageChoice = { language: 'en', choices: ['en', 'de', 'fr', 'es', 'ja'] }
  async getLanguage(): Promise<Outcome<LanguageChoice>> {
    return success({ ...this.language, choices: [...this.language.choices] })
  }
  async chooseLanguage(input: LanguageRequest): Promise<Outcome<LanguageChoice>> {
    if (!this.language.choices.includes(input.language)) return failure(describeError('invalid_input', { field: 'language' }))
    this.language = { ...this.language, language: input.language }
    return this.getLanguage()
  }
  async takePrefill(): Promise<Outcome<Prefill | null>> {
    const prefill = this.prefill
    this.prefill = success(null)
    return prefill
  }
  onPrefillArrived(listener: () => void): () => void {
    this.prefillListeners.add(listener)
    return () => this.prefillListeners.delete(listener)
  }
  /** A helpdesk link arrives while the app runs. */
  arrivePrefill(prefill: Outcome<Prefill | null>): void {
    this.prefill = prefill
    for (const listener of this.prefillListeners) listener()
  }
  getPcLicences(input: PcLicencesRequestInput): Promise<Outcome<PcLicences>> {
    this.calls.getPcLicences.push(structuredClone(input))
    return this.pcLicencesAnswer(input)
  }
  checkSeatFree(input: SeatCheckRequest): Promise<Outcome<SeatCheck>> {
    this.calls.checkSeatFree.push(structuredClone(input))
    return this.seatCheckAnswer(input)
  }
  getUserLicences(input: UserLicencesRequestInput): Promise<Outcome<UserLicences>> {
    this.calls.getUserLicences.push(structuredClone(input))
    return this.userLicencesAnswer(input)
  }
  async resetSandbox(): Promise<Outcome<null>> {
    this.calls.resetSandbox++
    return success(null)
  }
  emit(progress: SsoProgress): void {
    for (const listener of this.progressListeners) listener(progress)
  }

  /** The next deactivation fails with this code (and details), as the server mapper describes it. */
  failWith(code: string, details: Parameters<typeof describeServerError>[1] = {}): void {
    this.failWithError(describeServerError(code, details))
  }
  /** The next deactivation fails with this error. */
  failWithError(error: AppError): void {
    this.deactivateAnswer = async () => failure(error)
    this.ssoAnswer = async () => failure(error)
  }
}

const methodOf = (input: DeactivationRequestInput): DeactivationResult['method'] => input.credentials.method
