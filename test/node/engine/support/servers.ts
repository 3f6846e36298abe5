import { createServer as createHttpServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http'
import { createServer as createTcpServer, type AddressInfo, type Server, type Socket } from 'node:net'

/** Loopback test servers: 127.0.0.1, OS-assigned ports, every socket destroyed on close. */

interface Closable {
  close: () => Promise<void>
}

function track(server: Server): { sockets: Set<Socket>; close: () => Promise<void> } {
  const sockets = new Set<Socket>()
  server.on('connection', (socket: Socket) => {
    sockets.add(socket)
    socket.on('error', () => undefined)
    socket.on('close', () => sockets.delete(socket))
  })
  return {
    sockets,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      })
  }
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port))
  })
}

export interface RecordedRequest {
  method: string
  url: string
  headers: IncomingHttpHeaders
  body: string
}

export interface TestHttpServer extends Closable {
  origin: string
  apiUrl: string
  requests: RecordedRequest[]
}

/** An HTTP server whose answers the test writes; every request is recorded. */
export async function startHttpServer(answer: (request: RecordedRequest, res: ServerResponse, index: number) => void): Promise<TestHttpServer> {
  const requests: RecordedRequest[] = []
  const server = createHttpServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const recorded = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') }
      requests.push(recorded)
      answer(recorded, res, requests.length - 1)
    })
  })
  const { close } = track(server)
  const port = await listen(server)
  const origin = `http://127.0.0.1:${port}`
  return { origin, apiUrl: `${origin}/api/v4/`, requests, close }
}

export interface TestTcpServer extends Closable {
  origin: string
  apiUrl: string
  connections(): number
}

/** A raw TCP server: for answers no HTTP library would write (hangs, resets, garbage). */
export async function startTcpServer(onSocket: (socket: Socket) => void): Promise<TestTcpServer> {
  let accepted = 0
  const server = createTcpServer((socket) => {
    accepted += 1
    onSocket(socket)
  })
  const { close } = track(server)
  const port = await listen(server)
  const origin = `http://127.0.0.1:${port}`
  return { origin, apiUrl: `${origin}/api/v4/`, connections: () => accepted, close }
}

/** A loopback port that was bound and released: connecting is refused. */
export async function closedPort(): Promise<number> {
  const server = createTcpServer()
  const port = await listen(server)
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

/** A fetch that fails the test if anything tries to send. */
export function forbiddenFetch(): typeof fetch & { calls: number } {
  const spy = Object.assign(
    async (): Promise<Response> => {
      spy.calls += 1
      throw new Error('fetch must not be called: nothing may be sent for this input')
    },
    { calls: 0 }
  )
  return spy
}

/** Wraps fetch to count calls (each call is one request on the wire). */
export function countingFetch(inner: typeof fetch = fetch): typeof fetch & { calls: number } {
  const spy = Object.assign(
    (input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]) => {
      spy.calls += 1
      return inner(input, init)
    },
    { calls: 0 }
  )
  return spy
}
