import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { accept, MESSAGES, refuse, reject, type Answer } from './refusal'
import type { Seed } from './seed'

/** The server accepts a Date up to this far from its own clock, either way. */
export const DATE_WINDOW_MS = 15 * 60 * 1000

/** Who made a request, and what it may touch. */
export type Principal =
  | { kind: 'api-key'; apiKey: string; readOnly: boolean; products: ReadonlySet<string> | null }
  | { kind: 'oauth'; clientId: string; readOnly: false; products: ReadonlySet<string> | null }

export const mayUseProduct = (principal: Principal, product: string): boolean => principal.products === null || principal.products.has(product)

/** The string the HMAC covers: only the Date header value is signed. */
export const signingString = (date: string): string => `licenseSpring\ndate: ${date}`

const PARAM = /\s*([A-Za-z][A-Za-z0-9_-]*)\s*=\s*(?:"([^"]*)"|([^\s",]*))\s*(?:,|$)/y

/**
 * Parses `algorithm="hmac-sha256",headers="date",signature="…",apikey="…"`: names are
 * case-insensitive (apikey/apiKey), spaces around `,` and `=` are optional, quotes too.
 * Returns null when the header is not a list of name=value pairs (or repeats a name).
 */
export function parseHmacAuthorization(header: string): Record<string, string> | null {
  const params = Object.create(null) as Record<string, string>
  PARAM.lastIndex = 0
  let count = 0
  while (PARAM.lastIndex < header.length) {
    const start = PARAM.lastIndex
    const match = PARAM.exec(header)
    if (!match || PARAM.lastIndex === start) return header.slice(start).trim() === '' && count > 0 ? params : null
    const name = match[1]!.toLowerCase()
    if (name in params) return null
    params[name] = match[2] ?? match[3] ?? ''
    count += 1
  }
  return count > 0 ? params : null
}

const REQUIRED_PARAMS = ['algorithm', 'headers', 'signature', 'apikey'] as const

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
// IMF-fixdate's day has two digits; LicenseSpring's PHP SDK writes one (`date("D, j M Y H:i:s") . " GMT"`).
const IMF_FIXDATE = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/

/**
 * Milliseconds since the epoch of an RFC 7231 IMF-fixdate (`Tue, 07 Jun 2011 20:51:35 GMT`), the form the
 * docs require and the official SDKs send (Node `toUTCString()`, Python `format_date_time()`, PHP with a
 * one-digit day); null for anything else — ISO strings, `Date.toString()`, a wrong weekday, an impossible date.
 */
export function parseHttpDate(text: string): number | null {
  const m = IMF_FIXDATE.exec(text)
  if (!m) return null
  const [, weekday, day, month, year, hour, minute, second] = m
  const time = Date.UTC(Number(year), MONTHS.indexOf(month!), Number(day), Number(hour), Number(minute), Number(second))
  const parsed = new Date(time)
  const exact =
    parsed.getUTCDate() === Number(day) &&
    parsed.getUTCHours() === Number(hour) &&
    parsed.getUTCMinutes() === Number(minute) &&
    parsed.getUTCSeconds() === Number(second) &&
    WEEKDAYS[parsed.getUTCDay()] === weekday
  return exact ? time : null
}
const BEARER = /^bearer(?:\s+(.*))?$/i
const TOKEN_SHAPE = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]{43})$/

interface KeyRecord {
  apiKey: string
  sharedKey: string
  status: 'active' | 'revoked' | 'read-only'
  principal: Principal
  /** The last Date seen and its expected signature: the HMAC is computed once per second per key. */
  lastDate: string
  lastSignature: Buffer
}

interface TokenClaims {
  clientId: string
  expiresAt: number
}

export interface AuthenticatorOptions {
  now: () => number
  /** Lifetime of issued bearer tokens. */
  tokenLifetimeSeconds: number
  /** HTTP status of signature_mismatch (the docs say 400 on one page, 401 on another). */
  signatureMismatchStatus: 400 | 401
}

/** The answer of the token endpoint: OAuth 2.0 (RFC 6749 §5) JSON, as Keycloak gives it. */
export interface TokenEndpointAnswer {
  status: number
  body: Record<string, unknown>
}

