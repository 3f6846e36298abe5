import { UNSAFE_DISPLAY_CHARACTERS } from '../../../shared/control-characters'
import { ERROR_CATALOGUE, isKnownErrorCode, type AppError } from '../../../shared/errors'

/** What stands where a secret was. */
export const REMOVED = '[removed]'

/** Secrets shorter than this are removed only where they stand as a whole token (not inside a word). */
const SHORT_SECRET = 8

/** Longest text kept in each field of an error that leaves the engine (longer is cut, then marked "…"). */
const MAX_FIELD_LENGTH = 500
const MAX_CODE_LENGTH = 100

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** JSON with every non-ASCII character and "/" escaped, as some servers write it. */
const asciiJson = (text: string): string =>
  JSON.stringify(text)
    .slice(1, -1)
    .replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/\//g, '\\/')

/**
 * The forms in which a server, proxy or library may echo a secret it was sent: as is,
 * percent-encoded (URL and form encoding, upper- and lower-case hex), JSON-escaped and
 * HTML-escaped.
 */
export function echoForms(secret: string): string[] {
  // Percent-encoding needs well-formed UTF-16: a lone surrogate goes out as U+FFFD, as browsers and URLSearchParams send it.
  const wellFormed = secret.replace(LONE_SURROGATE, '\ufffd')
  const percent = [encodeURIComponent(wellFormed), encodeURI(wellFormed), new URLSearchParams({ s: secret }).toString().slice(2)]
  const forms = [
    secret,
    ...percent,
    ...percent.map((form) => form.replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase())),
    JSON.stringify(secret).slice(1, -1),
    asciiJson(secret),
    secret.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c)
  ]
  return [...new Set(forms)].filter((form) => form !== '')
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Removes every secret from texts, in every echo form; built once per call for its secrets. */
export interface SecretScrubber {
  text(value: string, maxLength?: number): string
  error(error: AppError): AppError
}

export function secretScrubber(secrets: readonly (string | undefined)[]): SecretScrubber {
  const known = [...new Set(secrets.filter((s): s is string => typeof s === 'string' && s !== ''))]
  const forms = [...new Set(known.flatMap(echoForms))].sort((a, b) => b.length - a.length)
  const long = forms.filter((form) => form.length >= SHORT_SECRET)
  const short = forms.filter((form) => form.length < SHORT_SECRET)
  const shortPattern = short.length === 0 ? undefined : new RegExp(`(?<![\\p{L}\\p{N}])(?:${short.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'gu')

  const removeAll = (value: string): string => {
    let out = value
    for (const form of long) if (out.includes(form)) out = out.split(form).join(REMOVED)
    return shortPattern ? out.replace(shortPattern, REMOVED) : out
  }

  /** A text cut short must not end with the start of a secret. */
  const cutAt = (value: string, maxLength: number): string => {
    let cut = value.slice(0, maxLength)
    for (const form of forms) {
      for (let n = Math.min(form.length - 1, cut.length); n > 0; n--) {
        if (cut.endsWith(form.slice(0, n))) {
          cut = cut.slice(0, cut.length - n)
          break
        }
      }
    }
    return `${cut}…`
  }

  const text = (value: string, maxLength = MAX_FIELD_LENGTH): string => {
    const cleaned = removeAll(value.replace(UNSAFE_DISPLAY_CHARACTERS, ' '))
    return cleaned.length > maxLength ? cutAt(cleaned, maxLength) : cleaned
  }

  return {
    text,
    error(error) {
      const catalogued = isKnownErrorCode(error.code) ? ERROR_CATALOGUE[error.code] : undefined
      const out: AppError = { ...error }
      // Catalogue codes, titles and actions are the app's own words; the rest may quote a server.
      if (!catalogued) out.code = text(error.code, MAX_CODE_LENGTH)
      if (error.explanation !== catalogued?.explanation) out.explanation = text(error.explanation)
      if (error.serverMessage !== undefined) out.serverMessage = text(error.serverMessage)
      if (error.networkCause !== undefined) out.networkCause = text(error.networkCause)
      return out
    }
  }
}
