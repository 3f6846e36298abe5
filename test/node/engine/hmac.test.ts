import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { createHmacSigner, hmacSignature } from '../../../src/main/engine/auth/hmac'

const DOC_KEY = 'kw4qSnpSwXzgiv5yxYpZZmFEd9QAeiKTQ6OuyMja'
const DOC_DATE = 'Tue, 07 Jun 2011 20:51:35 GMT'
const DOC_SIGNATURE = 'UDysfR6MndUZReo07Y9r+vErn8vSxrnQ5ulit18iJ/Q='

describe('HMAC signing (license-api.md §2)', () => {
  it('reproduces the documented known-answer vector', () => {
    expect(hmacSignature(DOC_KEY, DOC_DATE)).toBe(DOC_SIGNATURE)
  })

  it('writes Date as toUTCString and Authorization in the documented spelling', () => {
    const signer = createHmacSigner({ apiKey: 'my-api-key', sharedKey: DOC_KEY })
    const headers = signer.headers(new Date(DOC_DATE))
    expect(headers.date).toBe(DOC_DATE)
    expect(headers.authorization).toBe(`algorithm="hmac-sha256",headers="date",signature="${DOC_SIGNATURE}",apikey="my-api-key"`)
  })

  it('signs each new second afresh and depends on the shared key', () => {
    const signer = createHmacSigner({ apiKey: 'k', sharedKey: DOC_KEY })
    const first = signer.headers(new Date(DOC_DATE))
    const later = signer.headers(new Date(Date.parse(DOC_DATE) + 1000))
    expect(later.date).toBe('Tue, 07 Jun 2011 20:51:36 GMT')
    expect(later.authorization).toContain(`signature="${hmacSignature(DOC_KEY, later.date)}"`)
    expect(later.authorization).not.toBe(first.authorization)
    const otherKey = createHmacSigner({ apiKey: 'k', sharedKey: 'another-shared-key' }).headers(new Date(DOC_DATE))
    expect(otherKey.authorization).not.toContain(DOC_SIGNATURE)
  })

  it('never puts the shared key itself in a header', () => {
    const headers = createHmacSigner({ apiKey: 'k', sharedKey: DOC_KEY }).headers()
    expect(JSON.stringify(headers)).not.toContain(DOC_KEY)
  })
})

describe('the signatures an echoing server must never get to show', () => {
  const second = (n: number) => new Date(Date.parse(DOC_DATE) + n * 1000)

  it('are remembered once per signed second, however many calls that second had', () => {
    const signer = createHmacSigner({ apiKey: 'k', sharedKey: DOC_KEY })
    signer.headers(second(0))
    signer.headers(second(0))
    signer.headers(second(1))
    expect(signer.signatures()).toEqual([DOC_SIGNATURE, hmacSignature(DOC_KEY, second(1).toUTCString())])
  })

  it('are the last 32 seconds’ ones: an action’s calls and then some, without growing for ever', () => {
    const signer = createHmacSigner({ apiKey: 'k', sharedKey: DOC_KEY })
    for (let n = 0; n < 40; n++) signer.headers(second(n))
    const expected = Array.from({ length: 32 }, (_, i) => hmacSignature(DOC_KEY, second(i + 8).toUTCString()))
    expect(signer.signatures()).toEqual(expected)
  })

  it('are handed out as a copy, so no reader can drop one from the list', () => {
    const signer = createHmacSigner({ apiKey: 'k', sharedKey: DOC_KEY })
    signer.headers(second(0))
    signer.signatures().length = 0
    expect(signer.signatures()).toEqual([DOC_SIGNATURE])
  })

  it('a shared key with letters beyond ASCII signs with its UTF-8 bytes, as the server does', () => {
    const headers = createHmacSigner({ apiKey: 'k', sharedKey: 'schlüssel-ä' }).headers(second(0))
    const utf8Signature = createHmac('sha256', Buffer.from('schlüssel-ä', 'utf8')).update(`licenseSpring\ndate: ${DOC_DATE}`).digest('base64')
    expect(headers.authorization).toContain(`signature="${utf8Signature}"`)
  })

  it('without a time given, signs the current second', () => {
    const before = Date.now()
    const headers = createHmacSigner({ apiKey: 'k', sharedKey: DOC_KEY }).headers()
    expect(Math.abs(Date.parse(headers.date) - before)).toBeLessThan(5_000)
  })
})
