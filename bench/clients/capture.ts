import http from 'node:http'
import type { AddressInfo } from 'node:net'

/** One request as it arrived on the wire. */
export interface CapturedRequest {
  method: string
  path: string
  /** Lower-case names, in arrival order. */
  headers: Array<[string, string]>
  body: string
}

export interface CaptureServer {
  apiUrl: string
  requests: CapturedRequest[]
  close: () => Promise<void>
}

/**
 * A loopback server that records what a client sends and answers every call the
 * way the License API answers a deactivation, so the floor can replay the
 * engine's exact headers and body.
 */
export async function startCaptureServer(answer = { status: 200, contentType: 'application/json', body: '"license_deactivated"' }): Promise<CaptureServer> {
  const requests: CapturedRequest[] = []
  const server = http.createServer((request, response) => {
    let body = ''
    request.setEncoding('utf8')
    request.on('data', (chunk: string) => (body += chunk))
    request.on('end', () => {
      const headers: Array<[string, string]> = []
      for (let i = 0; i < request.rawHeaders.length; i += 2) headers.push([request.rawHeaders[i]!.toLowerCase(), request.rawHeaders[i + 1]!])
      requests.push({ method: request.method ?? '', path: request.url ?? '', headers, body })
      response.writeHead(answer.status, { 'content-type': answer.contentType }).end(answer.body)
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  return {
    apiUrl: `http://127.0.0.1:${port}/api/v4/`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

/** Headers a replay must set itself (per request or per connection). */
const PER_REQUEST = new Set(['host', 'connection', 'content-length', 'date', 'authorization', 'keep-alive', 'transfer-encoding'])

export function replayTemplate(captured: CapturedRequest): { headers: Record<string, string>; authorizationLayout?: string } {
  const headers: Record<string, string> = {}
  let authorizationLayout: string | undefined
  for (const [name, value] of captured.headers) {
    if (name === 'authorization') authorizationLayout = value
    if (!PER_REQUEST.has(name)) headers[name] = value
  }
  return authorizationLayout ? { headers, authorizationLayout } : { headers }
}
