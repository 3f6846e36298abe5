import type { Server } from 'node:http'

const BAD_REQUEST = 'HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 12\r\nConnection: close\r\n\r\nBad request.'

/**
 * Answers CONNECT requests (authority-form targets) with 400 instead of Node's default of
 * dropping the connection without a word: these servers are no proxies.
 */
export function refuseTunnels(server: Server): void {
  server.on('connect', (_req, socket) => {
    socket.on('error', () => undefined)
    socket.end(BAD_REQUEST)
  })
}
