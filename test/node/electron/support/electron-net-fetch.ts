import { request as httpRequest, type IncomingMessage } from 'node:http'
import type { Socket } from 'node:net'

/**
 * A stand-in for Electron's `net.fetch` that behaves the way Electron's own code does
 * (lib/browser/api/net-fetch.ts on top of ClientRequest, lib/common/api/net-client-request.ts),
 * not the way Node's fetch does:
 * - a redirect under `redirect: 'manual'` rejects with `Error('Redirect was cancelled')`
 *   (no listener can call followRedirect), under `'error'` with Electron's own message;
 * - every network failure rejects (or errors the body) with `Error('net::ERR_…')`,
 *   Chromium's name, and no `code`/`cause`;
 * - the session's cookies ride along unless `credentials: 'omit'` (a fresh in-memory
 *   partition has none: `sessionCookie: null`);
 * - an abort rejects with the signal's reason; an abort while the body is read
 *   errors the body with an AbortError (Readable.toWeb of a destroyed stream).
 * Plain http to loopback only; `failWith` makes a request fail with any Chromium name.
 */
export interface NetFetchStandIn {
  fetch: (input: string | Request, init?: RequestInit) => Promise<Response>
  /** What each call asked for, as Electron reads it from `new Request(input, init)`. */
  calls: Array<{ url: string; method: string; redirect: Request['redirect']; credentials: Request['credentials']; cache: Request['cache'] }>
  /** Makes requests whose URL the predicate accepts fail with `net::<name>`. */
  failWith(name: string, when?: (url: string) => boolean): void
  /** Forgets every failWith. */
  clearFailures(): void
}

/** The cookie Chromium's session would add to every request that does not omit credentials. */
export const SESSION_COOKIE = 'session-id=from-the-browser-session'

export interface NetFetchStandInOptions {
  /** The session's cookie jar: SESSION_COOKIE (the default session, which the window uses) or none. */
  sessionCookie?: string | null
  /** The session's socket pool: an idle socket for the request's group, or undefined to open one. */
  takeSocket?: (origin: string, privacyMode: boolean) => Socket | undefined
}

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304])

/** Node socket errors as Chromium names them. */
function chromiumName(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ECONNREFUSED':
      return 'ERR_CONNECTION_REFUSED'
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'ERR_NAME_NOT_RESOLVED'
    case 'ETIMEDOUT':
      return 'ERR_CONNECTION_TIMED_OUT'
    case 'ECONNRESET':
      // "socket hang up": closed before any answer.
      return error.message === 'socket hang up' ? 'ERR_EMPTY_RESPONSE' : 'ERR_CONNECTION_RESET'
    default:
      return 'ERR_FAILED'
  }
}

const netError = (name: string) => new Error(`net::${name}`)

/** How Chromium names a body that ended before it was complete. */
function truncatedBodyName(res: IncomingMessage): string {
  if (res.headers['content-length'] !== undefined) return 'ERR_CONTENT_LENGTH_MISMATCH'
  if (/chunked/i.test(res.headers['transfer-encoding'] ?? '')) return 'ERR_INCOMPLETE_CHUNKED_ENCODING'
  return 'ERR_CONNECTION_RESET'
}

export function createNetFetchStandIn(options: NetFetchStandInOptions = {}): NetFetchStandIn {
  const sessionCookie = options.sessionCookie === undefined ? SESSION_COOKIE : options.sessionCookie
  const calls: NetFetchStandIn['calls'] = []
  const failures: Array<{ name: string; when: (url: string) => boolean }> = []

  async function netFetch(input: string | Request, init?: RequestInit): Promise<Response> {
    const req = new Request(input, init)
    calls.push({ url: req.url, method: req.method, redirect: req.redirect, credentials: req.credentials, cache: req.cache })
    const signal = req.signal
    if (signal.aborted) throw signal.reason ?? new DOMException('The operation was aborted.', 'AbortError')
    const failure = failures.find((f) => f.when(req.url))
    if (failure) {
      await new Promise((resolve) => setImmediate(resolve))
      throw netError(failure.name)
    }
    const url = new URL(req.url)
    if (url.protocol !== 'http:') throw netError('ERR_UNKNOWN_URL_SCHEME')
    const body = req.body ? Buffer.from(await req.arrayBuffer()) : undefined
    const headers: Record<string, string> = {}
    for (const [k, v] of req.headers) headers[k] = v
    // Chromium's session adds its cookies unless the request omits credentials.
    if (req.credentials !== 'omit' && sessionCookie !== null) headers['cookie'] = sessionCookie
    // Omitting credentials puts a request in the privacy-mode socket group.
    const pooled = options.takeSocket?.(url.origin, req.credentials === 'omit')

    return new Promise<Response>((resolve, reject) => {
      let settled = false
      let onBodyAbort: (() => void) | undefined
      const onAbort = () => {
        if (!settled) {
          settled = true
          // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- fetch rejects with the signal's reason, whatever the caller aborted with
          reject(signal.reason ?? new DOMException('The operation was aborted.', 'AbortError'))
        }
        onBodyAbort?.()
        outgoing.destroy()
      }
      const outgoing = httpRequest(url, { method: req.method, headers, ...(pooled ? { createConnection: () => pooled } : {}) }, (res) => {
        const status = res.statusCode ?? 0
        if (status >= 300 && status < 400 && res.headers.location !== undefined && req.redirect !== 'follow') {
          settled = true
          res.destroy()
          reject(new Error(req.redirect === 'manual' ? 'Redirect was cancelled' : "Attempted to redirect, but redirect policy was 'error'"))
          return
        }
        if (req.redirect === 'follow' && status >= 300 && status < 400) {
          settled = true
          reject(new Error('The stand-in does not follow redirects.'))
          return
        }
        const stream = new ReadableStream<Uint8Array>({
          start(controller) {
            let done = false
            const fail = (error: unknown) => {
              if (done) return
              done = true
              controller.error(error)
            }
            onBodyAbort = () => fail(new DOMException('The operation was aborted.', 'AbortError'))
            res.on('data', (chunk: Buffer) => {
              if (!done) controller.enqueue(new Uint8Array(chunk))
            })
            res.on('end', () => {
              if (done) return
              done = true
              controller.close()
            })
            res.on('error', () => undefined)
            res.on('close', () => {
              if (!res.complete) fail(netError(truncatedBodyName(res)))
            })
          }
        })
        const responseHeaders = new Headers()
        for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) responseHeaders.set(k, Array.isArray(v) ? v.join(', ') : v)
        settled = true
        resolve(
          new Response(NULL_BODY_STATUSES.has(status) || req.method === 'HEAD' ? null : stream, {
            status,
            statusText: res.statusMessage ?? '',
            headers: responseHeaders
          })
        )
      })
      signal.addEventListener('abort', onAbort, { once: true })
      outgoing.on('error', (error: NodeJS.ErrnoException) => {
        if (settled) return
        settled = true
        reject(netError(chromiumName(error)))
      })
      outgoing.end(body)
    })
  }

  return {
    fetch: netFetch,
    calls,
    failWith(name, when = () => true) {
      failures.push({ name, when })
    },
    clearFailures() {
      failures.length = 0
    }
  }
}
