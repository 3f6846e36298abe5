import { createHmac } from 'node:crypto'

/** The License API's HMAC scheme: only the Date header is signed. */
export function hmacSignature(sharedKey: string, date: string): string {
  return createHmac('sha256', sharedKey).update(`licenseSpring\ndate: ${date}`).digest('base64')
}

/**
 * Builds the Authorization value in a given layout. `layout` is an Authorization
 * header seen on the wire (e.g. the engine's); its signature is swapped for a fresh
 * one so a replayed request is byte-for-byte the same apart from the signature.
 */
export function hmacAuthorization(apiKey: string, sharedKey: string, date: string, layout?: string): string {
  const signature = hmacSignature(sharedKey, date)
  if (layout && /signature="[^"]*"/i.test(layout)) return layout.replace(/signature="[^"]*"/i, `signature="${signature}"`)
  return `algorithm="hmac-sha256",headers="date",signature="${signature}",apikey="${apiKey}"`
}

export interface HmacKeys {
  apiKey: string
  sharedKey: string
}

/** Fresh Date + Authorization for one request. */
export function signedHeaders(keys: HmacKeys, layout?: string): { date: string; authorization: string } {
  const date = new Date().toUTCString()
  return { date, authorization: hmacAuthorization(keys.apiKey, keys.sharedKey, date, layout) }
}

export interface BundleBody {
  hardware_id: string
  product: string
  license_key?: string
  username?: string
  password?: string
  sdk_ver?: string
}
