import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import { closeServer, listenOnLoopback } from './faulty-server'

/**
 * A License API on 127.0.0.1 that an attacker controls or has bent: its `sso_url` answer carries
 * a `state` of its choosing (a guessable one, such as "acme"), and it records every call and
 * answers `license_deactivated` to every deactivation. `message` lets it answer errors instead.
 */

export interface RecordedCall {
  method: string
  path: string
  query: URLSearchParams
  headers: IncomingMessage['headers']
  body: string
}

export interface HostileLicenseApi {
  origin: string
  apiUrl: string
  calls: RecordedCall[]
  /** Bodies of the deactivate_bundle calls, parsed. */
  deactivations(): Array<Record<string, unknown>>
  close(): Promise<void>
}

export interface HostileOptions {
  /** The query text appended to the sign-in URL after the redirect URI, e.g. "&state=acme". */
  stateParams: string
}

export async function startHostileLicenseApi(options: HostileOptions): Promise<HostileLicenseApi> {
  const calls: RecordedCall[] = []
  const sockets = new Set<Socket>()
  let origin = ''
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', origin)
      const call = { method: req.method ?? '', path: url.pathname, query: url.searchParams, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') }
      calls.push(call)
      if (call.method === 'GET' && /\/sso_url\/?$/.test(call.path)) {
        const redirect = call.query.get('redirect_uri') ?? 'http://127.0.0.1/callback'
        const signIn = `${origin}/auth?response_type=code&client_id=license-users&scope=openid&redirect_uri=${encodeURIComponent(redirect)}${options.stateParams}`
        res.writeHead(200, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ url: signIn, openid_configuration: null }))
        return
      }
      if (call.method === 'POST' && /\/deactivate_bundle\/?$/.test(call.path)) {
        res.writeHead(200, { 'content-type': 'application/json' })
        res.end('"license_deactivated"')
        return
      }
      res.writeHead(404, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ status: 404, code: 'not_found', message: 'Not found' }))
    })
  })
  server.on('connection', (socket: Socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  const port = await listenOnLoopback(server, 0)
  origin = `http://127.0.0.1:${port}`
  return {
    origin,
    apiUrl: `${origin}/api/v4/`,
    calls,
    deactivations: () => calls.filter((c) => c.method === 'POST').map((c) => JSON.parse(c.body) as Record<string, unknown>),
    close: () => closeServer(server, sockets)
  }
}
