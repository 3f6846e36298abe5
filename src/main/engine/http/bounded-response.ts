/** Larger than every documented answer of the License API and of an OAuth token endpoint. */
export const MAX_RESPONSE_BYTES = 1024 * 1024

export type BoundedText = { ok: true; text: string } | { ok: false; reason: 'too-large' }

/**
 * Reads a fetch Response body as UTF-8, at most `limit` bytes: a larger answer (by its
 * Content-Length or as it streams) is cancelled, so its size never reaches memory.
 */
export async function readBoundedText(response: Response, limit = MAX_RESPONSE_BYTES): Promise<BoundedText> {
  const tooLarge = { ok: false, reason: 'too-large' } as const
  if (Number(response.headers.get('content-length')) > limit) {
    await response.body?.cancel().catch(() => undefined)
    return tooLarge
  }
  if (response.body === null) return { ok: true, text: '' }
  const reader = (response.body as ReadableStream<Uint8Array>).getReader()
  const decoder = new TextDecoder()
  let size = 0
  let text = ''
  for (;;) {
    const { done, value } = await reader.read()
    if (done) return { ok: true, text: text + decoder.decode() }
    size += value.byteLength
    if (size > limit) {
      await reader.cancel().catch(() => undefined)
      return tooLarge
    }
    text += decoder.decode(value, { stream: true })
  }
}
