import type { SsoFactory } from './server'

/**
 * The sandbox's default SSO side: the OpenID provider of src/sandbox/sso/.
 * startSandbox() (and so `npm run sandbox`) starts it through this factory unless
 * options.sso is false or options.ssoFactory / options.ssoAuthority is given.
 * Loaded on first use, so a sandbox without SSO never loads oidc-provider.
 */
export const defaultSsoFactory: SsoFactory | undefined = async (context) =>
  (await import('./sso/sandbox-factory')).createSandboxSso(context)
