export type KeySetting = 'apiKey' | 'sharedKey' | 'clientId' | 'clientSecret'

/** Visible ASCII, no space: the shape of every key and secret the vendor issues. */
const KEY_CHARACTERS = /^[\x21-\x7e]+$/
/** The API key is a quoted parameter of the Authorization header (`apikey="…"`, license-api.md §2): these would end or split it. */
const HEADER_BREAKERS = /["\\,]/

/**
 * What is wrong with a key's shape, naming the kind of character and never the value: the API key
 * goes into the Authorization header as `apikey="…"`, so a quote, backslash or comma would break
 * the header; a space, a non-ASCII letter or a control character is a copy-and-paste mistake in any
 * key (a secret the server never issued), and for the API key it would not survive the header either.
 */
export function keyShapeProblem(value: string, setting: KeySetting): string | undefined {
  if (setting === 'apiKey' && HEADER_BREAKERS.test(value)) return 'contains a double quote, backslash or comma, which would break the Authorization header.'
  if (KEY_CHARACTERS.test(value)) return undefined
  return /\s/.test(value)
    ? 'contains a space or line break: keys and secrets are one word.'
    : /[^\x20-\x7e\p{Cc}]/u.test(value)
      ? 'contains a character that is not ASCII (a typographic quote, a non-breaking space or a letter with an accent?): keys and secrets are plain ASCII.'
      : 'contains control characters.'
}
