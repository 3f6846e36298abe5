import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { PSEUDO_LANGUAGE, SOURCE_LANGUAGE, type Language, type ShippedLanguage } from '../shared/i18n/languages'
import { prefixed, type Domain } from '../shared/i18n/tables'
import { createTranslator, type MessageTable, type Translator } from '../shared/i18n/translator'

/*
 * The command line runs from source (bin/license-manager.cjs registers tsx for `require` only), where a
 * dynamic `import()` of a message file would need an import attribute Node's own loader insists on:
 * it reads its message files from disk instead, the few domains it words its output with.
 */

const LOCALES = join(__dirname, '..', 'locales')

function readTable(language: ShippedLanguage, domains: readonly Domain[]): MessageTable {
  const tables = domains.map((domain) =>
    prefixed(domain, JSON.parse(readFileSync(join(LOCALES, language, `${domain}.json`), 'utf8')) as Record<string, unknown>)
  )
  return Object.assign({}, ...tables) as MessageTable
}

/** The translator of one command-line run: `language` over `domains`, English for any message it lacks. */
export function commandLineTranslator(language: Language, domains: readonly Domain[]): Translator {
  const source = readTable(SOURCE_LANGUAGE, domains)
  const own = language === SOURCE_LANGUAGE || language === PSEUDO_LANGUAGE ? source : readTable(language, domains)
  return createTranslator(language, own, source)
}
