import type { Session } from 'electron'
import { isAppResourceUrl, type AppLocation } from './app-location'

/*
 * Content security, in two layers:
 * 1. The CSP (content-security-policy.ts): the renderer's index.html carries it as the first
 *    <meta> of <head>, and the app:// handler sends it as a header with the page. In
 *    `electron-vite dev` no header is added: Vite's React refresh needs an inline preamble
 *    script and a websocket that a production policy forbids, and the dev server is
 *    loopback-only, built from the same sources.
 * 2. This filter: whatever the page asks for, the window's own requests may only reach
 *    app://license-manager/ (or the dev server). Requests the main process makes with
 *    `net.fetch` carry no webContentsId and are untouched.
 */

/** The window's request is allowed when it stays inside the app. */
export function isAllowedWindowRequest(url: string, app: AppLocation): boolean {
  return isAppResourceUrl(url, app)
}

export function installWindowRequestFilter(session: Pick<Session, 'webRequest'>, app: AppLocation, isAppContents: (webContentsId: number) => boolean): void {
  session.webRequest.onBeforeRequest((details, callback) => {
    const fromWindow = details.webContentsId !== undefined && isAppContents(details.webContentsId)
    callback({ cancel: fromWindow && !isAllowedWindowRequest(details.url, app) })
  })
}
