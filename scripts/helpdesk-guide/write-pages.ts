/**
 * `npm run docs:helpdesk [-- <lang>]`: writes the helpdesk guide's pages (docs/helpdesk/walkthrough.md,
 * errors.md) from docs/helpdesk/source/<lang>/ and the error catalogue (see pages.ts).
 */
import { writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { guideDir, guidePages, ROOT } from './pages'

const lang = process.argv[2] ?? 'en'
for (const page of guidePages(lang)) {
  const path = join(guideDir(lang), page.file)
  writeFileSync(path, page.markdown)
  console.log(`wrote ${relative(ROOT, path)}`)
}
