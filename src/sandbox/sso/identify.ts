import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from 'jose'
import type { SsoAnswer, SsoCredentialOfCall, SsoRefusal } from '../sso-authority'
import { SingleUse } from '../single-use'
import type { SsoDirectory } from './directory'

/** Keycloak's error_description when a code is redeemed with another redirect URI than it was issued for. */
export const INCORRECT_REDIRECT_URI = 'Incorrect redirect_uri'

/** The claim carrying the customer account a token was issued for. */
export const CUSTOMER_ACCOUNT_CLAIM = 'customer_account'

export const refusal = (code: string, message: string, status = 400): { ok: false; refusal: SsoRefusal } => ({
  ok: false,
  refusal: { status, code, message }
})

export interface IdentifyContext {
  directory: SsoDirectory
  issuer: string
  clientId: string
  clientSecret: string
  tokenEndpoint: string
  userinfoEndpoint: string
  jwks: JSONWebKeySet
  now: () => number
  fetch: typeof fetch
  /** The redirect URI registered for the customer account: what a code is redeemed with when the client names none. */
  registeredRedirectUri(customerAccountCode: string): string | undefined
  /** Seconds a presented code is remembered, so a second presentation fails even while the first is redeemed. */
  codeLifetimeSeconds: number
}

interface Claims {
  email?: unknown
  [CUSTOMER_ACCOUNT_CLAIM]?: unknown
}

/** Checks the signed-in person belongs to the customer account the request names. */
function identityFromClaims(
  ctx: IdentifyContext,
  claims: Claims,
  customerAccountCode: string,
  invalidCode: 'sso_code_invalid' | 'sso_token_invalid'
): SsoAnswer<{ email: string }> {
  if (typeof claims.email !== 'string') return refusal(invalidCode, 'The identity carries no email address')
  if (claims[CUSTOMER_ACCOUNT_CLAIM] !== customerAccountCode) return refusal(invalidCode, 'The sign-in was made for another customer account')
  if (!ctx.directory.hasUser(customerAccountCode, claims.email))
    return refusal('sso_user_not_found', 'The signed-in user does not belong to this customer account')
  return { ok: true, value: { email: claims.email } }
}

/** Verifies an ID token issued by this provider to the License API's client. */
async function verifyIdToken(ctx: IdentifyContext, token: string): Promise<Claims | undefined> {
  try {
    const { payload } = await jwtVerify(token, createLocalJWKSet(ctx.jwks), {
      issuer: ctx.issuer,
      audience: ctx.clientId,
      algorithms: ['RS256'],
      currentDate: new Date(ctx.now()),
      requiredClaims: ['exp', 'iat', 'sub']
    })
    return payload as Claims
  } catch {
    return undefined
  }
}

/** Asks the provider's userinfo endpoint who an (opaque) access token belongs to. */
async function userinfo(ctx: IdentifyContext, accessToken: string): Promise<Claims | undefined> {
  const response = await ctx.fetch(ctx.userinfoEndpoint, {
    headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' }
  })
  if (!response.ok) {
    await response.body?.cancel()
    return undefined
  }
  return (await response.json()) as Claims
}

const looksLikeJwt = (token: string): boolean => /^[\w-]+\.[\w-]+\.[\w-]+$/.test(token)

/** Creates the License API's side of SSO: it redeems codes once and checks tokens. */
export function createIdentifier(ctx: IdentifyContext) {
  const presentedCodes = new SingleUse(ctx.now, ctx.codeLifetimeSeconds * 2000)

  /**
   * Redeems the code at the provider's token endpoint with the redirect URI the client says the
   * code was issued for (else the registered one), as the License API must at Keycloak (RFC 6749
   * §4.1.3). A code is spent on its first presentation, even when that presentation fails.
   */
  async function redeemCode(code: string, clientRedirectUri: string | undefined, customerAccountCode: string): Promise<SsoAnswer<{ email: string }>> {
    const invalid = refusal('sso_code_invalid', 'The authorization code is invalid, expired or already used')
    if (code.length === 0 || code.length > 512 || !presentedCodes.firstPresentation(code)) return invalid
    const redirectUri = clientRedirectUri ?? ctx.registeredRedirectUri(customerAccountCode)
    if (redirectUri === undefined) return invalid
    const response = await ctx.fetch(ctx.tokenEndpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
        authorization: `Basic ${Buffer.from(`${encodeURIComponent(ctx.clientId)}:${encodeURIComponent(ctx.clientSecret)}`).toString('base64')}`
      },
      body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri })
    })
    if (!response.ok) {
      const problem = (await response.json().catch(() => ({}))) as { error?: unknown; error_description?: unknown }
      return problem.error === 'invalid_grant' && problem.error_description === INCORRECT_REDIRECT_URI
        ? refusal('sso_redirect_uri_mismatch', INCORRECT_REDIRECT_URI)
        : invalid
    }
    const tokens = (await response.json()) as { id_token?: unknown }
    const claims = typeof tokens.id_token === 'string' ? await verifyIdToken(ctx, tokens.id_token) : undefined
    if (!claims) return invalid
    return identityFromClaims(ctx, claims, customerAccountCode, 'sso_code_invalid')
  }

  async function checkToken(token: string, customerAccountCode: string): Promise<SsoAnswer<{ email: string }>> {
    const invalid = refusal('sso_token_invalid', 'The token is invalid, expired or not issued by this identity provider')
    if (token.length === 0 || token.length > 8192) return invalid
    const claims = looksLikeJwt(token) ? await verifyIdToken(ctx, token) : await userinfo(ctx, token)
    if (!claims) return invalid
    return identityFromClaims(ctx, claims, customerAccountCode, 'sso_token_invalid')
  }

  return async function identify(credential: SsoCredentialOfCall, customerAccountCode: string): Promise<SsoAnswer<{ email: string }>> {
    const account = ctx.directory.account(customerAccountCode)
    if (!account) return refusal('customer_account_not_found', 'Customer account not found')
    if (account.sso?.enabled !== true) return refusal('sso_not_enabled', 'SSO is not enabled for this customer account')
    return credential.kind === 'code'
      ? redeemCode(credential.code, credential.redirectUri, customerAccountCode)
      : checkToken(credential.token, customerAccountCode)
  }
}
