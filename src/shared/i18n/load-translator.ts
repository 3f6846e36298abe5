import { PSEUDO_LANGUAGE, SOURCE_LANGUAGE, type Language } from './languages'
import { loadTable, type Domain } from './tables'
import { createTranslator, type Translator } from './translator'

/** The translator for `language` over `domains`, loaded from the message files. */
export async function loadTranslator(language: Language, domains: readonly Domain[]): Promise<Translator> {
  const source = await loadTable(SOURCE_LANGUAGE, domains)
  const own = language === SOURCE_LANGUAGE || language === PSEUDO_LANGUAGE ? source : await loadTable(language, domains)
  return createTranslator(language, own, source)
}
