import type { LanguageChoice } from '../../shared/api'
import { describeError } from '../../shared/errors'
import { t } from '../../shared/i18n/current'
import { LANGUAGES, pickLanguage, type Language } from '../../shared/i18n/languages'
import { failure, success, type Outcome } from '../../shared/outcome'

/** What the vendor's configuration says about languages (`language` fixes one, `languages` limits the choice). */
export interface LanguageSettings {
  language?: Language
  languages?: readonly Language[]
}

export interface LanguageControl {
  /** The language spoken now and the ones the window's language menu offers. */
  current(): LanguageChoice
  /** The person's choice, for the rest of this run; refused when the vendor does not offer that language. */
  choose(language: Language): Outcome<LanguageChoice>
  /** The configuration was read (again): its settings apply from now on. */
  configure(settings: LanguageSettings): void
}

/**
 * The app's language: the person's choice in the window while it is offered, else the
 * vendor's fixed `language`, else the first of the OS's preferred languages the app speaks
 * among those offered (`languages`, or all). `spoken` hears every change, so the main
 * process's own words (dialogs, menu) follow.
 */
export function createLanguageControl(preferred: () => readonly string[], spoken: (language: Language) => void): LanguageControl {
  let settings: LanguageSettings = {}
  let chosen: Language | undefined
  let last: Language | undefined

  const offered = (): Language[] => (settings.language !== undefined ? [settings.language] : [...(settings.languages ?? LANGUAGES)])
  const language = (): Language => {
    const choices = offered()
    if (chosen !== undefined && choices.includes(chosen)) return chosen
    return settings.language ?? pickLanguage(preferred(), choices)
  }
  const current = (): LanguageChoice => ({ language: language(), choices: offered() })
  const announce = () => {
    const now = language()
    if (now !== last) spoken(now)
    last = now
  }

  return {
    current,
    choose(next) {
      if (!offered().includes(next)) {
        return failure(
          describeError('invalid_input', { field: 'language', detail: { problem: t('errors.invalid_input.language-not-offered'), nothing: 'changed' } })
        )
      }
      chosen = next
      announce()
      return success(current())
    },
    configure(next) {
      settings = next
      announce()
    }
  }
}
