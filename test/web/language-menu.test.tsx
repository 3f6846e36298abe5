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
import deCommon from '../../src/locales/de/common.json'
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

  it('keeps what the person typed when the language changes', async () => {
    const api = new FakeApi()
    await renderInLanguage(api)
    const user = userEvent.setup()
    const bundle = await screen.findByRole('textbox', { name: /Bundle code/ })
    await user.clear(bundle)
    await user.type(bundle, 'design-pack')
    await user.type(screen.getByRole('textbox', { name: /^Licence key/ }), 'DESIGN-1234')
    await user.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'de')
    expect(await screen.findByRole('heading', { name: de['form.heading'] })).toBeInTheDocument()
    expect(screen.getByRole('textbox', { name: new RegExp(deCommon['field.product']) })).toHaveValue('design-pack')
    expect(screen.getByRole('textbox', { name: new RegExp(`^${deCommon['field.licence-key']}`) })).toHaveValue('DESIGN-1234')
  })

  it('words a field’s message again in the new language', async () => {
    const api = new FakeApi()
    await renderInLanguage(api)
    const user = userEvent.setup()
    await user.click(await screen.findByRole('button', { name: 'Deactivate this PC' }))
    expect(await screen.findByText('Licence key is required.')).toBeInTheDocument()
    await user.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'de')
    const german = deCommon['field.required'].replace('{field}', deCommon['field.licence-key'])
    expect(await screen.findByText(german)).toBeInTheDocument()
    expect(screen.queryByText('Licence key is required.')).toBeNull()
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
