import { screen, waitFor, within } from '@testing-library/react'
import { hardwareIdFingerprint, inGroupsOfFour } from '../../src/shared/helpdesk/hardware-id-format'
import { describe, expect, it, vi } from 'vitest'
import type { DeactivationResult } from '../../src/shared/api'
import { describeError } from '../../src/shared/errors'
import { failure, success, type Outcome } from '../../src/shared/outcome'
import { APP_INFO, deactivated, deferred, FakeApi, PC_HARDWARE_ID } from './support/fake-api'
import { renderApp, renderForm, ui } from './support/render-app'

const KEY = 'AAAA-BBBB-CCCC-DDDD'

describe('app shell', () => {
  it('shows the title, the sandbox banner and the server', async () => {
    renderApp()
    expect(await screen.findByRole('heading', { level: 1, name: 'License Manager' })).toBeInTheDocument()
    expect(await screen.findByText('Sandbox: test licences')).toBeVisible()
    expect(screen.getByRole('button', { name: 'Reset sandbox' })).toHaveTextContent('Reset')
    expect(screen.getByText('http://127.0.0.1:4010/api/v4/')).toBeInTheDocument()
  })

  it('shows no sandbox banner against a real server', async () => {
    const api = new FakeApi()
    api.appInfo = success({ ...APP_INFO, sandbox: false })
    renderApp(api)
    await screen.findByRole('heading', { name: 'Deactivate a licence' })
    expect(screen.queryByText(/Sandbox/)).toBeNull()
  })
})

describe('confirm step', () => {
  it('says what happens: this PC only, every product of the bundle, the seat freed', async () => {
    const { user } = await renderForm()
    await user.type(ui.field('Licence key'), KEY)
    await user.click(ui.submit())
    const dialog = ui.dialog()
    expect(dialog).toHaveAttribute('aria-modal', 'true')
    // As the form shows it: in groups of four, with the fingerprint a helpdesk compares by voice.
    expect(dialog).toHaveTextContent(
      `Only this PC is affected: the licence is freed for hardware id ${inGroupsOfFour(PC_HARDWARE_ID.id)} (fingerprint ${hardwareIdFingerprint(PC_HARDWARE_ID.id)}).`
    )
    expect(dialog).toHaveTextContent('Every product of bundle office-suite is deactivated here.')
    expect(dialog).toHaveTextContent('The seat becomes free for another machine.')
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus()
  })

  it('Cancel closes it, sends nothing and returns focus to the submit button', async () => {
    const { user, api } = await renderForm()
    await user.type(ui.field('Licence key'), KEY)
    await user.click(ui.submit())
    await user.click(within(ui.dialog()).getByRole('button', { name: 'Cancel' }))
    expect(ui.queryDialog()).toBeNull()
    expect(ui.submit()).toHaveFocus()
    expect(ui.field('Licence key')).toHaveValue(KEY)
    expect(api.calls.deactivate).toHaveLength(0)
  })

  it('Escape cancels too', async () => {
    const { user, api } = await renderForm()
    await user.type(ui.field('Licence key'), `${KEY}{Enter}`)
    expect(ui.dialog()).toBeInTheDocument()
    await user.keyboard('{Escape}')
    expect(ui.queryDialog()).toBeNull()
    expect(api.calls.deactivate).toHaveLength(0)
  })

  it('keeps Tab inside the dialog', async () => {
    const { user } = await renderForm()
    await user.type(ui.field('Licence key'), KEY)
    await user.click(ui.submit())
    const dialog = ui.dialog()
    const deactivate = within(dialog).getByRole('button', { name: 'Deactivate' })
    const cancel = within(dialog).getByRole('button', { name: 'Cancel' })
    expect(cancel).toHaveFocus()
    await user.tab()
    expect(deactivate).toHaveFocus()
    await user.tab({ shift: true })
    expect(cancel).toHaveFocus()
  })

  it('is shown before the browser opens for company sign-in', async () => {
    const { user, api } = await renderForm()
    await user.click(ui.method('Company sign-in in the browser'))
    await user.click(ui.ssoSubmit())
    expect(ui.dialog()).toHaveTextContent('Your browser opens next')
    expect(api.calls.deactivateWithSso).toHaveLength(0)
    expect(api.progressListeners.size).toBe(0)
  })
})

