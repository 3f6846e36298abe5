import type { SsoCustomerAccount } from './directory'
import { DEFAULT_REDIRECT_URI } from './directory'

export interface SsoAccountSummary {
  code: string
  name: string
  /** The redirect URI the vendor registered (a loopback one without a port accepts any port). */
  redirectUri: string
  /** Test users who can sign in at the sandbox's identity provider (seed values, not secrets). */
  users: { email: string; password: string }[]
}

/**
 * The `customerAccounts` entry of the sandbox's `--json` summary: every account with SSO enabled
 * and its users, so a person or test can sign in. `redirectUri` is the provider's override, if any.
 */
export function ssoSummary(seed: { customerAccounts?: readonly SsoCustomerAccount[] }, redirectUri?: string): { customerAccounts: SsoAccountSummary[] } {
  return {
    customerAccounts: (seed.customerAccounts ?? [])
      .filter((account) => account.sso?.enabled === true)
      .map((account) => ({
        code: account.code,
        name: account.name ?? account.code,
        redirectUri: redirectUri ?? account.sso?.redirectUri ?? DEFAULT_REDIRECT_URI,
        users: account.users.map((user) => ({ email: user.email, password: user.password }))
      }))
  }
}
