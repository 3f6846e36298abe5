/**
 * Independent statements of what the License API may accept (license-api.md §4, §5), written
 * from the documentation rather than from the sandbox's code, so a test can tell when the
 * sandbox or the engine lets through something it must not.
 */

const STRING_FIELDS = ['hardware_id', 'product', 'license_key', 'username', 'password', 'id_token', 'code', 'customer_account_code', 'sdk_ver']
const ACTIVATION_METADATA = ['is_vm', 'vm_info', 'os_ver', 'hostname', 'os_hostname', 'ip', 'ip_local', 'app_ver', 'mac_address', 'variables']

const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== ''

/**
 * True when a deactivate_bundle / activate_bundle body is well formed: a JSON object of known
 * fields with the documented types, hardware_id and product, and exactly one credential set.
 * (`null` counts as absent; length limits are the server's own choice and are not judged here.)
 */
export function isWellFormedBundleBody(body: unknown, action: 'activate' | 'deactivate'): boolean {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false
  const fields = new Map(Object.entries(body).filter(([, v]) => v !== null))
  const known = new Set([...STRING_FIELDS, 'license_id', ...(action === 'activate' ? ACTIVATION_METADATA : [])])
  for (const [name, value] of fields) {
    if (!known.has(name)) return false
    if (STRING_FIELDS.includes(name) && !isText(value)) return false
    if (name === 'license_id' && !(typeof value === 'number' && Number.isSafeInteger(value) && value > 0)) return false
    if (name === 'is_vm' && typeof value !== 'boolean') return false
    if (name === 'variables' && (typeof value !== 'object' || Array.isArray(value))) return false
    if (ACTIVATION_METADATA.includes(name) && !['is_vm', 'variables'].includes(name) && !isText(value)) return false
  }
  if (!fields.has('hardware_id') || !fields.has('product')) return false
  const has = (name: string) => fields.has(name)
  const sets = [
    has('license_key') && !has('username') && !has('password') && !has('id_token') && !has('code') && !has('customer_account_code'),
    has('username') && (has('password') || action === 'deactivate') && !has('license_key') && !has('id_token') && !has('code') && !has('customer_account_code'),
    has('id_token') && has('customer_account_code') && !has('license_key') && !has('username') && !has('password') && !has('code'),
    has('code') && has('customer_account_code') && !has('license_key') && !has('username') && !has('password') && !has('id_token')
  ]
  return sets.filter(Boolean).length === 1
}

/** The Date window of the License API: 15 minutes either way of the server clock. */
export const DATE_WINDOW_MS = 15 * 60 * 1000

export function dateWithinWindow(date: string, serverNow: number): boolean {
  const parsed = Date.parse(date)
  return Number.isFinite(parsed) && Math.abs(parsed - serverNow) <= DATE_WINDOW_MS
}

/** Codes the License API uses for a refused Authorization or Date header (license-api.md §2). */
export const AUTHORIZATION_CODES = new Set([
  'missing_headers',
  'authorization_invalid_headers',
  'authorization_missing_params',
  'hmac_required',
  'invalid_api_key',
  'revoked_api_key',
  'read_only_api_key',
  'date_header_diff',
  'signature_mismatch',
  'oauth_token_expired',
  'oauth_token_malformed'
])
