import type { SandboxSso, SsoFactoryContext } from '../sso-authority'
import { startSsoProvider } from './provider'

/** The provider always listens on loopback: ::1 when the sandbox does, else 127.0.0.1. */
const loopbackHostFor = (origin: string): string => (new URL(origin).hostname === '[::1]' ? '::1' : '127.0.0.1')

/**
 * The sandbox's SSO side (an `SsoFactory`): starts the OpenID provider on its own loopback port
 * with the sandbox's seed, clock and redirect-URI override, and describes it for summary().sso.
 */
export async function createSandboxSso(context: SsoFactoryContext): Promise<SandboxSso> {
  const provider = await startSsoProvider({
    seed: context.seed,
    host: loopbackHostFor(context.origin),
    port: 0,
    now: context.now,
    ...(context.redirectUri ? { redirectUri: context.redirectUri } : {})
  })
  const redirectUris = Object.fromEntries(
    context.seed.customerAccounts.flatMap((account) => {
      const uri = provider.registeredRedirectUri(account.code)
      return uri === undefined ? [] : [[account.code, uri]]
    })
  )
  return {
    ssoUrl: (query) => provider.ssoUrl(query),
    identify: (credential, customerAccountCode) => provider.identify(credential, customerAccountCode),
    close: () => provider.close(),
    describe: () => ({ issuer: provider.issuer, clientId: provider.clientId, redirectUris })
  }
}
