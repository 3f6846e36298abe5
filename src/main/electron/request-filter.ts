import type { Session } from 'electron'
import { isAppResourceUrl, type AppLocation } from './app-location'

/*
 * Content security, in two layers:
 * 1. The renderer's index.html carries a strict CSP <meta> (default-src 'self'). For the
 *    packaged app that is the only place a CSP can live: pages load from file://, which
 *    has no response headers for `webRequest.onHeadersReceived` to add one to. The meta
 *    is the first element of <head>, so it applies before any script runs.
 *    In `electron-vite dev` a header is deliberately not added either: Vite's React
 *    refresh needs an inline preamble script and a websocket that a production policy
 *    forbids, and the dev server is loopback-only, built from the same sources.
 * 2. This filter: whatever the page asks for, the window's own requests may only reach
 *    the renderer's folder (or the dev server). Requests the main process makes with
 *    `net.fetch` carry no webContentsId and are untouched.
 */

/** The window's request is allowed when it stays inside the app. */
export function isAllowedWindowRequest(url: string, app: AppLocation): boolean {
  return isAppResourceUrl(url, app)
}

export function installWindowRequestFilter(
  session: Pick<Session, 'webRequest'>,
  app: AppLocation,
  isAppContents: (webContentsId: number) => boolean
): void {
  session.webRequest.onBeforeRequest((details, callback) => {
    const fromWindow = details.webContentsId !== undefined && isAppContents(details.webContentsId)
    callback({ cancel: fromWindow && !isAllowedWindowRequest(details.url, app) })
  })
}
