import { connect, createServer, type Server } from 'node:net'

/** Resolves true when something accepts TCP connections on host:port, false when refused. */
export function isListening(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port })
    const done = (listening: boolean) => {
      socket.destroy()
      resolve(listening)
    }
    socket.setTimeout(2_000, () => done(false))
    socket.once('connect', () => done(true))
    socket.once('error', () => done(false))
  })
}

/** Holds a port on 127.0.0.1 (as "another program" would). */
export async function occupyPort(host = '127.0.0.1'): Promise<{ port: number; release(): Promise<void> }> {
  const server: Server = createServer((socket) => socket.destroy())
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, host, () => resolve())
  })
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('no port')
  return { port: address.port, release: () => new Promise((resolve) => server.close(() => resolve())) }
}

/** A port that was free a moment ago (for a vendor-registered fixed redirect port). */
export async function freePort(): Promise<number> {
  const held = await occupyPort()
  await held.release()
  return held.port
}
