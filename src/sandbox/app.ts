import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http'
import { buildActivationAnswer, signBody } from './activation-answer'
import { RequestAuthenticator, type Principal } from './auth'
import { resolveProduct, runBundleCall, type BundleServiceDeps } from './bundle-service'
import { parseRequestTarget } from '../main/engine/http/request-target'
import { readBody, sendBody, sendJson, sendRefusal } from './http-io'
import { MESSAGES, refuse, type Refusal } from './refusal'
import { readBundleBody, type BundleAction } from './request-body'
import type { Seed } from './seed'
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
  deactivationBody?: 'json' | 'text'
  tokenLifetimeSeconds?: number
  maxBodyBytes?: number
  ssoAuthority?: SsoAuthority | null
  /** The hardware id of the PC the sandbox runs on: seeded `thisPc` licences are activated on it. */
  thisPcHardwareId?: string
  /** Unexpected failures are written here (default: stderr). */
  logError?: (error: unknown) => void
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
  stats(): SandboxStats
  /** The SSO side answering sso_url and SSO credential sets; null detaches it. */
  attachSso(authority: SsoAuthority | null): void
  readonly ssoAuthority: SsoAuthority | null
  /** Hands every request whose path starts with `prefix` to `listener` (e.g. an OpenID provider). */
  mount(prefix: string, listener: RequestListener): void
}

type Route =
  | { kind: 'bundle'; action: BundleAction; path: string }
  | { kind: 'sso-url'; path: string }
  | { kind: 'token'; path: string }

const ROUTES: Record<string, Route> = {
  [`POST ${API_PREFIX}activate_bundle`]: { kind: 'bundle', action: 'activate', path: `${API_PREFIX}activate_bundle` },
  [`POST ${API_PREFIX}deactivate_bundle`]: { kind: 'bundle', action: 'deactivate', path: `${API_PREFIX}deactivate_bundle` },
  [`GET ${API_PREFIX}sso_url`]: { kind: 'sso-url', path: `${API_PREFIX}sso_url` },
  [`POST ${TOKEN_PATH}`]: { kind: 'token', path: TOKEN_PATH }
}

const NOT_FOUND_PATH = '(not found)'

export function createSandboxApp(options: SandboxAppOptions): SandboxApp {
  const { signer, now } = options
  const store = new SandboxStore(options.seed, options.thisPcHardwareId)
  const auth = new RequestAuthenticator(options.seed, { now, tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? 300 })
  const maxBodyBytes = options.maxBodyBytes ?? 64 * 1024
  const textDeactivation = options.deactivationBody === 'text'
  const deactivatedBody = textDeactivation ? DEACTIVATED : JSON.stringify(DEACTIVATED)
  const deactivatedType = textDeactivation ? 'text/plain; charset=utf-8' : 'application/json'
  const logError = options.logError ?? ((error: unknown) => console.error('[sandbox] unexpected failure:', error))
  let sso: SsoAuthority | null = options.ssoAuthority ?? null
  const deps: BundleServiceDeps = { store, sso: () => sso }
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

  async function bundleRoute(req: IncomingMessage, res: ServerResponse, action: BundleAction): Promise<void> {
    const raw = await readBody(req, maxBodyBytes)
    const who = authenticate(req)
    if ('code' in who) return sendRefusal(res, who)
    if (who.principal.readOnly)
      return sendRefusal(res, refuse('read_only_api_key', 'The API key is read-only and cannot change licenses'))
    if (raw === null)
      return sendRefusal(res, refuse('validation_error', `The request body is larger than ${maxBodyBytes} bytes`, 413), {
        Connection: 'close'
      })
    const call = readBundleBody(raw, action)
    if (!call.ok) return sendRefusal(res, call.refusal)
    const outcome = await runBundleCall(deps, who.principal, call.value)
    if (!outcome.ok) return sendRefusal(res, outcome.refusal)
    if (action === 'deactivate') return sendBody(res, 200, deactivatedBody, deactivatedType)
    const answer = await buildActivationAnswer(signer, outcome.value)
    sendBody(res, 200, answer.body, 'application/json', { LicenseSignature: answer.signature })
  }

  async function ssoUrlRoute(req: IncomingMessage, res: ServerResponse, query: string): Promise<void> {
    const who = authenticate(req)
    if ('code' in who) return sendRefusal(res, who)
    const params = new URLSearchParams(query)
    const missing = ['product', 'customer_account_code'].filter((name) => !params.get(name)?.trim())
    if (missing.length > 0)
      return sendRefusal(res, refuse('missing_parameters', `Missing required parameter${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}`))
    const responseType = params.get('response_type') ?? 'code'
    if (responseType !== 'code' && responseType !== 'token')
      return sendRefusal(res, refuse('validation_error', 'Parameter "response_type" must be "code" or "token"'))
    const product = resolveProduct(store, who.principal, params.get('product')!, { bundleOnly: false })
    if (!product.ok) return sendRefusal(res, product.refusal)
    const accountCode = params.get('customer_account_code')!
    const account = store.customerAccount(accountCode)
    if (!account)
      return sendRefusal(res, refuse('customer_account_not_found', MESSAGES.customer_account_not_found))
    if (!account.sso?.enabled || !sso)
      return sendRefusal(res, refuse('sso_not_enabled', MESSAGES.sso_not_enabled))
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

  async function tokenRoute(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req, maxBodyBytes)
    if (raw === null)
      return sendJson(res, 413, { error: 'invalid_request', error_description: 'Request body too large' }, { Connection: 'close' })
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
      if (known.kind === 'sso-url') return ssoUrlRoute(req, res, query)
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
