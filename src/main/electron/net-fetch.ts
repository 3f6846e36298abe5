import { RedirectNotFollowedError } from '../engine/errors/map-transport'

/** The fetch options Chromium reads; Node's RequestInit type lacks `cache`. */
export type NetRequestInit = RequestInit & { cache?: 'default' | 'no-store' | 'reload' | 'no-cache' | 'force-cache' | 'only-if-cached' }

/** Electron's `net.fetch` (or `session.fetch`): Chromium's network stack behind the fetch API. */
export type NetFetch = (input: string | Request, init?: NetRequestInit) => Promise<Response>

/**
 * What Electron rejects with when the server redirects a request sent with
 * `redirect: 'manual'` (no `followRedirect()` is possible through fetch;
 * electron/electron#43715) or `redirect: 'error'`.
 */
const REDIRECT_REJECTIONS = new Set(['Redirect was cancelled', "Attempted to redirect, but redirect policy was 'error'"])

const isRedirectRejection = (error: unknown): boolean => error instanceof Error && REDIRECT_REJECTIONS.has(error.message)

function requestUrl(input: string | URL | Request): string {
  if (typeof input === 'string') return input
  return input instanceof URL ? input.href : input.url
}

/**
 * The engine's `fetch` in the app: Electron's `net.fetch`, so calls use the system
 * proxy/PAC and the OS certificate store, made to behave the way the engine needs:
 * - only http(s) (net.fetch also reaches file: and the app's own scheme);
 * - redirects are never followed, and a redirect rejected by Electron becomes
 *   `RedirectNotFollowedError`, which the engine explains as the 3xx answer it is;
 * - credentials allowed, the socket group Chromium preconnects into (session.preconnect
 *   asks for credentialed sockets; a `credentials: 'omit'` request goes to the
 *   privacy-mode group and would open a connection of its own at the click). The
 *   session is the License API's own, in memory (api-session.ts): it holds no cookie
 *   but what the License API itself set during this run;
 * - no HTTP cache;
 * - Chromium's `net::ERR_…` failures pass through unchanged: the engine's
 *   transport mapper reads them (chromium-net-errors.ts).
 */
export function createApiFetch(netFetch: NetFetch): typeof fetch {
  return async (input, init) => {
    const url = requestUrl(input)
    if (!/^https?:/i.test(url)) throw new TypeError('Only http and https requests are sent.')
    const target = input instanceof URL ? input.href : input
    try {
      const options: NetRequestInit = { ...init, redirect: 'manual', credentials: 'include', cache: 'no-store' }
      return await netFetch(target, options)
    } catch (error) {
      if (isRedirectRejection(error)) throw new RedirectNotFollowedError(0, { cause: error })
      throw error
    }
  }
}
