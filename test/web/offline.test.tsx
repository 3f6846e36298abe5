import { fireEvent, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { describeError, describeServerError, ERROR_CATALOGUE, type AppError, type KnownErrorCode } from '../../src/shared/errors'
import { formatLocalTime } from '../../src/shared/format-time'
import { hardwareIdFingerprint } from '../../src/shared/helpdesk/hardware-id-format'
import { failure, success } from '../../src/shared/outcome'
import { FakeApi, PC_HARDWARE_ID, REQUEST_SUMMARY } from './support/fake-api'
import { renderApp, renderForm, ui } from './support/render-app'

const KEY = 'AAAA-BBBB-CCCC-DDDD'
const tasks = () => screen.getByRole('navigation', { name: 'Tasks' })
const field = (name: string) => screen.getByLabelText(name, { exact: true, selector: 'input[type=text], input:not([type])' })

async function openOffline(api = new FakeApi()) {
  const rendered = await renderForm(api)
  await rendered.user.click(within(tasks()).getByRole('button', { name: 'This PC has no internet' }))
  await screen.findByRole('heading', { level: 2, name: 'Deactivate a PC without internet' })
  return rendered
}

describe('This PC has no internet: writing a request file', () => {
  it('sits next to the online path and says plainly that company sign-in needs the identity provider online', async () => {
    await openOffline()
    expect(within(tasks()).getByRole('button', { name: 'This PC has no internet' })).toHaveAttribute('aria-current', 'page')
    expect(within(tasks()).getByRole('button', { name: 'Deactivate online' })).not.toHaveAttribute('aria-current')
    expect(
      screen.getByText(/Company sign-in \(single sign-on\) cannot be used without internet: it needs your company’s identity provider online/)
    ).toBeInTheDocument()
    expect(screen.getAllByRole('radio').map((r) => r.getAttribute('value'))).toEqual(['license-key', 'user'])
    expect(screen.queryByLabelText('Password')).toBeNull()
  })

  it('saves with the licence key and this PC’s id, then says exactly what happens next', async () => {
    const api = new FakeApi()
    const { user } = await openOffline(api)
    await user.type(field('Licence key'), KEY)
    await user.click(screen.getByRole('button', { name: 'Save request file…' }))
    const heading = await screen.findByRole('heading', { level: 2, name: 'Request file saved' })
    expect(heading).toHaveFocus()
    expect(api.calls.saveOfflineRequest).toEqual([{ product: 'office-suite', credentials: { method: 'license-key', licenseKey: KEY } }])
    const view = heading.closest('section') as HTMLElement
    expect(view).toHaveTextContent('/home/ann/office-suite-3f2a9c0d-deactivate.req')
    expect(view).toHaveTextContent('The seat is not free yet. The licence server frees it only when this file is uploaded.')
    expect(view).toHaveTextContent('customer portal')
    expect(view).toHaveTextContent('“Upload a request file” screen')
    expect(view).toHaveTextContent('Treat the product on this PC as deactivated from now on')
    expect(within(view).getByText(REQUEST_SUMMARY.licence)).toBeInTheDocument()
    // The fingerprint a helpdesk compares by voice, as on the form and in the confirmation; the time with its zone.
    expect(within(view).getByText(hardwareIdFingerprint(REQUEST_SUMMARY.hardwareId))).toBeInTheDocument()
    expect(within(view).getByText(formatLocalTime(REQUEST_SUMMARY.writtenAt!))).toBeInTheDocument()
    // Nothing was sent yet: the reference's status part says PC.
    expect(view).toHaveTextContent(/Reference for the helpdesk: LM-YES-PC-[0-9A-HJKMNP-TV-Z]{4}/)
  })

  it('username method with a hardware id override; no password is asked or sent', async () => {
    const api = new FakeApi()
    const { user } = await openOffline(api)
    await user.click(screen.getByRole('radio', { name: 'With a username' }))
    await user.type(field('Username'), 'bob@example.test')
    await user.type(field('Hardware id override'), 'helpdesk-pc')
    await user.click(screen.getByRole('button', { name: 'Save request file…' }))
    await screen.findByRole('heading', { name: 'Request file saved' })
    expect(api.calls.saveOfflineRequest).toEqual([
      { product: 'office-suite', hardwareId: 'helpdesk-pc', credentials: { method: 'user', username: 'bob@example.test' } }
    ])
  })

  it('an empty licence key is refused on the field, and nothing is saved', async () => {
    const api = new FakeApi()
    const { user } = await openOffline(api)
    await user.click(screen.getByRole('button', { name: 'Save request file…' }))
    expect(await screen.findByText('Give the licence key or the username of the licence.')).toBeInTheDocument()
    expect(field('Licence key')).toHaveFocus()
    expect(api.calls.saveOfflineRequest).toEqual([])
  })

  it('a cancelled save dialog writes nothing and keeps what was typed', async () => {
    const api = new FakeApi()
    api.saveAnswer = async () => success({ saved: false })
    const { user } = await openOffline(api)
    await user.type(field('Licence key'), KEY)
    await user.click(screen.getByRole('button', { name: 'Save request file…' }))
    expect(await screen.findByText('Saving was cancelled: no file was written.')).toBeInTheDocument()
    expect(field('Licence key')).toHaveValue(KEY)
  })

  it('a file that cannot be written shows its catalogue error', async () => {
    const api = new FakeApi()
    api.saveAnswer = async () => failure(describeError('offline_save_failed'))
    const { user } = await openOffline(api)
    await user.type(field('Licence key'), KEY)
    await user.click(screen.getByRole('button', { name: 'Save request file…' }))
    expect(await screen.findByRole('heading', { level: 2, name: ERROR_CATALOGUE.offline_save_failed.title })).toBeInTheDocument()
  })
})

describe('the offer after a deactivation could not reach the server', () => {
  async function failOnline(code: KnownErrorCode, method: 'license-key' | 'sso-code', error: AppError = describeServerError(code)) {
    const api = new FakeApi()
    api.failWithError(error)
    const rendered = await renderForm(api)
    const { user } = rendered
    if (method === 'license-key') {
      await user.type(ui.field('Licence key'), KEY)
      await user.type(ui.field('Hardware id override'), 'helpdesk-pc')
      await user.click(ui.submit())
    } else {
      await user.click(ui.method('Company sign-in in the browser'))
      await user.click(ui.ssoSubmit())
    }
    const dialog = await screen.findByRole('dialog', { name: method === 'license-key' ? 'Deactivate the hardware id you entered?' : 'Deactivate this PC?' })
    await user.click(within(dialog).getByRole('button', { name: /Deactivate|Sign in/ }))
    await screen.findByRole('heading', { level: 2, name: ERROR_CATALOGUE[code].title })
    return rendered
  }

  it.each(['cannot_connect_to_server', 'dns_failure', 'timeout', 'proxy_failure', 'html_error_body'] as const)(
    'a %s (network family) offers the offline path, filled from the attempt',
    async (code) => {
      const { user } = await failOnline(code, 'license-key')
      await user.click(screen.getByRole('button', { name: 'Write a request file instead' }))
      await screen.findByRole('heading', { name: 'Deactivate a PC without internet' })
      expect(field('Licence key')).toHaveValue(KEY)
      expect(field('Bundle code')).toHaveValue('office-suite')
      expect(field('Hardware id override')).toHaveValue('helpdesk-pc')
    }
  )

  it('a code the catalogue does not know yet but in the network family offers it too (the family decides, not a list)', async () => {
    const api = new FakeApi()
    api.deactivateAnswer = async () => failure({ ...describeError('timeout'), code: 'pc_offline', title: 'This PC is offline' })
    const { user } = await renderForm(api)
    await user.type(ui.field('Licence key'), KEY)
    await user.click(ui.submit())
    await user.click(within(await screen.findByRole('dialog', { name: 'Deactivate this PC?' })).getByRole('button', { name: 'Deactivate' }))
    await screen.findByRole('heading', { name: 'This PC is offline' })
    expect(screen.getByRole('button', { name: 'Write a request file instead' })).toBeInTheDocument()
  })

  it('after a company sign-in attempt it says that sign-in needs the identity provider online', async () => {
    await failOnline('cannot_connect_to_server', 'sso-code')
    expect(screen.getByText(/Company sign-in needs your identity provider online/)).toBeInTheDocument()
  })

  it.each([
    ['cannot_connect_to_server', describeError('cannot_connect_to_server', { detail: { reach: 'refused' } })],
    ['dns_failure', describeError('dns_failure', { detail: { resolver: 'no-such-name' } })]
  ] as const)('a %s whose cause shows this PC’s network works does not offer the no-internet path', async (code, error) => {
    expect(error.networkWorks).toBe(true)
    await failOnline(code, 'license-key', error)
    expect(screen.getByText(error.explanation)).toBeInTheDocument()
    expect(screen.queryByText(/No internet on this PC\?/)).toBeNull()
    expect(screen.queryByRole('button', { name: 'Write a request file instead' })).toBeNull()
  })

  it('the same failure with a cause that does not show the network works still offers it', async () => {
    await failOnline('cannot_connect_to_server', 'license-key', describeError('cannot_connect_to_server', { detail: { reach: 'pc-online' } }))
    expect(screen.getByRole('button', { name: 'Write a request file instead' })).toBeInTheDocument()
  })

  it.each(['device_not_found', 'internal_error', 'date_header_diff'] as const)('a %s (not a transport failure) does not offer it', async (code) => {
    await failOnline(code, 'license-key')
    expect(screen.queryByRole('button', { name: 'Write a request file instead' })).toBeNull()
  })
})

describe('Upload a request file', () => {
  async function openUpload(api = new FakeApi()) {
    const rendered = renderApp(api)
    await rendered.user.click(await screen.findByRole('button', { name: 'Upload a request file' }))
    await screen.findByRole('heading', { level: 2, name: 'Upload a request file' })
    return rendered
  }
  const fileInput = () => screen.getByLabelText<HTMLInputElement>('Request file')
  const requestFile = (content = 'eyJyZXF1ZXN0Ijp7fX0=', name = 'office-suite-3f2a9c0d-deactivate.req') => new File([content], name, { type: '' })

  it('shows what the file will free (key masked), uploads it on confirmation and shows the seat freed', async () => {
    const api = new FakeApi()
    const { user } = await openUpload(api)
    await user.upload(fileInput(), requestFile())
    const panel = (await screen.findByRole('heading', { name: 'This file will free' })).closest('section') as HTMLElement
    expect(api.calls.inspectOfflineRequest).toEqual([{ content: 'eyJyZXF1ZXN0Ijp7fX0=' }])
    expect(api.calls.uploadOfflineRequest).toEqual([])
    for (const text of [REQUEST_SUMMARY.product, PC_HARDWARE_ID.id, '••••DDDD', 'License Manager 0.1.0', REQUEST_SUMMARY.requestId])
      expect(panel).toHaveTextContent(text)
    await user.click(within(panel).getByRole('button', { name: 'Upload and free the seat' }))
    expect(await screen.findByRole('heading', { level: 2, name: 'Seat freed' })).toHaveFocus()
    expect(api.calls.uploadOfflineRequest).toEqual([{ content: 'eyJyZXF1ZXN0Ijp7fX0=' }])
    expect(screen.getByText(/^Reference for the helpdesk:/)).toHaveTextContent(/Reference for the helpdesk: LM-YES-200-[0-9A-HJKMNP-TV-Z]{4}/)
  })

  it('takes a file dropped on the drop zone', async () => {
    const api = new FakeApi()
    await openUpload(api)
    fireEvent.drop(screen.getByRole('group', { name: 'Drop zone for the request file' }), { dataTransfer: { files: [requestFile('ZHJvcHBlZA==')] } })
    await screen.findByRole('heading', { name: 'This file will free' })
    expect(api.calls.inspectOfflineRequest).toEqual([{ content: 'ZHJvcHBlZA==' }])
  })

  it('refuses a file over 64 KiB without reading or sending it', async () => {
    const api = new FakeApi()
    const { user } = await openUpload(api)
    await user.upload(fileInput(), requestFile('A'.repeat(64 * 1024 + 1)))
    expect(await screen.findByRole('alert')).toHaveTextContent(ERROR_CATALOGUE.offline_file_too_large.title)
    expect(api.calls.inspectOfflineRequest).toEqual([])
  })

  it('shows the fields this app does not know, as the engine made them safe to show, and still offers the upload (the server judges them)', async () => {
    const api = new FakeApi()
    const summary = {
      ...REQUEST_SUMMARY,
      writtenAt: null,
      writtenText: '2025-03-01 08:00',
      format: 'v1' as const,
      otherFields: [
        { name: 'sdk_flavour', value: 'community' },
        { name: 'password', value: '(hidden)' }
      ],
      otherFieldsNotShown: 3
    }
    api.inspectAnswer = async () => success(summary)
    const { user } = await openUpload(api)
    await user.upload(fileInput(), requestFile())
    const panel = (await screen.findByRole('heading', { name: 'This file will free' })).closest('section') as HTMLElement
    const list = within(panel).getByRole('list', { name: 'Other fields in the file' })
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((item) => item.textContent)
    ).toEqual(['sdk_flavour: community', 'password: (hidden)', 'and 3 more'])
    expect(panel).toHaveTextContent('“2025-03-01 08:00” (as the file says it)')
    expect(panel).toHaveTextContent('older (schema 1): its signature covers only the date, the licence key or username, the hardware id and the API key')
    expect(within(panel).getByRole('button', { name: 'Upload and free the seat' })).toBeEnabled()
  })

  it.each(['offline_file_wrong_type', 'offline_file_truncated'] as const)(
    'shows the engine’s refusal %s in plain words, and offers no upload',
    async (code) => {
      const api = new FakeApi()
      api.inspectAnswer = async () => failure(describeError(code, { field: 'file' }))
      const { user } = await openUpload(api)
      await user.upload(fileInput(), requestFile('bm90IGEgcmVxdWVzdA=='))
      const alert = await screen.findByRole('alert')
      expect(alert).toHaveTextContent(ERROR_CATALOGUE[code].title)
      expect(alert).toHaveTextContent(ERROR_CATALOGUE[code].action)
      expect(alert).toHaveTextContent(`Code: ${code} · no HTTP status`)
      expect(alert).toHaveTextContent(new RegExp(`Reference for the helpdesk: LM-${ERROR_CATALOGUE[code].mnemonic}-PC-[0-9A-HJKMNP-TV-Z]{4}`))
      expect(screen.queryByRole('button', { name: 'Upload and free the seat' })).toBeNull()
    }
  )

  it('a refusal by the server is the typed error view, as online; Try again goes back to the file', async () => {
    const api = new FakeApi()
    api.uploadAnswer = async () => failure(describeError('offline_request_replayed', { status: 400, serverMessage: 'This request file was already used' }))
    const { user } = await openUpload(api)
    await user.upload(fileInput(), requestFile())
    await user.click(await screen.findByRole('button', { name: 'Upload and free the seat' }))
    expect(await screen.findByRole('heading', { level: 2, name: ERROR_CATALOGUE.offline_request_replayed.title })).toBeInTheDocument()
    expect(screen.getByText('Code: offline_request_replayed · HTTP 400')).toBeInTheDocument()
    expect(screen.getByText(/^Reference for the helpdesk:/)).toHaveTextContent(/Reference for the helpdesk: LM-AGN-400-[0-9A-HJKMNP-TV-Z]{4}/)
    expect(screen.getByRole('button', { name: 'Copy diagnostics' })).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Try again' }))
    expect(await screen.findByRole('button', { name: 'Upload and free the seat' })).toBeInTheDocument()
  })
})