/** Verifies the Authorization and Date headers of License API calls, and issues bearer tokens. */
export class RequestAuthenticator {
  private readonly keys = new Map<string, KeyRecord>()
  private readonly clients = new Map<string, { secret: string; products: ReadonlySet<string> | null }>()
  /** Per-run secret that signs bearer tokens, so tokens need no storage and die with the sandbox. */
  private readonly tokenSecret = randomBytes(32)
  private readonly verifiedTokens = new Map<string, TokenClaims>()

  constructor(
    seed: Seed,
    private readonly options: AuthenticatorOptions
  ) {
    for (const k of seed.apiKeys) {
      this.keys.set(k.apiKey, {
        apiKey: k.apiKey,
        sharedKey: k.sharedKey,
        status: k.status,
        principal: {
          kind: 'api-key',
          apiKey: k.apiKey,
          readOnly: k.status === 'read-only',
          products: k.products ? new Set(k.products) : null
        },
        lastDate: '',
        lastSignature: Buffer.alloc(0)
      })
    }
    for (const c of seed.oauthClients) this.clients.set(c.clientId, { secret: c.clientSecret, products: c.products ? new Set(c.products) : null })
  }

  authenticate(date: string | undefined, authorization: string | undefined): Answer<Principal> {
    if (!date || !authorization) return reject(refuse('missing_headers', MESSAGES.missing_headers))
    const bearer = BEARER.exec(authorization.trim())
    if (bearer) return this.authenticateBearer(date, bearer[1]?.trim() ?? '')

    const params = parseHmacAuthorization(authorization)
    if (!params) return reject(refuse('authorization_invalid_headers', MESSAGES.authorization_invalid_headers))
    const missing = REQUIRED_PARAMS.filter((name) => !params[name])
    if (missing.length > 0) return reject(refuse('authorization_missing_params', MESSAGES.authorization_missing_params(missing)))
    if (params['algorithm']!.toLowerCase() !== 'hmac-sha256') return reject(refuse('hmac_required', MESSAGES.hmac_required))
    if (!params['headers']!.toLowerCase().split(/\s+/).includes('date'))
      return reject(refuse('authorization_invalid_headers', MESSAGES.authorization_invalid_headers))

    const key = this.keys.get(params['apikey']!)
    if (!key) return reject(refuse('invalid_api_key', MESSAGES.invalid_api_key))
    const dateProblem = this.checkDate(date)
    if (dateProblem) return reject(dateProblem)
    if (!sameText(params['signature']!, this.expectedSignature(key, date)))
      return reject(refuse('signature_mismatch', MESSAGES.signature_mismatch, this.options.signatureMismatchStatus))
    if (key.status === 'revoked') return reject(refuse('revoked_api_key', 'The API key has been revoked'))
    return accept(key.principal)
  }

  /**
   * The signer an offline request file names (§7): its key (shared key, or the OAuth
   * client's secret) and whom it acts for. The same refusals as a request header naming it.
   */
  offlineSigner(signer: { kind: 'api-key'; apiKey: string } | { kind: 'oauth'; clientId: string }): Answer<{ key: string; principal: Principal }> {
    if (signer.kind === 'oauth') {
      const client = this.clients.get(signer.clientId)
      if (!client) return reject(refuse('invalid_api_key', 'The client id named in the request file is not valid'))
      return accept({ key: client.secret, principal: { kind: 'oauth', clientId: signer.clientId, readOnly: false, products: client.products } })
    }
    const key = this.keys.get(signer.apiKey)
    if (!key) return reject(refuse('invalid_api_key', 'The API key named in the request file is not valid'))
    if (key.status === 'revoked') return reject(refuse('revoked_api_key', 'The API key named in the request file has been revoked'))
    if (key.status === 'read-only') return reject(refuse('read_only_api_key', 'The API key named in the request file is read-only and cannot change licenses'))
    return accept({ key: key.sharedKey, principal: key.principal })
  }

  private expectedSignature(key: KeyRecord, date: string): Buffer {
    if (key.lastDate !== date) {
      key.lastSignature = Buffer.from(createHmac('sha256', key.sharedKey).update(signingString(date)).digest('base64'))
      key.lastDate = date
    }
    return key.lastSignature
  }

