import { isKnownErrorCode } from './describe'
import type { KnownErrorCode } from './catalogue'

/**
 * The catalogue's codes whose "what to do" sends the person to the software vendor (its support,
 * or the vendor to change something): with these the window and the command line add the
 * vendor's support address, when one is configured. Codes, not words, so the list holds in every
 * language; a test keeps it equal to the entries whose English action names the vendor.
 */
export const VENDOR_CONTACT_CODES: ReadonlySet<KnownErrorCode> = new Set<KnownErrorCode>([
  'license_not_active',
  'missing_headers',
  'authorization_invalid_headers',
  'authorization_missing_params',
  'hmac_required',
  'invalid_api_key',
  'revoked_api_key',
  'read_only_api_key',
  'api_key_product_not_allowed',
  'signature_mismatch',
  'oauth_token_expired',
  'oauth_token_malformed',
  'oauth_token_request_failed',
  'invalid_json',
  'internal_error',
  'disabled_product',
  'archived_product',
  'license_not_enabled',
  'blacklisted',
  'license_expired',
  'sso_redirect_uri_mismatch',
  'empty_error_body',
  'non_json_error_body',
  'response_too_large',
  'response_signature_invalid',
  'config_invalid',
  'ipc_forbidden',
  'app_internal_error',
  'offline_request_schema_too_old',
  'sso_redirect_not_loopback',
  'sso_unsafe_url'
])

/** True when the error's advice sends the person to the vendor: a listed code, or a code the app does not know (its advice is to contact the vendor's support). */
export const sendsToVendor = (code: string): boolean => !isKnownErrorCode(code) || VENDOR_CONTACT_CODES.has(code)
