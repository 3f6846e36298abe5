import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Refusal } from './refusal'

const JSON_TYPE = 'application/json'

export function sendBody(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  contentType: string,
  extraHeaders?: Record<string, string>
): void {
  const headers: Record<string, string | number> = {
    'Content-Type': contentType,
    'Content-Length': typeof body === 'string' ? Buffer.byteLength(body) : body.length,
    ...extraHeaders
  }
  res.writeHead(status, headers)
  res.end(body)
}

export const sendJson = (res: ServerResponse, status: number, value: unknown, extraHeaders?: Record<string, string>) =>
  sendBody(res, status, JSON.stringify(value), JSON_TYPE, extraHeaders)

/** Every error answer: the status, and a body of exactly {status, code, message}. */
export const sendRefusal = (res: ServerResponse, refusal: Refusal, extraHeaders?: Record<string, string>) =>
  sendJson(res, refusal.status, { status: refusal.status, code: refusal.code, message: refusal.message }, extraHeaders)

/** The body as text, or `null` once it exceeds `limit` bytes (the rest is drained unread). */
export function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  const declared = Number(req.headers['content-length'])
  if (declared > limit) {
    req.resume()
    return Promise.resolve(null)
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let tooLarge = false
    req.on('data', (chunk: Buffer) => {
      if (tooLarge) return
      size += chunk.length
      if (size > limit) {
        tooLarge = true
        chunks.length = 0
        resolve(null)
      } else chunks.push(chunk)
    })
    req.on('end', () => {
      if (!tooLarge) resolve(chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8'))
    })
    req.on('error', reject)
  })
}

/** Splits `/path?query` without the cost of a full URL parse. */
export function splitTarget(target: string): { pathname: string; query: string } {
  const q = target.indexOf('?')
  return q < 0 ? { pathname: target, query: '' } : { pathname: target.slice(0, q), query: target.slice(q + 1) }
}