describe('busy state', () => {
  it('disables the submit button, shows "Deactivating…" and ignores a second submission', async () => {
    const api = new FakeApi()
    const answer = deferred<Outcome<DeactivationResult>>()
    api.deactivateAnswer = () => answer.promise
    const { user } = await renderForm(api)
    await user.type(ui.field('Licence key'), `  ${KEY} `)
    await user.click(ui.submit())
    await user.click(within(ui.dialog()).getByRole('button', { name: 'Deactivate' }))

    const button = ui.submit()
    expect(button).toBeDisabled()
    expect(button).toHaveAttribute('aria-busy', 'true')
    expect(screen.getByText('Deactivating…')).toBeInTheDocument()
    await user.click(button)
    await user.keyboard('{Enter}')
    expect(ui.queryDialog()).toBeNull()
    expect(api.calls.deactivate).toEqual([{ product: 'office-suite', credentials: { method: 'license-key', licenseKey: KEY } }])

    answer.resolve(deactivated({ product: 'office-suite' }, 'license-key'))
    expect(await screen.findByRole('heading', { name: 'Licence deactivated' })).toHaveFocus()
    expect(api.calls.deactivate).toHaveLength(1)
  })
})

describe('the licence key as typed', () => {
  it('is sent without surrounding spaces, its capital and small letters kept', async () => {
    const api = new FakeApi()
    const { user } = await renderForm(api)
    expect(ui.field('Licence key')).toHaveAccessibleDescription(/capital and small letters are different/)
    await user.type(ui.field('Licence key'), '  aAaA-bbBB-cccc-DDDD  ')
    await user.click(ui.submit())
    await user.click(within(ui.dialog()).getByRole('button', { name: 'Deactivate' }))
    await screen.findByRole('heading', { name: 'Licence deactivated' })
    expect(api.calls.deactivate.map((input) => input.credentials)).toEqual([{ method: 'license-key', licenseKey: 'aAaA-bbBB-cccc-DDDD' }])
  })
})

describe('success view', () => {
  it('moves focus to its heading and shows what was freed', async () => {
    const { user } = await renderForm()
    await user.type(ui.field('Licence key'), KEY)
    await user.click(ui.submit())
    await user.click(within(ui.dialog()).getByRole('button', { name: 'Deactivate' }))
    const heading = await screen.findByRole('heading', { name: 'Licence deactivated' })
    expect(heading).toHaveFocus()
    const view = heading.closest('section') as HTMLElement
    expect(view).toHaveTextContent('office-suite')
    expect(view).toHaveTextContent(PC_HARDWARE_ID.id)
    expect(view.querySelector('time')).toHaveAttribute('datetime', '2025-03-04T10:20:30.000Z')
    expect(view).not.toHaveTextContent(KEY)
    expect(view).toHaveTextContent('Next: start the licensed product on the new PC and activate it there')
    expect(view).toHaveTextContent(`Fingerprint${hardwareIdFingerprint(PC_HARDWARE_ID.id)}`)
  })

  it('names the products freed where the app knows them, and otherwise says all products of the bundle', async () => {
    const api = new FakeApi()
    api.deactivateAnswer = async (input) => deactivated(input, 'license-key', ['writer', 'sheets', 'slides'])
    const { user } = await renderForm(api)
    await user.type(ui.field('Licence key'), KEY)
    await user.click(ui.submit())
    await user.click(within(ui.dialog()).getByRole('button', { name: 'Deactivate' }))
    const view = (await screen.findByRole('heading', { name: 'Licence deactivated' })).closest('section') as HTMLElement
    expect(view).toHaveTextContent('Products freedwriter, sheets, slides')
    await user.click(within(view).getByRole('button', { name: 'Deactivate another' }))

    api.deactivateAnswer = async (input) => deactivated(input, 'license-key', null)
    await user.type(ui.field('Licence key'), KEY)
    await user.click(ui.submit())
    await user.click(within(ui.dialog()).getByRole('button', { name: 'Deactivate' }))
    const unknown = (await screen.findByRole('heading', { name: 'Licence deactivated' })).closest('section') as HTMLElement
    expect(unknown).toHaveTextContent('Products freedall products in bundle office-suite')
  })

  it('has a Close button that closes the window', async () => {
    const close = vi.spyOn(window, 'close').mockImplementation(() => undefined)
    const { user } = await renderForm()
    await user.type(ui.field('Licence key'), KEY)
    await user.click(ui.submit())
    await user.click(within(ui.dialog()).getByRole('button', { name: 'Deactivate' }))
    await user.click(await screen.findByRole('button', { name: 'Close' }))
    expect(close).toHaveBeenCalledOnce()
    close.mockRestore()
  })

  it('"Deactivate another" starts a fresh form that keeps the bundle but not the key', async () => {
    const { user } = await renderForm()
    await user.clear(ui.field('Bundle code'))
    await user.type(ui.field('Bundle code'), 'design-pack')
    await user.type(ui.field('Licence key'), KEY)
    await user.click(ui.submit())
    await user.click(within(ui.dialog()).getByRole('button', { name: 'Deactivate' }))
    await user.click(await screen.findByRole('button', { name: 'Deactivate another' }))
    expect(ui.field('Bundle code')).toHaveValue('design-pack')
    expect(ui.field('Licence key')).toHaveValue('')
    expect(ui.method('With a licence key')).toHaveFocus()
  })
})

