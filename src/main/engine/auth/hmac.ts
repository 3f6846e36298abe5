import { createHmac, createSecretKey, type KeyObject } from 'node:crypto'

/** The string LicenseSpring signs: only the Date header, never the body, path or method. */
const signedText = (date: string) => `licenseSpring\ndate: ${date}`

/** Base64(HMAC-SHA256(shared key, "licenseSpring\ndate: <date>")). */
export function hmacSignature(sharedKey: string | KeyObject, date: string): string {
  return createHmac('sha256', sharedKey).update(signedText(date)).digest('base64')
}

export interface HmacSigner {
  /** The `Date` and `Authorization` headers for a request sent now. */
  headers(now?: Date): { date: string; authorization: string }
  /**
   * The signatures sent lately. Each signs only a date, so for the server's 15-minute window it
   * works as a credential: a server or proxy that echoes the Authorization header must not get it shown.
   */
  signatures(): string[]
}

/** Signatures remembered for signatures(): one per second in which a call was signed, the calls of one action and then some. */
const REMEMBERED_SIGNATURES = 32

/**
 * Signs with one API key. The key object is built once, and since Date has a
 * one-second resolution the header of the current second is reused.
 */
export function createHmacSigner(credentials: { apiKey: string; sharedKey: string }): HmacSigner {
  const key = createSecretKey(Buffer.from(credentials.sharedKey, 'utf8'))
  const apiKey = credentials.apiKey
  let lastDate = ''
  let lastAuthorization = ''
  const sent: string[] = []
  return {
    headers(now = new Date()) {
      const date = now.toUTCString()
      if (date !== lastDate) {
        const signature = hmacSignature(key, date)
        lastAuthorization = `algorithm="hmac-sha256",headers="date",signature="${signature}",apikey="${apiKey}"`
        lastDate = date
        sent.push(signature)
        if (sent.length > REMEMBERED_SIGNATURES) sent.shift()
      }
      return { date, authorization: lastAuthorization }
    },
    signatures: () => [...sent]
  }
}
