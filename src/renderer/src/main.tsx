import { StrictMode } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { t } from '../../shared/i18n/current'
import { App } from './App'
import { languageChoiceFrom, speakInWindow } from './i18n/window-language'
import { LanguageProvider } from './i18n/language-context'
import { browserStorage } from './remembered-fields'
import { ServicesProvider } from './services'
import './styles.css'

// No top-level await: the bundler merges the chunks the first form needs only when no module has one.
async function start(root: Root): Promise<void> {
  if (!('licenseManager' in window)) {
    await speakInWindow(languageChoiceFrom(null, navigator.languages).language)
    root.render(<p className="card">{t('window.app.outside')}</p>)
    return
  }
  const api = window.licenseManager
  // The main process decides the language (the OS's, the vendor's settings, a choice made earlier this run).
  const choice = languageChoiceFrom(await api.getLanguage().catch(() => null), navigator.languages)
  await speakInWindow(choice.language)
  root.render(
    <StrictMode>
      <ServicesProvider services={{ api, storage: browserStorage() }}>
        <LanguageProvider initial={choice}>
          <App />
        </LanguageProvider>
      </ServicesProvider>
    </StrictMode>
  )
}

const container = document.getElementById('root')
if (container !== null) void start(createRoot(container))
