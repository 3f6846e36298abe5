import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildGuidePdf, PDF_FILE, readPrintedGuide, type BuiltGuide, type PrintedGuide } from '../../../scripts/helpdesk-guide/pdf'
import { guideDir, guidePages } from '../../../scripts/helpdesk-guide/pages'
import { HELPDESK_ENTRIES } from '../../../src/shared/helpdesk/helpdesk-entries'

/*
 * The printable guide, printed afresh by Debian's Chromium (scripts/helpdesk-guide/pdf.ts) and
 * compared with the committed docs/helpdesk/helpdesk-guide.pdf (`npm run docs:helpdesk:pdf`).
 */
let fresh: BuiltGuide
let committed: PrintedGuide

beforeAll(async () => {
  fresh = await buildGuidePdf('en')
  committed = await readPrintedGuide(readFileSync(join(guideDir('en'), PDF_FILE)))
}, 240_000)

const compact = (text: string) => text.replace(/\s+/g, '')

describe('the printed helpdesk guide', () => {
  it('has a plausible number of pages: a page or more for each section, not many more', () => {
    const sections = fresh.sections.length
    expect(sections).toBeGreaterThan(HELPDESK_ENTRIES.length)
    expect(fresh.printed.pageCount).toBeGreaterThanOrEqual(sections)
    expect(fresh.printed.pageCount).toBeLessThanOrEqual(2 * sections)
  })

  it('has every picture of the pages, loaded and drawn: none is missing', () => {
    const expected = guidePages('en').reduce((n, page) => n + (page.markdown.match(/!\[[^\]]+\]\(pictures\//g) ?? []).length, 0)
    expect(expected).toBeGreaterThan(30)
    expect(fresh.pictures).toHaveLength(expected)
    expect(fresh.pictures.filter((p) => !p.loaded)).toEqual([])
    expect(fresh.printed.picturesDrawn).toBe(expected)
  })

  it('starts each section on its own page, where the contents and the indexes say it is', () => {
    for (const section of fresh.sections) {
      const page = fresh.pages.get(section.id)
      expect(page, section.id).toBeDefined()
      const text = fresh.printed.pageTexts[page! - 1]!
      expect(section.startsPage ? text.startsWith(compact(section.text)) : text.includes(compact(section.text)), section.text).toBe(true)
    }
    // The contents page and the index pages carry those numbers.
    const contents = fresh.printed.pageTexts[1]!
    expect(contents.startsWith('Contents')).toBe(true)
    for (const section of fresh.sections.filter((s) => s.level === 1)) expect(contents).toContain(`${compact(section.text)}${fresh.pages.get(section.id)}`)
    const indexPage = fresh.pages.get('index-by-reference')!
    const index = fresh.printed.pageTexts.slice(indexPage - 1, fresh.pages.get('index-by-what-the-caller-sees')! - 1).join('')
    // Each row holds its page number; the PDF's text runs may put it before or after the row's other cells.
    for (const entry of HELPDESK_ENTRIES)
      expect(index).toMatch(new RegExp(`LM-${entry.mnemonic}-[0-9A-Zx]+-…(?:(?!LM-).)*?p\\.${fresh.pages.get(entry.id)!}(?!\\d)`))
  })

  it('is committed as it prints now (npm run docs:helpdesk:pdf): the same pages, sections and pictures', () => {
    expect(committed.pageCount).toBe(fresh.printed.pageCount)
    expect(committed.picturesDrawn).toBe(fresh.printed.picturesDrawn)
    expect(committed.pageTexts).toEqual(fresh.printed.pageTexts)
  })
})
