import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { PSEUDO_LANGUAGE, SOURCE_LANGUAGE, type Language, type ShippedLanguage } from './languages'
import { prefixed, type Domain } from './tables'
import { createTranslator, type MessageTable, type Translator } from './translator'

/*
 * For Node-side code that runs from source (the command line under tsx's CommonJS hook, the e2e
 * harness): the message files read from disk, synchronously. A dynamic `import()` of a JSON file
 * would need an import attribute that those loaders do not all pass on.
 */

const LOCALES = join(__dirname, '..', '..', 'locales')

function readTable(language: ShippedLanguage, domains: readonly Domain[]): MessageTable {
  return Object.assign(
    {},
    ...domains.map((domain) => prefixed(domain, JSON.parse(readFileSync(join(LOCALES, language, `${domain}.json`), 'utf8')) as Record<string, unknown>))
  ) as MessageTable
}

/** `language` over `domains`, read from the message files, with English for any message it lacks. */
export function translatorFromFiles(language: Language, domains: readonly Domain[]): Translator {
  const english = readTable(SOURCE_LANGUAGE, domains)
  return createTranslator(language, language === SOURCE_LANGUAGE || language === PSEUDO_LANGUAGE ? english : readTable(language, domains), english)
}
