import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http'
import { buildActivationAnswer, signBody } from './activation-answer'
import { mayUseProduct, RequestAuthenticator, type Principal } from './auth'
import { resolveProduct, runBundleCall, type BundleServiceDeps } from './bundle-service'
import { parseRequestTarget } from '../common/http/request-target'
import { readBody, sendBody, sendJson, sendRefusal } from './http-io'
import { checkOfflineRequest, OFFLINE_BODY_LIMIT, OfflineReplayGuard, offlineContent } from './offline/offline-deactivation'
import { MESSAGES, refuse, type Refusal } from './refusal'
import { answerRead, type ReadDeps, type ReadName } from './reads'
import { readBundleBody, withoutRedirectUri, type BundleAction, type BundleBodyRules } from './request-body'
import type { Seed } from './seed'
import { SingleUse } from './single-use'
import type { ResponseSigner } from './signing'
import type { SsoAuthority } from './sso-authority'
import { SandboxStore } from './store'

export const API_PREFIX = '/api/v4/'
/** Client-credentials token endpoint (the sandbox's stand-in for the vendor's Keycloak). */
export const TOKEN_PATH = '/auth/token'
export const DEACTIVATED = 'license_deactivated'

export interface SandboxAppOptions {
  seed: Seed
  signer: ResponseSigner
  now: () => number
  /** `json` (default): the JSON string "license_deactivated"; `text`: the bare word as text/plain. */
  deactivationBody?: 'json' | 'text' | undefined
  tokenLifetimeSeconds?: number | undefined
  maxBodyBytes?: number | undefined
  ssoAuthority?: SsoAuthority | null
  /** The hardware id of the PC the sandbox runs on: seeded `thisPc` licences are activated on it. */
  thisPcHardwareId?: string
  /** Unexpected failures are written here (default: stderr). */
  logError?: ((error: unknown) => void) | undefined
}

export interface SandboxStats {
  requests: number
  byPath: Record<string, number>
}

/** The License API emulator as a request listener, for mounting in any node:http server. */
export interface SandboxApp {
  readonly handle: RequestListener
  readonly store: SandboxStore
  readonly publicKey: string
  stats: () => SandboxStats
  /** The SSO side answering sso_url and SSO credential sets; null detaches it. */
  attachSso(authority: SsoAuthority | null): void
  readonly ssoAuthority: SsoAuthority | null
  /** Hands every request whose path starts with `prefix` to `listener` (e.g. an OpenID provider). */
  mount: (prefix: string, listener: RequestListener) => void
}

type Route =
  | { kind: 'bundle'; action: BundleAction; path: string }
  | { kind: 'offline'; path: string }
  | { kind: 'sso-url'; path: string }
  | { kind: 'token'; path: string }
  | { kind: 'read'; name: ReadName; path: string }

const ROUTES: Record<string, Route> = {
  [`POST ${API_PREFIX}activate_bundle`]: { kind: 'bundle', action: 'activate', path: `${API_PREFIX}activate_bundle` },
  [`POST ${API_PREFIX}deactivate_bundle`]: { kind: 'bundle', action: 'deactivate', path: `${API_PREFIX}deactivate_bundle` },
  [`POST ${API_PREFIX}deactivate_bundle_offline`]: { kind: 'offline', path: `${API_PREFIX}deactivate_bundle_offline` },
  [`GET ${API_PREFIX}sso_url`]: { kind: 'sso-url', path: `${API_PREFIX}sso_url` },
  [`POST ${TOKEN_PATH}`]: { kind: 'token', path: TOKEN_PATH },
  ...Object.fromEntries(
    (['device_licenses', 'check_bundle', 'user_licenses', 'customer_license_users'] as const).map((name) => [
      `GET ${API_PREFIX}${name}`,
      { kind: 'read', name, path: `${API_PREFIX}${name}` } satisfies Route
    ])
  )
}

const NOT_FOUND_PATH = '(not found)'

/** How long a presented SSO token is remembered: longer than any token the provider issues lives. */
const SSO_TOKEN_MEMORY_MS = 15 * 60 * 1000

/** The sso_url query: the docs' parameters and the node SDK's (`bundle_code`, `redirect_uri`), nothing else. */
const SSO_URL_PARAMS = new Set(['product', 'customer_account_code', 'response_type', 'bundle_code', 'redirect_uri'])

function ssoUrlQueryProblem(params: URLSearchParams): Refusal | null {
  const names = [...params.keys()]
  const unknown = [...new Set(names.filter((name) => !SSO_URL_PARAMS.has(name)))]
  if (unknown.length > 0) return refuse('validation_error', `Unknown parameter${unknown.length > 1 ? 's' : ''}: ${unknown.map((n) => `"${n}"`).join(', ')}`)
  const repeated = [...SSO_URL_PARAMS].find((name) => params.getAll(name).length > 1)
  if (repeated) return refuse('validation_error', `Parameter "${repeated}" must be given once`)
  const missing = ['product', 'customer_account_code'].filter((name) => !params.get(name)?.trim())
  if (missing.length > 0) return refuse('missing_parameters', MESSAGES.missing_parameters(missing))
  const responseType = params.get('response_type')
  if (responseType !== null && responseType !== 'code' && responseType !== 'token')
    return refuse('validation_error', 'Parameter "response_type" must be "code" or "token"')
  const empty = ['bundle_code', 'redirect_uri'].find((name) => params.get(name)?.trim() === '')
  if (empty) return refuse('validation_error', `Parameter "${empty}" must not be empty`)
  return null
}

