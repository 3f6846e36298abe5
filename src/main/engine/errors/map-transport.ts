import { describeError, type AppError, type DetailOf } from '../../../shared/errors'
import { chromiumErrorName, chromiumTransportCode, type TransportCode } from './chromium-net-errors'
import type { NetworkCheck } from '../network-check'
import { redirectAnswerError } from './map-response'

export type { TransportCode } from './chromium-net-errors'

/**
 * The server answered with a redirect that was not followed, but the fetch in use
 * rejects instead of returning the 3xx answer (Electron's `net.fetch` under
 * `redirect: 'manual'`); the shell's adapter raises this so the engine explains it
 * like the 3xx answer it stands for.
 */
export class RedirectNotFollowedError extends Error {
  override readonly name = 'RedirectNotFollowedError'
  /** The 3xx status when the fetch told it; 0 when it did not. */
  readonly status: number

  constructor(status = 0, options?: { cause?: unknown }) {
    super('The server answered with a redirect, which is not followed.', options)
    this.status = status
  }
}

/**
 * Maps a failure that left no HTTP answer to the catalogue.
 *
 * Node's fetch (undici) throws `TypeError: fetch failed` with the socket error as
 * `.cause` (sometimes an AggregateError of several); Electron's `net.fetch` throws
 * errors whose message carries Chromium's `net::ERR_…` name (table in
 * chromium-net-errors.ts); ky adds its own
 * `TimeoutError`; an AbortSignal deadline rejects with a `TimeoutError`/`AbortError`.
 */
export function mapTransportError(error: unknown, isOnline?: NetworkCheck): AppError {
  const redirect = errorChain(error).find((e): e is RedirectNotFollowedError => e instanceof RedirectNotFollowedError)
  if (redirect) return redirectAnswerError(redirect.status)
  const code = transportErrorCode(error)
  const networkCause = transportCause(error)
  const described = describeTransport(code, networkCause, isOnline)
  return networkCause === undefined ? described : { ...described, networkCause }
}

/**
 * The words for a failure, told apart where the client can: a name server's answer says which
 * way a lookup failed; a refused connection means something at the server's address answered
 * (this PC's network works); for a connection that could not be made or an answer that never
 * came, the handed-in check says whether this PC has a network at all.
 */
function describeTransport(code: TransportCode, cause: string | undefined, isOnline: NetworkCheck | undefined): AppError {
  if (code === 'dns_failure') {
    const resolver = resolverAnswer(cause)
    return resolver === undefined ? describeError(code) : describeError(code, { detail: { resolver } })
  }
  if (code === 'cannot_connect_to_server' && (cause?.startsWith('ECONNREFUSED') === true || cause === 'net::ERR_CONNECTION_REFUSED')) {
    return describeError(code, { detail: { reach: 'refused' } })
  }
  if ((code !== 'cannot_connect_to_server' && code !== 'timeout') || isOnline === undefined) return describeError(code)
  return isOnline() ? describeError(code, { detail: { reach: 'pc-online' } }) : describeError('pc_offline')
}

/**
 * A name lookup that failed says which way where the resolver tells: a name server that
 * answered "no such name" (ENOTFOUND) means this PC reaches the network and the address is
 * wrong; no name server reached (EAI_AGAIN) points at the network. Other causes keep the
 * catalogue's own words, which name both.
 */
function resolverAnswer(cause: string | undefined): DetailOf<'dns_failure'>['resolver'] | undefined {
  if (cause?.startsWith('ENOTFOUND')) return 'no-such-name'
  if (cause?.startsWith('EAI_AGAIN')) return 'no-name-server'
  return undefined
}

const MAX_CAUSE_DEPTH = 6

/** The error, its causes and (for AggregateError) the errors it groups, breadth first and bounded. */
function errorChain(error: unknown): unknown[] {
  const seen: unknown[] = []
  const queue: Array<{ value: unknown; depth: number }> = [{ value: error, depth: 0 }]
  while (queue.length > 0 && seen.length < 32) {
    const { value, depth } = queue.shift()!
    if (value === undefined || value === null || seen.includes(value)) continue
    seen.push(value)
    if (depth >= MAX_CAUSE_DEPTH || typeof value !== 'object') continue
    const { cause, errors } = value as { cause?: unknown; errors?: unknown }
    if (cause !== undefined) queue.push({ value: cause, depth: depth + 1 })
    if (Array.isArray(errors)) for (const e of errors.slice(0, 8)) queue.push({ value: e, depth: depth + 1 })
  }
  return seen
}

