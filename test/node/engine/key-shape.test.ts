import { describe, expect, it } from 'vitest'
import { keyShapeProblem, type KeySetting } from '../../../src/main/engine/auth/key-shape'

/* What the configuration says about a key pasted wrongly: the kind of character, never the value. */

const ALL: KeySetting[] = ['apiKey', 'sharedKey', 'clientId', 'clientSecret']

describe('the shape of a key or secret', () => {
  it.each(ALL)('%s: one word of visible ASCII, from ! to ~, is accepted', (setting) => {
    expect(keyShapeProblem('!Abc-123_~', setting)).toBeUndefined()
  })

  it.each(['"', '\\', ','])('an API key with %s is refused: it would break the Authorization header', (character) => {
    expect(keyShapeProblem(`abc${character}def`, 'apiKey')).toBe('contains a double quote, backslash or comma, which would break the Authorization header.')
  })

  it.each<KeySetting>(['sharedKey', 'clientId', 'clientSecret'])(
    '%s may hold a quote, backslash or comma: only the API key goes into the header',
    (setting) => {
      expect(keyShapeProblem('a"b\\c,d', setting)).toBeUndefined()
    }
  )

  it.each(ALL)('%s with a space (a non-breaking one too) or line break is called two words', (setting) => {
    for (const value of ['abc def', 'abc\ndef', ' abc', 'abc\t', 'abc\u00a0def'])
      expect(keyShapeProblem(value, setting), JSON.stringify(value)).toBe('contains a space or line break: keys and secrets are one word.')
  })

  it.each(ALL)('%s with a typographic quote or an accented letter is called not ASCII', (setting) => {
    for (const value of ['abc’def', 'clé', 'key€'])
      expect(keyShapeProblem(value, setting), JSON.stringify(value)).toBe(
        'contains a character that is not ASCII (a typographic quote, a non-breaking space or a letter with an accent?): keys and secrets are plain ASCII.'
      )
  })

  it.each(ALL)('%s with a control character is called so', (setting) => {
    for (const value of ['abc\u0000def', 'abc\u007fdef', 'abc\u001bdef'])
      expect(keyShapeProblem(value, setting), JSON.stringify(value)).toBe('contains control characters.')
  })
})
