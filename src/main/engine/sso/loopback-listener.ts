import { lookup } from 'node:dns/promises'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { Server as NetServer, type AddressInfo } from 'node:net'
import { describeError } from '../../../shared/errors'
import { failure, success, type Outcome } from '../../../shared/outcome'
import { urlHost } from '../../../common/http/listen'
import { guardedHandler, refuseTunnels } from '../../../common/http/server-guards'
import { isLoopbackHostname } from '../../../common/loopback'

/** How long sockets already open may still be answered ("already finished") after the listener stops accepting. */
const LINGER_MS = 2_000
/** An OS-chosen port that is free on one loopback address but taken on another is given back and another tried. */
const FREE_PORT_TRIES = 8
/** Errors that say this PC has no such address (no IPv6): nobody can listen there, so nothing can be stolen there. */
const ADDRESS_ABSENT = new Set(['EADDRNOTAVAIL', 'EAFNOSUPPORT'])

export interface Listener {
  port: number
  /** Stops accepting connections now; open sockets are cut after a short grace period. */
  close: () => void
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void
type Listening = { server: Server } | { code: string }

/** What listening needs from the operating system; a test stands in for a PC without IPv6 or a port taken in between. */
export interface LoopbackSystem {
  /** Every address `localhost` resolves to on this PC. */
  resolveLocalhost: () => Promise<ReadonlyArray<{ address: string }>>
  /** Listens on one address and port, or says the system's error code. */
  listen: (address: string, port: number, handler: Handler) => Promise<Listening>
}

/**
 * The addresses a browser may connect to for `host`: the literal itself, or for `localhost`
 * every loopback address it resolves to here, plus 127.0.0.1 and ::1, which browsers use for
 * `localhost` whatever the hosts file says.
 */
export async function addressesFor(host: string, system: LoopbackSystem = THIS_PC): Promise<string[]> {
  if (host !== 'localhost') return [host]
  const resolved = await system.resolveLocalhost().catch(() => [])
  return [...new Set(['127.0.0.1', '::1', ...resolved.map((r) => r.address).filter(isLoopbackHostname)])]
}

function listenOn(address: string, port: number, handler: Handler): Promise<Listening> {
  const server = createServer(guardedHandler(handler))
  server.keepAliveTimeout = LINGER_MS
  refuseTunnels(server)
  return new Promise((resolve) => {
    // Stays after listening: a later error is then ignored (the promise is settled), never thrown.
    server.on('error', (error: NodeJS.ErrnoException) => resolve({ code: error.code ?? 'error' }))
    server.listen({ host: address, port, exclusive: true }, () => resolve({ server }))
  })
}

function closeNow(servers: Server[]): void {
  for (const server of servers) {
    server.closeAllConnections()
    server.close()
  }
}

/** This PC's own resolver and sockets. */
export const THIS_PC: LoopbackSystem = {
  resolveLocalhost: () => lookup('localhost', { all: true, verbatim: true }),
  listen: listenOn
}

type Attempt = { ok: true; servers: Server[]; port: number } | { ok: false; address: string; port: number; code: string }

/** Listens on every address on one port: the first picks it (when 0), the others must get the same. */
async function listenOnAll(addresses: string[], port: number, handler: Handler, system: LoopbackSystem): Promise<Attempt> {
  const servers: Server[] = []
  let chosen = port
  for (const address of addresses) {
    const result = await system.listen(address, chosen, handler)
    if ('code' in result) {
      if (servers.length > 0 && ADDRESS_ABSENT.has(result.code)) continue
      closeNow(servers)
      return { ok: false, address, port: chosen, code: result.code }
    }
    servers.push(result.server)
    chosen = (result.server.address() as AddressInfo).port
  }
  return { ok: true, servers, port: chosen }
}

/**
 * Listens on exactly the redirect's loopback host; for `localhost`, on every address it
 * stands for, so no other program can take one of them on the same port and receive the
 * answer. A busy or forbidden port is a typed error.
 */
export async function listenOnLoopback(host: string, port: number, handler: Handler, system: LoopbackSystem = THIS_PC): Promise<Outcome<Listener>> {
  const addresses = await addressesFor(host, system)
  let attempt = await listenOnAll(addresses, port, handler, system)
  for (let tries = 1; !attempt.ok && port === 0 && attempt.code === 'EADDRINUSE' && tries < FREE_PORT_TRIES; tries++) {
    attempt = await listenOnAll(addresses, port, handler, system)
  }
  if (!attempt.ok) {
    const address = `${urlHost(attempt.address)}:${attempt.port}`
    const localhost = host === 'localhost' ? { localhost: addresses.map(urlHost) } : {}
    return failure(describeError('sso_port_in_use', { detail: { address, ...localhost, cause: attempt.code } }))
  }
  const { servers } = attempt
  return success({
    port: attempt.port,
    close() {
      for (const server of servers) {
        // net's close stops accepting at once; http's would also cut idle keep-alive sockets,
        // possibly before the last answer is flushed, and a late duplicate could not be answered.
        NetServer.prototype.close.call(server)
      }
      setTimeout(() => closeNow(servers), LINGER_MS).unref()
    }
  })
}
