/**
 * The printable helpdesk guide (docs/helpdesk/helpdesk-guide.pdf): the same pages as
 * docs/helpdesk/*.md (pages.ts), rendered to HTML with `marked` and printed by Debian's
 * Chromium through Playwright's `page.pdf`. Every section starts a page (CSS `break-before`),
 * the contents and the indexes give page numbers, and each page is numbered in its footer.
 *
 * Page numbers are found, not guessed: a first print is read back with pdf.js to see on which
 * page each section starts, and the second print carries those numbers (their boxes have a
 * fixed width, so filling them in moves nothing; the second print is checked again).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from '@playwright/test'
import { Marked, type Tokens } from 'marked'
import packageJson from '../../package.json'
import { DEBIAN_CHROMIUM } from '../../e2e/fixtures/debian-chromium'
import { HELPDESK_ENTRIES } from '../../src/shared/helpdesk/helpdesk-entries'
import { t } from '../../src/shared/i18n/current'
import type { ShippedLanguage } from '../../src/shared/i18n/languages'
import { ERRORS_PAGE, guideDir, guidePages, speaking, type GuidePage } from './pages'

/** The words of the printed guide around its pages (the page texts are the source pages'). */
export interface PrintWords {
  title: string
  forWhom: string
  contents: string
  /** Before a page number in the indexes. */
  page: string
}

/** The printed guide's own words, in `lang` (src/locales/<lang>/helpdesk.json, `guide.print.*`). */
export const printWords = (lang: ShippedLanguage): PrintWords =>
  speaking(lang, () => ({
    title: t('helpdesk.guide.print.title'),
    forWhom: t('helpdesk.guide.print.for-whom'),
    contents: t('helpdesk.guide.print.contents'),
    page: t('helpdesk.guide.print.page-abbreviation')
  }))

export const PDF_FILE = 'helpdesk-guide.pdf'
const PAGE_FORMAT = 'A4'
const MARGIN_MM = { top: 16, bottom: 16, left: 16, right: 16 }

/** A heading's id: the explicit anchor before it, or its text as GitHub makes it. */
const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/<[^>]+>/g, '')
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .trim()
    .replace(/\s/g, '-')

/** A section the printed guide lists with its page: every part (h1) and section (h2). */
export interface PrintedSection {
  id: string
  level: 1 | 2
  /** The heading as printed (plain text). */
  text: string
  /** False for a part's first section, printed under the part's introduction. */
  startsPage: boolean
}

