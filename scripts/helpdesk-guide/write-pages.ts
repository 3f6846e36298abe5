/**
 * `npm run docs:helpdesk [-- <lang>…]`: writes the helpdesk guide's pages (walkthrough.md,
 * errors.md) in every language, or in the languages named: English in docs/helpdesk/, each
 * other language in docs/helpdesk/<lang>/, from docs/helpdesk/source/<lang>/, the error
 * catalogue and the helpdesk's messages (see pages.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { isLanguage, type ShippedLanguage } from '../../src/shared/i18n/languages'
import { GUIDE_LANGUAGES, guideDir, guidePages, ROOT } from './pages'

const asked = process.argv.slice(2)
const unknown = asked.filter((lang) => !(GUIDE_LANGUAGES as readonly string[]).includes(lang))
if (unknown.length > 0) {
  console.error(`No guide in ${unknown.join(', ')}: the guide's languages are ${GUIDE_LANGUAGES.join(', ')}.`)
  process.exit(2)
}
const languages = asked.length === 0 ? GUIDE_LANGUAGES : asked.filter((lang): lang is ShippedLanguage => isLanguage(lang) && lang !== 'en-XA')
for (const lang of languages) {
  mkdirSync(guideDir(lang), { recursive: true })
  for (const page of guidePages(lang)) {
    const path = join(guideDir(lang), page.file)
    writeFileSync(path, page.markdown)
    console.log(`wrote ${relative(ROOT, path)}`)
  }
}
