import { createHash, timingSafeEqual } from 'node:crypto'

/** What the provider needs of a seeded customer account (structurally a SeedCustomerAccount). */
export interface SsoCustomerAccount {
  code: string
  name?: string | undefined
  sso?: { enabled: boolean; redirectUri?: string | undefined } | undefined
  users: readonly { email: string; password: string }[]
}

/** A person signed in at the provider: the OpenID subject is `<account code>/<email>`. */
export interface SsoIdentity {
  accountId: string
  customerAccount: string
  email: string
}

/** Where the browser returns when the seed names no redirect URI: loopback, any port (RFC 8252). */
export const DEFAULT_REDIRECT_URI = 'http://127.0.0.1'

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest()

/** The seeded customer accounts and their users, as the identity provider sees them. */
export class SsoDirectory {
  private readonly accounts: Map<string, SsoCustomerAccount>
  private readonly identities = new Map<string, SsoIdentity>()

  constructor(
    accounts: readonly SsoCustomerAccount[],
    private readonly redirectOverride?: string
  ) {
    this.accounts = new Map(accounts.map((account) => [account.code, account]))
    for (const account of accounts) {
      for (const user of account.users) {
        const identity = SsoDirectory.identityOf(account.code, user.email)
        this.identities.set(identity.accountId, identity)
      }
    }
  }

  static identityOf(customerAccount: string, email: string): SsoIdentity {
    const normalised = email.trim().toLowerCase()
    return { accountId: `${customerAccount}/${normalised}`, customerAccount, email: normalised }
  }

  account(code: string): SsoCustomerAccount | undefined {
    return this.accounts.get(code)
  }

  ssoAccounts(): SsoCustomerAccount[] {
    return [...this.accounts.values()].filter((account) => account.sso?.enabled === true)
  }

  /** The redirect URI registered for the account (the start option overrides every account's). */
  redirectUriOf(account: SsoCustomerAccount): string {
    return this.redirectOverride ?? account.sso?.redirectUri ?? DEFAULT_REDIRECT_URI
  }

  identity(accountId: string): SsoIdentity | undefined {
    return this.identities.get(accountId)
  }

  hasUser(customerAccount: string, email: string): boolean {
    return this.identities.has(SsoDirectory.identityOf(customerAccount, email).accountId)
  }

  /** Checks a login against the account's seeded users; compares passwords in constant time. */
  authenticate(customerAccount: string, email: string, password: string): SsoIdentity | undefined {
    const account = this.accounts.get(customerAccount)
    if (!account || account.sso?.enabled !== true) return undefined
    const wanted = email.trim().toLowerCase()
    const user = account.users.find((u) => u.email.trim().toLowerCase() === wanted)
    // Hash both sides so the comparison takes the same time whatever the lengths, and for unknown users.
    const expected = digest(user?.password ?? '\u0000no-such-user')
    const matches = timingSafeEqual(expected, digest(password))
    return user && matches ? SsoDirectory.identityOf(customerAccount, user.email) : undefined
  }
}