/** The whole guide as one HTML document; `pages` fills the page numbers (absent: placeholders of the same width). */
export function guideHtml(lang: ShippedLanguage, sourcePages: GuidePage[], pages?: ReadonlyMap<string, number>): { html: string; sections: PrintedSection[] } {
  const words = printWords(lang)
  const sections: PrintedSection[] = []
  const pageOf = (id: string) => {
    const n = pages?.get(id)
    return `<span class="page-number" data-target="${id}">${n === undefined ? '000' : String(n)}</span>`
  }
  // A section's explicit anchor (`<a id="…"></a>` before its heading, for GitHub) becomes the heading's id.
  const anchors = new Map<string, string>()
  let afterPartHeading = false
  const marked = new Marked({
    gfm: true,
    renderer: {
      heading(this: { parser: { parseInline(tokens: Tokens.Generic[]): string } }, { tokens, depth, text }: Tokens.Heading) {
        const inner = this.parser.parseInline(tokens)
        const id = anchors.get(text) ?? slug(text)
        // A part's first section stays on the part's first page, under its introduction.
        const opensPart = depth === 2 && afterPartHeading
        if (depth <= 2) {
          sections.push({ id, level: depth as 1 | 2, text: inner.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&'), startsPage: !opensPart })
          afterPartHeading = depth === 1
        }
        return `<h${depth} id="${id}"${opensPart ? ' class="opens-part"' : ''}>${inner}</h${depth}>\n`
      },
      html({ text }: Tokens.HTML | Tokens.Tag) {
        return text.startsWith('<!--') ? '' : text
      },
      link({ href, tokens }: Tokens.Link) {
        const inner = (this as unknown as { parser: { parseInline(t: Tokens.Generic[]): string } }).parser.parseInline(tokens)
        const target = href.replace(/^(?:walkthrough|errors)\.md(?=#|$)/, '')
        if (target.startsWith('#')) return `<a href="${target}">${inner}</a>${inIndex ? pageOf(target.slice(1)) : ''}`
        if (target === '') return `<a href="#${pageIds[href] ?? ''}">${inner}</a>`
        // Other pages of the docs are not in the printed guide: their path, as text.
        return `${inner} (docs/${href.replace(/^(?:\.\.\/)+/, '')})`
      },
      image({ href, text }: Tokens.Image) {
        // A language's page may show the English picture (../pictures/…).
        const file = join(guideDir(lang), href)
        const data = readFileSync(file).toString('base64')
        return `<img src="data:image/png;base64,${data}" alt="${text.replace(/"/g, '&quot;')}">`
      }
    }
  })
  // Links to a whole page go to its first heading.
  const pageIds: Record<string, string> = {}
  for (const page of sourcePages) {
    const h1 = /^# (.+)$/m.exec(page.markdown)
    if (h1?.[1]) pageIds[page.file] = slug(h1[1])
  }
  let inIndex = false
  const bodies = sourcePages.map((page) => {
    const markdown = page.markdown.replace(/^<a id="([^"]+)"><\/a>\n\n(#{1,6}) (.+)$/gm, (_all, id: string, hashes: string, heading: string) => {
      anchors.set(heading, id)
      return `${hashes} ${heading}`
    })
    // The index tables carry the page of each section they link to.
    const parts = markdown.split(/(?=^## )/m)
    return parts
      .map((part) => {
        inIndex = page.file === ERRORS_PAGE && /^## Index /.test(part)
        const html = marked.parse(part, { async: false })
        inIndex = false
        return html
      })
      .join('')
  })
  // The contents list the parts and the walkthrough's sections; each result's page is in the two indexes.
  const results = new Set<string>(HELPDESK_ENTRIES.map((e) => e.id))
  const contents = sections
    .filter((section) => !results.has(section.id))
    .map((section) => `<li class="level-${section.level}"><a href="#${section.id}">${section.text}</a>${pageOf(section.id)}</li>`)
    .join('\n')
  const html = `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<title>${words.title}</title>
<style>
  @page { size: ${PAGE_FORMAT}; }
  body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10pt; line-height: 1.4; color: #111; margin: 0; }
  h1 { font-size: 18pt; break-before: page; margin: 0 0 0.6em; }
  h2 { font-size: 13pt; break-before: page; margin: 0 0 0.6em; }
  h3 { font-size: 11pt; }
  h2.opens-part { break-before: avoid; margin-top: 1.2em; }
  h1, h2, h3 { break-after: avoid; }
  p, li { orphans: 3; widows: 3; }
  code { font-family: "DejaVu Sans Mono", monospace; font-size: 0.92em; background: #f1f1f1; padding: 0 0.15em; }
  table { border-collapse: collapse; width: 100%; font-size: 9pt; }
  th, td { border: 1px solid #bbb; padding: 2px 5px; text-align: left; vertical-align: top; }
  tr { break-inside: avoid; }
  img { display: block; max-width: 62%; max-height: 11.5cm; width: auto; height: auto; margin: 0.6em 0; border: 1px solid #999; break-inside: avoid; }
  a { color: #0b4fb3; text-decoration: none; }
  .page-number { display: inline-block; width: 2.2em; text-align: right; font-variant-numeric: tabular-nums; color: #444; }
  td .page-number::before { content: "${words.page}"; }
  .cover { padding-top: 5cm; }
  .cover h1 { break-before: avoid; font-size: 24pt; }
  .contents { list-style: none; padding: 0; }
  .contents li { display: flex; gap: 0.5em; padding: 1px 0; }
  .contents li a { flex: 1; }
  .contents li.level-1 { font-weight: bold; margin-top: 0.6em; }
  .contents li.level-2 { padding-left: 1.2em; }
</style>
</head>
<body>
<section class="cover">
  <h1 id="cover">${words.title}</h1>
  <p>${words.forWhom}</p>
  <p>${packageJson.productName} ${packageJson.version}</p>
</section>
<h2 id="contents">${words.contents}</h2>
<ul class="contents">
${contents}
</ul>
${bodies.join('\n')}
</body>
</html>`
  return { html, sections }
}

/** Every picture of the document, loaded: a missing or broken one fails the build. */
async function loadedPictures(page: Page): Promise<Array<{ alt: string; loaded: boolean }>> {
  return page.evaluate(() => {
    const doc = (globalThis as unknown as { document: { images: ArrayLike<{ alt: string; complete: boolean; naturalWidth: number }> } }).document
    return Array.from(doc.images).map((img) => ({ alt: img.alt, loaded: img.complete && img.naturalWidth > 0 }))
  })
}

async function print(browser: Browser, lang: ShippedLanguage, html: string): Promise<{ pdf: Buffer; pictures: Array<{ alt: string; loaded: boolean }> }> {
  const page = await browser.newPage()
  try {
    await page.setContent(html, { waitUntil: 'load' })
    await page.emulateMedia({ media: 'print' })
    const pictures = await loadedPictures(page)
    const words = printWords(lang)
    const pdf = await page.pdf({
      format: PAGE_FORMAT,
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: `<div style="font-size:7pt;width:100%;margin:0 16mm;color:#555;">${words.title}</div>`,
      footerTemplate: `<div style="font-size:8pt;width:100%;text-align:center;color:#333;"><span class="pageNumber"></span> / <span class="totalPages"></span></div>`,
      margin: { top: `${MARGIN_MM.top}mm`, bottom: `${MARGIN_MM.bottom}mm`, left: `${MARGIN_MM.left}mm`, right: `${MARGIN_MM.right}mm` }
    })
    return { pdf, pictures }
  } finally {
    await page.close()
  }
}

/** What a printed guide holds, read back from the PDF. */
export interface PrintedGuide {
  pageCount: number
  /** Each page's text (header and footer left out), whitespace removed, for comparing with headings. */
  pageTexts: string[]
  /** How many pictures the pages draw. */
  picturesDrawn: number
}

const compact = (text: string) => text.replace(/\s+/g, '')

/** Reads a PDF with pdf.js: its pages' text between header and footer, and how many images it draws. */
export async function readPrintedGuide(pdf: Uint8Array, { countPictures = true } = {}): Promise<PrintedGuide> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise
  const pageTexts: string[] = []
  let picturesDrawn = 0
  const paintImage = pdfjs.OPS.paintImageXObject
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n)
    const height = page.view[3] ?? 0
    const band = (MARGIN_MM.top / 25.4) * 72
    const content = await page.getTextContent()
    const items = content.items
      .flatMap((item) => ('str' in item ? [{ str: item.str, x: Number(item.transform[4]), y: Number(item.transform[5]) }] : []))
      .filter((item) => item.y < height - band && item.y > band)
      .sort((a, b) => b.y - a.y || a.x - b.x)
    pageTexts.push(compact(items.map((item) => item.str).join('')))
    if (countPictures) picturesDrawn += (await page.getOperatorList()).fnArray.filter((fn) => fn === paintImage).length
    page.cleanup()
  }
  await doc.destroy()
  return { pageCount: doc.numPages, pageTexts, picturesDrawn }
}

