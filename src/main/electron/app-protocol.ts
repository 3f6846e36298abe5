import { readFile } from 'node:fs/promises'
import type { CustomScheme, Protocol } from 'electron'
import { RENDERER_CSP } from './content-security-policy'
import { contentTypeOf, resolveRendererFile } from './renderer-files'

/*
 * The built window is served from app://license-manager/, not file://. A file:// page
 * shares its origin with every file on the disk, and release builds turn the
 * GrantFileProtocolExtraPrivileges fuse off; a custom scheme gives the window an origin
 * of its own, response headers (the CSP) and a handler that decides which files exist.
 */
export const APP_SCHEME = 'app'
export const APP_HOST = 'license-manager'
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`

/**
 * standard: an origin, relative URLs and `'self'` as on the web; secure: a secure context
 * (navigator.clipboard needs one); supportFetchAPI and corsEnabled: the page's module
 * scripts (`<script type="module" crossorigin>`) load through fetch with CORS mode. No
 * service workers, no bypass of the CSP.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true }
}

/** Before the app is ready: Electron allows registering privileged schemes only then. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES])
}

export type AppProtocolHandler = (request: Request) => Promise<Response>

const refuse = (status: 400 | 404 | 405): Response =>
  new Response(null, { status, headers: { 'content-type': 'text/plain', 'x-content-type-options': 'nosniff' } })

/**
 * Answers app://license-manager/… with files under `rendererDir` only: GET and HEAD,
 * nothing outside that folder (see resolveRendererFile), each with its MIME type; the
 * page carries the CSP header.
 */
export function createAppProtocolHandler(rendererDir: string): AppProtocolHandler {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405)
    let url: URL
    try {
      url = new URL(request.url)
    } catch {
      return refuse(400)
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return refuse(404)
    const file = await resolveRendererFile(rendererDir, url.pathname)
    if (file === null) return refuse(404)
    let body: Buffer
    try {
      body = await readFile(file)
    } catch {
      return refuse(404)
    }
    const type = contentTypeOf(file)
    const headers: Record<string, string> = {
      'content-type': type,
      'content-length': String(body.byteLength),
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-cache'
    }
    if (type.startsWith('text/html')) headers['content-security-policy'] = RENDERER_CSP
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers })
  }
}

/** After 'ready': the default session (the window's) answers app:// from the built renderer. */
export function serveAppScheme(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir))
}
