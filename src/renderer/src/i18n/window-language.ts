import type { LanguageChoice } from '../../../shared/api'
import { setTranslator } from '../../../shared/i18n/current'
import { isLanguage, LANGUAGES, pickLanguage, PSEUDO_LANGUAGE, SOURCE_LANGUAGE, type Language, type ShippedLanguage } from '../../../shared/i18n/languages'
import { prefixed, type Domain } from '../../../shared/i18n/tables'
import { createTranslator, type MessageTable } from '../../../shared/i18n/translator'

/** The domains the window words things with. */
export const WINDOW_DOMAINS = ['common', 'errors', 'window'] as const satisfies readonly Domain[]

type MessageFile = { default: Readonly<Record<string, unknown>> }

/**
 * Only the window's domains become chunks of the renderer build, one per language and domain
 * (the other domains, the command line's or the helpdesk guide's, never reach it). The
 * active language's chunks, and English for the messages it lacks, are the only ones loaded.
 */
const FILES = import.meta.glob<MessageFile>(['../../../locales/*/common.json', '../../../locales/*/errors.json', '../../../locales/*/window.json'])

async function loadWindowTable(language: ShippedLanguage): Promise<MessageTable> {
  const tables = await Promise.all(
    WINDOW_DOMAINS.map(async (domain) => {
      const load = FILES[`../../../locales/${language}/${domain}.json`]
      if (load === undefined) throw new Error(`No message file for ${language}/${domain}.`)
      return prefixed(domain, (await load()).default)
    })
  )
  return Object.assign({}, ...tables) as MessageTable
}

/** Makes `language` the window's: its messages loaded (English for any it lacks), the page's lang set. */
export async function speakInWindow(language: Language): Promise<void> {
  const source = await loadWindowTable(SOURCE_LANGUAGE)
  const own = language === SOURCE_LANGUAGE || language === PSEUDO_LANGUAGE ? source : await loadWindowTable(language)
  setTranslator(createTranslator(language, own, source))
  document.documentElement.lang = language
}

/**
 * The language the app chose for the window and the ones the person may switch to (the main
 * process decides: the OS's preferred languages, the vendor's `language`/`languages`). Outside
 * the app, or when it does not answer, the browser's own languages pick one.
 */
export function languageChoiceFrom(answer: unknown, browserLanguages: readonly string[]): LanguageChoice {
  const value = (answer as { ok?: unknown; value?: unknown } | null)?.ok === true ? (answer as { value: unknown }).value : null
  const choice = value as Partial<LanguageChoice> | null
  if (choice !== null && isLanguage(choice.language) && Array.isArray(choice.choices) && choice.choices.every(isLanguage)) {
    return { language: choice.language, choices: [...choice.choices] }
  }
  return { language: pickLanguage(browserLanguages), choices: [...LANGUAGES] }
}
