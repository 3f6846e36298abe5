import { describe, expect, it } from 'vitest'
import { keyShapeProblem, type KeySetting } from '../../../src/main/engine/auth/key-shape'

/* What the configuration says about a key pasted wrongly: the kind of character, never the value. */

const ALL: KeySetting[] = ['apiKey', 'sharedKey', 'clientId', 'clientSecret']

/** The problem as the configuration's message says it, naming the setting. */
const said = (value: string, setting: KeySetting): string | undefined => keyShapeProblem(value, setting)?.(setting)

describe('the shape of a key or secret', () => {
  it.each(ALL)('%s: one word of visible ASCII, from ! to ~, is accepted', (setting) => {
    expect(said('!Abc-123_~', setting)).toBeUndefined()
  })

  it.each(['"', '\\', ','])('an API key with %s is refused: it would break the Authorization header', (character) => {
    expect(said(`abc${character}def`, 'apiKey')).toBe('apiKey contains a double quote, backslash or comma, which would break the Authorization header.')
  })

  it.each<KeySetting>(['sharedKey', 'clientId', 'clientSecret'])(
    '%s may hold a quote, backslash or comma: only the API key goes into the header',
    (setting) => {
      expect(said('a"b\\c,d', setting)).toBeUndefined()
    }
  )

  it.each(ALL)('%s with a space (a non-breaking one too) or line break is called two words', (setting) => {
    for (const value of ['abc def', 'abc\ndef', ' abc', 'abc\t', 'abc\u00a0def'])
      expect(said(value, setting), JSON.stringify(value)).toBe(`${setting} contains a space or line break: keys and secrets are one word.`)
  })

  it.each(ALL)('%s with a typographic quote or an accented letter is called not ASCII', (setting) => {
    for (const value of ['abc’def', 'clé', 'key€'])
      expect(said(value, setting), JSON.stringify(value)).toBe(
        `${setting} contains a character that is not ASCII (a typographic quote, a non-breaking space or a letter with an accent?): keys and secrets are plain ASCII.`
      )
  })

  it.each(ALL)('%s with a control character is called so', (setting) => {
    for (const value of ['abc\u0000def', 'abc\u007fdef', 'abc\u001bdef'])
      expect(said(value, setting), JSON.stringify(value)).toBe(`${setting} contains control characters.`)
  })
})
