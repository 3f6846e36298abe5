import { dirname } from 'node:path'
import { pathToFileURL } from 'node:url'

/**
 * Where the window's own pages live. Packaged and preview builds load the bundled
 * renderer from disk; `electron-vite dev` serves it from a loopback dev server.
 */
export type AppLocation =
  | { kind: 'file'; indexFile: string; indexUrl: string }
  | { kind: 'dev-server'; origin: string; indexUrl: string }

export interface AppLocationInputs {
  /** `process.env.ELECTRON_RENDERER_URL`, set by `electron-vite dev` only. */
  devServerUrl: string | undefined
  /** `app.isPackaged`: a packaged app never follows the dev-server variable. */
  packaged: boolean
  /** Absolute path of the built renderer's index.html. */
  rendererIndexFile: string
}

const LOOPBACK_HOSTS = new Set(['localhost', '[::1]'])

/** 127.0.0.0/8, [::1] and localhost: addresses that never leave this PC. */
export function isLoopbackHost(hostname: string): boolean {
  if (LOOPBACK_HOSTS.has(hostname.toLowerCase())) return true
  const octets = hostname.split('.')
  return octets.length === 4 && octets[0] === '127' && octets.every((o) => /^\d{1,3}$/.test(o) && Number(o) <= 255)
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
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || !isLoopbackHost(url.hostname)) {
      throw new Error('ELECTRON_RENDERER_URL must be an http(s) URL on this PC (127.0.0.1, [::1] or localhost).')
    }
    return { kind: 'dev-server', origin: url.origin, indexUrl: url.href }
  }
  return { kind: 'file', indexFile: inputs.rendererIndexFile, indexUrl: pathToFileURL(inputs.rendererIndexFile).href }
}

/** Percent-decoding (except reserved characters) and, for Windows drive paths, case folding. */
function comparablePath(pathname: string): string {
  let decoded: string
  try {
    decoded = decodeURI(pathname)
  } catch {
    return pathname
  }
  return /^\/[A-Za-z]:\//.test(decoded) ? decoded.toLowerCase() : decoded
}

/** True for the window's own page: the dev server's origin, or exactly the bundled index.html. */
export function isAppUrl(raw: string, app: AppLocation): boolean {
  const url = parseUrl(raw)
  if (!url) return false
  if (app.kind === 'dev-server') return url.origin === app.origin
  const index = new URL(app.indexUrl)
  return url.protocol === 'file:' && url.host === index.host && comparablePath(url.pathname) === comparablePath(index.pathname)
}

/**
 * True for what the window may load: the dev server (and its HMR websocket), or
 * files inside the bundled renderer's folder. Inline `data:`/`blob:` URLs are left to the CSP.
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
  const folder = comparablePath(pathToFileURL(dirname(app.indexFile)).pathname.replace(/\/?$/, '/'))
  const index = new URL(app.indexUrl)
  return url.protocol === 'file:' && url.host === index.host && comparablePath(url.pathname).startsWith(folder)
}
