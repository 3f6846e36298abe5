import { StrictMode } from 'react'
import { loadTranslator, setTranslator } from '../../shared/i18n/current'
import { pickLanguage } from '../../shared/i18n/languages'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { browserStorage } from './remembered-fields'
import { ServicesProvider } from './services'
import './styles.css'

const container = document.getElementById('root')
if (container !== null) {
  const root = createRoot(container)
  if (!('licenseManager' in window)) {
    root.render(<p className="card">This window only works inside the License Manager app.</p>)
  } else {
    setTranslator(await loadTranslator(pickLanguage(navigator.languages), ['common', 'errors', 'window']))
    root.render(
      <StrictMode>
        <ServicesProvider services={{ api: window.licenseManager, storage: browserStorage() }}>
          <App />
        </ServicesProvider>
      </StrictMode>
    )
  }
}