export function createSandboxApp(options: SandboxAppOptions): SandboxApp {
  const { signer, now } = options
  const { behaviour } = options.seed
  const store = new SandboxStore(options.seed, now, options.thisPcHardwareId)
  const auth = new RequestAuthenticator(options.seed, {
    now,
    tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? 300,
    signatureMismatchStatus: behaviour.signatureMismatchStatus
  })
  const bodyRules: BundleBodyRules = {
    deactivationPasswordRequired: behaviour.deactivationPassword === 'check',
    hardwareIdsTreatedAsMissing: new Set(behaviour.hardwareIdsTreatedAsMissing)
  }
  const maxBodyBytes = options.maxBodyBytes ?? 64 * 1024
  const textDeactivation = options.deactivationBody === 'text'
  const deactivatedBody = textDeactivation ? DEACTIVATED : JSON.stringify(DEACTIVATED)
  const deactivatedType = textDeactivation ? 'text/plain; charset=utf-8' : 'application/json'
  const logError = options.logError ?? ((error: unknown) => console.error('[sandbox] unexpected failure:', error))
  let sso: SsoAuthority | null = options.ssoAuthority ?? null
  const deps: BundleServiceDeps = {
    store,
    sso: () => sso,
    spentTokens: behaviour.reusableSsoTokens ? null : new SingleUse(now, SSO_TOKEN_MEMORY_MS)
  }
  const productIds = new Map(options.seed.products.map((p, index) => [p.code, index + 1]))
  const productId = (code: string): number => productIds.get(code) ?? 0
  const readDeps: ReadDeps = { ...deps, signer, productId, now, behaviour }
  const replays = new OfflineReplayGuard(now)
  const mounts: Array<{ prefix: string; listener: RequestListener }> = []
  const byPath = new Map<string, number>()
  let requests = 0

  const count = (path: string) => {
    requests += 1
    byPath.set(path, (byPath.get(path) ?? 0) + 1)
  }

  function authenticate(req: IncomingMessage): { principal: Principal } | Refusal {
    const date = req.headers['date']
    const answer = auth.authenticate(date, req.headers['authorization'])
    return answer.ok ? { principal: answer.value } : answer.refusal
  }

  /**
   * The start of every call that changes licences: the body (at most `limit` bytes), an
   * authenticated principal that may write. Null once a refusal has been sent.
   */
  async function writeCall(req: IncomingMessage, res: ServerResponse, limit: number): Promise<{ raw: string; principal: Principal } | null> {
    const raw = await readBody(req, limit)
    const who = authenticate(req)
    if ('code' in who) {
      sendRefusal(res, who)
      return null
    }
    if (who.principal.readOnly) {
      sendRefusal(res, refuse('read_only_api_key', 'The API key is read-only and cannot change licenses'))
      return null
    }
    if (raw === null) {
      sendRefusal(res, refuse('validation_error', `The request body is larger than ${limit} bytes`, 413), { Connection: 'close' })
      return null
    }
    return { raw, principal: who.principal }
  }

  async function bundleRoute(req: IncomingMessage, res: ServerResponse, action: BundleAction): Promise<void> {
    const who = await writeCall(req, res, maxBodyBytes)
    if (!who) return
    const raw = who.raw
    const call = readBundleBody(raw, action, bodyRules)
    if (!call.ok) return sendRefusal(res, call.refusal)
    const ignoreRedirect = action === 'deactivate' && behaviour.deactivationRedirectUri === 'ignored'
    const outcome = await runBundleCall(deps, who.principal, ignoreRedirect ? withoutRedirectUri(call.value) : call.value)
    if (!outcome.ok) return sendRefusal(res, outcome.refusal)
    if (action === 'deactivate') return sendBody(res, 200, deactivatedBody, deactivatedType)
    const answer = await buildActivationAnswer(signer, outcome.value, productId, now())
    sendBody(res, 200, answer.body, 'application/json', { LicenseSignature: answer.signature })
  }

  async function offlineRoute(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const who = await writeCall(req, res, OFFLINE_BODY_LIMIT)
    if (!who) return
    const content = await offlineContent(req.headers['content-type'], who.raw)
    if (!content.ok) return sendRefusal(res, content.refusal)
    const checked = checkOfflineRequest(content.value, { auth, now, minimumSchemaVersion: behaviour.minimumOfflineSchemaVersion })
    if (!checked.ok) return sendRefusal(res, checked.refusal)
    const { call, principal, singleUseIds, rememberUntil } = checked.value
    // The uploader's key must reach the product too, not only the key that signed the file.
    if (!mayUseProduct(who.principal, call.product)) return sendRefusal(res, refuse('api_key_product_not_allowed', MESSAGES.api_key_product_not_allowed))
    const claim = replays.reserve(singleUseIds, rememberUntil)
    if (claim === 'used') return sendRefusal(res, refuse('offline_request_replayed', 'This request file was already used'))
    if (claim === 'full') return sendRefusal(res, refuse('server_unavailable', 'Too many offline requests to remember; try again later'))
    const outcome = await runBundleCall(deps, principal, call)
    if (!outcome.ok) {
      replays.release(singleUseIds)
      return sendRefusal(res, outcome.refusal)
    }
    sendBody(res, 200, deactivatedBody, deactivatedType)
  }

  async function ssoUrlRoute(req: IncomingMessage, res: ServerResponse, query: string): Promise<void> {
    const who = authenticate(req)
    if ('code' in who) return sendRefusal(res, who)
    const params = new URLSearchParams(query)
    const problem = ssoUrlQueryProblem(params)
    if (problem) return sendRefusal(res, problem)
    const responseType = params.get('response_type') === 'token' ? 'token' : 'code'
    const product = resolveProduct(store, who.principal, params.get('product')!, { bundleOnly: false })
    if (!product.ok) return sendRefusal(res, product.refusal)
    const accountCode = params.get('customer_account_code')!
    const account = store.customerAccount(accountCode)
    if (!account) return sendRefusal(res, refuse('customer_account_not_found', MESSAGES.customer_account_not_found))
    if (!account.sso?.enabled || !sso) return sendRefusal(res, refuse('sso_not_enabled', MESSAGES.sso_not_enabled))
    const redirectUri = params.get('redirect_uri') ?? undefined
    const answer = await sso.ssoUrl({
      product: product.value.code,
      customerAccountCode: accountCode,
      responseType,
      ...(redirectUri ? { redirectUri } : {})
    })
    if (!answer.ok) return sendRefusal(res, answer.refusal)
    const signed = await signBody(signer, answer.value)
    sendBody(res, 200, signed.body, 'application/json', { LicenseSignature: signed.signature })
  }

  /** The reads (§10): any valid key may read, a read-only one too. */
  async function readRoute(req: IncomingMessage, res: ServerResponse, name: ReadName, query: string): Promise<void> {
    const who = authenticate(req)
    if ('code' in who) return sendRefusal(res, who)
    const answer = await answerRead(readDeps, name, who.principal, query)
    if (!answer.ok) return sendRefusal(res, answer.refusal)
    sendBody(res, 200, answer.value.body, 'application/json', { LicenseSignature: answer.value.signature })
  }

  async function tokenRoute(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req, maxBodyBytes)
    if (raw === null) return sendJson(res, 413, { error: 'invalid_request', error_description: 'Request body too large' }, { Connection: 'close' })
    const answer = auth.issueToken(new URLSearchParams(raw), req.headers['authorization'])
    sendJson(res, answer.status, answer.body, { 'Cache-Control': 'no-store', Pragma: 'no-cache' })
  }

  function route(req: IncomingMessage, res: ServerResponse): Promise<void> | void {
    const target = parseRequestTarget(req.url)
    if (!target) {
      count(NOT_FOUND_PATH)
      // Sandbox-only wording: the vendor documents no answer for a target that is not a path.
      return sendRefusal(res, refuse('validation_error', 'The request target must be a path such as /api/v4/deactivate_bundle'), { Connection: 'close' })
    }
    const { pathname, query } = target
    const canonical = pathname.length > 1 && pathname.endsWith('/') ? pathname.slice(0, -1) : pathname
    const known = ROUTES[`${req.method} ${canonical}`]
    if (known) {
      count(known.path)
      if (known.kind === 'bundle') return bundleRoute(req, res, known.action)
      if (known.kind === 'offline') return offlineRoute(req, res)
      if (known.kind === 'sso-url') return ssoUrlRoute(req, res, query)
      if (known.kind === 'read') return readRoute(req, res, known.name, query)
      return tokenRoute(req, res)
    }
    const mounted = mounts.find((m) => pathname.startsWith(m.prefix))
    if (mounted) {
      count(mounted.prefix)
      return mounted.listener(req, res)
    }
    count(NOT_FOUND_PATH)
    sendRefusal(res, refuse('not_found', `No endpoint ${req.method} ${pathname}`))
  }

  const handle: RequestListener = (req, res) => {
    const fail = (error: unknown) => {
      logError(error)
      if (!res.headersSent) sendRefusal(res, refuse('internal_error', 'The sandbox failed while handling the request'))
      else res.destroy()
    }
    try {
      const pending = route(req, res)
      if (pending) pending.catch(fail)
    } catch (error) {
      fail(error)
    }
  }

  return {
    handle,
    store,
    publicKey: signer.publicKey,
    stats: () => ({ requests, byPath: Object.fromEntries(byPath) }),
    attachSso(authority) {
      sso = authority
    },
    get ssoAuthority() {
      return sso
    },
    mount(prefix, listener) {
      mounts.push({ prefix, listener })
    }
  }
}
