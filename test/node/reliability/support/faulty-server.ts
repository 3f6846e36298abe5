import { createServer, type AddressInfo, type Server, type Socket } from 'node:net'

/**
 * A scriptable faulty HTTP server on 127.0.0.1 (OS-assigned port). It reads each request
 * itself (head and Content-Length body), counts connections and complete arrivals, and lets
 * a script answer with whatever bytes — or none — the fault calls for.
 */

export interface Arrival {
  method: string
  path: string
  headers: Record<string, string>
  body: string
}

/** Answers one arrived request on its socket. `index` counts arrivals from 0. */
export type FaultScript = (socket: Socket, arrival: Arrival, index: number) => void

export interface FaultyServer {
  origin: string
  apiUrl: string
  port: number
  /** TCP connections accepted. */
  connections(): number
  /** Requests received completely (head and body). */
  arrivals(): readonly Arrival[]
  close: () => Promise<void>
}

const MAX_REQUEST_BYTES = 1024 * 1024

function parseHead(text: string): { method: string; path: string; headers: Record<string, string> } {
  const [requestLine = '', ...lines] = text.split('\r\n')
  const [method = '', path = ''] = requestLine.split(' ')
  const headers: Record<string, string> = {}
  for (const line of lines) {
    const colon = line.indexOf(':')
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim()
  }
  return { method, path, headers }
}

/** Calls `onRequest` for each complete request on the socket (keep-alive aware). */
function readRequests(socket: Socket, onRequest: (arrival: Arrival) => void): void {
  let buffer = Buffer.alloc(0)
  socket.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk])
    if (buffer.length > MAX_REQUEST_BYTES) {
      socket.destroy()
      return
    }
    for (;;) {
      const end = buffer.indexOf('\r\n\r\n')
      if (end < 0) return
      const head = parseHead(buffer.subarray(0, end).toString('latin1'))
      const length = Number(head.headers['content-length'] ?? 0)
      if (buffer.length < end + 4 + length) return
      const body = buffer.subarray(end + 4, end + 4 + length).toString('utf8')
      buffer = buffer.subarray(end + 4 + length)
      onRequest({ ...head, body })
    }
  })
}

export async function startFaultyServer(script: FaultScript): Promise<FaultyServer> {
  const sockets = new Set<Socket>()
  const arrivals: Arrival[] = []
  let connections = 0
  const server: Server = createServer((socket) => {
    connections += 1
    sockets.add(socket)
    socket.on('error', () => undefined)
    socket.on('close', () => sockets.delete(socket))
    readRequests(socket, (arrival) => {
      arrivals.push(arrival)
      script(socket, arrival, arrivals.length - 1)
    })
  })
  const port = await listenOnLoopback(server, 0)
  const origin = `http://127.0.0.1:${port}`
  return {
    origin,
    apiUrl: `${origin}/api/v4/`,
    port,
    connections: () => connections,
    arrivals: () => arrivals,
    close: () => closeServer(server, sockets)
  }
}

export function listenOnLoopback(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject)
      resolve((server.address() as AddressInfo).port)
    })
  })
}

export function closeServer(server: Server, sockets: Iterable<Socket>): Promise<void> {
  return new Promise((resolve) => {
    for (const socket of sockets) socket.destroy()
    server.close(() => resolve())
  })
}

/** A loopback port that was bound and released: connecting to it is refused. */
export async function closedPort(): Promise<number> {
  const server = createServer()
  const port = await listenOnLoopback(server, 0)
  await closeServer(server, [])
  return port
}

/** An HTTP/1.1 response head. */
export const responseHead = (status: string, headers: Record<string, string | number>): string =>
  `HTTP/1.1 ${status}\r\n${Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('')}\r\n`

/** Sends a complete response and keeps the connection open. */
export function answer(socket: Socket, status: string, headers: Record<string, string>, body: string): void {
  socket.write(responseHead(status, { ...headers, 'content-length': Buffer.byteLength(body) }) + body)
}

/**
 * Writes one byte of `body` every `intervalMs` after a head announcing all of it; stops when
 * the socket closes or after `maxBytes` (so a test can never leave it running).
 */
export function drip(socket: Socket, body: string, intervalMs: number, maxBytes = 200): void {
  socket.write(responseHead('200 OK', { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }))
  let sent = 0
  const timer = setInterval(() => {
    if (socket.destroyed || sent >= Math.min(maxBytes, body.length)) {
      clearInterval(timer)
      return
    }
    socket.write(body[sent]!)
    sent += 1
  }, intervalMs)
  socket.on('close', () => clearInterval(timer))
}
