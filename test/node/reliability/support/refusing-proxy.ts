import { createServer, type Socket } from 'node:net'
import { closeServer, listenOnLoopback } from './faulty-server'

/** A forward proxy on 127.0.0.1 that refuses every tunnel with 403, as a corporate proxy does. */
export interface RefusingProxy {
  url: string
  /** The request lines it refused, e.g. "CONNECT license-api.invalid:443 HTTP/1.1". */
  refused(): readonly string[]
  close: () => Promise<void>
}

export async function startRefusingProxy(): Promise<RefusingProxy> {
  const sockets = new Set<Socket>()
  const refused: string[] = []
  const server = createServer((socket) => {
    sockets.add(socket)
    socket.on('error', () => undefined)
    socket.on('close', () => sockets.delete(socket))
    let head = ''
    socket.on('data', (chunk: Buffer) => {
      head += chunk.toString('latin1')
      if (!head.includes('\r\n\r\n')) return
      refused.push(head.split('\r\n')[0]!)
      head = ''
      const body = 'Tunnel refused by policy'
      socket.end(`HTTP/1.1 403 Forbidden\r\ncontent-type: text/plain\r\ncontent-length: ${body.length}\r\nconnection: close\r\n\r\n${body}`)
    })
  })
  const port = await listenOnLoopback(server, 0)
  return { url: `http://127.0.0.1:${port}`, refused: () => refused, close: () => closeServer(server, sockets) }
}

/**
 * Node's fetch sending through `dispatcher` (an undici ProxyAgent). The undici package and the
 * undici inside Node declare separate (equivalent) Dispatcher types, hence the cast.
 */
export const fetchThrough =
  (dispatcher: object): typeof fetch =>
  (input, init) =>
    fetch(input, { ...init, dispatcher } as unknown as RequestInit)
