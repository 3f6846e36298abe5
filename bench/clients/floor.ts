import http from 'node:http'
import { signedHeaders, type HmacKeys } from './wire'

export interface WireAnswer {
  status: number
  text: string
}

/**
 * The floor: one bare `node:http` request on a keep-alive agent. Headers other
 * than Date/Authorization are fixed (a template captured from the engine when
 * available), so the only work per call is signing, writing and reading.
 */
export interface FloorClient {
  post(path: string, body: string): Promise<WireAnswer>
  close: () => void
}

export interface FloorOptions {
  apiUrl: string
  keys: HmacKeys
  /** Header names in lower case, without host/connection/content-length/date/authorization. */
  headerTemplate: Record<string, string>
  /** An Authorization value whose layout to reproduce (the engine's). */
  authorizationLayout?: string
  maxSockets?: number
  timeoutMs?: number
}

export const DEFAULT_HEADER_TEMPLATE: Record<string, string> = {
  'content-type': 'application/json',
  accept: 'application/json'
}

export function createFloorClient(options: FloorOptions): FloorClient {
  const base = new URL(options.apiUrl)
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.maxSockets ?? 1 })
  const timeoutMs = options.timeoutMs ?? 15_000
  return {
    post(path, body) {
      const { date, authorization } = signedHeaders(options.keys, options.authorizationLayout)
      return new Promise<WireAnswer>((resolve, reject) => {
        const request = http.request(
          {
            host: base.hostname,
            port: base.port,
            path: base.pathname + path,
            method: 'POST',
            agent,
            timeout: timeoutMs,
            headers: {
              ...options.headerTemplate,
              date,
              authorization,
              'content-length': Buffer.byteLength(body)
            }
          },
          (response) => {
            let text = ''
            response.setEncoding('utf8')
            response.on('data', (chunk: string) => (text += chunk))
            response.on('end', () => resolve({ status: response.statusCode ?? 0, text }))
            response.on('error', reject)
          }
        )
        request.on('timeout', () => request.destroy(new Error(`floor request timed out after ${timeoutMs} ms`)))
        request.on('error', reject)
        request.end(body)
      })
    },
    close() {
      agent.destroy()
    }
  }
}

/** Throws unless the answer is the documented success of deactivate_bundle. */
export function expectDeactivated(answer: WireAnswer): void {
  if (answer.status !== 200 || !/^"?license_deactivated"?$/.test(answer.text.trim())) {
    throw new Error(`deactivation failed: HTTP ${answer.status} ${answer.text.slice(0, 200)}`)
  }
}

export function expectActivated(answer: WireAnswer): void {
  if (answer.status !== 200 || !answer.text.startsWith('[')) {
    throw new Error(`activation failed: HTTP ${answer.status} ${answer.text.slice(0, 200)}`)
  }
}
