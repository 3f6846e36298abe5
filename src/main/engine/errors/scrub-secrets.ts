import { displayText, ELLIPSIS } from '../../../shared/display-text'
import { ERROR_CATALOGUE, isKnownErrorCode, type AppError } from '../../../shared/errors'
import { failure, type Outcome } from '../../../shared/outcome'

/** What stands where a secret was. */
export const REMOVED = '[removed]'

/**
 * Forms shorter than this are removed only where they stand as a whole token (not inside a
 * word); longer ones wherever they occur, and so is every run of this many characters of them
 * (a fragment: a server that cuts its messages, or quotes part of a key).
 */
export const FRAGMENT_LENGTH = 8

/** Longest text kept in each field of an error that leaves the engine (longer is cut, then marked "…"). */
const MAX_FIELD_LENGTH = 500
const MAX_CODE_LENGTH = 100

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

/** JSON with every non-ASCII character and "/" escaped, as some servers write it. */
const asciiJson = (text: string): string =>
  JSON.stringify(text)
    .slice(1, -1)
    .replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/\//g, '\\/')

const toBase64url = (base64: string): string => base64.replace(/\+/g, '-').replace(/\//g, '_')

/**
 * The characters of Base64 text that only the secret's bytes decide, when the secret stands at
 * byte offset 0, 1 or 2 (mod 3) of a longer encoded text: each offset gives other characters, and
 * the first and last characters also depend on the bytes around it, so they are left out.
 */
export function embeddedBase64(bytes: Uint8Array): string[] {
  const cores: string[] = []
  for (let offset = 0; offset < 3; offset++) {
    const padded = Buffer.concat([Buffer.alloc(offset), bytes, Buffer.alloc(3)])
    const encoded = padded.toString('base64')
    // Base64 character i holds bits 6i…6i+5: it is the secret's alone when they fall inside its bytes.
    const first = Math.ceil((8 * offset) / 6)
    const end = Math.floor((8 * (offset + bytes.length)) / 6)
    if (end > first) cores.push(encoded.slice(first, end))
  }
  return cores
}

/**
 * A secret that is itself Base64 (a request signature, an HMAC): the bytes it stands for, as hex
 * and as Base64url, the way a server that checks it may write the digest it expected.
 */
function decodedForms(secret: string): string[] {
  if (secret.length < FRAGMENT_LENGTH) return []
  // Base64 only when its bytes encode back to it exactly (a decoder skips what is not Base64).
  const bytes = Buffer.from(secret, 'base64')
  return bytes.toString('base64') === secret ? [bytes.toString('hex'), bytes.toString('base64url')] : []
}

/**
 * The forms in which a server, proxy or library may echo a secret it was sent: as is,
 * percent-encoded once or twice (URL and form encoding, upper- and lower-case hex), JSON-escaped,
 * HTML-escaped, Base64 and Base64url (with and without padding, whole or inside a longer Base64
 * text at any alignment), hex, and for a secret that is Base64 itself, its bytes in hex and Base64url. Letter case is ignored when matching, so case-changed forms
 * need no entry of their own.
 */
export function echoForms(secret: string): string[] {
  // Percent-encoding needs well-formed UTF-16: a lone surrogate goes out as U+FFFD, as browsers and URLSearchParams send it.
  const wellFormed = secret.replace(LONE_SURROGATE, '\ufffd')
  const once = [encodeURIComponent(wellFormed), encodeURI(wellFormed), new URLSearchParams({ s: secret }).toString().slice(2)]
  const twice = once.map((form) => encodeURIComponent(form))
  const bytes = Buffer.from(wellFormed, 'utf8')
  const base64 = bytes.toString('base64')
  // Inside longer Base64 text only a secret of fragment length or more is looked for: a shorter one's characters there are too few to tell.
  const inside = secret.length >= FRAGMENT_LENGTH ? embeddedBase64(bytes) : []
  const forms = [
    secret,
    ...once,
    ...once.map((form) => form.replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase())),
    ...twice,
    JSON.stringify(secret).slice(1, -1),
    asciiJson(secret),
    secret.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c),
    base64,
    toBase64url(base64),
    ...inside,
    ...inside.map(toBase64url),
    bytes.toString('hex'),
    ...decodedForms(secret)
  ]
  return [...new Set(forms)]
}

