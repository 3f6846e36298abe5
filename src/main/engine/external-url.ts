import { hasControlCharacters } from '../../shared/control-characters'
import { isLoopbackHostname } from '../../common/loopback'

/** Longer than any sign-in URL seen in practice, short enough for every OS's launcher. */
export const MAX_EXTERNAL_URL_LENGTH = 8192

/** The http: origins a sign-in page may be opened on: these loopback origins, or any (a License API on this PC). */
export type HttpSignInOrigins = readonly string[] | 'any-loopback'

export type VettedUrl = { ok: true; url: string } | { ok: false; reason: string }

/**
 * Whether an `http:` or `https:` URL without credentials may be opened in the system browser:
 * `https:` anywhere; `http:` only on this PC and only on an allowed origin (the sandbox's own provider).
 */
function isOpenableSignInUrl(url: URL, httpOrigins: HttpSignInOrigins): boolean {
  if (url.protocol === 'https:') return true
  if (!isLoopbackHostname(url.hostname)) return false
  return httpOrigins === 'any-loopback' || httpOrigins.includes(url.origin)
}

/**
 * The one rule for what leaves the app for the system browser (sign-in pages): `https:`
 * anywhere, `http:` only on the given loopback origins (in sandbox mode, the sandbox's own
 * provider). Anything else — file:, javascript:, custom schemes, embedded credentials, other
 * loopback ports, spaces or control characters — is refused.
 */
export function vetExternalUrl(raw: string, httpOrigins: HttpSignInOrigins = []): VettedUrl {
  if (typeof raw !== 'string' || raw.length === 0) return { ok: false, reason: 'empty' }
  if (raw.length > MAX_EXTERNAL_URL_LENGTH) return { ok: false, reason: 'too long' }
  if (hasControlCharacters(raw) || raw.includes(' ')) return { ok: false, reason: 'contains spaces or control characters' }
  const url = URL.canParse(raw) ? new URL(raw) : undefined
  if (!url) return { ok: false, reason: 'not a URL' }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, reason: `scheme ${url.protocol} is not allowed` }
  if (url.username !== '' || url.password !== '') return { ok: false, reason: 'carries a user name or password' }
  if (!isOpenableSignInUrl(url, httpOrigins)) return { ok: false, reason: 'plain http outside the sandbox’s sign-in page' }
  return { ok: true, url: url.href }
}

/** What a License API at `apiUrl` may send the browser to: a loopback http: API (a sandbox) may name a loopback http: page. */
export function httpSignInOriginsFor(apiUrl: string): HttpSignInOrigins {
  const url = URL.canParse(apiUrl) ? new URL(apiUrl) : undefined
  return url?.protocol === 'http:' && isLoopbackHostname(url.hostname) ? 'any-loopback' : []
}
