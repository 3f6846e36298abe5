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
}

/**
 * Signs with one API key. The key object is built once, and since Date has a
 * one-second resolution the header of the current second is reused.
 */
export function createHmacSigner(credentials: { apiKey: string; sharedKey: string }): HmacSigner {
  const key = createSecretKey(Buffer.from(credentials.sharedKey, 'utf8'))
  const apiKey = credentials.apiKey
  let lastDate = ''
  let lastAuthorization = ''
  return {
    headers(now = new Date()) {
      const date = now.toUTCString()
      if (date !== lastDate) {
        lastAuthorization = `algorithm="hmac-sha256",headers="date",signature="${hmacSignature(key, date)}",apikey="${apiKey}"`
        lastDate = date
      }
      return { date, authorization: lastAuthorization }
    }
  }
}
