const LOOPBACK_NAMES = new Set(['localhost', '[::1]', '::1'])

/** 127.0.0.0/8, ::1 and localhost: host names that never leave this PC. */
export function isLoopbackHostname(hostname: string): boolean {
  const host = hostname.toLowerCase()
  if (LOOPBACK_NAMES.has(host)) return true
  const octets = host.split('.')
  return octets.length === 4 && octets[0] === '127' && octets.every((o) => /^\d{1,3}$/.test(o) && Number(o) <= 255)
}

/** Hosts a loopback redirect URI may name (RFC 8252 §7.3, plus `localhost`, which vendors register too), as a URL spells them. */
const LOOPBACK_REDIRECT_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost'])

/** Whether a redirect URI is a native app's loopback one: `http:` on exactly 127.0.0.1, [::1] or localhost. */
export const isLoopbackRedirect = (url: URL): boolean => url.protocol === 'http:' && LOOPBACK_REDIRECT_HOSTS.has(url.hostname)

/** `https:` anywhere, `http:` only on this PC (the sandbox). */
export function isAllowedServerUrl(url: URL): boolean {
  return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHostname(url.hostname))
}
