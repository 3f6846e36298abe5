import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { exportJWK, generateKeyPair, type JSONWebKeySet, type JWK } from 'jose'
import { interactionPolicy, Provider, type Configuration } from 'oidc-provider'
import type { SsoAuthority, SsoUrlQuery } from '../sso-authority'
import { SsoDirectory, type SsoCustomerAccount } from './directory'
import { escapeHtml, sendPage } from './html'
import { CUSTOMER_ACCOUNT_CLAIM, createIdentifier, INCORRECT_REDIRECT_URI, refusal } from './identify'
import { ACCOUNT_HINT_PARAM, createInteractionHandler, isInteractionPath } from './interactions'
import { sendProblemPage } from './login-page'
import { parseRequestTarget } from '../../common/http/request-target'
import { listenOn, urlHost } from '../../common/http/listen'
import { guardedHandler, refuseTunnels } from '../../common/http/server-guards'
import { createMemoryStore, type MemoryStoreLimits } from './memory-store'
import { redirectUriAllowed, registrationForms } from './redirect-uris'

/** The client id of the License API at the identity provider (as at the vendor's Keycloak). */
export const SSO_CLIENT_ID = 'license-users'

/** Lifetimes in seconds: codes are short-lived, like Keycloak's default of one minute. */
const TTL = { AuthorizationCode: 60, AccessToken: 300, IdToken: 300, Interaction: 600, Session: 3600, Grant: 3600 }

export interface SsoProviderOptions {
  /** The seed, or any object with its customer accounts (only accounts with `sso.enabled` get SSO). */
  seed: { customerAccounts?: readonly SsoCustomerAccount[] }
  /** Loopback address to listen on; default 127.0.0.1. */
  host?: string
  /** 0 (default) = OS-assigned. */
  port?: number
  /**
   * Registered redirect URI for every account, replacing the seed's `sso.redirectUri`
   * (e.g. `http://127.0.0.1:3333/callback` to mimic a vendor that registered a fixed port).
   */
  redirectUri?: string
  /**
   * Clock used when the License API side checks token expiry (default Date.now). The provider
   * itself always issues with the real clock: pass a skewed clock only to make tokens look expired.
   */
  now?: () => number
  /** Bounds of the provider's in-memory store (tests make them small). */
  storeLimits?: Partial<MemoryStoreLimits>
}

export interface RunningSsoProvider extends SsoAuthority {
  /** e.g. http://127.0.0.1:PORT */
  issuer: string
  clientId: string
  /** The discovery document, as `sso_url` returns it in `openid_configuration`. */
  openidConfiguration: Record<string, unknown>
  /** The redirect URI registered for a customer account (undefined when the account has no SSO). */
  registeredRedirectUri(customerAccountCode: string): string | undefined
  /** Entries in the provider's store now (tests). */
  storeSize(): number
}

/** A login check added to oidc-provider's: a session of another customer account must sign in again. */
function accountHintCheck(directory: SsoDirectory): interactionPolicy.Check {
  return new interactionPolicy.Check('customer_account_changed', 'the session belongs to another customer account', 'login_required', (ctx) => {
    const accountId = ctx.oidc.session?.accountId
    if (!accountId) return interactionPolicy.Check.NO_NEED_TO_PROMPT
    const identity = directory.identity(accountId)
    return identity?.customerAccount === ctx.oidc.params?.[ACCOUNT_HINT_PARAM]
      ? interactionPolicy.Check.NO_NEED_TO_PROMPT
      : interactionPolicy.Check.REQUEST_PROMPT
  })
}

