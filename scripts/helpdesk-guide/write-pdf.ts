/**
 * `npm run docs:helpdesk:pdf [-- --lang <lang>]`: writes the pages (as `npm run docs:helpdesk`
 * does), then prints one language's (English unless named) into helpdesk-guide.pdf beside its
 * pages with Debian's Chromium (see pdf.ts). Only the English print is committed and tested.
 */
import { writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { parseArgs } from 'node:util'
import type { ShippedLanguage } from '../../src/shared/i18n/languages'
import { buildGuidePdf, PDF_FILE } from './pdf'
import { GUIDE_LANGUAGES, guideDir, ROOT } from './pages'

async function main(lang: ShippedLanguage): Promise<void> {
  const built = await buildGuidePdf(lang)
  const path = join(guideDir(lang), PDF_FILE)
  writeFileSync(path, built.pdf)
  console.log(`wrote ${relative(ROOT, path)}: ${built.printed.pageCount} pages, ${built.pictures.length} pictures, ${Math.round(built.pdf.length / 1024)} KiB`)
}

const { values } = parseArgs({ options: { lang: { type: 'string', default: 'en' } } })
const lang = GUIDE_LANGUAGES.find((known) => known === values.lang)
if (lang === undefined) {
  console.error(`No guide in "${values.lang}": the guide's languages are ${GUIDE_LANGUAGES.join(', ')}.`)
  process.exitCode = 2
} else
  main(lang).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exitCode = 1
  })
