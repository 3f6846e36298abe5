import { isLoopbackHostname } from '../../common/loopback'
import { APP_HOST, APP_INDEX_URL, APP_SCHEME } from './app-protocol'

/**
 * Where the window's own pages live. Packaged and preview builds load the bundled
 * renderer over the app's own scheme (app://license-manager/, see app-protocol.ts);
 * `electron-vite dev` serves it from a loopback dev server.
 */
export type AppLocation = { kind: 'bundled'; rendererDir: string; indexUrl: string } | { kind: 'dev-server'; origin: string; indexUrl: string }

export interface AppLocationInputs {
  /** `process.env.ELECTRON_RENDERER_URL`, set by `electron-vite dev` only. */
  devServerUrl: string | undefined
  /** `app.isPackaged`: a packaged app never follows the dev-server variable. */
  packaged: boolean
  /** Absolute path of the built renderer's folder (out/renderer), served as app://license-manager/. */
  rendererDir: string
}

export function parseUrl(raw: string): URL | null {
  try {
    return new URL(raw)
  } catch {
    return null
  }
}

export function resolveAppLocation(inputs: AppLocationInputs): AppLocation {
  if (!inputs.packaged && inputs.devServerUrl) {
    const url = parseUrl(inputs.devServerUrl)
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || !isLoopbackHostname(url.hostname)) {
      throw new Error('ELECTRON_RENDERER_URL must be an http(s) URL on this PC (127.0.0.1, [::1] or localhost).')
    }
    return { kind: 'dev-server', origin: url.origin, indexUrl: url.href }
  }
  return { kind: 'bundled', rendererDir: inputs.rendererDir, indexUrl: APP_INDEX_URL }
}

/**
 * The app's own scheme and host. Node's URL keeps a non-web scheme's origin opaque
 * ("null"), so the scheme and host are compared instead. Chromium hands Electron
 * canonical URLs (host in lower case, unreserved characters unescaped): anything
 * spelled otherwise is refused.
 */
const isAppOrigin = (url: URL): boolean => url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.username === '' && url.password === ''

/** True for the window's own page: the dev server's origin, or exactly app://license-manager/index.html. */
export function isAppUrl(raw: string, app: AppLocation): boolean {
  const url = parseUrl(raw)
  if (!url) return false
  if (app.kind === 'dev-server') return url.origin === app.origin
  return isAppOrigin(url) && url.pathname === new URL(app.indexUrl).pathname
}

/**
 * True for what the window may load: the dev server (and its HMR websocket), or anything
 * on the app's own scheme, whose handler serves files under the renderer folder only.
 * Inline `data:`/`blob:` URLs are left to the CSP.
 */
export function isAppResourceUrl(raw: string, app: AppLocation): boolean {
  const url = parseUrl(raw)
  if (!url) return false
  if (url.protocol === 'data:' || url.protocol === 'blob:') return true
  if (app.kind === 'dev-server') {
    const dev = new URL(app.origin)
    if (url.origin === app.origin) return true
    const socketScheme = dev.protocol === 'https:' ? 'wss:' : 'ws:'
    return url.protocol === socketScheme && url.host === dev.host
  }
  return isAppOrigin(url)
}
