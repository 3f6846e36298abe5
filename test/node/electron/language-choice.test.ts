import { describe, expect, it } from 'vitest'
import { createLanguageControl } from '../../../src/main/electron/language-choice'
import { loadConfig } from '../../../src/main/engine/config'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const control = (preferred: string[]) => {
  const spoken: string[] = []
  return {
    languages: createLanguageControl(
      () => preferred,
      (language) => spoken.push(language)
    ),
    spoken
  }
}

describe('the app’s language', () => {
  it('follows the OS’s preferred languages, by language where the region is not known, else English', () => {
    expect(control(['de-AT', 'en-US']).languages.current()).toEqual({ language: 'de', choices: ['en', 'de', 'fr', 'es', 'ja'] })
    expect(control(['pt-BR', 'ja-JP']).languages.current().language).toBe('ja')
    expect(control(['pt-BR']).languages.current().language).toBe('en')
  })

  it('a vendor’s `languages` limits the choice and the menu; `language` fixes one', () => {
    const { languages, spoken } = control(['fr-FR'])
    languages.configure({ languages: ['en', 'de'] })
    expect(languages.current()).toEqual({ language: 'en', choices: ['en', 'de'] })
    languages.configure({ language: 'es' })
    expect(languages.current()).toEqual({ language: 'es', choices: ['es'] })
    expect(spoken).toEqual(['en', 'es'])
  })

  it('the person’s choice holds for the session, is refused when not offered, and the main process hears it', () => {
    const { languages, spoken } = control(['en-GB'])
    const chosen = languages.choose('ja')
    expect(chosen.ok && chosen.value.language).toBe('ja')
    languages.configure({})
    expect(languages.current().language).toBe('ja')
    languages.configure({ languages: ['en', 'fr'] })
    const refused = languages.choose('ja')
    expect(refused.ok ? null : refused.error.code).toBe('invalid_input')
    expect(languages.current().language).toBe('en')
    expect(spoken).toEqual(['ja', 'en'])
  })
})

describe('language settings in config.json', () => {
  const file = (content: unknown) => {
    const path = join(mkdtempSync(join(tmpdir(), 'lm-lang-')), 'config.json')
    writeFileSync(path, JSON.stringify(content))
    return path
  }

  it('reads a fixed language and a list', () => {
    const read = loadConfig({ env: {}, file: file({ language: 'de', languages: ['en', 'de'] }) })
    expect(read.ok && { language: read.value.language, languages: read.value.languages }).toEqual({ language: 'de', languages: ['en', 'de'] })
  })

  it('refuses an unknown language with config_invalid naming the field and the languages there are', () => {
    const read = loadConfig({ env: {}, file: file({ languages: ['en', 'pt'] }) })
    expect(read.ok).toBe(false)
    if (read.ok) return
    expect(read.error.code).toBe('config_invalid')
    expect(read.error.field).toBe('config file field "languages"')
    expect(read.error.explanation).toContain('"ja"')
  })
})
