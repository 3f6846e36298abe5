import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:https'
import type { Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { closeServer, listenOnLoopback } from './faulty-server'

/**
 * An HTTPS server on 127.0.0.1 whose certificate is self-signed (valid for 127.0.0.1, so only
 * the trust fails). Node cannot write X.509 certificates itself: Debian's openssl makes one.
 */
export interface UntrustedTlsServer {
  apiUrl: string
  /** TCP connections accepted (each one is a connection attempt). */
  connections(): number
  /** HTTP requests that got through the handshake. */
  requests(): number
  close: () => Promise<void>
}

export function makeSelfSignedCertificate(): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'lm-reliability-tls-'))
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem')
      ],
      { stdio: 'ignore', timeout: 15_000 }
    )
    return { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export async function startUntrustedTlsServer(credentials: { key: string; cert: string }): Promise<UntrustedTlsServer> {
  const sockets = new Set<Socket>()
  let connections = 0
  let requests = 0
  const server: Server = createServer(credentials, (_req, res) => {
    requests += 1
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end('"license_deactivated"')
  })
  server.on('connection', (socket: Socket) => {
    connections += 1
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  server.on('tlsClientError', () => undefined)
  const port = await listenOnLoopback(server, 0)
  return {
    apiUrl: `https://127.0.0.1:${port}/api/v4/`,
    connections: () => connections,
    requests: () => requests,
    close: () => closeServer(server, sockets)
  }
}
