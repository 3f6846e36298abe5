import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from '@formatjs/icu-messageformat-parser'
import { describe, expect, it } from 'vitest'
import { englishMessages, LOCALES_DIR, renderMessageParams, TARGET, valuesOf } from '../../../scripts/i18n/message-types'
import { LANGUAGES } from '../../../src/shared/i18n/languages'
import { DOMAINS } from '../../../src/shared/i18n/tables'

const read = (language: string, domain: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(LOCALES_DIR, language, `${domain}.json`), 'utf8')) as Record<string, unknown>

const english = new Map(englishMessages())
const valueNames = (message: string): string[] => [...valuesOf(parse(message)).keys()].sort()

describe('the message files', () => {
  it('hold one file per shipped language and domain, and nothing else', () => {
    for (const language of LANGUAGES) {
      expect(readdirSync(join(LOCALES_DIR, language)).sort(), language).toEqual(DOMAINS.map((domain) => `${domain}.json`).sort())
    }
  })

  it('the typed message keys are the English files’ (npm run i18n:types writes them)', () => {
    expect(readFileSync(TARGET, 'utf8')).toBe(renderMessageParams(englishMessages()))
  })

  it('every message is ICU MessageFormat text that parses', () => {
    for (const language of LANGUAGES) {
      for (const domain of DOMAINS) {
        for (const [key, message] of Object.entries(read(language, domain))) {
          expect(typeof message, `${language}/${domain}.json ${key}`).toBe('string')
          expect(() => parse(message as string), `${language}/${domain}.json ${key}`).not.toThrow()
        }
      }
    }
  })

  it.each(LANGUAGES.filter((language) => language !== 'en'))('%s: every English message is there, no other, with the same values', (language) => {
    const missing: string[] = []
    for (const domain of DOMAINS) {
      const table = read(language, domain)
      for (const [key, message] of Object.entries(table)) {
        const full = `${domain}.${key}`
        const source = english.get(full)
        expect(source, `${language}/${domain}.json has "${key}", which English lacks`).toBeDefined()
        expect(valueNames(message as string), `${language}/${domain}.json ${key}: the values it takes`).toEqual(valueNames(source!))
      }
      for (const key of Object.keys(read('en', domain))) if (!(key in table)) missing.push(`${domain}.${key}`)
    }
    expect(missing, `${language} lacks these messages`).toEqual([])
  })
})
