import type { LanguageChoice } from '../../../shared/api'
import { setTranslator } from '../../../shared/i18n/current'
import { isLanguage, LANGUAGES, pickLanguage, PSEUDO_LANGUAGE, SOURCE_LANGUAGE, type Language, type ShippedLanguage } from '../../../shared/i18n/languages'
import { prefixed, type Domain } from '../../../shared/i18n/tables'
import { translatorWith, type MessageTable } from '../../../shared/i18n/translator-core'

/** What the window needs to draw its first form. */
const FIRST_DOMAINS = ['common', 'window'] as const satisfies readonly Domain[]

/**
 * The words of what the first form does not show: the views after it (results, errors, request
 * files, licences on this PC), and the catalogue's words, which the window needs only when the app
 * did not answer or a chosen file is refused (the main process words every other error, in the
 * same language). Loaded once the first form is drawn, not before.
 */
const LATER_DOMAINS = ['errors', 'views'] as const satisfies readonly Domain[]

type MessageFile = { default: Readonly<Record<string, unknown>> }

/**
 * Only the window's domains become chunks of the renderer build, one per language and domain
 * (the other domains, the command line's or the helpdesk guide's, never reach it). The build
 * gives each language's chunk the English message for any it lacks, so only the active
 * language's chunks load (the pseudo-locale is made from English).
 */
const FILES = import.meta.glob<MessageFile>([
  '../../../locales/*/common.json',
  '../../../locales/*/errors.json',
  '../../../locales/*/window.json',
  '../../../locales/*/views.json'
])

async function loadWindowTable(language: ShippedLanguage, domains: readonly Domain[]): Promise<Record<string, MessageTable[string]>> {
  const tables = await Promise.all(
    domains.map(async (domain) => {
      const load = FILES[`../../../locales/${language}/${domain}.json`]
      if (load === undefined) throw new Error(`No message file for ${language}/${domain}.`)
      return prefixed(domain, (await load()).default)
    })
  )
  return Object.assign({}, ...tables) as Record<string, MessageTable[string]>
}

const fileLanguage = (language: Language): ShippedLanguage => (language === PSEUDO_LANGUAGE ? SOURCE_LANGUAGE : language)

interface Speaking {
  language: Language
  /** The loaded domains' messages; the later domains are added to it once loaded. */
  table: Record<string, MessageTable[string]>
  later: Promise<void> | null
}

let speaking: Speaking | null = null

/**
 * Makes `language` the window's: the messages of its first form loaded, the page's lang set.
 * When the later words were already loaded (a switch of language), they are loaded in the new
 * language before it takes over, so no view or error on screen is left without its words.
 */
export async function speakInWindow(language: Language): Promise<void> {
  const wanted = speaking?.later != null ? [...FIRST_DOMAINS, ...LATER_DOMAINS] : FIRST_DOMAINS
  const [table, pseudo] = await Promise.all([
    loadWindowTable(fileLanguage(language), wanted),
    // The pseudo-locale's maker is loaded only for the pseudo-locale.
    language === PSEUDO_LANGUAGE ? import('../../../shared/i18n/pseudo-locale').then((m) => m.pseudoMessage) : null
  ])
  speaking = { language, table, later: wanted === FIRST_DOMAINS ? null : Promise.resolve() }
  setTranslator(translatorWith(language, table, table, pseudo))
  document.documentElement.lang = language
}

/** The later words (views, the catalogue's) in the window's language: loaded on the first call, ready when this settles. */
export function laterWordsReady(): Promise<void> {
  const now = speaking
  // A translator set whole with setTranslator (component tests) has every domain already.
  if (now === null) return Promise.resolve()
  now.later ??= loadWindowTable(fileLanguage(now.language), LATER_DOMAINS).then(
    (words) => {
      Object.assign(now.table, words)
    },
    (error: unknown) => {
      // A later call tries again.
      now.later = null
      throw error
    }
  )
  return now.later
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
