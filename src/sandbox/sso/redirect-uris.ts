import { isLoopbackRedirect } from '../../common/loopback'

const parse = (uri: string): URL | undefined => {
  try {
    return new URL(uri)
  } catch {
    return undefined
  }
}

/** The URI with its port removed when it is a loopback http URI; undefined otherwise. */
function withoutLoopbackPort(uri: string): string | undefined {
  const url = parse(uri)
  if (!url || !isLoopbackRedirect(url)) return undefined
  url.port = ''
  return url.href
}

/**
 * The strings to register with the provider for one configured redirect URI: as written and as
 * URL-normalised (`http://127.0.0.1` → `http://127.0.0.1/`), because an app that rewrites the port
 * with the URL API produces the normalised form and the provider compares strings.
 */
export function registrationForms(uri: string): string[] {
  const url = parse(uri)
  return url && url.href !== uri ? [uri, url.href] : [uri]
}

/**
 * Whether `candidate` may be used where `registered` is registered: the same URI, or for loopback
 * http URIs (native apps, RFC 8252 §7.3) the same URI on any port.
 */
export function redirectUriAllowed(registered: string, candidate: string): boolean {
  const a = parse(registered)
  const b = parse(candidate)
  if (!a || !b) return false
  if (a.href === b.href) return true
  const looseA = withoutLoopbackPort(registered)
  return looseA !== undefined && looseA === withoutLoopbackPort(candidate)
}
