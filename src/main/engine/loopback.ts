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