describe('company sign-in in the browser', () => {
  async function startSso(api: FakeApi) {
    const answer = deferred<Outcome<DeactivationResult>>()
    api.ssoAnswer = () => answer.promise
    const rendered = await renderForm(api)
    await rendered.user.click(ui.method('Company sign-in in the browser'))
    await rendered.user.click(ui.ssoSubmit())
    await rendered.user.click(within(ui.dialog()).getByRole('button', { name: 'Deactivate' }))
    return { ...rendered, answer }
  }

  it('"Use another account" after a company sign-in asks the provider for a fresh sign-in next time, once', async () => {
    const api = new FakeApi()
    const { user, answer } = await startSso(api)
    answer.resolve(failure(describeError('sso_user_not_found')))
    await user.click(await screen.findByRole('button', { name: 'Use another account' }))
    expect(ui.ssoSubmit()).toHaveFocus()
    api.ssoAnswer = async () => failure(describeError('sso_user_not_found'))
    await user.click(ui.ssoSubmit())
    await user.click(within(ui.dialog()).getByRole('button', { name: 'Deactivate' }))
    await user.click(await screen.findByRole('button', { name: 'Try again' }))
    await user.click(ui.ssoSubmit())
    await user.click(within(ui.dialog()).getByRole('button', { name: 'Deactivate' }))
    await screen.findByRole('button', { name: 'Try again' })
    expect(api.calls.deactivateWithSso.map((c) => c.freshSignIn)).toEqual([undefined, true, undefined])
  })

  it('offers "Use another account" only after a company sign-in', async () => {
    const api = new FakeApi()
    api.failWith('license_not_found')
    const { user } = await renderForm(api)
    await user.type(ui.field('Licence key'), 'AAAA-BBBB')
    await user.click(ui.submit())
    await user.click(within(ui.dialog()).getByRole('button', { name: 'Deactivate' }))
    await screen.findByRole('button', { name: 'Try again' })
    expect(screen.queryByRole('button', { name: 'Use another account' })).toBeNull()
  })

  it('waits for the browser with "Cancel sign-in", which calls cancelSso', async () => {
    const api = new FakeApi()
    const { user, answer } = await startSso(api)
    expect(api.calls.deactivateWithSso).toEqual([{ product: 'office-suite', customerAccountCode: 'acme', grant: 'code' }])
    expect(api.progressListeners.size).toBe(1)
    api.emit({ stage: 'waiting-for-browser', signInUrl: 'http://127.0.0.1:4010/sso/auth?state=s1', browserOpened: true })
    expect(await screen.findByText('Waiting for your browser…')).toBeInTheDocument()
    expect(ui.ssoSubmit()).toBeDisabled()
    const cancel = screen.getByRole('button', { name: 'Cancel sign-in' })
    expect(cancel).toHaveFocus()
    await user.click(cancel)
    expect(api.calls.cancelSso).toBe(1)

    answer.resolve(failure(describeError('sso_cancelled')))
    expect(await screen.findByRole('heading', { name: 'Sign-in cancelled' })).toHaveFocus()
    expect(api.progressListeners.size).toBe(0)
  })

  it('says why the browser was not opened when the app knows (a sign-in link too long for Windows)', async () => {
    const api = new FakeApi()
    await startSso(api)
    const notOpenedReason = 'The sign-in link is 2,300 characters long, and Windows cannot hand a link longer than 2,081 characters to your browser.'
    api.emit({ stage: 'waiting-for-browser', signInUrl: 'https://idp.example/auth?state=s3', browserOpened: false, notOpenedReason })
    expect(await screen.findByText(`${notOpenedReason} Copy the sign-in link, paste it into your browser and sign in there.`)).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Copy sign-in link' })).toBeEnabled()
  })

  it('offers "Copy sign-in link" once the link is known, and says so when the browser did not open', async () => {
    const api = new FakeApi()
    const { user, answer } = await startSso(api)
    expect(screen.queryByRole('button', { name: 'Copy sign-in link' })).toBeNull()
    const url = 'http://127.0.0.1:4010/sso/auth?client_id=lm&state=s2'
    api.emit({ stage: 'waiting-for-browser', signInUrl: url, browserOpened: false })
    expect(await screen.findByText(/Your browser could not be opened/)).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Copy sign-in link' }))
    expect(await navigator.clipboard.readText()).toBe(url)
    expect(await screen.findByText('Copied')).toHaveAttribute('role', 'status')

    api.emit({ stage: 'deactivating' })
    expect(await screen.findByText('Deactivating…')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Cancel sign-in' })).toBeNull()
    answer.resolve(deactivated({ product: 'office-suite' }, 'sso-code'))
    expect(await screen.findByRole('heading', { name: 'Licence deactivated' })).toHaveFocus()
    expect(api.progressListeners.size).toBe(0)
  })

  it('gets an ID token through the browser with the token grant; the token never reaches the window', async () => {
    const api = new FakeApi()
    const { user } = await renderForm(api)
    await user.click(ui.method('Company sign-in with an ID token'))
    await user.click(screen.getByRole('checkbox', { name: 'Get the ID token from a browser sign-in instead' }))
    await user.click(ui.ssoSubmit())
    await user.click(within(ui.dialog()).getByRole('button', { name: 'Deactivate' }))
    await screen.findByRole('heading', { name: 'Licence deactivated' })
    expect(api.calls.deactivateWithSso).toEqual([{ product: 'office-suite', customerAccountCode: 'acme', grant: 'token' }])
    expect(api.calls.deactivate).toHaveLength(0)
  })
})

it('sends a pasted ID token with its customer account, and the licence id as a number', async () => {
  const api = new FakeApi()
  const { user } = await renderForm(api)
  await user.click(ui.method('Company sign-in with an ID token'))
  await user.type(ui.field('ID token'), 'eyJhbGciOi.payload.sig')
  await user.click(screen.getByText('Advanced'))
  await user.type(ui.field('Licence id'), ' 1001 ')
  await user.click(ui.submit())
  await user.click(within(ui.dialog()).getByRole('button', { name: 'Deactivate' }))
  await screen.findByRole('heading', { name: 'Licence deactivated' })
  expect(api.calls.deactivate).toEqual([
    { product: 'office-suite', licenseId: 1001, credentials: { method: 'sso-token', idToken: 'eyJhbGciOi.payload.sig', customerAccountCode: 'acme' } }
  ])
})

it('shows the loading state until the app information arrives', async () => {
  const api = new FakeApi()
  const info = deferred<undefined>()
  const original = api.getAppInfo.bind(api)
  api.getAppInfo = async () => {
    await info.promise
    return original()
  }
  renderApp(api)
  expect(screen.getByText('Loading…')).toBeInTheDocument()
  info.resolve(undefined)
  await screen.findByRole('heading', { name: 'Deactivate a licence' })
  await waitFor(() => expect(screen.queryByText('Loading…')).toBeNull())
})

describe('warm-up', () => {
  it('asks the engine to warm the connection when the form is shown, and again when the bundle field gets filled', async () => {
    const { user, api } = await renderForm()
    expect(api.calls.warmUp).toBe(1)
    const bundle = ui.field('Bundle code')
    await user.clear(bundle)
    expect(api.calls.warmUp).toBe(1)
    await user.type(bundle, 'design-pack')
    // Once per filling, not once per keystroke.
    expect(api.calls.warmUp).toBe(2)
    expect(api.calls.deactivate).toHaveLength(0)
  })
})
