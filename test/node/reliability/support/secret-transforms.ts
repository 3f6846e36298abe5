/**
 * The transformations a server, a proxy or a log may apply to a secret it was sent, and the
 * oracle that looks for what survives of them in a text. Written apart from the engine's
 * scrubber (src/main/engine/errors/scrub-secrets.ts): the Base64 check decodes the text rather
 * than re-encoding the secret.
 */

/** The length from which any run of a secret's characters counts as a leak. */
export const WINDOW = 8

const utf8 = (text: string) => Buffer.from(text, 'utf8')
const base64 = (text: string) => utf8(text).toString('base64')

export const TRANSFORMATIONS = {
  plain: (s: string) => s,
  'URL-encoded': (s: string) => encodeURIComponent(s),
  'URL-encoded twice': (s: string) => encodeURIComponent(encodeURIComponent(s)),
  'form-encoded': (s: string) => new URLSearchParams({ k: s }).toString().slice(2),
  'lower-case percent hex': (s: string) => encodeURIComponent(s).replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase()),
  'JSON-escaped': (s: string) => JSON.stringify(s).slice(1, -1),
  Base64: (s: string) => base64(s),
  'Base64 without padding': (s: string) => base64(s).replace(/=+$/, ''),
  Base64url: (s: string) => utf8(s).toString('base64url'),
  'Base64url with padding': (s: string) => base64(s).replace(/\+/g, '-').replace(/\//g, '_'),
  'hex (lower case)': (s: string) => utf8(s).toString('hex'),
  'hex (upper case)': (s: string) => utf8(s).toString('hex').toUpperCase(),
  'upper case': (s: string) => s.toUpperCase(),
  'lower case': (s: string) => s.toLowerCase(),
  'every other letter upper case': (s: string) => Array.from(s, (c, i) => (i % 2 ? c.toUpperCase() : c.toLowerCase())).join('')
} as const satisfies Record<string, (secret: string) => string>

export type TransformationName = keyof typeof TRANSFORMATIONS
export const TRANSFORMATION_NAMES = Object.keys(TRANSFORMATIONS) as TransformationName[]

/** `text` with the secret's UTF-8 bytes inside other bytes, as Base64 or Base64url: a request file echoed by a server. */
export function insideBase64(secret: string, head: Uint8Array, tail: Uint8Array, url = false): string {
  const whole = Buffer.concat([head, utf8(secret), tail])
  return url ? whole.toString('base64url') : whole.toString('base64')
}

const foldedIncludes = (text: string, part: string) => text.toLowerCase().includes(part.toLowerCase())

/** Any 8 consecutive characters of any transformation of the secret found in the text (letter case ignored). */
export function windowLeak(text: string, secret: string): string | undefined {
  for (const [name, transform] of Object.entries(TRANSFORMATIONS)) {
    const form = transform(secret)
    for (let i = 0; i + WINDOW <= form.length; i++) if (foldedIncludes(text, form.slice(i, i + WINDOW))) return `${name} "${form.slice(i, i + WINDOW)}"`
  }
  return undefined
}

/** Any 6 consecutive bytes of the secret (8 Base64 characters' worth) that decoding a Base64 stretch of the text gives back, at any alignment. */
export function base64Leak(text: string, secret: string): string | undefined {
  const bytes = utf8(secret)
  const windows = new Set<string>()
  for (let i = 0; i + 6 <= bytes.length; i++) windows.add(bytes.subarray(i, i + 6).toString('hex'))
  for (const run of text.match(/[A-Za-z0-9+/_-]{8,}/g) ?? []) {
    const standard = run.replace(/-/g, '+').replace(/_/g, '/')
    for (let start = 0; start < 4; start++) {
      const part = standard.slice(start)
      const decoded = Buffer.from(part.slice(0, part.length - (part.length % 4)), 'base64').toString('hex')
      for (const w of windows) if (decoded.includes(w)) return `Base64 run "${run.slice(0, 24)}…" decodes to part of the secret`
    }
  }
  return undefined
}

/** A long secret leaks by any 8-character window of any form, or by Base64 that decodes to 6 of its bytes. */
export const leakOf = (text: string, secret: string): string | undefined => windowLeak(text, secret) ?? base64Leak(text, secret)
