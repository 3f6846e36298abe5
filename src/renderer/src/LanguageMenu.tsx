import { LANGUAGE_NAMES, isLanguage } from '../../shared/i18n/languages'
import { t } from '../../shared/i18n/current'
import { useWindowLanguage } from './i18n/language-context'

/** The language menu in the header: each language named in itself; absent when only one is offered. */
export function LanguageMenu() {
  const language = useWindowLanguage()
  if (language === null || language.choices.length < 2) return null
  return (
    <label className="language-menu">
      <span className="visually-hidden">{t('window.language.label')}</span>
      <select
        value={language.language}
        onChange={(event) => {
          const next = event.target.value
          if (isLanguage(next)) void language.choose(next)
        }}
      >
        {language.choices.map((choice) => (
          <option key={choice} value={choice} lang={choice}>
            {LANGUAGE_NAMES[choice]}
          </option>
        ))}
      </select>
    </label>
  )
}
