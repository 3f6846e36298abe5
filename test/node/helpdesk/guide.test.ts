import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  CATALOGUE_CODES,
  ERRORS_PAGE,
  GUIDE_LANGUAGES,
  guideDir,
  guidePages,
  hasOwnSource,
  headingAnchors,
  PICTURES,
  sectionIds,
  SOURCE_PAGES,
  speaking
} from '../../../scripts/helpdesk-guide/pages'
import { t } from '../../../src/shared/i18n/current'
import { HELPDESK_ENTRIES } from '../../../src/shared/helpdesk/helpdesk-entries'
import { HELPDESK_LABELS, labelled } from '../../../src/shared/helpdesk/helpdesk-words'

/*
 * The helpdesk guide (docs/helpdesk/walkthrough.md, errors.md) is generated from
 * docs/helpdesk/source/en/ and the catalogue by `npm run docs:helpdesk`.
 */
const dir = guideDir('en')
const committed = (file: string) => readFileSync(join(dir, file), 'utf8')

describe('the helpdesk guide', () => {
  it('the committed pages are what the generator writes (run `npm run docs:helpdesk` after changing the catalogue or the sources)', () => {
    for (const page of guidePages('en')) expect(committed(page.file), page.file).toBe(page.markdown)
  })

  it('every error code has its section, and every section is an error code (or the success, or a server code the app does not know)', () => {
    const sections = sectionIds(committed(ERRORS_PAGE))
    expect(new Set(sections).size).toBe(sections.length)
    const withoutSection = CATALOGUE_CODES.filter((code) => !sections.includes(code))
    expect(withoutSection).toEqual([])
    const withoutCode = sections.filter((id) => !(CATALOGUE_CODES as string[]).includes(id) && id !== 'success' && id !== 'unknown-server-code')
    expect(withoutCode).toEqual([])
    expect(sections).toHaveLength(CATALOGUE_CODES.length + 2)
  })

  it('each section says what it means, what to say, what to check and the next step, from the catalogue', () => {
    const page = committed(ERRORS_PAGE)
    const parts = page.split(/^<a id="/m).slice(1)
    for (const entry of HELPDESK_ENTRIES) {
      const part = parts.find((p) => p.startsWith(`${entry.id}"`))
      expect(part, entry.id).toBeDefined()
      for (const [label, words] of [
        [HELPDESK_LABELS.meaning, entry.explanation],
        [HELPDESK_LABELS.say, `“${entry.helpdesk.say}”`],
        [HELPDESK_LABELS.check, entry.helpdesk.check],
        [HELPDESK_LABELS.next, entry.helpdesk.next]
      ]) {
        expect(part, `${entry.id}: ${label}`).toContain(`**${label}:** ${words}`)
      }
    }
  })

  it('speaks English on the English pages: labels and words are the English messages', () => {
    // The labels before their values are one message each; English puts a colon there.
    expect(labelled(HELPDESK_LABELS.say)).toBe(`${HELPDESK_LABELS.say}:`)
    expect(t('helpdesk.guide.quoted', { words: 'x' })).toBe('“x”')
  })

  it('both indexes list every result once, by its reference and by what the caller sees', () => {
    const page = committed(ERRORS_PAGE)
    const index = (heading: string) => page.slice(page.indexOf(`## ${heading}`), page.indexOf('\n## ', page.indexOf(`## ${heading}`) + 3))
    for (const heading of ['Index by reference', 'Index by what the caller sees']) {
      const rows = index(heading)
        .split('\n')
        .filter((line) => line.startsWith('| ') && line.includes('](#'))
      expect(rows, heading).toHaveLength(HELPDESK_ENTRIES.length)
      for (const entry of HELPDESK_ENTRIES)
        expect(
          rows.filter((row) => row.includes(`(#${entry.id})`)),
          `${heading}: ${entry.id}`
        ).toHaveLength(1)
    }
  })

  it('every picture a page shows exists, and every picture in the folder is shown', () => {
    const shown = new Set<string>()
    // The generated pages and the helpdesk pages written by hand (Licences on this PC) share the folder.
    const handWritten = readdirSync(dir)
      .filter((name) => name.endsWith('.md') && !guidePages('en').some((page) => page.file === name))
      .map((name) => ({ markdown: readFileSync(join(dir, name), 'utf8') }))
    for (const page of [...guidePages('en'), ...handWritten]) {
      for (const [, file] of page.markdown.matchAll(/!\[[^\]]+\]\((pictures\/[^)]+\.png)\)/g)) {
        expect(existsSync(join(dir, file!)), file).toBe(true)
        shown.add(file!)
      }
    }
    const inFolder = readdirSync(join(dir, PICTURES)).map((name) => `${PICTURES}/${name}`)
    expect(inFolder.filter((file) => !shown.has(file))).toEqual([])
    // Pictures of error states are named after a catalogue code.
    for (const file of inFolder.filter((f) => f.startsWith(`${PICTURES}/error-`))) {
      expect(CATALOGUE_CODES as string[], file).toContain(file.slice(`${PICTURES}/error-`.length, -'.png'.length))
    }
  })
})

