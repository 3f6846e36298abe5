import type {
  AppInfo,
  DeactivationResult,
  HardwareIdInfo,
  OfflineRequestSaved,
  OfflineRequestSummary,
  OfflineUploadResult,
  SsoProgress,
  StartupFacts,
  WarmUpState
} from '../../shared/api'
import type { AppError } from '../../shared/errors'
import type { Prefill } from '../../shared/helpdesk/prefill-link'
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
  helpUrl: v.helpUrl
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
  at: v.at
})

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
  writtenBy: v.writtenBy,
  requestId: v.requestId,
  format: v.format
})

export const toOfflineRequestSaved = (v: OfflineRequestSaved): OfflineRequestSaved =>
  v.saved ? { saved: true, path: v.path, summary: toOfflineRequestSummary(v.summary) } : { saved: false }

export const toOfflineUploadResult = (v: OfflineUploadResult): OfflineUploadResult => ({ summary: toOfflineRequestSummary(v.summary), at: v.at })
