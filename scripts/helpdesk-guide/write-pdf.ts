/**
 * `npm run docs:helpdesk:pdf [-- <lang>]`: writes the pages (as `npm run docs:helpdesk` does), then prints
 * them into docs/helpdesk/helpdesk-guide.pdf with Debian's Chromium (see pdf.ts).
 */
import { writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { buildGuidePdf, PDF_FILE } from './pdf'
import { guideDir, ROOT } from './pages'

async function main(lang: string): Promise<void> {
  const built = await buildGuidePdf(lang)
  const path = join(guideDir(lang), PDF_FILE)
  writeFileSync(path, built.pdf)
  console.log(`wrote ${relative(ROOT, path)}: ${built.printed.pageCount} pages, ${built.pictures.length} pictures, ${Math.round(built.pdf.length / 1024)} KiB`)
}

main(process.argv[2] ?? 'en').catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
})
