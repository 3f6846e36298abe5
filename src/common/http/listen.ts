import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'

/** A host as it stands in a URL: IPv6 literals in brackets. */
export const urlHost = (host: string): string => (host.includes(':') ? `[${host}]` : host)

/** Listens on `host` (port 0: one the OS assigns) and resolves with the port, or rejects with the listen error. */
export function listenOn(server: Server, host: string, port = 0): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve((server.address() as AddressInfo).port)
    })
  })
}
