import { describeError } from './errors'
import { failure, success, type Outcome } from './outcome'
import { validateTextField } from './validation'

/** Largest request file accepted anywhere (window, engine, CLI, sandbox), checked before anything is decoded. */
export const MAX_REQUEST_FILE_BYTES = 64 * 1024

/** Login methods a request file can carry; the SSO methods need the identity provider online. */
export type OfflineLoginMethod = 'license-key' | 'user'

type OfflineCredentials = { method: 'license-key'; licenseKey: string } | { method: 'user'; username: string }

/** A validated offline deactivation request, before it becomes a request file. */
export interface OfflineDraft {
  product: string
  hardwareId: string
  credentials: OfflineCredentials
}

const given = (v: unknown) => v !== undefined && v !== null && v !== ''

function invalidCredentials(explanation: string): Outcome<never> {
  return failure(describeError('invalid_input', { field: 'credentials', explanation: `${explanation} Nothing was written.` }))
}

/**
 * The same field rules as an online deactivation; exactly one of licence key or username,
 * and no password: a request file never carries one.
 */
export function validateOfflineRequest(raw: unknown): Outcome<OfflineDraft> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return failure(describeError('invalid_input', { field: 'request', explanation: 'The request is not an object. Nothing was written.' }))
  }
  const input = raw as Record<string, unknown>
  const product = validateTextField('product', input['product'])
  if (!product.ok) return product
  const hardwareId = validateTextField('hardwareId', input['hardwareId'])
  if (!hardwareId.ok) return hardwareId
  const hasKey = given(input['licenseKey'])
  const hasUser = given(input['username'])
  if (hasKey === hasUser) {
    return invalidCredentials(hasKey ? 'Give a licence key or a username, not both.' : 'Give the licence key or the username of the licence.')
  }
  if (hasKey) {
    const licenseKey = validateTextField('licenseKey', input['licenseKey'])
    if (!licenseKey.ok) return licenseKey
    return success({ product: product.value, hardwareId: hardwareId.value, credentials: { method: 'license-key', licenseKey: licenseKey.value } })
  }
  const username = validateTextField('username', input['username'])
  if (!username.ok) return username
  return success({ product: product.value, hardwareId: hardwareId.value, credentials: { method: 'user', username: username.value } })
}

/** A licence key shown as its last 4 characters only; a key of 4 or fewer is hidden whole. */
export function maskLicenseKey(licenseKey: string): string {
  const visible = licenseKey.length > 4 ? licenseKey.slice(-4) : ''
  return `••••${visible}`
}
