/**
 * The one sanitizer for text that came from outside the app (server messages, request-file
 * fields, links, configuration values, file names) before a person sees it: in the CLI, the
 * window and diagnostics alike. Nothing is deleted: every character that could move the cursor,
 * start a terminal escape sequence, reorder or hide text, or start a new line is shown as a
 * visible escape (`\n`, `\u001b`, `\u202e`), so the text stays on its one line and reads as
 * what it is. Long text is cut and ends with "…".
 */

/**
 * Shown escaped: C0 and C1 controls and DEL (Cc, line breaks and tab included), format characters
 * (Cf: bidi embeddings, overrides and isolates U+202A–202E and U+2066–2069, the marks U+200E/200F
 * and U+061C, zero-width U+200B–200D, U+2060, U+FEFF, soft hyphen, tags…), the line and paragraph
 * separators U+2028/2029, and lone surrogates (half a character, which no font can draw).
 */
const HIDDEN_OR_CONTROL = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/u

/** The same class, for a whole text. */
const HIDDEN_OR_CONTROL_ALL = new RegExp(HIDDEN_OR_CONTROL.source, 'gu')

/** Default longest text shown in one place; the CLI and the window cut longer text and end it with "…". */
export const DISPLAY_MAX_LENGTH = 500

export const ELLIPSIS = '…'

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' }

/** The visible stand-in of one hidden or control character: `\n`, `\u001b`, `\u{e0001}`. */
export function escapeCharacter(character: string): string {
  const named = NAMED[character]
  if (named !== undefined) return named
  const code = character.codePointAt(0) ?? 0
  return code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, '0')}`
}

/**
 * JSON text with every hidden or control character written as `\uXXXX` escapes (JSON.stringify
 * leaves C1 controls, bidi and zero-width characters and U+2028/2029 raw): the same JSON value,
 * but no character of it can act on a terminal or viewer that shows the line.
 */
export function terminalSafeJson(json: string): string {
  return json.replace(HIDDEN_OR_CONTROL_ALL, (c) => Array.from({ length: c.length }, (_, i) => `\\u${c.charCodeAt(i).toString(16).padStart(4, '0')}`).join(''))
}

/** True when showing `text` raw could move the cursor, reorder or hide text, or start a line. */
export const hasHiddenOrControlCharacters = (text: string): boolean => HIDDEN_OR_CONTROL.test(text)

/** A stretch of the shown text: plain text may be cut anywhere but inside a surrogate pair; an escape only whole. */
interface Piece {
  text: string
  escape: boolean
}

/**
 * `text` as it may be shown: every hidden or control character visibly escaped, and at most
 * `maxLength` characters (UTF-16 code units, "…" included). An escape or a surrogate pair is
 * never cut in half. Safe text no longer than `maxLength` comes back unchanged, so applying it
 * twice changes nothing.
 */
export function displayText(text: string, maxLength = DISPLAY_MAX_LENGTH): string {
  const limit = Math.max(1, Math.floor(maxLength))
  if (text.length <= limit && !hasHiddenOrControlCharacters(text)) return text
  const pieces: Piece[] = []
  let length = 0
  let last = 0
  for (const match of text.matchAll(HIDDEN_OR_CONTROL_ALL)) {
    if (length > limit) break
    if (match.index > last) pieces.push({ text: text.slice(last, match.index), escape: false })
    pieces.push({ text: escapeCharacter(match[0]), escape: true })
    length += match.index - last + pieces[pieces.length - 1]!.text.length
    last = match.index + match[0].length
  }
  if (length <= limit && last < text.length) {
    pieces.push({ text: text.slice(last), escape: false })
    length += text.length - last
    last = text.length
  }
  return length <= limit && last === text.length ? pieces.map((p) => p.text).join('') : cut(pieces, limit)
}

/** The pieces cut to `limit` characters with "…" at the end. */
function cut(pieces: readonly Piece[], limit: number): string {
  let out = ''
  for (const piece of pieces) {
    const room = limit - ELLIPSIS.length - out.length
    if (piece.text.length <= room) {
      out += piece.text
      continue
    }
    if (!piece.escape && room > 0) {
      const split = piece.text.charCodeAt(room - 1)
      out += piece.text.slice(0, split >= 0xd800 && split <= 0xdbff ? room - 1 : room)
    }
    break
  }
  return out + ELLIPSIS
}
