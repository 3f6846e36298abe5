import type {
  AppInfo,
  DeactivationResult,
  HardwareIdInfo,
  LogTail,
  OfflineRequestSaved,
  OfflineRequestSummary,
  OfflineUploadResult,
  SsoProgress,
  StartupFacts,
  WarmUpState
} from '../../shared/api'
import type { BrandInfo } from '../../shared/brand/brand-info'
import type { AppError } from '../../shared/errors'
import type { Prefill } from '../../shared/helpdesk/prefill-link'
import type { LicenceFacts, LicenceHolder, PcLicences, SeatCheck, UserLicences } from '../../shared/licences-on-pc'
import type { Outcome } from '../../shared/outcome'

/*
 * What leaves the main process is rebuilt field by field from the contract in
 * src/shared/api.ts, so a value the engine happens to carry (a request echo, a
 * token, a key) cannot ride along to the window by accident.
 */

export function toAppError(error: AppError): AppError {
  const out: AppError = {
    code: error.code,
    family: error.family,
    status: error.status,
    title: error.title,
    explanation: error.explanation,
    action: error.action
  }
  if (error.serverMessage !== undefined) out.serverMessage = error.serverMessage
  if (error.field !== undefined) out.field = error.field
  if (error.networkCause !== undefined) out.networkCause = error.networkCause
  if (error.reference !== undefined) out.reference = error.reference
  if (error.networkWorks === true) out.networkWorks = true
  return out
}

export function projectOutcome<T>(outcome: Outcome<T>, project: (value: T) => T): Outcome<T> {
  return outcome.ok ? { ok: true, value: project(outcome.value) } : { ok: false, error: toAppError(outcome.error) }
}

export const toAppInfo = (v: AppInfo): AppInfo => ({
  name: v.name,
  version: v.version,
  os: v.os,
  server: v.server,
  sandbox: v.sandbox,
  defaultProduct: v.defaultProduct,
  defaultCustomerAccount: v.defaultCustomerAccount,
  helpUrl: v.helpUrl,
  brand: toBrandInfo(v.brand)
})

export const toBrandInfo = (v: BrandInfo): BrandInfo => ({
  accent:
    v.accent === null
      ? null
      : { light: { colour: v.accent.light.colour, text: v.accent.light.text }, dark: { colour: v.accent.dark.colour, text: v.accent.dark.text } },
  logo: v.logo,
  support: v.support === null ? null : v.support.kind === 'email' ? { kind: 'email', address: v.support.address } : { kind: 'web', address: v.support.address }
})

export function toPrefill(v: Prefill): Prefill {
  const out: Prefill = {}
  if (v.product !== undefined) out.product = v.product
  if (v.method !== undefined) out.method = v.method
  if (v.account !== undefined) out.account = v.account
  return out
}

export const toHardwareIdInfo = (v: HardwareIdInfo): HardwareIdInfo => ({ id: v.id, source: v.source, description: v.description })

export const toStartupFacts = (v: StartupFacts): StartupFacts => ({
  name: v.name,
  version: v.version,
  os: v.os,
  hardwareId: v.hardwareId === null ? null : toHardwareIdInfo(v.hardwareId)
})

export const toDeactivationResult = (v: DeactivationResult): DeactivationResult => ({
  product: v.product,
  products: v.products === null ? null : v.products.map(String),
  hardwareId: v.hardwareId,
  method: v.method,
  at: v.at,
  ...(v.reference === undefined ? {} : { reference: v.reference })
})

export const toLogTail = (v: LogTail): LogTail => ({ folder: v.folder, file: v.file, lines: v.lines.map(String) })

export const toNull = (): null => null

export const toWarmUpState = (v: WarmUpState): WarmUpState => ({ warming: v.warming })

export function toSsoProgress(p: SsoProgress): SsoProgress {
  switch (p.stage) {
    case 'opening-browser':
      return { stage: 'opening-browser' }
    case 'waiting-for-browser':
      return {
        stage: 'waiting-for-browser',
        signInUrl: p.signInUrl,
        browserOpened: p.browserOpened,
        ...(typeof p.notOpenedReason === 'string' ? { notOpenedReason: p.notOpenedReason } : {})
      }
    case 'deactivating':
      return { stage: 'deactivating' }
  }
}

export const toOfflineRequestSummary = (v: OfflineRequestSummary): OfflineRequestSummary => ({
  product: v.product,
  hardwareId: v.hardwareId,
  method: v.method,
  licence: v.licence,
  writtenAt: v.writtenAt,
  writtenText: v.writtenText,
  writtenBy: v.writtenBy,
  requestId: v.requestId,
  format: v.format,
  otherFields: v.otherFields.map((f) => ({ name: f.name, value: f.value })),
  otherFieldsNotShown: v.otherFieldsNotShown
})

export const toOfflineRequestSaved = (v: OfflineRequestSaved): OfflineRequestSaved =>
  v.saved ? { saved: true, path: v.path, summary: toOfflineRequestSummary(v.summary) } : { saved: false }

export const toOfflineUploadResult = (v: OfflineUploadResult): OfflineUploadResult => ({ summary: toOfflineRequestSummary(v.summary), at: v.at })

const toHolder = (h: LicenceHolder): LicenceHolder =>
  h.kind === 'key' ? { kind: 'key', maskedKey: h.maskedKey } : { kind: 'user', email: h.email, customerAccount: h.customerAccount }

const toFacts = (v: LicenceFacts): LicenceFacts => ({
  licenceId: v.licenceId,
  holder: toHolder(v.holder),
  seats: v.seats === null ? null : { used: v.seats.used, allowed: v.seats.allowed },
  validUntil: v.validUntil,
  startDate: v.startDate,
  enabled: v.enabled,
  active: v.active,
  expired: v.expired
})

export const toPcLicences = (v: PcLicences): PcLicences => ({
  hardwareId: v.hardwareId,
  source: v.source,
  bundles: v.bundles.map((b) => ({
    ...toFacts(b),
    bundle: b.bundle,
    bundleName: b.bundleName,
    products: b.products.map((p) => ({ code: p.code, name: p.name }))
  })),
  checkedAt: v.checkedAt,
  signatures: v.signatures
})

export const toSeatCheck = (v: SeatCheck): SeatCheck => ({
  product: v.product,
  hardwareId: v.hardwareId,
  state: v.state,
  checkedAt: v.checkedAt,
  signatures: v.signatures
})

export const toUserLicences = (v: UserLicences): UserLicences => ({
  product: v.product,
  licences: v.licences.map((l) => ({
    ...toFacts(l),
    bundle: l.bundle,
    bundleName: l.bundleName,
    products: l.products === null ? null : l.products.map(String),
    onThisPc: l.onThisPc
  })),
  signatures: v.signatures
})