/** Lower case with the length kept, so positions in the folded text are positions in the original. */
function fold(text: string): string {
  const lower = text.toLowerCase()
  if (lower.length === text.length) return lower
  let out = ''
  for (const unit of text) {
    const folded = unit.toLowerCase()
    out += folded.length === unit.length ? folded : unit
  }
  return out
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Removes every secret from texts, in every echo form; built once per call for its secrets. */
export interface SecretScrubber {
  /** The text without secrets, every hidden or control character visibly escaped, at most `maxLength` characters. */
  text(value: string, maxLength?: number): string
  /** The error with every text that may quote an outside party passed through `text`. */
  error(error: AppError): AppError
  /** A failed outcome's error through `error`; a success as it is. */
  outcome<T>(outcome: Outcome<T>): Outcome<T>
}

export function secretScrubber(secrets: readonly (string | undefined)[]): SecretScrubber {
  const known = [...new Set(secrets.filter((s): s is string => typeof s === 'string' && s !== ''))]
  const forms = [...new Set(known.flatMap(echoForms).map(fold))]
  const fragments = new Set<string>()
  for (const form of forms) {
    for (let i = 0; i + FRAGMENT_LENGTH <= form.length; i++) fragments.add(form.slice(i, i + FRAGMENT_LENGTH))
  }
  const short = forms.filter((form) => form.length < FRAGMENT_LENGTH).sort((a, b) => b.length - a.length)
  const shortPattern = short.length === 0 ? undefined : new RegExp(`(?<![\\p{L}\\p{N}])(?:${short.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'giu')

  const removeAll = (value: string): string => {
    let out = value
    if (fragments.size > 0 && value.length >= FRAGMENT_LENGTH) {
      const folded = fold(value)
      const hidden = new Uint8Array(value.length)
      for (let i = 0; i + FRAGMENT_LENGTH <= folded.length; i++) {
        if (fragments.has(folded.slice(i, i + FRAGMENT_LENGTH))) hidden.fill(1, i, i + FRAGMENT_LENGTH)
      }
      out = ''
      for (let i = 0; i < value.length;) {
        if (hidden[i] === 1) {
          while (hidden[i] === 1) i++
          out += REMOVED
        } else out += value[i++]!
      }
    }
    return shortPattern ? out.replace(shortPattern, REMOVED) : out
  }

  /** A text cut short must not end with the start of a secret (nor with part of the marker). */
  const withoutTrailingStart = (cut: string): string => {
    let out = cut
    for (const form of [fold(REMOVED), ...forms]) {
      const folded = fold(out)
      for (let n = Math.min(form.length - 1, folded.length); n > 0; n--) {
        if (folded.endsWith(form.slice(0, n))) {
          out = out.slice(0, out.length - n)
          break
        }
      }
    }
    return out
  }

  /** `maxLength` characters at most, then "…" when cut. */
  const text = (value: string, maxLength = MAX_FIELD_LENGTH): string => {
    const removed = removeAll(value)
    const whole = displayText(removed, Number.POSITIVE_INFINITY)
    if (whole.length <= maxLength) return whole
    const cut = displayText(removed, maxLength + ELLIPSIS.length)
    return `${withoutTrailingStart(cut.slice(0, -ELLIPSIS.length))}${ELLIPSIS}`
  }

  const error = (e: AppError): AppError => {
    const catalogued = isKnownErrorCode(e.code) ? ERROR_CATALOGUE[e.code] : undefined
    const out: AppError = { ...e }
    // Catalogue codes, titles and actions are the app's own words; the rest may quote a server, a file or a setting.
    if (!catalogued) out.code = text(e.code, MAX_CODE_LENGTH)
    if (e.explanation !== catalogued?.explanation) out.explanation = text(e.explanation)
    if (e.serverMessage !== undefined) out.serverMessage = text(e.serverMessage)
    if (e.networkCause !== undefined) out.networkCause = text(e.networkCause)
    return out
  }

  return {
    text,
    error,
    outcome: (o) => (o.ok ? o : failure(error(o.error)))
  }
}
