import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { App } from '../../src/renderer/src/App'
import { LanguageProvider } from '../../src/renderer/src/i18n/language-context'
import { languageChoiceFrom, speakInWindow } from '../../src/renderer/src/i18n/window-language'
import { createQueryClient, ServicesProvider } from '../../src/renderer/src/services'
import { setTranslator } from '../../src/shared/i18n/current'
import { englishTranslator } from '../../src/shared/i18n/english'
import { success } from '../../src/shared/outcome'
import de from '../../src/locales/de/window.json'
import { FakeApi } from './support/fake-api'

async function renderInLanguage(api: FakeApi) {
  const choice = languageChoiceFrom(await api.getLanguage(), ['en-GB'])
  await speakInWindow(choice.language)
  render(
    <ServicesProvider services={{ api, storage: null }} queryClient={createQueryClient()}>
      <LanguageProvider initial={choice}>
        <App />
      </LanguageProvider>
    </ServicesProvider>
  )
}

describe('the language menu', () => {
  afterEach(() => {
    setTranslator(englishTranslator())
    document.documentElement.lang = 'en'
  })

  it('offers each language in its own name, labelled, and switches the window and the app to the one chosen', async () => {
    const api = new FakeApi()
    await renderInLanguage(api)
    const menu = await screen.findByRole('combobox', { name: 'Language' })
    expect(screen.getAllByRole('option').map((o) => [o.textContent, o.getAttribute('lang')])).toEqual([
      ['English', 'en'],
      ['Deutsch', 'de'],
      ['Français', 'fr'],
      ['Español', 'es'],
      ['日本語', 'ja']
    ])
    await userEvent.setup().selectOptions(menu, 'de')
    expect(await screen.findByRole('heading', { name: de['form.heading'] })).toBeInTheDocument()
    expect(screen.getByRole('combobox', { name: de['language.label'] })).toHaveValue('de')
    expect(api.language.language).toBe('de')
    expect(document.documentElement.lang).toBe('de')
  })

  it('starts in the language the app chose, and shows no menu when the vendor fixes one', async () => {
    const api = new FakeApi()
    api.language = { language: 'de', choices: ['de'] }
    await renderInLanguage(api)
    expect(await screen.findByRole('heading', { name: de['form.heading'] })).toBeInTheDocument()
    expect(screen.queryByRole('combobox')).toBeNull()
  })

  it('outside the app, or when it does not answer, the browser’s languages pick one', () => {
    expect(languageChoiceFrom(null, ['fr-CA', 'en'])).toEqual({ language: 'fr', choices: ['en', 'de', 'fr', 'es', 'ja'] })
    expect(languageChoiceFrom(success(null), ['pt-BR'])).toEqual({ language: 'en', choices: ['en', 'de', 'fr', 'es', 'ja'] })
    expect(languageChoiceFrom(success({ language: 'xx', choices: ['en'] }), ['ja'])).toEqual({ language: 'ja', choices: ['en', 'de', 'fr', 'es', 'ja'] })
  })
})
