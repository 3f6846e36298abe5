import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { describeError } from '../../src/shared/errors'
import { failure, success } from '../../src/shared/outcome'
import { APP_INFO, FakeApi } from './support/fake-api'
import { renderForm } from './support/render-app'

const HELP_URL = 'https://support.example.com/licences#where'
const LINK_NAME = 'Where do I find my licence key or bundle code?'

describe('the vendor’s help link', () => {
  it('is shown under the form when configured, and asks the app to open it (the window names no address)', async () => {
    const api = new FakeApi()
    api.appInfo = success({ ...APP_INFO, helpUrl: HELP_URL })
    const { user } = await renderForm(api)
    const link = await screen.findByRole('link', { name: LINK_NAME })
    expect(link).toHaveAttribute('href', HELP_URL)
    await user.click(link)
    expect(api.calls.openHelp).toBe(1)
    expect(screen.queryByText(/The address is/)).toBeNull()
  })

  it('is not shown when no help page is configured', async () => {
    await renderForm(new FakeApi())
    expect(screen.queryByRole('link', { name: LINK_NAME })).toBeNull()
  })

  it('says so, with the address, when the browser did not open', async () => {
    const api = new FakeApi()
    api.appInfo = success({ ...APP_INFO, helpUrl: HELP_URL })
    api.openHelpAnswer = failure(describeError('help_page_not_opened', { detail: { configured: true } }))
    const { user } = await renderForm(api)
    await user.click(await screen.findByRole('link', { name: LINK_NAME }))
    expect(await screen.findByText(`The app asked your system to open its web browser, and it did not. The address is ${HELP_URL}`)).toBeInTheDocument()
  })
})
