import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import type { Socket } from 'node:net'

const BAD_REQUEST = 'HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 12\r\nConnection: close\r\n\r\nBad request.'

/** A client that goes on sending after the refusal has its connection cut after this long. */
const TUNNEL_LINGER_MS = 5_000

/**
 * Answers CONNECT requests (authority-form targets) with 400 instead of Node's default of
 * dropping the connection without a word: these servers are no proxies.
 */
export function refuseTunnels(server: Server): void {
  server.on('connect', (_req: IncomingMessage, socket: Socket) => {
    socket.on('error', () => undefined)
    // Whatever the client sent after the request line is read and dropped, so the connection can close.
    socket.resume()
    socket.setTimeout(TUNNEL_LINGER_MS, () => socket.destroy())
    socket.end(BAD_REQUEST)
  })
}

/** A request handler that cannot throw out of the server's event: a failure answers 500 (or cuts the connection). */
export function guardedHandler(handler: (req: IncomingMessage, res: ServerResponse) => void): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    try {
      handler(req, res)
    } catch {
      if (res.headersSent) res.destroy()
      else {
        res.statusCode = 500
        res.setHeader('Content-Type', 'text/plain; charset=utf-8')
        res.end('The request could not be handled.')
      }
    }
  }
}
