import { ERROR_CATALOGUE, type KnownErrorCode } from '../shared/errors'

/** An error answer of the License API: exactly the documented envelope. */
export interface Refusal {
  status: number
  code: string
  message: string
}

/** Builds a refusal for a catalogued code; the status comes from the catalogue unless given. */
export const refuse = (code: KnownErrorCode, message: string, status?: number): Refusal => ({
  status: status ?? ERROR_CATALOGUE[code].status,
  code,
  message
})

/** A refusal with a code the vendor documents for a call this app does not make (so the catalogue has no entry for it). */
export const refuseDocumented = (code: 'invalid_product_auth_method' | 'customer_does_not_exist', status: number, message: string): Refusal => ({
  status,
  code,
  message
})

/**
 * Server messages: the seed page's words, else the vendor's error tables' (license-api.md §2–§4),
 * else the sandbox's own (marked) where the docs give none.
 */
export const MESSAGES = {
  unknown_product: 'Provided product was not found',
  product_not_bundle: (product: string) => `Specified product "${product}" is not a bundle`,
  license_not_found_key: 'License with the provided license key not found',
  license_not_found_user: 'License with the provided license user not found',
  license_not_active: 'The license is not active',
  device_not_found: 'An active device matching the hardware_id not found',
  missing_headers: 'Some headers are missing',
  missing_parameters: (names: readonly string[]) => `Some parameters are missing in the request: ${names.join(', ')}`,
  missing_hardware_id: 'hardware_id missing in the request',
  license_key_required: 'license_key is missing from the request',
  license_not_enabled: 'The license is not enabled',
  disabled_product: 'Provided product is disabled.',
  archived_product: 'Provided product is archived.',
  license_activated_max_times: 'license is already activated max number of times',
  authorization_invalid_headers: 'invalid headers value in authorization',
  authorization_missing_params: (names: readonly string[]) => `Some parameters are missing in the authorization: ${names.join(', ')}`,
  hmac_required: 'hmac is required algorithm',
  invalid_api_key: 'provided api key is not valid',
  signature_mismatch: 'signature mismatch',
  // The device-variables pages' exceptions table ("blacklisted (400): This device is blacklisted").
  blacklisted: 'This device is blacklisted',
  // The docs name these codes but print no message for them: the sandbox's words.
  api_key_product_not_allowed: 'The API key has no access to this product',
  customer_account_not_found: 'Customer account with the provided code not found',
  // Sandbox-only codes (the docs name none for these cases).
  license_expired: 'The license has expired',
  sso_not_enabled: 'Single sign-on is not enabled for this customer account',
  sso_user_not_found: 'No license of this product belongs to the signed-in user',
  sso_token_used: 'The token was already used',
  // The reads (§10): the docs' words where they give any.
  invalid_product_auth_method: (method: string) => `Product authorization method is invalid: ${method}.`,
  customer_does_not_exist: 'Customer does not exist',
  unknown_parameters: (names: readonly string[]) => `Unknown parameter${names.length > 1 ? 's' : ''}: ${names.map((n) => `"${n}"`).join(', ')}`
} as const

/** A result or the refusal to answer with (the shape SsoAuthority answers use too). */
export type Answer<T> = { ok: true; value: T } | { ok: false; refusal: Refusal }

export const accept = <T>(value: T): Answer<T> => ({ ok: true, value })
export const reject = (refusal: Refusal): { ok: false; refusal: Refusal } => ({ ok: false, refusal })
