/**
 * A reference a person can read aloud on the phone, e.g. `LM-DNF-400-7K3Q`: the error
 * code's initials, the HTTP status (000 when no HTTP answer came) and a short random
 * ticket id. Success reads `LM-OK-200-…`.
 */

/** Crockford's base 32: no I, L, O or U, so nothing is misheard or misread. */
export const SPOKEN_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
const TICKET_LENGTH = 4

export const REFERENCE_PATTERN = /^LM-[A-Z]{1,4}-\d{3}-[0-9A-HJKMNP-TV-Z]{4}$/

/** `device_not_found` → `DNF`; at most four letters. */
export function codeInitials(code: string): string {
  const initials = code
    .split(/[^a-z0-9]+/i)
    .filter((part) => part !== '')
    .map((part) => part[0]!.toUpperCase())
    .join('')
    .replace(/[^A-Z]/g, '')
  return initials.slice(0, 4) || 'X'
}

function ticket(randomBytes: (length: number) => Uint8Array): string {
  return [...randomBytes(TICKET_LENGTH)].map((byte) => SPOKEN_ALPHABET[byte % SPOKEN_ALPHABET.length]).join('')
}

const cryptoBytes = (length: number) => globalThis.crypto.getRandomValues(new Uint8Array(length))

/** The reference of one result: `outcome` is an error's code and status, or 'ok' for a success. */
export function makeReference(outcome: { code: string; status: number } | 'ok', randomBytes: (length: number) => Uint8Array = cryptoBytes): string {
  const [initials, status] = outcome === 'ok' ? ['OK', 200] : [codeInitials(outcome.code), outcome.status]
  const digits = Number.isInteger(status) && status > 0 && status < 1000 ? String(status).padStart(3, '0') : '000'
  return `LM-${initials}-${digits}-${ticket(randomBytes)}`
}
