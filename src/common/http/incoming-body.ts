import type { IncomingMessage } from 'node:http'

/** What is left of an oversized body is read and dropped up to this many times the limit, then the connection is cut. */
const DRAIN_FACTOR = 16

export type IncomingBody = { ok: true; text: string } | { ok: false; reason: 'too-large' }

/**
 * Reads a request body as UTF-8 up to `limit` bytes. A larger one (declared or streamed) is
 * refused without being kept: the rest is read and dropped so that the refusal can still be
 * answered, and a sender that goes on much longer has its connection cut.
 */
export function readIncomingBody(req: IncomingMessage, limit: number): Promise<IncomingBody> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let tooLarge = Number(req.headers['content-length']) > limit
    if (tooLarge) resolve({ ok: false, reason: 'too-large' })
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (tooLarge) {
        if (size > limit * DRAIN_FACTOR) req.destroy()
        return
      }
      if (size > limit) {
        tooLarge = true
        chunks.length = 0
        resolve({ ok: false, reason: 'too-large' })
      } else chunks.push(chunk)
    })
    req.on('end', () => {
      if (!tooLarge) resolve({ ok: true, text: chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8') })
    })
    req.on('error', reject)
  })
}
