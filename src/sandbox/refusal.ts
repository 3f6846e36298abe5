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

/** Server messages, in the seed page's words where it gives them. */
export const MESSAGES = {
  unknown_product: 'Provided product was not found',
  product_not_bundle: (product: string) => `Specified product "${product}" is not a bundle`,
  license_not_found_key: 'License with the provided license key not found',
  license_not_found_user: 'License with the provided license user not found',
  license_not_active: 'The license is not active',
  device_not_found: 'An active device matching the hardware_id not found',
  missing_headers: 'Some headers are missing',
  license_not_enabled: 'The license is disabled',
  disabled_product: 'The product is disabled',
  archived_product: 'The product is archived',
  api_key_product_not_allowed: 'The API key has no access to this product',
  license_activated_max_times: 'The license has reached its maximum number of activations',
  customer_account_not_found: 'Customer account with the provided code not found',
  sso_not_enabled: 'Single sign-on is not enabled for this customer account',
  sso_user_not_found: 'No license of this product belongs to the signed-in user'
} as const

/** A result or the refusal to answer with (the shape SsoAuthority answers use too). */
export type Answer<T> = { ok: true; value: T } | { ok: false; refusal: Refusal }

export const accept = <T>(value: T): Answer<T> => ({ ok: true, value })
export const reject = (refusal: Refusal): { ok: false; refusal: Refusal } => ({ ok: false, refusal })
