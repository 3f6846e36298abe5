import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CATALOGUE_CODES, ERRORS_PAGE, guideDir, guidePages, PICTURES, sectionIds } from '../../../scripts/helpdesk-guide/pages'
import { HELPDESK_ENTRIES } from '../../../src/shared/helpdesk/helpdesk-entries'
import { HELPDESK_LABELS } from '../../../src/shared/helpdesk/helpdesk-words'

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