/**
 * The page each section starts on: the first page, from the previous section's on, whose text
 * starts with its heading (or, for a part's first section, holds it).
 */
export function sectionPages(sections: readonly PrintedSection[], printed: PrintedGuide): Map<string, number> {
  const found = new Map<string, number>()
  let from = 0
  for (const section of sections) {
    const heading = compact(section.text)
    const index = printed.pageTexts.findIndex((text, i) => i >= from && (section.startsPage ? text.startsWith(heading) : text.includes(heading)))
    if (index < 0) throw new Error(`The section "${section.text}" does not start a page of the printed guide`)
    found.set(section.id, index + 1)
    from = index
  }
  return found
}

export interface BuiltGuide {
  pdf: Buffer
  printed: PrintedGuide
  sections: PrintedSection[]
  pages: Map<string, number>
  pictures: Array<{ alt: string; loaded: boolean }>
}

/** Prints the guide in one language; throws when a picture is missing or a page number does not hold. */
export async function buildGuidePdf(lang: ShippedLanguage = 'en', browser?: Browser): Promise<BuiltGuide> {
  const own = browser === undefined ? await chromium.launch(DEBIAN_CHROMIUM) : undefined
  const using = browser ?? own!
  try {
    const sourcePages = guidePages(lang)
    let pages = new Map<string, number>()
    for (let pass = 0; pass < 3; pass++) {
      const { html, sections } = guideHtml(lang, sourcePages, pass === 0 ? undefined : pages)
      const { pdf, pictures } = await print(using, lang, html)
      const missing = pictures.filter((p) => !p.loaded)
      if (missing.length > 0) throw new Error(`Pictures that did not load: ${missing.map((p) => p.alt).join(', ')}`)
      const printed = await readPrintedGuide(pdf, { countPictures: false })
      const found = sectionPages(sections, printed)
      const holds = pass > 0 && [...found].every(([id, n]) => pages.get(id) === n)
      if (holds) return { pdf, printed: await readPrintedGuide(pdf), sections, pages: found, pictures }
      pages = found
    }
    throw new Error('The page numbers of the contents did not settle in three prints')
  } finally {
    await own?.close()
  }
}
