import { vetExternalUrl, type HttpSignInOrigins } from '../engine/external-url'
import { BrowserNotOpenedError } from '../engine/sso/types'

/** `shell.openExternal` on Windows: "the URL is limited to 2081 characters" (Electron's docs). */
export const MAX_WINDOWS_OPEN_URL_LENGTH = 2081

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
