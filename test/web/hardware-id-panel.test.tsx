import { screen, within } from '@testing-library/react'
import { hardwareIdFingerprint, inGroupsOfFour } from '../../src/shared/helpdesk/hardware-id-format'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { describeError } from '../../src/shared/errors'
import { failure } from '../../src/shared/outcome'
import { FakeApi, PC_HARDWARE_ID } from './support/fake-api'
import { renderForm, ui } from './support/render-app'

beforeEach(() => window.localStorage.clear())

const panel = () => screen.getByRole('region', { name: 'Hardware id' })
const OVERRIDE = 'HELPDESK-ID-0042'

describe('hardware id panel', () => {
  it('folds into a short line: the id in groups of four, its source in plain words and fingerprint; "Change" opens the override', async () => {
    const { user } = await renderForm()
    const region = panel()
    expect(region).toHaveTextContent('Hardware id that will be sent')
    const id = within(region).getByText(inGroupsOfFour(PC_HARDWARE_ID.id))
    expect(id.tagName).toBe('CODE')
    expect(region).toHaveTextContent('this PC’s own')
    expect(region).toHaveTextContent(`fingerprint ${hardwareIdFingerprint(PC_HARDWARE_ID.id)}`)
    const override = within(region).getByLabelText('Hardware id override')
    expect(override).not.toBeVisible()
    const change = within(region).getByRole('button', { name: 'Change the hardware id' })
    expect(change).toHaveAttribute('aria-expanded', 'false')
    await user.click(change)
    expect(override).toBeVisible()
    expect(override).toHaveFocus()
    expect(override).toHaveAccessibleDescription(/helpdesk/)
    expect(region).toHaveTextContent(`How this PC’s id is read: ${PC_HARDWARE_ID.description}`)
  })

  it('copies the hardware id and confirms it', async () => {
    const { user } = await renderForm()
    await user.click(within(panel()).getByRole('button', { name: 'Copy hardware id' }))
    expect(await navigator.clipboard.readText()).toBe(PC_HARDWARE_ID.id)
    expect(within(panel()).getByRole('status')).toHaveTextContent('Copied')
  })

  it('reports a refused clipboard', async () => {
    const { user } = await renderForm()
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new DOMException('Document is not focused.', 'NotAllowedError'))
    await user.click(within(panel()).getByRole('button', { name: 'Copy hardware id' }))
    expect(await within(panel()).findByText(/Copy failed/)).toBeInTheDocument()
    expect(within(panel()).getByRole('textbox', { name: 'This PC’s hardware id' })).toHaveValue(PC_HARDWARE_ID.id)
  })

  it('sends the override instead of this PC’s id, and says so', async () => {
    const api = new FakeApi()
    const { user } = await renderForm(api)
    await user.type(ui.field('Licence key'), 'AAAA-BBBB-CCCC-DDDD')
    await user.type(within(panel()).getByLabelText('Hardware id override'), ` ${OVERRIDE} `)
    expect(panel()).toHaveTextContent(`The hardware id you entered will be sent instead of this PC’s: ${OVERRIDE}`)
    expect(panel()).toHaveTextContent('This PC’s hardware id (not sent)')
    await user.click(ui.submit())
    expect(ui.dialog()).toHaveTextContent(`hardware id ${inGroupsOfFour(OVERRIDE)} (fingerprint ${hardwareIdFingerprint(OVERRIDE)}), the override you entered`)
    await user.click(within(ui.dialog()).getByRole('button', { name: 'Deactivate' }))
    await screen.findByRole('heading', { name: 'Licence deactivated' })
    expect(api.calls.deactivate).toEqual([
      { product: 'office-suite', hardwareId: OVERRIDE, credentials: { method: 'license-key', licenseKey: 'AAAA-BBBB-CCCC-DDDD' } }
    ])
  })

  it('sends the override with a browser sign-in too', async () => {
    const api = new FakeApi()
    const { user } = await renderForm(api)
    await user.click(ui.method('Company sign-in in the browser'))
    await user.type(within(panel()).getByLabelText('Hardware id override'), OVERRIDE)
    await user.click(ui.ssoSubmit())
    await user.click(within(ui.dialog()).getByRole('button', { name: 'Deactivate' }))
    await screen.findByRole('heading', { name: 'Licence deactivated' })
    expect(api.calls.deactivateWithSso).toEqual([{ product: 'office-suite', customerAccountCode: 'acme', grant: 'code', hardwareId: OVERRIDE }])
  })

  describe('when this PC’s hardware id cannot be read', () => {
    function unreadable() {
      const api = new FakeApi()
      api.hardwareId = failure(describeError('hardware_id_unavailable'))
      return api
    }

    it('shows the error and requires the override', async () => {
      const api = unreadable()
      const { user } = await renderForm(api)
      const region = panel()
      expect(within(region).getByRole('alert')).toHaveTextContent('This PC’s hardware id could not be read')
      expect(region).toHaveTextContent('Code: hardware_id_unavailable · no HTTP status')
      expect(within(region).queryByRole('button', { name: 'Copy hardware id' })).toBeNull()

      await user.type(ui.field('Licence key'), 'AAAA-BBBB-CCCC-DDDD')
      await user.click(ui.submit())
      const override = within(region).getByLabelText('Hardware id override')
      expect(override).toHaveAttribute('aria-invalid', 'true')
      expect(override).toHaveAccessibleDescription(/a hardware id override is required/)
      expect(override).toHaveFocus()
      expect(ui.queryDialog()).toBeNull()
      expect(api.calls.deactivate).toHaveLength(0)
    })

    it('deactivates with the override once it is given', async () => {
      const api = unreadable()
      const { user } = await renderForm(api)
      await user.type(ui.field('Licence key'), 'AAAA-BBBB-CCCC-DDDD')
      await user.type(within(panel()).getByLabelText('Hardware id override'), OVERRIDE)
      await user.click(ui.submit())
      await user.click(within(ui.dialog()).getByRole('button', { name: 'Deactivate' }))
      await screen.findByRole('heading', { name: 'Licence deactivated' })
      expect(api.calls.deactivate).toEqual([
        { product: 'office-suite', hardwareId: OVERRIDE, credentials: { method: 'license-key', licenseKey: 'AAAA-BBBB-CCCC-DDDD' } }
      ])
    })
  })

  it('after the engine reports the id unreadable, "Try again" asks for the override', async () => {
    const api = new FakeApi()
    api.failWith('hardware_id_unavailable')
    const { user } = await renderForm(api)
    await user.type(ui.field('Licence key'), 'AAAA-BBBB-CCCC-DDDD')
    await user.click(ui.submit())
    await user.click(within(ui.dialog()).getByRole('button', { name: 'Deactivate' }))
    await user.click(await screen.findByRole('button', { name: 'Try again' }))
    const override = within(panel()).getByLabelText('Hardware id override')
    expect(override).toHaveAttribute('aria-invalid', 'true')
    expect(override).toHaveFocus()
  })
})
