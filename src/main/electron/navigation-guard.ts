import type { WebContents, WindowOpenHandlerResponse } from 'electron'
import { isAppUrl, type AppLocation } from './app-location'

/** The window may only (re)load its own page; anything else is an attack or a stray link. */
export function isAllowedNavigation(url: string, app: AppLocation): boolean {
  return isAppUrl(url, app)
}

/** No pop-ups, ever: the app has no second window and links to the web are not offered. */
export const denyWindowOpen = (): WindowOpenHandlerResponse => ({ action: 'deny' })

type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>

/** Applied to every WebContents the app creates (`app.on('web-contents-created')`). */
export function guardWebContents(contents: GuardedContents, app: AppLocation): void {
  const blockForeign = (details: { url: string; preventDefault(): void }): void => {
    if (!isAllowedNavigation(details.url, app)) details.preventDefault()
  }
  contents.on('will-navigate', blockForeign)
  contents.on('will-frame-navigate', blockForeign)
  contents.on('will-redirect', blockForeign)
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(denyWindowOpen)
}
