import { describeError } from '../../../shared/errors'
import { failure, success, type Outcome } from '../../../shared/outcome'
import { vetExternalUrl, type HttpSignInOrigins } from '../external-url'
import { isLoopbackRedirect } from '../../../common/loopback'

const parse = (text: string): URL | undefined => {
  try {
    return new URL(text)
  } catch {
    return undefined
  }
}

/** A sign-in page the browser may be sent to, by the one rule for external URLs. */
export function vetSignInUrl(text: string, httpOrigins: HttpSignInOrigins): Outcome<URL> {
  const vetted = vetExternalUrl(text, httpOrigins)
  return vetted.ok ? success(new URL(vetted.url)) : failure(describeError('sso_unsafe_url'))
}

/** Where the browser will come back to, and how to listen for it. */
export interface LoopbackRedirect {
  /** As it appears in the sign-in URL. */
  registered: string
  /** Host to listen on (the listener binds exactly the host registered): 127.0.0.1, ::1 or localhost. */
  listenHost: string
  /** The fixed port the vendor registered, or 0 to let the OS choose (any port is accepted). */
  port: number
  /** The path the answer arrives on. */
  path: string
  /** The redirect URI with another port, keeping everything else exactly as registered. */
  withPort(port: number): string
}

/** Reads the redirect URI inside the sign-in URL; only an http loopback address can reach this app. */
export function loopbackRedirect(signInUrl: URL): Outcome<LoopbackRedirect> {
  const registered = signInUrl.searchParams.get('redirect_uri')
  if (registered === null || registered === '') {
    return failure(describeError('sso_redirect_not_loopback', { detail: { problem: 'no-redirect-uri' } }))
  }
  const url = parse(registered)
  if (!url || !isLoopbackRedirect(url) || url.username || url.password || url.hash) {
    return failure(describeError('sso_redirect_not_loopback'))
  }
  // Rebuild from the text as registered so only the port changes (no added "/" or re-encoding).
  const afterScheme = registered.slice(registered.indexOf('//') + 2)
  const authorityEnd = afterScheme.search(/[/?#]/)
  const rest = authorityEnd === -1 ? '' : afterScheme.slice(authorityEnd)
  const hostLiteral = url.hostname
  return success({
    registered,
    listenHost: hostLiteral === '[::1]' ? '::1' : hostLiteral,
    port: url.port === '' ? 0 : Number(url.port),
    path: url.pathname,
    withPort: (port: number) => `http://${hostLiteral}:${port}${rest}`
  })
}

/** True when the provider's discovery document says it can post answers as a form (OAuth 2.0 Form Post Response Mode). */
export function offersFormPost(openidConfiguration: Record<string, unknown> | null | undefined): boolean {
  const modes = openidConfiguration?.['response_modes_supported']
  return Array.isArray(modes) && modes.includes('form_post')
}

/**
 * The sign-in URL with the listener's redirect URI and this attempt's own `state`. Any `state` the
 * License API's link came with (empty, short, guessable, repeated, encoded) is removed first: only
 * the app's own value, drawn fresh from the OS's random source, can then come back, so a page that
 * reads or guesses the server's value cannot answer for the person. With `formPost`, an
 * implicit-grant URL that names no response mode asks for `form_post`, so the tokens arrive in a
 * POST body rather than in a URL the browser keeps in its history. With `freshSignIn`,
 * `prompt=login` (OpenID Connect Core §3.1.2.1): the provider asks who signs in.
 */
export function finalSignInUrl(
  signInUrl: URL,
  redirectUri: string,
  newState: () => string,
  formPost = false,
  freshSignIn = false
): { url: string; state: string; formPost: boolean } {
  const url = new URL(signInUrl.href)
  if (freshSignIn) url.searchParams.set('prompt', 'login')
  url.searchParams.set('redirect_uri', redirectUri)
  const state = newState()
  // set() removes every earlier `state` (however it was spelt in the link: URLSearchParams decodes names) and adds this one.
  url.searchParams.set('state', state)
  if (formPost && !url.searchParams.has('response_mode')) url.searchParams.set('response_mode', 'form_post')
  return { url: url.href, state, formPost: url.searchParams.get('response_mode') === 'form_post' }
}
