import { createContext, useContext, useState, type ReactNode } from 'react'
import type { LanguageChoice } from '../../../shared/api'
import type { Language } from '../../../shared/i18n/languages'
import { useServices } from '../services'
import { speakInWindow } from './window-language'

interface WindowLanguage extends LanguageChoice {
  /** Switches the window (and the app's dialogs) to `language` for this session. */
  choose: (language: Language) => Promise<void>
}

const LanguageContext = createContext<WindowLanguage | null>(null)

/**
 * The window's language and the person's choice of it. A new language is asked of the main
 * process (which checks the vendor offers it and words its dialogs and menu in it too), its
 * messages are loaded, and the window is drawn again in it: what the person typed and what the
 * app has read stay.
 */
export function LanguageProvider({ initial, children }: { initial: LanguageChoice; children: ReactNode }) {
  const { api } = useServices()
  const [choice, setChoice] = useState(initial)
  const choose = async (language: Language) => {
    if (language === choice.language) return
    const answer = await api.chooseLanguage({ language }).catch(() => null)
    if (answer?.ok !== true) return
    await speakInWindow(answer.value.language)
    setChoice(answer.value)
  }
  return <LanguageContext.Provider value={{ ...choice, choose }}>{children}</LanguageContext.Provider>
}

/** The window's language; null outside a LanguageProvider (component tests). */
export const useWindowLanguage = (): WindowLanguage | null => useContext(LanguageContext)
