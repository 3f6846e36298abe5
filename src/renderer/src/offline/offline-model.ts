import type { OfflineRequestInput } from '../../../shared/api'
import { validateOfflineRequest, type OfflineLoginMethod } from '../../../shared/offline-validation'
import type { HardwareReading } from '../form-model'
import { HARDWARE_LOADING_MESSAGE, HARDWARE_REQUIRED_MESSAGE } from '../form-model'

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

const NOTHING_WRITTEN = / Nothing was (written|sent)\.$/

/**
 * Checks the form with the engine's own rules (validateOfflineRequest) and returns the
 * input for saveOfflineRequest, or the message per field at fault.
 */
export function prepareOfflineRequest(values: OfflineFormValues, hardware: HardwareReading): { ok: true; input: OfflineRequestInput } | { ok: false; errors: OfflineFieldErrors } {
  const errors: OfflineFieldErrors = {}
  const override = values.hardwareIdOverride.trim() !== ''
  let hardwareId = values.hardwareIdOverride
  if (!override) {
    if (hardware.status === 'ready') hardwareId = hardware.info.id
    else errors.hardwareIdOverride = hardware.status === 'loading' ? HARDWARE_LOADING_MESSAGE : HARDWARE_REQUIRED_MESSAGE
  }
  const credential: { licenseKey: string } | { username: string } =
    values.method === 'license-key' ? { licenseKey: values.licenseKey } : { username: values.username }
  // Every field is checked: a field found at fault is replaced by a valid stand-in and the rest checked again.
  const checked: Record<string, string> = { product: values.product, hardwareId: errors.hardwareIdOverride ? 'x' : hardwareId, ...credential }
  for (let round = 0; round < OFFLINE_FIELD_ORDER.length + 1; round++) {
    const outcome = validateOfflineRequest(checked)
    if (outcome.ok) break
    const field = outcome.error.field === 'credentials' ? (values.method === 'license-key' ? 'licenseKey' : 'username') : outcome.error.field
    const formField = field === undefined ? undefined : FORM_FIELD[field]
    if (formField === undefined || field === undefined) break
    errors[formField] ??= outcome.error.explanation.replace(NOTHING_WRITTEN, '')
    checked[field] = 'x'
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors }
  const input: OfflineRequestInput = { product: values.product, ...credential }
  if (override) input.hardwareId = values.hardwareIdOverride
  return { ok: true, input }
}
