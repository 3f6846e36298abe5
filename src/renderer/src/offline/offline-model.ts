import { offlineRequestSchema, type OfflineLoginMethod, type OfflineRequest } from '../../../shared/request'
import { requestIssues } from '../../../shared/validation'
import type { HardwareReading } from '../form-model'
import { hardwareLoadingMessage, hardwareRequiredMessage } from '../form-model'

export interface OfflineFormValues {
  method: OfflineLoginMethod
  product: string
  licenseKey: string
  username: string
  hardwareIdOverride: string
}

export type OfflineField = Exclude<keyof OfflineFormValues, 'method'>
export type OfflineFieldErrors = Partial<Record<OfflineField, string>>

/** What the online form hands over when a deactivation could not reach the server. */
export type OfflinePrefill = Partial<OfflineFormValues>

export const OFFLINE_FIELD_ORDER: readonly OfflineField[] = ['product', 'licenseKey', 'username', 'hardwareIdOverride']

const FORM_FIELD: Record<string, OfflineField> = {
  product: 'product',
  licenseKey: 'licenseKey',
  username: 'username',
  hardwareId: 'hardwareIdOverride'
}

export function initialOfflineValues(defaultProduct: string, prefill: OfflinePrefill = {}): OfflineFormValues {
  return { method: 'license-key', product: defaultProduct, licenseKey: '', username: '', hardwareIdOverride: '', ...prefill }
}

/**
 * Checks the form with the request schema the engine uses, every field at once, and returns the
 * request for saveOfflineRequest, or the message per field at fault.
 */
export function prepareOfflineRequest(
  values: OfflineFormValues,
  hardware: HardwareReading
): { ok: true; input: OfflineRequest } | { ok: false; errors: OfflineFieldErrors } {
  const errors: OfflineFieldErrors = {}
  const override = values.hardwareIdOverride.trim() !== ''
  let hardwareId: string | undefined = values.hardwareIdOverride
  if (!override) {
    hardwareId = hardware.status === 'ready' ? hardware.info.id : undefined
    if (hardware.status !== 'ready') errors.hardwareIdOverride = hardware.status === 'loading' ? hardwareLoadingMessage() : hardwareRequiredMessage()
  }
  const credentialField = values.method === 'license-key' ? 'licenseKey' : 'username'
  // An empty field gives no credentials at all: the schema then asks for the licence key or the username.
  const credentials = values[credentialField] === '' ? undefined : { method: values.method, [credentialField]: values[credentialField] }
  const parsed = offlineRequestSchema.safeParse({ product: values.product, ...(hardwareId === undefined ? {} : { hardwareId }), credentials })
  if (!parsed.success) {
    for (const issue of requestIssues(parsed.error.issues)) {
      const field = issue.field === 'credentials' ? credentialField : FORM_FIELD[issue.field]
      if (field !== undefined) errors[field] ??= issue.message
    }
  }
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors }
  // This PC's own id is left for the engine to read; only an override travels with the request.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- dropped from the request on purpose
  const { hardwareId: _checked, ...withoutPcId } = parsed.data
  return { ok: true, input: override ? parsed.data : withoutPcId }
}
