import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { Server as NetServer, type AddressInfo } from 'node:net'
import { describeError } from '../../../shared/errors'
import { failure, success, type Outcome } from '../../../shared/outcome'

/** How long sockets already open may still be answered ("already finished") after the listener stops accepting. */
const LINGER_MS = 2_000

export interface Listener {
  port: number
  /** Stops accepting connections now; open sockets are cut after a short grace period. */
  close(): void
}

/** Listens on exactly the redirect's loopback host; a busy or forbidden port is a typed error. */
export function listenOnLoopback(
  host: string,
  port: number,
  handler: (req: IncomingMessage, res: ServerResponse) => void
): Promise<Outcome<Listener>> {
  const server: Server = createServer(handler)
  server.keepAliveTimeout = LINGER_MS
  return new Promise((resolve) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      const where = `${host.includes(':') ? `[${host}]` : host}:${port}`
      resolve(
        failure(
          describeError('sso_port_in_use', {
            explanation:
              error.code === 'EADDRINUSE'
                ? `The app must listen on ${where}, the address the vendor registered for sign-in, and another program is using it.`
                : `The app could not listen on ${where} for the sign-in answer (${error.code ?? 'error'}).`
          })
        )
      )
    })
    server.listen({ host, port, exclusive: true }, () => {
      server.removeAllListeners('error')
      server.on('error', () => undefined)
      let closed = false
      resolve(
        success({
          port: (server.address() as AddressInfo).port,
          close() {
            if (closed) return
            closed = true
            // net's close stops accepting at once; http's would also cut idle keep-alive sockets,
            // possibly before the last answer is flushed, and a late duplicate could not be answered.
            NetServer.prototype.close.call(server)
            setTimeout(() => {
              server.closeAllConnections()
              server.close()
            }, LINGER_MS).unref()
          }
        })
      )
    })
  })
}
