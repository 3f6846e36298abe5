import { describeError, whileAsking } from '../../../shared/errors'
import { t } from '../../../shared/i18n/current'
import { failure, success, type Outcome } from '../../../shared/outcome'
import { mapIntermediaryAnswer, mapOversizedAnswer } from '../errors/map-response'
import { mapTransportError } from '../errors/map-transport'
import { readBoundedText } from '../http/bounded-response'

export interface OAuthClientCredentials {
  tokenUrl: string
  clientId: string
  clientSecret: string
}

export interface OAuthTokenSourceDeps extends OAuthClientCredentials {
  fetch: typeof fetch
  timeoutMs: number
  /** Milliseconds since the epoch (tests move it). */
  now?: () => number
}

export interface OAuthTokenSource {
  /** A usable access token: the cached one, or a fresh one (concurrent callers share one fetch). */
  token(): Promise<Outcome<string>>
  /** Forgets the cached token (only if it is still `token`, when given), so the next call fetches anew. */
  invalidate(token?: string): void
  /** The client secret and the tokens issued lately: what an echoing server must never get to show. */
  secrets(): string[]
}

/** Tokens remembered for secrets(): more than one call can be in flight around a renewal. */
const REMEMBERED_TOKENS = 4

/** When no `expires_in` is given, trust a token this long. */
const DEFAULT_LIFETIME_S = 60
/** Renew this much before expiry, at most. */
const MAX_RENEW_MARGIN_MS = 30_000
/** A bound on the work done on a message; the service cuts it to its shown length once secrets are removed. */
const MAX_SERVER_MESSAGE = 64 * 1024

function tokenRequestFailed(status: number, serverMessage?: string): Outcome<never> {
  return failure(
    describeError(
      'oauth_token_request_failed',
      serverMessage === undefined ? { status } : { status, serverMessage: serverMessage.slice(0, MAX_SERVER_MESSAGE) }
    )
  )
}

/** The OAuth error fields of a refusal (RFC 6749 §5.2), which never carry the secret. */
function oauthErrorText(body: string): string | undefined {
  try {
    const parsed = JSON.parse(body) as { error?: unknown; error_description?: unknown }
    const parts = [parsed.error, parsed.error_description].filter((p): p is string => typeof p === 'string' && p !== '')
    return parts.length > 0 ? parts.join(': ') : undefined
  } catch {
    return undefined
  }
}

function parseTokenAnswer(body: string): { accessToken: string; lifetimeS: number } | undefined {
  let parsed: unknown
  try {
    parsed = JSON.parse(body)
  } catch {
    return undefined
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined
  const { access_token: accessToken, expires_in: expiresIn, token_type: tokenType } = parsed as Record<string, unknown>
  if (typeof accessToken !== 'string' || accessToken === '' || /[\s"]/.test(accessToken)) return undefined
  if (tokenType !== undefined && (typeof tokenType !== 'string' || tokenType.toLowerCase() !== 'bearer')) return undefined
  const lifetime = typeof expiresIn === 'string' ? Number(expiresIn) : expiresIn
  const lifetimeS = typeof lifetime === 'number' && Number.isFinite(lifetime) && lifetime > 0 ? lifetime : DEFAULT_LIFETIME_S
  return { accessToken, lifetimeS }
}

/**
 * OAuth client-credentials tokens for the License API: fetched form-encoded,
 * cached until shortly before `expires_in`, one fetch in flight at a time.
 * A refused token request is `oauth_token_request_failed` (with the token
 * server's status and its OAuth error); no answer at all is the transport error.
 */
export function createOAuthTokenSource(deps: OAuthTokenSourceDeps): OAuthTokenSource {
  const now = deps.now ?? Date.now
  let cached: { token: string; renewAt: number } | undefined
  const issued: string[] = []
  let inFlight: Promise<Outcome<string>> | undefined

  async function fetchToken(): Promise<Outcome<string>> {
    const startedAt = now()
    let response: Response
    let body: string
    try {
      response = await deps.fetch(deps.tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: new URLSearchParams({ grant_type: 'client_credentials', client_id: deps.clientId, client_secret: deps.clientSecret }).toString(),
        redirect: 'manual',
        signal: AbortSignal.timeout(deps.timeoutMs)
      })
      const text = await readBoundedText(response)
      if (!text.ok) return failure(whileAsking('oauth-token-server', mapOversizedAnswer(response.status)))
      body = text.text
    } catch (error) {
      return failure(whileAsking('oauth-token-server', mapTransportError(error)))
    }
    // A redirect or a proxy's 407 is explained as for the License API itself.
    const intermediary = mapIntermediaryAnswer(response.status)
    if (intermediary) return failure(whileAsking('oauth-token-server', intermediary))
    if (response.status < 200 || response.status > 299) return tokenRequestFailed(response.status, oauthErrorText(body))
    const answer = parseTokenAnswer(body)
    if (!answer) return tokenRequestFailed(response.status, t('errors.oauth_token_request_failed.no-token'))
    const lifetimeMs = answer.lifetimeS * 1000
    issued.push(answer.accessToken)
    if (issued.length > REMEMBERED_TOKENS) issued.shift()
    cached = { token: answer.accessToken, renewAt: startedAt + lifetimeMs - Math.min(MAX_RENEW_MARGIN_MS, lifetimeMs / 10) }
    return success(answer.accessToken)
  }

  return {
    token() {
      if (cached && now() < cached.renewAt) return Promise.resolve(success(cached.token))
      if (!inFlight) {
        inFlight = fetchToken().finally(() => {
          inFlight = undefined
        })
      }
      return inFlight
    },
    invalidate(token) {
      if (token === undefined || cached?.token === token) cached = undefined
    },
    secrets: () => [deps.clientSecret, ...issued]
  }
}
