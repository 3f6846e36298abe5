import type { AppError } from '../shared/errors'

/** The CLI's exit codes (documented in --help). */
export const EXIT = {
  success: 0,
  unexpected: 1,
  invalid: 2,
  refused: 3,
  network: 4,
  ssoIncomplete: 5
} as const

/** Errors raised before anything is sent: bad input, bad configuration, no hardware id, busy, an unusable request file. */
const BEFORE_SEND = new Set([
  'invalid_input',
  'config_invalid',
  'hardware_id_unavailable',
  'busy',
  'offline_file_too_large',
  'offline_file_wrong_type',
  'offline_file_truncated',
  'offline_file_tampered',
  'offline_save_failed'
])

/** The browser sign-in ended without a code or token (the server was not asked to deactivate). */
const SSO_FLOW = new Set([
  'sso_cancelled',
  'sso_timeout',
  'sso_replaced',
  'sso_state_mismatch',
  'sso_access_denied',
  'sso_provider_error',
  'sso_invalid_callback',
  'sso_port_in_use',
  'sso_redirect_not_loopback',
  'sso_browser_failed',
  'sso_unsafe_url'
])

export function exitCodeFor(error: Pick<AppError, 'code' | 'family'>): number {
  if (error.code === 'app_internal_error') return EXIT.unexpected
  if (BEFORE_SEND.has(error.code)) return EXIT.invalid
  if (error.family === 'network') return EXIT.network
  if (SSO_FLOW.has(error.code)) return EXIT.ssoIncomplete
  // Every other code is an answer of the License API (or its OAuth token server).
  return EXIT.refused
}
