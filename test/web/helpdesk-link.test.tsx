import { act, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { describeError } from '../../src/shared/errors'
import { failure, success } from '../../src/shared/outcome'
import { FakeApi } from './support/fake-api'
import { renderApp, renderForm, ui } from './support/render-app'

describe('the helpdesk link', () => {
  it('prefills bundle, method and account at start, and never submits', async () => {
    const api = new FakeApi()
    api.prefill = success({ product: 'design-pack', method: 'sso-code', account: 'globex' })
    await renderForm(api)
    expect(await screen.findByText(/^Filled in from the helpdesk link: bundle design-pack/)).toBeInTheDocument()
    expect(ui.field('Bundle code')).toHaveValue('design-pack')
    expect(ui.method('Company sign-in in the browser')).toBeChecked()
    expect(ui.field('Customer account code')).toHaveValue('globex')
    expect(api.calls.deactivate).toEqual([])
    expect(api.calls.deactivateWithSso).toEqual([])
    expect(ui.queryDialog()).toBeNull()
  })

  it('prefills when a link arrives while the app runs, keeping nothing typed for another attempt', async () => {
    const api = new FakeApi()
    const { user } = await renderForm(api)
    await user.type(ui.field('Licence key'), 'AAAA-BBBB')
    act(() => api.arrivePrefill(success({ product: 'office-suite', method: 'user' })))
    expect(await screen.findByText(/^Filled in from the helpdesk link: bundle office-suite, Username and password/)).toBeInTheDocument()
    expect(ui.method('Username and password')).toBeChecked()
    expect(ui.field('Bundle code')).toHaveValue('office-suite')
  })

  it('says a refused link was not used, and fills nothing', async () => {
    const api = new FakeApi()
    api.prefill = failure(describeError('prefill_link_invalid', { field: 'link', detail: { problem: 'The link has a parameter this app does not take.' } }))
    await renderForm(api)
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('The support link could not be used')
    expect(alert).toHaveTextContent('Nothing was filled in.')
    expect(alert).toHaveTextContent(/Reference for the helpdesk: LM-PFX-PC-[0-9A-HJKMNP-TV-Z]{4}/)
  })
})

describe('the sandbox banner', () => {
  it('"Reset sandbox" resets it and says so', async () => {
    const api = new FakeApi()
    renderApp(api)
    const button = await screen.findByRole('button', { name: 'Reset sandbox' })
    await act(async () => button.click())
    expect(api.calls.resetSandbox).toBe(1)
    expect(within(button.parentElement!).getByRole('status')).toHaveTextContent('Sandbox reset')
  })
})
