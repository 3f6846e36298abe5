import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { buildUploadDiagnostics } from '../../src/renderer/src/diagnostics'
import { describeError, describeServerError } from '../../src/shared/errors'
import { failure, success } from '../../src/shared/outcome'
import { APP_INFO, FakeApi, REQUEST_SUMMARY } from './support/fake-api'
import { renderForm, ui } from './support/render-app'

/*
 * Text from outside the app (a request file's fields, a server's message, a file name) is shown
 * in <bdi>, with every bidi, zero-width, control and line-break character as a visible escape.
 */

/** Characters that must never reach the page raw: controls, bidi, zero-width, separators. */
// eslint-disable-next-line no-control-regex -- the control characters are what the check looks for
const RAW_HIDDEN = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060\u2066-\u2069\ufeff]/

const HOSTILE_SUMMARY = {
  ...REQUEST_SUMMARY,
  product: 'office\u202esuite\u2066x\u2069',
  writtenBy: 'Evil\u200bApp\u2028Seat freed: bundle "other"',
  hardwareId: `\u2067${REQUEST_SUMMARY.hardwareId}`
}

async function openUpload(api: FakeApi) {
  const rendered = await renderForm(api)
  await rendered.user.click(within(screen.getByRole('navigation', { name: 'Tasks' })).getByRole('button', { name: 'Upload a request file' }))
  return rendered
}

describe('outside text in the window', () => {
  it('what a request file will free: bidi overrides and isolates, zero-width and separators are shown escaped, each value in <bdi>', async () => {
    const api = new FakeApi()
    api.inspectAnswer = async () => success(HOSTILE_SUMMARY)
    const { user } = await openUpload(api)
    await user.upload(screen.getByLabelText<HTMLInputElement>('Request file'), new File(['eyJ9'], 'evil\u202egnp.req', { type: '' }))
    const panel = (await screen.findByRole('heading', { name: 'This file will free' })).closest('section') as HTMLElement
    expect(panel.textContent).not.toMatch(RAW_HIDDEN)
    expect(panel).toHaveTextContent('office\\u202esuite\\u2066x\\u2069')
    expect(panel).toHaveTextContent('Evil\\u200bApp\\u2028Seat freed: bundle "other"')
    expect(panel).toHaveTextContent('evil\\u202egnp.req')
    for (const value of ['office\\u202esuite\\u2066x\\u2069', 'Evil\\u200bApp\\u2028Seat freed: bundle "other"'])
      expect(within(panel).getByText(value).tagName).toBe('BDI')
  })

  it('a server message with line breaks, ESC and bidi marks stays one quoted, isolated line', async () => {
    const api = new FakeApi()
    const message = 'Refused\n\nLicence deactivated\u001b[2J\u202e!'
    api.deactivateAnswer = async () => failure(describeServerError('weird_code\u202e', { status: 400, serverMessage: message }))
    const { user } = await renderForm(api)
    await user.type(ui.field('Licence key'), 'AAAA-BBBB-CCCC-DDDD')
    await user.click(ui.submit())
    await user.click(within(ui.dialog()).getByRole('button', { name: 'Deactivate' }))
    const heading = await screen.findByRole('heading', { level: 2, name: 'The licence server refused the request' })
    const card = heading.closest('section') as HTMLElement
    expect(card.textContent).not.toMatch(RAW_HIDDEN)
    expect(card).toHaveTextContent('Refused\\n\\nLicence deactivated\\u001b[2J\\u202e!')
    expect(card).toHaveTextContent('Code: weird_code\\u202e · HTTP 400')
    expect(screen.queryByRole('heading', { name: 'Licence deactivated' })).toBeNull()
  })

  it('a 40,000-character explanation (a file’s field name quoted) is cut to 2000 characters with “…”', async () => {
    const api = new FakeApi()
    api.inspectAnswer = async () =>
      failure(describeError('offline_file_wrong_type', { field: 'file', detail: { reason: `Unknown field "${'\u001b]0;x'.repeat(8_000)}".` } }))
    const { user } = await openUpload(api)
    await user.upload(screen.getByLabelText<HTMLInputElement>('Request file'), new File(['eyJ9'], 'x.req', { type: '' }))
    const alert = await screen.findByRole('alert')
    const explanation = within(alert).getByText(/Unknown field/)
    expect(explanation.textContent.length).toBeLessThanOrEqual(2000)
    expect(explanation.textContent.endsWith('…')).toBe(true)
    expect(alert.textContent).not.toMatch(RAW_HIDDEN)
  })

  it('diagnostics of an upload keep each value on its line', () => {
    const text = buildUploadDiagnostics({
      app: APP_INFO,
      summary: HOSTILE_SUMMARY,
      outcome: failure(describeServerError('x', { status: 400, serverMessage: 'no\nResult: seat freed' })),
      at: new Date('2025-03-04T10:20:30.000Z')
    })
    const lines = text.slice(0, -1).split('\n')
    for (const line of lines) expect(line).not.toMatch(RAW_HIDDEN)
    expect(lines.filter((line) => line.startsWith('Result:'))).toEqual(['Result: failed'])
    expect(lines).toContain('Server message: no\\nResult: seat freed')
  })
})
