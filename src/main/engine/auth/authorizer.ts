import type { Outcome } from '../../../shared/outcome'
import { success } from '../../../shared/outcome'
import type { AuthConfig } from '../config'
import { createHmacSigner } from './hmac'
import { createOAuthTokenSource } from './oauth'

export interface AuthHeaders {
  date: string
  authorization: string
}

/** Supplies the auth headers of each License API call, per the configured scheme. */
export interface Authorizer {
  headers(): Outcome<AuthHeaders> | Promise<Outcome<AuthHeaders>>
  /**
   * Told that the server refused the headers `used` with `code`. Returns true when
   * fresh credentials exist to retry with (OAuth: an expired or malformed token).
   */
  renewAfter(code: string, used: AuthHeaders): boolean
  /** The keys, secrets, tokens and request signatures these headers are made from. */
  secrets(): string[]
  /** Obtains what a call will need ahead of it (OAuth: a token, when none usable is cached). */
  prepare(): Promise<void>
}

const RENEWABLE_CODES = new Set(['oauth_token_expired', 'oauth_token_malformed'])

export function createAuthorizer(auth: AuthConfig, deps: { fetch: typeof fetch; timeoutMs: number; now?: () => number }): Authorizer {
  if (auth.scheme === 'hmac') {
    const signer = createHmacSigner(auth)
    const now = deps.now
    return {
      headers: () => success(signer.headers(now ? new Date(now()) : undefined)),
      renewAfter: () => false,
      secrets: () => [auth.apiKey, auth.sharedKey, ...signer.signatures()],
      prepare: async () => undefined
    }
  }
  const tokens = createOAuthTokenSource({ ...auth, fetch: deps.fetch, timeoutMs: deps.timeoutMs, ...(deps.now ? { now: deps.now } : {}) })
  const clock = deps.now ?? Date.now
  return {
    async headers() {
      const token = await tokens.token()
      if (!token.ok) return token
      return success({ date: new Date(clock()).toUTCString(), authorization: `Bearer ${token.value}` })
    },
    renewAfter(code, used) {
      if (!RENEWABLE_CODES.has(code)) return false
      tokens.invalidate(used.authorization.slice('Bearer '.length))
      return true
    },
    secrets: () => tokens.secrets(),
    async prepare() {
      await tokens.token()
    }
  }
}
