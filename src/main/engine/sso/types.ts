import type { SsoProgress } from '../../../shared/api'
import type { SsoGrant } from '../../../shared/request'
import type { Outcome } from '../../../shared/outcome'
import type { HttpSignInOrigins } from '../external-url'

/**
 * What a completed browser sign-in yields; held only until the deactivation call. A code comes with
 * the redirect URI it was issued for (`redirectUri`), which the License API needs to redeem it, and
 * `portChosen` when that URI's port is one the app chose (the vendor registered none).
 */
export type SsoCredential = { kind: 'code'; code: string; redirectUri?: string; portChosen?: true } | { kind: 'token'; idToken?: string; accessToken?: string }

export interface SsoSignInQuery {
  product: string
  customerAccountCode: string
  grant: SsoGrant
  /** Adds `prompt=login` (OpenID Connect Core §3.1.2.1): the provider signs in afresh, never silently. */
  freshSignIn?: boolean
}

/**
 * `openExternal` rejects with this when it chose not to open the browser for a reason
 * the user should read (in plain words); the window then offers the link to copy.
 */
export class BrowserNotOpenedError extends Error {
  override readonly name = 'BrowserNotOpenedError'
  constructor(readonly reason: string) {
    super(reason)
  }
}

export interface SsoBrowserFlowDeps {
  /**
   * Asks the License API (GET sso_url, signed) for the provider's authorize URL and, when it gives it,
   * the provider's discovery document; with `redirectUri`, for that exact redirect (the app's chosen
   * loopback port).
   */
  requestSsoUrl(query: SsoSignInQuery & { redirectUri?: string }): Promise<Outcome<{ url: string; openidConfiguration?: Record<string, unknown> | null }>>
  /** Opens the system browser; rejects when it cannot. The flow vets the URL first. */
  openExternal: (url: string) => Promise<void>
  timeoutMs: number
  /** Where an `http:` sign-in page may be: none (default, `https:` only), these loopback origins, or any on this PC. */
  httpSignInOrigins?: HttpSignInOrigins
}

export interface SsoBrowserFlow {
  /** Runs one sign-in; a new call replaces (and ends with `sso_replaced`) any running one. */
  signIn(query: SsoSignInQuery, onProgress: (progress: SsoProgress) => void): Promise<Outcome<SsoCredential>>
  /** Ends the running sign-in with `sso_cancelled`; a no-op when none runs. */
  cancel(): void
}
