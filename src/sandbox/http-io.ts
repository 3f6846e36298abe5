import type { IncomingMessage, ServerResponse } from 'node:http'
import { readIncomingBody } from '../common/http/incoming-body'
import type { Refusal } from './refusal'

const JSON_TYPE = 'application/json'

export function sendBody(res: ServerResponse, status: number, body: string | Buffer, contentType: string, extraHeaders?: Record<string, string>): void {
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

/**
 * The body as text, or `null` once it exceeds `limit` bytes (declared or streamed): every route
 * that reads a body reads it here, and answers `null` with a 413.
 */
export async function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  const body = await readIncomingBody(req, limit)
  return body.ok ? body.text : null
}
