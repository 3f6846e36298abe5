import { createHmac } from 'node:crypto'
import { Agent, request } from 'node:http'
import { expect } from 'vitest'

/** Raw HTTP to the sandbox: any header and body bytes the HTTP grammar allows. */

export interface Reply {
  status: number
  contentType: string
  text: string
}

const agent = new Agent({ keepAlive: true, maxSockets: 32 })

export const hmacSignature = (sharedKey: string, date: string): string =>
  createHmac('sha256', sharedKey).update(`licenseSpring\ndate: ${date}`).digest('base64')

export const hmacAuthorization = (apiKey: string, sharedKey: string, date: string): string =>
  `algorithm="hmac-sha256",headers="date",signature="${hmacSignature(sharedKey, date)}",apikey="${apiKey}"`

export function post(url: string, options: { headers: Record<string, string>; body: string | Buffer; method?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: options.method ?? 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          ...('transfer-encoding' in options.headers ? {} : { 'content-length': String(Buffer.byteLength(options.body)) }),
          ...options.headers
        },
        timeout: 10_000
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, contentType: res.headers['content-type'] ?? '', text: Buffer.concat(chunks).toString('utf8') })
        )
        res.on('error', reject)
      }
    )
    req.on('timeout', () => req.destroy(new Error('request timed out')))
    req.on('error', reject)
    req.end(options.body)
  })
}

export interface Envelope {
  status: number
  code: string
  message: string
}

/** The documented error answer: HTTP status ≥ 400 and a JSON body of exactly {status, code, message}. */
export function isEnvelope(reply: Reply): boolean {
  if (reply.status < 400 || !reply.contentType.startsWith('application/json')) return false
  let body: unknown
  try {
    body = JSON.parse(reply.text)
  } catch {
    return false
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false
  const keys = Object.keys(body).sort()
  const { status, code, message } = body as Record<string, unknown>
  return keys.join(',') === 'code,message,status' && status === reply.status && typeof code === 'string' && code !== '' && typeof message === 'string'
}

export function envelopeOf(reply: Reply): Envelope {
  expect(isEnvelope(reply), `not the error envelope: HTTP ${reply.status} ${reply.text.slice(0, 200)}`).toBe(true)
  return JSON.parse(reply.text) as Envelope
}

export const closeAgent = (): void => agent.destroy()
