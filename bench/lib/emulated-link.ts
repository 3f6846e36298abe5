/**
 * A TCP proxy on 127.0.0.1 that behaves like a slow network link: every chunk is
 * delivered `oneWayDelayMs` after it was sent, in order, each way. A new connection
 * also pays the TCP handshake (one round trip) before its first bytes leave, as it
 * would on a real link, although the client's connect() to the proxy returns at once.
 * It counts connections and can record what clients send.
 */
import { connect, createServer, type AddressInfo, type Socket } from 'node:net'

export interface EmulatedLinkOptions {
  target: { host: string; port: number }
  oneWayDelayMs: number
  /** Keep every byte clients send (tests that look for secrets on the wire). */
  record?: boolean
  /** Told the local port of each connection to the target, so the target's sockets can be matched to this link. */
  onUpstream?: (localPort: number) => void
}

export interface EmulatedLink {
  port: number
  connections(): number
  /** Bytes clients sent so far, in order, when recording. */
  sent(): Buffer
  close: () => Promise<void>
}

/** Delivers chunks to `write` after a delay, never out of order. */
function delayedPipe(delayFor: () => number, write: (chunk: Buffer) => void, end: () => void) {
  let lastDue = 0
  const timers = new Set<NodeJS.Timeout>()
  const at = (action: () => void): void => {
    const due = Math.max(Date.now() + delayFor(), lastDue)
    lastDue = due
    const timer = setTimeout(() => {
      timers.delete(timer)
      action()
    }, due - Date.now())
    timers.add(timer)
  }
  return {
    push: (chunk: Buffer) => at(() => write(chunk)),
    end: () => at(end),
    cancel: () => {
      for (const timer of timers) clearTimeout(timer)
      timers.clear()
    }
  }
}

export async function startEmulatedLink(options: EmulatedLinkOptions): Promise<EmulatedLink> {
  const oneWay = options.oneWayDelayMs
  const sockets = new Set<Socket>()
  const recorded: Buffer[] = []
  let connections = 0

  const server = createServer({ noDelay: true }, (client) => {
    connections += 1
    const acceptedAt = Date.now()
    const upstream = connect({ host: options.target.host, port: options.target.port, noDelay: true })
    for (const socket of [client, upstream]) {
      sockets.add(socket)
      socket.on('close', () => sockets.delete(socket))
    }
    upstream.once('connect', () => {
      if (upstream.localPort !== undefined) options.onUpstream?.(upstream.localPort)
    })
    // SYN, SYN-ACK: the first bytes can leave the client one round trip after it connected.
    const toServer = delayedPipe(
      () => Math.max(0, acceptedAt + 2 * oneWay - Date.now()) + oneWay,
      (chunk) => upstream.write(chunk),
      () => upstream.end()
    )
    const toClient = delayedPipe(
      () => oneWay,
      (chunk) => client.write(chunk),
      () => client.end()
    )
    client.on('data', (chunk: Buffer) => {
      if (options.record) recorded.push(Buffer.from(chunk))
      toServer.push(chunk)
    })
    upstream.on('data', (chunk: Buffer) => toClient.push(chunk))
    client.on('end', () => toServer.end())
    upstream.on('end', () => toClient.end())
    const teardown = (): void => {
      toServer.cancel()
      toClient.cancel()
      client.destroy()
      upstream.destroy()
    }
    client.on('error', teardown)
    upstream.on('error', teardown)
    client.on('close', () => setTimeout(() => upstream.destroy(), oneWay).unref())
    upstream.on('close', () => setTimeout(() => client.destroy(), oneWay).unref())
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  return {
    port: (server.address() as AddressInfo).port,
    connections: () => connections,
    sent: () => Buffer.concat(recorded),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      })
  }
}
