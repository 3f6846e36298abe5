import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { describeError, ERROR_CATALOGUE, type ErrorFamily } from '../../src/shared/errors'
import { hardwareIdFingerprint, inGroupsOfFour } from '../../src/shared/helpdesk/hardware-id-format'
import { failure, success } from '../../src/shared/outcome'
import { FakeApi, PC_HARDWARE_ID } from './support/fake-api'
import { renderApp, renderForm, ui } from './support/render-app'

const KEY = 'AAAA-BBBB-CCCC-DDDD'

async function deactivateWithKey(api: FakeApi) {
  const rendered = await renderForm(api)
  await rendered.user.type(ui.field('Licence key'), KEY)
  await rendered.user.click(ui.submit())
  await rendered.user.click(within(ui.dialog()).getByRole('button', { name: 'Deactivate' }))
  return rendered
}

const ONE_CODE_PER_FAMILY: Record<ErrorFamily, keyof typeof ERROR_CATALOGUE> = {
  input: 'missing_parameters',
  credentials: 'license_not_found',
  licence: 'license_not_enabled',
  product: 'unknown_product',
  device: 'device_not_found',
  setup: 'signature_mismatch',
  clock: 'date_header_diff',
  network: 'timeout',
  server: 'internal_error',
  sso: 'sso_token_invalid'
}

describe('error view', () => {
  it.each(Object.entries(ONE_CODE_PER_FAMILY))('%s family (%s): title as focused heading, explanation, what to do, code and status', async (family, code) => {
    const entry = ERROR_CATALOGUE[code]
    expect(entry.family).toBe(family)
    const api = new FakeApi()
    api.failWith(code)
    await deactivateWithKey(api)
    const heading = await screen.findByRole('heading', { level: 2, name: entry.title })
    expect(heading).toHaveFocus()
    const view = heading.closest('section') as HTMLElement
    expect(view).toHaveTextContent(entry.explanation)
    expect(within(view).getByRole('heading', { name: 'What to do' })).toBeInTheDocument()
    expect(view).toHaveTextContent(entry.action)
    const codeLine = entry.status > 0 ? `Code: ${code} · HTTP ${entry.status}` : `Code: ${code} · no HTTP status`
    expect(within(view).getByText(codeLine)).toBeInTheDocument()
    expect(within(view).getByRole('button', { name: 'Try again' })).toBeInTheDocument()
    expect(within(view).getByRole('button', { name: 'Copy diagnostics' })).toBeInTheDocument()
  })

  it('shows the HTTP status actually received and the server’s own message', async () => {
    const api = new FakeApi()
    api.failWith('some_new_server_code', { status: 409, serverMessage: 'Licence is locked by the vendor.' })
    await deactivateWithKey(api)
    expect(await screen.findByRole('heading', { name: 'The licence server refused the request' })).toHaveFocus()
    expect(screen.getByText('Code: some_new_server_code · HTTP 409')).toBeInTheDocument()
    expect(screen.getByText('Licence is locked by the vendor.')).toBeInTheDocument()
  })

  it('adds the server message when it says more than the catalogue', async () => {
    const api = new FakeApi()
    api.failWith('validation_error', { serverMessage: 'hardware_id: ensure this field has no more than 256 characters.' })
    await deactivateWithKey(api)
    await screen.findByRole('heading', { name: ERROR_CATALOGUE.validation_error.title })
    expect(screen.getByText('hardware_id: ensure this field has no more than 256 characters.').closest('p')).toHaveTextContent(/^Server message:/)
  })

  it('"Try again" after device_not_found returns to the filled form with focus on the hardware id override the message points to', async () => {
    const api = new FakeApi()
    api.failWith('device_not_found')
    const { user } = await deactivateWithKey(api)
    await user.click(await screen.findByRole('button', { name: 'Try again' }))
    expect(ui.field('Licence key')).toHaveValue(KEY)
    expect(ui.field('Hardware id override')).toHaveFocus()
  })

  it('"Try again" returns to the filled form with focus on the submit button', async () => {
    const api = new FakeApi()
    api.failWith('license_not_enabled')
    const { user } = await deactivateWithKey(api)
    await user.click(await screen.findByRole('button', { name: 'Try again' }))
    expect(ui.field('Licence key')).toHaveValue(KEY)
    expect(ui.field('Bundle code')).toHaveValue('office-suite')
    expect(ui.submit()).toHaveFocus()
  })

  it('"Try again" clears the password but keeps the username', async () => {
    const api = new FakeApi()
    api.failWith('license_not_found')
    const { user } = await renderForm(api)
    await user.click(ui.method('Username and password'))
    await user.type(ui.field('Username'), 'bob@example.test')
    await user.type(ui.field('Password'), 'hunter2')
    await user.click(ui.submit())
    await user.click(within(ui.dialog()).getByRole('button', { name: 'Deactivate' }))
    await user.click(await screen.findByRole('button', { name: 'Try again' }))
    expect(ui.method('Username and password')).toBeChecked()
    expect(ui.field('Username')).toHaveValue('bob@example.test')
    expect(ui.field('Password')).toHaveValue('')
    expect(ui.field('Password')).toHaveFocus()
  })

  it('"Try again" after an engine input error marks the field it names', async () => {
    const api = new FakeApi()
    api.failWithError(describeError('invalid_input', { field: 'licenseKey', detail: { problem: 'Licence key contains control characters.', nothing: 'sent' } }))
    const { user } = await deactivateWithKey(api)
    await user.click(await screen.findByRole('button', { name: 'Try again' }))
    expect(ui.field('Licence key')).toHaveAttribute('aria-invalid', 'true')
    expect(ui.field('Licence key')).toHaveFocus()
    expect(screen.getByText('Licence key contains control characters.')).toBeInTheDocument()
  })

  it('turns a rejected IPC call into an error view instead of hanging', async () => {
    const api = new FakeApi()
    api.deactivateAnswer = () => Promise.reject(new Error('An object could not be cloned.'))
    await deactivateWithKey(api)
    expect(await screen.findByRole('heading', { name: 'The app did not answer' })).toHaveFocus()
    expect(screen.getByText('Code: app_no_answer · no HTTP status')).toBeInTheDocument()
  })
})

