import type { RequestListener } from 'node:http'
import type { Seed } from './seed'

/**
 * The seam between the License API emulator and its identity provider.
 * The API server calls it for `GET sso_url` and for the SSO credential sets;
 * the OpenID provider side (src/sandbox/sso/) implements it.
 */
export interface SsoUrlQuery {
  product: string
  customerAccountCode: string
  responseType: 'code' | 'token'
  /** A client-chosen redirect URI (the node SDK's option); absent normally. */
  redirectUri?: string
}

/** An error the API answers with, in the documented envelope. */
export interface SsoRefusal {
  status: number
  code: string
  message: string
}

export type SsoAnswer<T> = { ok: true; value: T } | { ok: false; refusal: SsoRefusal }

/** What an activate/deactivate call presents: a code (with the redirect URI it names, if any) or a token. */
export type SsoCredentialOfCall = { kind: 'code'; code: string; redirectUri?: string | undefined } | { kind: 'token'; token: string }

export interface SsoAuthority {
  /** Builds `{ url, openid_configuration }` for the customer account's provider. */
  ssoUrl(query: SsoUrlQuery): Promise<SsoAnswer<{ url: string; openid_configuration: Record<string, unknown> }>>
  /**
   * Redeems a code (once, with the redirect URI the client names, else the registered one) or
   * verifies an ID/access token, and returns the signed-in user's email within the customer account.
   */
  identify(credential: SsoCredentialOfCall, customerAccountCode: string): Promise<SsoAnswer<{ email: string }>>
  close: () => Promise<void>
}

/** What an SSO side receives when the sandbox starts it. */
export interface SsoFactoryContext {
  seed: Seed
  /** http://HOST:PORT of the License API server. */
  origin: string
  apiUrl: string
  /** options.sso.redirectUri: overrides the customer accounts' registered redirect URI. */
  redirectUri?: string
  now: () => number
  quiet: boolean
  /** Serves an OpenID provider (or anything) on the same server under `prefix`, e.g. '/sso/'. */
  mount: (prefix: string, listener: RequestListener) => void
}

/** An SSO side may describe itself for summary().sso (e.g. issuer URL). */
export type SandboxSso = SsoAuthority & { describe?(): Record<string, unknown> }
export type SsoFactory = (context: SsoFactoryContext) => Promise<SandboxSso>