function configuration(directory: SsoDirectory, clientSecret: string, privateJwk: JWK, adapter: Configuration['adapter']): Configuration {
  const policy = interactionPolicy.base()
  policy.get('login')?.checks.add(accountHintCheck(directory))
  const redirectUris = [...new Set(directory.ssoAccounts().flatMap((account) => registrationForms(directory.redirectUriOf(account))))]
  return {
    adapter,
    clients: [
      {
        client_id: SSO_CLIENT_ID,
        client_secret: clientSecret,
        client_name: 'License API',
        // Native: a loopback redirect may use any port (RFC 8252 §7.3); only the port may differ.
        application_type: 'native',
        redirect_uris: redirectUris.length > 0 ? redirectUris : ['http://127.0.0.1'],
        response_types: ['code', 'id_token token', 'id_token'],
        grant_types: ['authorization_code', 'implicit'],
        token_endpoint_auth_method: 'client_secret_basic'
      }
    ],
    responseTypes: ['code', 'id_token token', 'id_token'],
    scopes: ['openid'],
    claims: { openid: ['sub', 'email', CUSTOMER_ACCOUNT_CLAIM] },
    // Put the email in the ID token even when an access token is issued too (what the License API reads).
    conformIdTokenClaims: false,
    extraParams: [ACCOUNT_HINT_PARAM],
    async findAccount(_ctx, sub) {
      const identity = directory.identity(sub)
      if (!identity) return undefined
      return {
        accountId: identity.accountId,
        claims: () => ({ sub: identity.accountId, email: identity.email, [CUSTOMER_ACCOUNT_CLAIM]: identity.customerAccount })
      }
    },
    interactions: { policy, url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: { enabled: false },
      userinfo: { enabled: true }
    },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    jwks: { keys: [privateJwk] },
    ttl: TTL,
    async renderError(ctx, out) {
      ctx.type = 'html'
      const lines = Object.entries(out)
        .map(([key, value]) => `<p><strong>${escapeHtml(key)}</strong>: ${escapeHtml(String(value))}</p>`)
        .join('')
      ctx.body = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Sign-in error</title></head>
<body><h1>The sign-in could not continue</h1>${lines}<p>Start the sign-in again from the app.</p></body></html>`
    }
  }
}

/**
 * oidc-provider refuses a code redeemed with another redirect URI than its authorization request's
 * (RFC 6749 §4.1.3) with a generic invalid_grant; Keycloak, which the License API talks to, says
 * "Incorrect redirect_uri". The token endpoint's error body is rewritten to Keycloak's words.
 */
function answerRedirectMismatchLikeKeycloak(provider: Provider): void {
  provider.on('grant.error', (ctx, error) => {
    if (error.error === 'invalid_grant' && error.error_detail === 'authorization code redirect_uri mismatch')
      ctx.body = { error: 'invalid_grant', error_description: INCORRECT_REDIRECT_URI }
  })
}

/** Starts the sandbox's OpenID provider on loopback and returns the License API's view of it. */
export async function startSsoProvider(options: SsoProviderOptions): Promise<RunningSsoProvider> {
  const host = options.host ?? '127.0.0.1'
  const now = options.now ?? Date.now
  const directory = new SsoDirectory(options.seed.customerAccounts ?? [], options.redirectUri)
  const clientSecret = randomBytes(32).toString('base64url')
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true })
  const kid = randomBytes(8).toString('hex')
  const privateJwk: JWK = { ...(await exportJWK(privateKey)), kid, alg: 'RS256', use: 'sig' }
  const jwks: JSONWebKeySet = { keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' }] }
  const store = createMemoryStore(Date.now, options.storeLimits)

  const server = createServer()
  const port = await listenOn(server, host, options.port)
  const issuer = `http://${urlHost(host)}:${port}`

  const provider = new Provider(issuer, configuration(directory, clientSecret, privateJwk, store.adapter))
  answerRedirectMismatchLikeKeycloak(provider)
  const providerCallback = provider.callback()
  const handleInteraction = createInteractionHandler(provider, directory)

  refuseTunnels(server)
  server.on(
    'request',
    guardedHandler((req: IncomingMessage, res: ServerResponse) => {
      const target = parseRequestTarget(req.url)
      if (!target) {
        sendProblemPage(res, 400, 'Bad request', 'The request target must be a path.')
        return
      }
      const { pathname } = target
      if (pathname === '/') {
        sendPage(res, 200, 'Sandbox identity provider', `<h1>Sandbox identity provider</h1><p>Issuer ${escapeHtml(issuer)}. Sign-ins start from the app.</p>`)
        return
      }
      const failed = () => {
        if (!res.headersSent) sendProblemPage(res, 500, 'The sign-in failed', 'Start the sign-in again from the app.')
        else res.destroy()
      }
      if (!isInteractionPath(pathname)) {
        Promise.resolve(providerCallback(req, res)).catch(failed)
        return
      }
      handleInteraction(req, res, pathname).catch(failed)
    })
  )

  const registeredRedirectUri = (customerAccountCode: string): string | undefined => {
    const account = directory.account(customerAccountCode)
    return account?.sso?.enabled === true ? directory.redirectUriOf(account) : undefined
  }

  const discoveryResponse = await fetch(`${issuer}/.well-known/openid-configuration`)
  const openidConfiguration = (await discoveryResponse.json()) as Record<string, unknown>
  const endpoint = (name: string): string => {
    const value = openidConfiguration[name]
    if (typeof value !== 'string') throw new Error(`the provider's discovery document has no ${name}`)
    return value
  }
  const authorizationEndpoint = endpoint('authorization_endpoint')

  const identify = createIdentifier({
    directory,
    issuer,
    clientId: SSO_CLIENT_ID,
    clientSecret,
    tokenEndpoint: endpoint('token_endpoint'),
    userinfoEndpoint: endpoint('userinfo_endpoint'),
    jwks,
    now,
    fetch: globalThis.fetch,
    codeLifetimeSeconds: TTL.AuthorizationCode,
    registeredRedirectUri
  })

  let closed: Promise<void> | undefined
  return {
    issuer,
    clientId: SSO_CLIENT_ID,
    openidConfiguration,
    registeredRedirectUri,
    storeSize: () => store.size(),

    async ssoUrl(query: SsoUrlQuery) {
      const account = directory.account(query.customerAccountCode)
      if (!account) return refusal('customer_account_not_found', 'Customer account not found')
      if (account.sso?.enabled !== true) return refusal('sso_not_enabled', 'SSO is not enabled for this customer account')
      const registered = directory.redirectUriOf(account)
      if (query.redirectUri !== undefined && !redirectUriAllowed(registered, query.redirectUri))
        return refusal('validation_error', 'redirect_uri is not registered for this customer account')
      const url = new URL(authorizationEndpoint)
      url.searchParams.set('scope', 'openid')
      url.searchParams.set('response_type', query.responseType === 'code' ? 'code' : 'id_token token')
      url.searchParams.set('client_id', SSO_CLIENT_ID)
      url.searchParams.set('redirect_uri', query.redirectUri ?? registered)
      url.searchParams.set(ACCOUNT_HINT_PARAM, account.code)
      if (query.responseType === 'token') url.searchParams.set('nonce', randomBytes(16).toString('base64url'))
      return { ok: true, value: { url: url.href, openid_configuration: openidConfiguration } }
    },

    identify,

    close() {
      closed ??= new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
        store.clear()
      })
      return closed
    }
  }
}
