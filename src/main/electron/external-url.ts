import { isOpenableSignInUrl, type HttpSignInOrigins } from '../engine/loopback'
import { BrowserNotOpenedError } from '../engine/sso/types'
import { parseUrl } from './app-location'

/** Longer than any sign-in URL seen in practice, short enough for every OS's launcher. */
export const MAX_EXTERNAL_URL_LENGTH = 8192
/** `shell.openExternal` on Windows: "the URL is limited to 2081 characters" (Electron's docs). */
export const MAX_WINDOWS_OPEN_URL_LENGTH = 2081

export type VettedUrl = { ok: true; url: string } | { ok: false; reason: string }

/**
 * Decides whether a URL may be handed to the operating system's browser, by the engine's rule
 * for sign-in pages: `https:` anywhere, `http:` only on the given loopback origins (in sandbox
 * mode, the sandbox's own provider). Anything else — file:, javascript:, custom schemes,
 * embedded credentials, other loopback ports — is refused.
 */
export function vetExternalUrl(raw: string, httpOrigins: HttpSignInOrigins = []): VettedUrl {
  if (typeof raw !== 'string' || raw.length === 0) return { ok: false, reason: 'empty' }
  if (raw.length > MAX_EXTERNAL_URL_LENGTH) return { ok: false, reason: 'too long' }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0020\u007f]/.test(raw)) return { ok: false, reason: 'contains spaces or control characters' }
  const url = parseUrl(raw)
  if (!url) return { ok: false, reason: 'not a URL' }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, reason: `scheme ${url.protocol} is not allowed` }
  if (url.username !== '' || url.password !== '') return { ok: false, reason: 'carries a user name or password' }
  if (!isOpenableSignInUrl(url, httpOrigins)) {
    return { ok: false, reason: url.protocol === 'http:' ? 'plain http outside the sandbox’s sign-in page' : 'not a sign-in page' }
  }
  return { ok: true, url: url.href }
}

/**
 * Wraps `shell.openExternal` so nothing unvetted reaches it; refusals reject without
 * echoing the URL. On Windows a URL over 2081 characters is not handed over (Windows
 * would cut or drop it): the sign-in then offers its link to copy, saying why.
 */
export function vettedOpenExternal(
  open: (url: string) => Promise<void>,
  httpOrigins: HttpSignInOrigins = [],
  platform: NodeJS.Platform = process.platform
): (url: string) => Promise<void> {
  return async (raw) => {
    const vetted = vetExternalUrl(raw, httpOrigins)
    if (!vetted.ok) throw new Error(`Refused to open an external URL: ${vetted.reason}.`)
    if (platform === 'win32' && vetted.url.length > MAX_WINDOWS_OPEN_URL_LENGTH) {
      throw new BrowserNotOpenedError(
        `The sign-in link is ${vetted.url.length.toLocaleString('en-US')} characters long, and Windows cannot hand a link longer than ${MAX_WINDOWS_OPEN_URL_LENGTH.toLocaleString('en-US')} characters to your browser.`
      )
    }
    await open(vetted.url)
  }
}
