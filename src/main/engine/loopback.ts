const LOOPBACK_NAMES = new Set(['localhost', '[::1]', '::1'])

/** 127.0.0.0/8, ::1 and localhost: host names that never leave this PC. */
export function isLoopbackHostname(hostname: string): boolean {
  const host = hostname.toLowerCase()
  if (LOOPBACK_NAMES.has(host)) return true
  const octets = host.split('.')
  return octets.length === 4 && octets[0] === '127' && octets.every((o) => /^\d{1,3}$/.test(o) && Number(o) <= 255)
}

/** `https:` anywhere, `http:` only on this PC (the sandbox). */
export function isAllowedServerUrl(url: URL): boolean {
  return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHostname(url.hostname))
}

/** The http: origins a sign-in page may be opened on: these loopback origins, or any (a License API on this PC). */
export type HttpSignInOrigins = readonly string[] | 'any-loopback'

/**
 * Whether a sign-in page may be opened in the browser: `https:` anywhere; `http:` only on this
 * PC and only on an allowed origin (the sandbox's own provider); never with a user name or password.
 */
export function isOpenableSignInUrl(url: URL, httpOrigins: HttpSignInOrigins): boolean {
  if (url.username !== '' || url.password !== '') return false
  if (url.protocol === 'https:') return true
  if (url.protocol !== 'http:' || !isLoopbackHostname(url.hostname)) return false
  return httpOrigins === 'any-loopback' || httpOrigins.includes(url.origin)
}

/** What a License API at `apiUrl` may send the browser to: a loopback http: API (a sandbox) may name a loopback http: page. */
export function httpSignInOriginsFor(apiUrl: string): HttpSignInOrigins {
  const url = URL.canParse(apiUrl) ? new URL(apiUrl) : undefined
  return url?.protocol === 'http:' && isLoopbackHostname(url.hostname) ? 'any-loopback' : []
}