describe('the helpdesk guide in every language', () => {
  const others = GUIDE_LANGUAGES.filter((lang) => lang !== 'en')
  const page = (lang: string, file: string) => readFileSync(join(guideDir(lang), file), 'utf8')

  it('is written in German, French, Spanish and Japanese besides English', () => {
    expect(others).toEqual(['de', 'fr', 'es', 'ja'])
  })

  it.each(others)('%s: the committed pages are what the generator writes (npm run docs:helpdesk)', (lang) => {
    for (const generated of guidePages(lang)) expect(page(lang, generated.file), `${lang}/${generated.file}`).toBe(generated.markdown)
  })

  it.each(others)('%s: every page has its own translated source in docs/helpdesk/source/', (lang) => {
    for (const file of SOURCE_PAGES) expect(hasOwnSource(lang, file), `docs/helpdesk/source/${lang}/${file}`).toBe(true)
  })

  it.each(others)('%s: every section and heading carries the English anchor, in the English order, so links work in every language', (lang) => {
    // The errors page's anchors are its indexes' and then one per result, the ids its links and `explain` name.
    for (const file of SOURCE_PAGES) expect(headingAnchors(page(lang, file)), `${lang}/${file}`).toEqual(headingAnchors(page('en', file)))
  })

  it.each(others)('%s: each section carries the helpdesk’s words in that language, labelled in it', (lang) => {
    const parts = page(lang, ERRORS_PAGE)
      .split(/^<a id="/m)
      .slice(1)
    speaking(lang, () => {
      for (const entry of HELPDESK_ENTRIES) {
        const part = parts.find((p) => p.startsWith(`${entry.id}"`))!
        expect(part, `${lang} ${entry.id}`).toContain(`**${labelled(HELPDESK_LABELS.say)}** ${t('helpdesk.guide.quoted', { words: entry.helpdesk.say })}`)
        expect(part).toContain(`**${labelled(HELPDESK_LABELS.check)}** ${entry.helpdesk.check}`)
        expect(part).toContain(`**${labelled(HELPDESK_LABELS.next)}** ${entry.helpdesk.next}`)
      }
    })
    // …which are not the English ones: the language has its own words for every result.
    const english = committed(ERRORS_PAGE)
    for (const entry of HELPDESK_ENTRIES) {
      const say = speaking(lang, () => entry.helpdesk.say)
      expect(say, `${lang} ${entry.id}`).not.toBe(entry.helpdesk.say)
      expect(english).not.toContain(say)
    }
  })

  it.each(others)('%s: pictures are the language’s own where taken, else the English ones, and each exists', (lang) => {
    for (const generated of guidePages(lang)) {
      const shown = [...generated.markdown.matchAll(/!\[[^\]]+\]\(([^)]+\.png)\)/g)].map((m) => m[1]!)
      expect(shown.length, generated.file).toBeGreaterThan(0)
      for (const file of shown) expect(existsSync(join(guideDir(lang), file)), `${lang}/${file}`).toBe(true)
    }
  })
})
