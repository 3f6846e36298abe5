/**
 * The sandbox's default SSO side: the OpenID provider of src/sandbox/sso/.
 * startSandbox() (and so `npm run sandbox`) starts it through this factory unless
 * options.sso is false or options.ssoFactory / options.ssoAuthority is given.
 */
export { createSandboxSso as defaultSsoFactory } from './sso/sandbox-factory'
