/** The parts of an origin-form request target (RFC 9112 §3.2.1), e.g. "/callback?code=…". */
export interface RequestTarget {
  pathname: string
  /** Without the "?"; empty when there is none. */
  query: string
}

/** Longer than any URL a browser or SDK sends to these servers. */
export const MAX_TARGET_LENGTH = 16 * 1024

/** Visible ASCII only, and every "%" starts a two-digit hex escape. */
const ORIGIN_FORM = /^\/(?!\/)(?:[!$&-;=?-~]|%[0-9A-Fa-f]{2})*$/

/**
 * Reads a request target, or returns undefined for anything that is not a plain path:
 * absolute-form (`http://x/`), authority-form (`host:443`), asterisk-form (`*`), a path
 * starting with "//" (a URL parser would take it for a host), control or non-ASCII
 * characters, a fragment, broken percent-encoding or an over-long target.
 */
export function parseRequestTarget(raw: string | undefined): RequestTarget | undefined {
  if (raw === undefined || raw.length > MAX_TARGET_LENGTH || !ORIGIN_FORM.test(raw)) return undefined
  const q = raw.indexOf('?')
  return q < 0 ? { pathname: raw, query: '' } : { pathname: raw.slice(0, q), query: raw.slice(q + 1) }
}