describe('the start-up failure screen', () => {
  const configInvalid = () => ({ ok: false as const, error: { code: 'config_invalid', ...ERROR_CATALOGUE.config_invalid, field: 'apiUrl' } })

  it('says what failed and shows the version, the system and this PC’s hardware id with its fingerprint', async () => {
    const api = new FakeApi()
    api.appInfo = configInvalid()
    renderApp(api)
    expect(await screen.findByRole('heading', { name: ERROR_CATALOGUE.config_invalid.title })).toHaveFocus()
    const facts = await screen.findByRole('region', { name: 'For the helpdesk' })
    expect(facts).toHaveTextContent('License Manager 0.1.0')
    expect(facts).toHaveTextContent('linux 6.1.0 (x64)')
    expect(await within(facts).findByText(inGroupsOfFour(PC_HARDWARE_ID.id))).toBeInTheDocument()
    expect(facts).toHaveTextContent(`fingerprint ${hardwareIdFingerprint(PC_HARDWARE_ID.id)}`)
    expect(screen.getByText(/^Reference for the helpdesk:/)).toHaveTextContent(/LM-CFG-PC-[0-9A-HJKMNP-TV-Z]{4}/)
  })

  it('copies diagnostics with the version, the hardware id, the field at fault and the reference', async () => {
    const api = new FakeApi()
    api.appInfo = configInvalid()
    const { user } = renderApp(api)
    await screen.findByText(inGroupsOfFour(PC_HARDWARE_ID.id))
    await user.click(screen.getByRole('button', { name: 'Copy diagnostics' }))
    const text = await navigator.clipboard.readText()
    for (const line of [
      'Task: start-up',
      'App version: 0.1.0',
      `Hardware id: ${PC_HARDWARE_ID.id}`,
      'Error code: config_invalid',
      'Field: apiUrl',
      'Reference: LM-CFG-PC-'
    ]) {
      expect(text).toContain(line)
    }
  })

  it('"Try again" asks the app again and shows the form once the configuration reads', async () => {
    const api = new FakeApi()
    const working = api.appInfo
    api.appInfo = configInvalid()
    const { user } = renderApp(api)
    await screen.findByRole('heading', { name: ERROR_CATALOGUE.config_invalid.title })
    expect(api.calls.getAppInfo).toBe(1)
    api.appInfo = working
    await user.click(screen.getByRole('button', { name: 'Try again' }))
    expect(await screen.findByRole('form', { name: 'Deactivate a licence' })).toBeInTheDocument()
    expect(api.calls.getAppInfo).toBe(2)
  })

  it('shows the reference the main process logged the failed start under, the log file and its last lines', async () => {
    const api = new FakeApi()
    api.appInfo = { ok: false, error: { ...configInvalid().error, reference: 'LM-CFG-PC-7K3Q' } }
    api.logTail = success({
      folder: '/var/logs/License Manager',
      file: '/var/logs/License Manager/main.log',
      lines: [
        '2026-03-04T10:20:30.000Z info app.start version=0.1.0',
        '2026-03-04T10:20:30.100Z error engine.start result=failed code=config_invalid reference=LM-CFG-PC-7K3Q'
      ]
    })
    const { user } = renderApp(api)
    expect(await screen.findByText(/^Reference for the helpdesk:/)).toHaveTextContent('LM-CFG-PC-7K3Q')
    const facts = await screen.findByRole('region', { name: 'For the helpdesk' })
    expect(await within(facts).findByText('/var/logs/License Manager/main.log')).toBeInTheDocument()
    await user.click(within(facts).getByText('Last lines of the log'))
    expect(within(facts).getByLabelText('Last lines of the log')).toHaveTextContent(
      'error engine.start result=failed code=config_invalid reference=LM-CFG-PC-7K3Q'
    )
    await user.click(screen.getByRole('button', { name: 'Copy diagnostics' }))
    const copied = await navigator.clipboard.readText()
    expect(copied).toContain('Reference: LM-CFG-PC-7K3Q')
    expect(copied).toContain('Log file: /var/logs/License Manager/main.log\nLast lines of the log:\n  2026-03-04T10:20:30.000Z info app.start version=0.1.0\n')
  })

  it('"Open logs folder" asks the app to open it, and says so when it could not', async () => {
    const api = new FakeApi()
    api.appInfo = configInvalid()
    api.openLogsFolderAnswer = failure(describeError('logs_unavailable', { detail: { task: 'open' } }))
    const { user } = renderApp(api)
    await user.click(await screen.findByRole('button', { name: 'Open logs folder' }))
    expect(api.calls.openLogsFolder).toBe(1)
    expect(await screen.findByText(/The folder that holds License Manager’s log could not be opened/)).toBeInTheDocument()
  })

  it('still shows the error when the facts cannot be read', async () => {
    const api = new FakeApi()
    api.appInfo = configInvalid()
    api.startupFacts = failure(describeError('app_internal_error'))
    renderApp(api)
    const facts = await screen.findByRole('region', { name: 'For the helpdesk' })
    await waitFor(() => expect(facts).toHaveTextContent('Hardware idcould not be read'))
  })
})