  private checkDate(date: string) {
    const sent = parseHttpDate(date)
    if (sent === null) return refuse('date_header_diff', 'The Date header is not an RFC 7231 date (e.g. "Tue, 07 Jun 2011 20:51:35 GMT")')
    if (Math.abs(this.options.now() - sent) > DATE_WINDOW_MS)
      return refuse('date_header_diff', 'The Date header differs from the server time by more than 15 minutes')
    return null
  }

  private authenticateBearer(date: string, token: string): Answer<Principal> {
    const claims = this.readToken(token)
    if (!claims) return reject(refuse('oauth_token_malformed', 'The bearer token is malformed'))
    const client = this.clients.get(claims.clientId)
    if (!client) return reject(refuse('oauth_token_malformed', 'The bearer token is malformed'))
    if (this.options.now() >= claims.expiresAt) return reject(refuse('oauth_token_expired', 'The bearer token has expired'))
    const dateProblem = this.checkDate(date)
    if (dateProblem) return reject(dateProblem)
    return accept({ kind: 'oauth', clientId: claims.clientId, readOnly: false, products: client.products })
  }

  private readToken(token: string): TokenClaims | null {
    const cached = this.verifiedTokens.get(token)
    if (cached) return cached
    const shape = TOKEN_SHAPE.exec(token)
    if (!shape) return null
    if (!sameText(shape[2]!, Buffer.from(this.tokenMac(shape[1]!)))) return null
    let claims: unknown
    try {
      claims = JSON.parse(Buffer.from(shape[1]!, 'base64url').toString('utf8'))
    } catch {
      return null
    }
    const { c, e } = (claims ?? {}) as { c?: unknown; e?: unknown }
    if (typeof c !== 'string' || typeof e !== 'number') return null
    if (this.verifiedTokens.size >= 1000) this.verifiedTokens.clear()
    const verified = { clientId: c, expiresAt: e }
    this.verifiedTokens.set(token, verified)
    return verified
  }

  private tokenMac(payload: string): string {
    return createHmac('sha256', this.tokenSecret).update(payload).digest('base64url')
  }

  /** POST token endpoint: client-credentials grant, form-encoded body or HTTP Basic client auth. */
  issueToken(form: URLSearchParams, basicAuthorization: string | undefined): TokenEndpointAnswer {
    const oauthError = (status: number, error: string, description: string): TokenEndpointAnswer => ({
      status,
      body: { error, error_description: description }
    })
    let clientId = form.get('client_id')
    let clientSecret = form.get('client_secret')
    const basic = /^basic\s+(\S+)$/i.exec(basicAuthorization?.trim() ?? '')
    if (basic) {
      const decoded = Buffer.from(basic[1]!, 'base64').toString('utf8')
      const colon = decoded.indexOf(':')
      if (colon > 0) {
        clientId = formDecode(decoded.slice(0, colon))
        clientSecret = formDecode(decoded.slice(colon + 1))
      }
    }
    const grant = form.get('grant_type')
    if (!grant) return oauthError(400, 'invalid_request', 'Missing form parameter: grant_type')
    if (grant !== 'client_credentials') return oauthError(400, 'unsupported_grant_type', 'Only client_credentials is supported')
    if (!clientId || !clientSecret) return oauthError(401, 'invalid_client', 'Client id and secret are required')
    const client = this.clients.get(clientId)
    if (!client || !sameText(clientSecret, Buffer.from(client.secret))) return oauthError(401, 'invalid_client', 'Invalid client or Invalid client credentials')

    const lifetime = this.options.tokenLifetimeSeconds
    const payload = Buffer.from(JSON.stringify({ c: clientId, e: this.options.now() + lifetime * 1000, n: randomBytes(6).toString('hex') })).toString(
      'base64url'
    )
    return {
      status: 200,
      body: {
        access_token: `${payload}.${this.tokenMac(payload)}`,
        expires_in: lifetime,
        refresh_expires_in: 0,
        token_type: 'Bearer',
        'not-before-policy': 0,
        scope: 'profile email'
      }
    }
  }
}

/** Constant-time comparison of a received text with the expected bytes. */
function sameText(received: string, expected: Buffer): boolean {
  const bytes = Buffer.from(received)
  return bytes.length === expected.length && timingSafeEqual(bytes, expected)
}

/** RFC 6749 §2.3.1: Basic credentials are form-encoded; a malformed escape is kept as typed. */
function formDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '))
  } catch {
    return text
  }
}
