import type { Page } from '@playwright/test'
import { describeServerError } from '../../../src/shared/errors'
import { failure, success } from '../../../src/shared/outcome'
import type { SsoProgress } from '../../../src/shared/api'
import type { SsoAuthority } from '../../../src/sandbox/sso-authority'
import type { SsoCustomerAccount } from '../../../src/sandbox/sso'
import type { SsoBrowserFlowDeps, SsoSignInQuery } from '../../../src/main/engine/sso'

/** Customer accounts of these tests (independent of the default seed). */
export const ACCOUNTS: SsoCustomerAccount[] = [
  {
    code: 'acme',
    name: 'Acme <Corp> & Sons',
    sso: { enabled: true },
    users: [
      { email: 'ann@acme.test', password: 'ann-password' },
      { email: 'carl@acme.test', password: 'carl-password' }
    ]
  },
  { code: 'initech', name: 'Initech', sso: { enabled: true }, users: [{ email: 'peter@initech.test', password: 'peter-password' }] },
  { code: 'globex', name: 'Globex', users: [{ email: 'eve@globex.test', password: 'eve-password' }] }
]

export const ANN = { email: 'ann@acme.test', password: 'ann-password' }

export const codeQuery = (customerAccountCode = 'acme'): SsoSignInQuery => ({ product: 'design-pack', customerAccountCode, grant: 'code' })
export const tokenQuery = (customerAccountCode = 'acme'): SsoSignInQuery => ({ product: 'design-pack', customerAccountCode, grant: 'token' })

/**
 * What the engine's client does for `GET sso_url`, minus HTTP: asks the authority directly.
 * `discovery: false` leaves out the provider's discovery document, as some License APIs do.
 */
export function requestFrom(authority: SsoAuthority, discovery = true): SsoBrowserFlowDeps['requestSsoUrl'] {
  return async (query) => {
    const answer = await authority.ssoUrl({
      product: query.product,
      customerAccountCode: query.customerAccountCode,
      responseType: query.grant,
      ...(query.redirectUri === undefined ? {} : { redirectUri: query.redirectUri })
    })
    return answer.ok
      ? success({ url: answer.value.url, ...(discovery ? { openidConfiguration: answer.value.openid_configuration } : {}) })
      : failure(describeServerError(answer.refusal.code, { status: answer.refusal.status, serverMessage: answer.refusal.message }))
  }
}

/** A stand-in for shell.openExternal that records the URL and optionally opens it in a page. */
export function browserOpener(page?: Page) {
  const urls: string[] = []
  let announce: (url: string) => void = () => undefined
  const firstUrl = new Promise<string>((resolve) => (announce = resolve))
  return {
    urls,
    /** The URL the flow asked to open first. */
    firstUrl,
    openExternal: async (url: string): Promise<void> => {
      urls.push(url)
      announce(url)
      if (page) await page.goto(url)
    }
  }
}

/** The loopback listener of a sign-in URL (its rewritten redirect URI). */
export function listenerOf(signInUrl: string): { host: string; port: number; redirect: URL } {
  const redirect = new URL(new URL(signInUrl).searchParams.get('redirect_uri') ?? '')
  return { host: redirect.hostname.replace(/^\[|\]$/g, ''), port: Number(redirect.port), redirect }
}

export function progressLog(): { events: SsoProgress[]; onProgress: (p: SsoProgress) => void } {
  const events: SsoProgress[] = []
  return { events, onProgress: (p) => events.push(p) }
}

/** Resolves to 'pending' if `promise` has not settled within `ms`. */
export async function settledWithin<T>(promise: Promise<T>, ms: number): Promise<T | 'pending'> {
  let timer: NodeJS.Timeout | undefined
  const pending = new Promise<'pending'>((resolve) => (timer = setTimeout(() => resolve('pending'), ms)))
  try {
    return await Promise.race([promise, pending])
  } finally {
    clearTimeout(timer)
  }
}

/** Signs in on the provider's login page, finding fields by label and the button by role. */
export async function signInOnProviderPage(page: Page, user: { email: string; password: string }): Promise<void> {
  await page.getByLabel('Email').fill(user.email)
  await page.getByLabel('Password').fill(user.password)
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
}