const stringProp = (value: unknown, key: 'code' | 'name' | 'message'): string => {
  if (typeof value !== 'object' || value === null) return key === 'message' && typeof value === 'string' ? value : ''
  const prop = (value as Record<string, unknown>)[key]
  return typeof prop === 'string' ? prop : ''
}

/** Node and undici `code` values. */
function codeFromNodeCode(code: string): TransportCode | undefined {
  if (code === 'ECONNREFUSED') return 'cannot_connect_to_server'
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME' || code === 'EAI_NODATA') return 'dns_failure'
  if (
    code.startsWith('CERT_') ||
    code.startsWith('ERR_TLS_') ||
    code.startsWith('ERR_SSL_') ||
    code === 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' ||
    code === 'UNABLE_TO_GET_ISSUER_CERT' ||
    code === 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY' ||
    code === 'SELF_SIGNED_CERT_IN_CHAIN' ||
    code === 'DEPTH_ZERO_SELF_SIGNED_CERT' ||
    code === 'HOSTNAME_MISMATCH'
  ) {
    return 'tls_failure'
  }
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET' || code === 'ECONNABORTED' || code === 'UND_ERR_CLOSED') {
    return 'connection_reset'
  }
  if (code === 'ETIMEDOUT' || code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
    return 'timeout'
  }
  if (code.startsWith('ERR_PROXY') || code === 'UND_ERR_PRX_TLS') return 'proxy_failure'
  return undefined
}

export function transportErrorCode(error: unknown): TransportCode {
  const chain = errorChain(error)
  for (const e of chain) {
    const name = stringProp(e, 'name')
    if (name === 'TimeoutError') return 'timeout'
    // undici refuses a proxy tunnel with an AbortError: "Proxy response (403) !== 200 when HTTP Tunneling".
    if (name === 'AbortError') return /proxy/i.test(stringProp(e, 'message')) ? 'proxy_failure' : 'timeout'
  }
  for (const e of chain) {
    const code = stringProp(e, 'code')
    const mapped = code ? codeFromNodeCode(code) : undefined
    if (mapped) return mapped
  }
  for (const e of chain) {
    const message = stringProp(e, 'message')
    const chromium = chromiumErrorName(message)
    if (chromium) return chromiumTransportCode(chromium)
    if (/other side closed|socket hang up|terminated/i.test(message)) return 'connection_reset'
    if (/proxy/i.test(message)) return 'proxy_failure'
  }
  return 'network_error'
}

/** True only when the failure proves the request never reached the server (so a resend is safe). */
export const neverReachedServer = (error: unknown): boolean => transportErrorCode(error) === 'cannot_connect_to_server'

const MAX_CAUSE_LENGTH = 160
/** Error codes and Chromium names are plain tokens; anything else is not quoted. */
const TOKEN = /^[A-Za-z0-9_]{2,64}$/
const HOST = /^[A-Za-z0-9.:[\]_-]{1,253}$/

/**
 * The technical cause of a transport failure, for diagnostics: the socket's error code
 * with the host or address it concerns, a certificate's reason code, Chromium's
 * `net::ERR_…` name, or undici's "bad port". Only those tokens: never a URL (it could
 * carry a query) nor free text a server sent.
 */
export function transportCause(error: unknown): string | undefined {
  const chain = errorChain(error)
  for (const e of chain) {
    const code = stringProp(e, 'code')
    if (!TOKEN.test(code) || code === 'ABORT_ERR' || code === 'UND_ERR_ABORTED') continue
    const record = e as Record<string, unknown>
    const host = typeof record['hostname'] === 'string' ? record['hostname'] : typeof record['address'] === 'string' ? record['address'] : ''
    const port = typeof record['port'] === 'number' ? `:${record['port']}` : ''
    const where = HOST.test(host) ? ` ${host}${port}` : ''
    return `${code}${where}`.slice(0, MAX_CAUSE_LENGTH)
  }
  for (const e of chain) {
    const message = stringProp(e, 'message')
    const chromium = chromiumErrorName(message)
    if (chromium) return `net::${chromium}`
    if (/^bad port$/i.test(message.trim())) return 'bad port'
  }
  for (const e of chain) {
    const name = stringProp(e, 'name')
    if (name === 'TimeoutError') return 'time limit reached'
  }
  return undefined
}
