import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DISPLAY_MAX_LENGTH, displayText, ELLIPSIS, terminalSafeJson } from '../../../src/shared/display-text'

/*
 * The one display sanitizer (src/shared/display-text.ts), checked against lists written here
 * from the Unicode classes the issue names, not from the module's own pattern.
 */

const range = (from: number, to: number): string[] => Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i))

/** Every character that must never reach a terminal or a page raw, by class. */
const CLASSES: Record<string, string[]> = {
  'C0 controls': range(0x00, 0x1f),
  DEL: ['\u007f'],
  'C1 controls': range(0x80, 0x9f),
  'bidi embeddings and overrides': range(0x202a, 0x202e),
  'bidi isolates': range(0x2066, 0x2069),
  'bidi marks': ['\u200e', '\u200f', '\u061c'],
  'zero-width characters': ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff'],
  'line and paragraph separators': ['\u2028', '\u2029'],
  'lone surrogates': ['\ud800', '\udbff', '\udc00', '\udfff'],
  'other format characters': ['\u00ad', '\u180e', '\u2061', '\u{e0001}', '\u{e0041}']
}
const HIDDEN = Object.values(CLASSES).flat()

/** Characters that end a line somewhere: terminals, editors, browsers, JavaScript. */
const LINE_BREAKS = /\r\n|[\n\r\v\f\u0085\u2028\u2029]/

/** Any character a person cannot see or that acts on the terminal, found by listing, not by the module's regex. */
const rawHidden = (text: string): string | undefined => {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    const pair = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && text.charCodeAt(i + 1) >= 0xdc00 && text.charCodeAt(i + 1) <= 0xdfff
    const char = pair ? text.slice(i, i + 2) : text[i]!
    if (HIDDEN.includes(char)) return char
    if (pair) i++
  }
  return undefined
}

const hiddenChar = fc.constantFrom(...HIDDEN)
/** Text mixing ordinary Unicode (astral included), hidden characters and lines that look like the app's own. */
const outsideText = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
      { weight: 3, arbitrary: hiddenChar },
      { weight: 1, arbitrary: fc.constantFrom('Deactivated: bundle "office-suite"', '\u001b[2J\u001b]0;pwned\u0007', '\r\n', '\u202eevil\u202c') },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) }
    ),
    { maxLength: 30 }
  )
  .map((parts) => parts.join(''))

describe('displayText', () => {
  it.each(Object.entries(CLASSES))('shows every character of %s as a visible escape, never raw and never deleted', (_name, chars) => {
    for (const char of chars) {
      const shown = displayText(`a${char}b`)
      expect(rawHidden(shown), JSON.stringify(char)).toBeUndefined()
      expect(shown).toMatch(/^a\\(n|r|t|u[0-9a-f]{4}|u\{[0-9a-f]+\})b$/)
    }
    expect(displayText('a\nb\u2028c\u202ed')).toBe('a\\nb\\u2028c\\u202ed')
  })

  it('property: no hidden character and no line break survive, whatever the text', () => {
    fc.assert(
      fc.property(outsideText, (text) => {
        const shown = displayText(text)
        expect(rawHidden(shown)).toBeUndefined()
        expect(shown).not.toMatch(LINE_BREAKS)
      }),
      { numRuns: 500, seed: 20_250_607 }
    )
  })

  it('property: the cap holds (ellipsis included), a cut ends with "…", and escapes or surrogate pairs are never cut in half', () => {
    fc.assert(
      fc.property(outsideText, fc.integer({ min: 1, max: 80 }), (text, max) => {
        const shown = displayText(text, max)
        expect(shown.length).toBeLessThanOrEqual(max)
        const whole = displayText(text, Number.POSITIVE_INFINITY)
        if (whole.length <= max) expect(shown).toBe(whole)
        else {
          expect(shown.endsWith(ELLIPSIS)).toBe(true)
          const kept = shown.slice(0, -ELLIPSIS.length)
          expect(whole.startsWith(kept)).toBe(true)
          // The cut never leaves a backslash-u stub or a high surrogate without its pair.
          expect(kept).not.toMatch(/\\(u[0-9a-f]{0,3}|u\{[0-9a-f]*)?$/)
          expect(rawHidden(kept)).toBeUndefined()
        }
      }),
      { numRuns: 500, seed: 20_250_608 }
    )
  })

  it('property: applying it twice changes nothing, and safe short text comes back as it was', () => {
    fc.assert(
      fc.property(outsideText, fc.integer({ min: 1, max: 600 }), (text, max) => {
        const once = displayText(text, max)
        expect(displayText(once, max)).toBe(once)
      }),
      { numRuns: 300, seed: 20_250_609 }
    )
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii', maxLength: DISPLAY_MAX_LENGTH }), (text) => {
        // eslint-disable-next-line no-control-regex -- the control characters are what the filter names
        fc.pre(!/[\u0000-\u001f\u007f]/.test(text))
        expect(displayText(text)).toBe(text)
      }),
      { numRuns: 200, seed: 20_250_610 }
    )
  })

  it('caps at 500 characters by default: a 40,000-character field name gives a short line', () => {
    const shown = displayText(`Unknown field "${'\u001b'.repeat(40_000)}".`)
    expect(shown.length).toBeLessThanOrEqual(DISPLAY_MAX_LENGTH)
    expect(shown.endsWith(ELLIPSIS)).toBe(true)
  })
})

describe('terminalSafeJson', () => {
  it('property: the same JSON value, with no hidden character left raw in the text', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 5 }), outsideText, { maxKeys: 4 }), (value) => {
        const json = terminalSafeJson(JSON.stringify(value))
        expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(value)))
        expect(rawHidden(json)).toBeUndefined()
        expect(json).not.toMatch(LINE_BREAKS)
      }),
      { numRuns: 300, seed: 20_250_611 }
    )
  })
})

describe('displayText where it cuts', () => {
  it('a long line before a line break is cut at the limit, not left out', () => {
    expect(displayText(`${'a'.repeat(600)}\n`)).toBe(`${'a'.repeat(499)}…`)
  })

  it('an escape early in a long text is kept, and the text goes on up to the limit', () => {
    expect(displayText(`${'x'.repeat(10)}\n${'y'.repeat(600)}`)).toBe(`${'x'.repeat(10)}\\n${'y'.repeat(487)}…`)
  })

  it('an escape that just fits before the "…" is kept whole', () => {
    expect(displayText(`${'a'.repeat(11)}\u001b${'b'.repeat(10)}`, 18)).toBe(`${'a'.repeat(11)}\\u001b…`)
  })

  it('a character beyond the basic plane at the cut is left out whole, the very last one (U+10FFFF) too', () => {
    expect(displayText(`${'a'.repeat(498)}\u{10FFFF}bbb`)).toBe(`${'a'.repeat(498)}…`)
  })
})