describe('the reference for the helpdesk', () => {
  it('is shown on an error and written into its diagnostics', async () => {
    const api = new FakeApi()
    api.failWith('device_not_found')
    const { user } = await deactivateWithKey(api)
    const line = await screen.findByText(/^Reference for the helpdesk:/)
    const reference = line.querySelector('strong')!.textContent
    expect(reference).toMatch(/^LM-DNF-400-[0-9A-HJKMNP-TV-Z]{4}$/)
    await user.click(screen.getByRole('button', { name: 'Copy diagnostics' }))
    expect(await navigator.clipboard.readText()).toContain(`Reference: ${reference}`)
  })

  it('is the one the main process logged the outcome under, when it gives one', async () => {
    const api = new FakeApi()
    api.failWithError({ ...describeError('device_not_found'), reference: 'LM-DNF-400-AB12' })
    await deactivateWithKey(api)
    expect((await screen.findByText(/^Reference for the helpdesk:/)).querySelector('strong')!.textContent).toBe('LM-DNF-400-AB12')
  })

  it('is shown on a success', async () => {
    const api = new FakeApi()
    await deactivateWithKey(api)
    expect(await screen.findByRole('heading', { name: 'Licence deactivated' })).toBeInTheDocument()
    expect(screen.getByText(/^Reference for the helpdesk:/).querySelector('strong')!.textContent).toMatch(/^LM-YES-200-[0-9A-Z]{4}$/)
    expect(screen.getByText(/^Next: start the licensed product on the new PC/)).toBeInTheDocument()
  })

  it('a cancelled sign-in is shown neutrally, not as a red error card', async () => {
    const api = new FakeApi()
    api.failWith('sso_cancelled')
    await deactivateWithKey(api)
    const heading = await screen.findByRole('heading', { name: ERROR_CATALOGUE.sso_cancelled.title })
    expect(heading.closest('section')).toHaveClass('result-neutral')
    expect(heading.closest('section')).not.toHaveClass('result-error')
  })
})

describe('copy diagnostics', () => {
  it('copies a report with the error and without the licence key', async () => {
    const api = new FakeApi()
    api.failWith('device_not_found', { serverMessage: `No device for key ${KEY}` })
    const { user } = await deactivateWithKey(api)
    await user.click(await screen.findByRole('button', { name: 'Copy diagnostics' }))
    const copied = await navigator.clipboard.readText()
    expect(copied).toContain('Error code: device_not_found')
    expect(copied).toContain('HTTP status: 400')
    expect(copied).toContain('Bundle: office-suite')
    expect(copied).toContain('Last lines of the log:\n  2025-03-04T10:20:30.000Z info app.start version=0.1.0')
    expect(copied).not.toContain(KEY)
    expect(await screen.findByText('Copied')).toHaveAttribute('role', 'status')
  })

  it('says when copying failed and offers the text to copy by hand', async () => {
    const api = new FakeApi()
    api.failWith('timeout')
    const { user } = await deactivateWithKey(api)
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new DOMException('Write permission denied.', 'NotAllowedError'))
    await user.click(await screen.findByRole('button', { name: 'Copy diagnostics' }))
    expect(await screen.findByText(/Copy failed/)).toHaveAttribute('role', 'status')
    const fallback = screen.getByRole('textbox', { name: 'Diagnostics' })
    expect(fallback).toHaveAttribute('readonly')
    expect((fallback as HTMLTextAreaElement).value).toContain('Error code: timeout')
  })
})
