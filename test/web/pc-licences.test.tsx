import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { describeError, ERROR_CATALOGUE } from '../../src/shared/errors'
import { inGroupsOfFour } from '../../src/shared/helpdesk/hardware-id-format'
import { describeValidity } from '../../src/shared/licence-words'
import { failure, success } from '../../src/shared/outcome'
import { deactivated, deferred, FakeApi, OFFICE_ON_PC, PC_HARDWARE_ID, userLicence } from './support/fake-api'
import { renderForm, ui } from './support/render-app'

const tab = () => screen.getByRole('button', { name: 'Licences on this PC' })
const view = () => screen.getByRole('region', { name: 'Licences on this PC' })
const card = (name: string) => screen.getByRole('article', { name })

async function openView(api = new FakeApi()) {
  const rendered = await renderForm(api)
  expect(api.calls.getPcLicences).toEqual([])
  await rendered.user.click(tab())
  await within(view()).findByRole('button', { name: 'Check again', hidden: false })
  return rendered
}

describe('"Licences on this PC"', () => {
  it('asks nothing before it opens; opening it asks once, for this PC, and lists each bundle with its facts', async () => {
    const { api } = await openView()
    await screen.findByRole('article', { name: 'Office Suite (office-suite)' })
    expect(api.calls.getPcLicences).toEqual([{}])
    const office = card('Office Suite (office-suite)')
    const fact = (term: string) => within(office).getByText(term, { selector: 'dt' }).nextElementSibling
    expect(fact('Licence')).toHaveTextContent('licence key ••••-USE')
    expect(fact('Products')).toHaveTextContent('Writer, Sheets')
    expect(fact('Seats')).toHaveTextContent('2 of 5 in use')
    expect(fact('Valid')).toHaveTextContent('no end date')
    expect(view()).toHaveTextContent(inGroupsOfFour(PC_HARDWARE_ID.id))
    expect(view()).toHaveTextContent('The answer’s signatures were checked with the software vendor’s public key.')
    expect(view()).toHaveTextContent('The licence server does not say when a licence was activated on a PC')
    expect(screen.getByRole('heading', { level: 2, name: 'Licences on this PC' })).toHaveFocus()
  })

  it('counts licences, not bundles: three licences, two of them of one bundle, are "3 licences"', async () => {
    const api = new FakeApi()
    const designPack = { ...OFFICE_ON_PC, bundle: 'design-pack', bundleName: 'Design Pack' }
    api.pcLicencesAnswer = async () =>
      success({
        hardwareId: PC_HARDWARE_ID.id,
        source: 'machine-id',
        bundles: [OFFICE_ON_PC, { ...designPack, licenceId: 2001 }, { ...designPack, licenceId: 3001 }],
        checkedAt: '2025-03-04T10:19:00.000Z',
        signatures: 'verified'
      })
    await openView(api)
    expect(await within(view()).findByText(/are active\.$/)).toHaveTextContent(/^3 licences are active\.$/)
    expect(within(view()).getAllByRole('article')).toHaveLength(3)
  })

  it('an empty list says which hardware id was checked', async () => {
    const api = new FakeApi()
    api.pcLicencesAnswer = async () =>
      success({ hardwareId: PC_HARDWARE_ID.id, source: 'machine-id', bundles: [], checkedAt: '2025-03-04T10:19:00.000Z', signatures: 'not-configured' })
    await openView(api)
    const empty = await within(view()).findByText(/^Nothing is active on hardware id/)
    expect(empty).toHaveTextContent(`Nothing is active on hardware id ${inGroupsOfFour(PC_HARDWARE_ID.id)}: the licence server lists no licence for it.`)
    expect(view()).toHaveTextContent('not checked: this app has no public key')
    expect(screen.queryByRole('article')).toBeNull()
  })

  it('a failure is shown with its catalogue words, and "Check again" asks again', async () => {
    const api = new FakeApi()
    api.pcLicencesAnswer = async () => failure(describeError('revoked_api_key'))
    const { user } = await openView(api)
    expect(await within(view()).findByRole('alert')).toHaveTextContent(ERROR_CATALOGUE.revoked_api_key.title)
    api.pcLicencesAnswer = new FakeApi().pcLicencesAnswer
    await user.click(within(view()).getByRole('button', { name: 'Check again' }))
    await screen.findByRole('article', { name: 'Office Suite (office-suite)' })
    expect(api.calls.getPcLicences).toHaveLength(2)
  })

  it('another hardware id can be checked (helpdesk), and an invalid one is refused with the engine’s words', async () => {
    const api = new FakeApi()
    const { user } = await openView(api)
    await user.click(within(view()).getByText('Check another hardware id'))
    await user.type(screen.getByLabelText('Hardware id to check'), '  other-pc-0001 {Enter}')
    await waitFor(() => expect(api.calls.getPcLicences.at(-1)).toEqual({ hardwareId: 'other-pc-0001' }))
    expect(await within(view()).findByText(/the hardware id you entered/)).toBeInTheDocument()
  })

  it('"Deactivate…" fills the form in for a key licence: bundle, method, licence id; the key is typed, then sent with the licence id', async () => {
    const api = new FakeApi()
    const { user } = await openView(api)
    await user.click(within(await screen.findByRole('article', { name: 'Office Suite (office-suite)' })).getByRole('button', { name: 'Deactivate…' }))
    expect(screen.getByText(/^Filled in from “Licences on this PC”/)).toHaveTextContent(
      'Filled in from “Licences on this PC”: bundle office-suite, licence key ••••-USE. Type the whole licence key, then continue.'
    )
    expect(ui.method('With a licence key')).toBeChecked()
    expect(ui.field('Bundle code')).toHaveValue('office-suite')
    expect(ui.field('Licence id')).toHaveValue('1002')
    expect(ui.field('Licence key')).toHaveFocus()
    await user.type(ui.field('Licence key'), 'OFFICE-2222-IN-USE{Enter}')
    await user.click(within(ui.dialog()).getByRole('button', { name: 'Deactivate' }))
    await screen.findByRole('heading', { name: 'Licence deactivated' })
    expect(api.calls.deactivate).toEqual([
      { product: 'office-suite', licenseId: 1002, credentials: { method: 'license-key', licenseKey: 'OFFICE-2222-IN-USE' } }
    ])
  })

  it('"Deactivate…" for a user licence fills in the username and waits for the password; for a customer account’s user, company sign-in', async () => {
    const api = new FakeApi()
    api.pcLicencesAnswer = async () =>
      success({
        hardwareId: PC_HARDWARE_ID.id,
        source: 'machine-id',
        bundles: [
          {
            ...OFFICE_ON_PC,
            bundle: 'design-pack',
            bundleName: 'Design Pack',
            licenceId: 2001,
            holder: { kind: 'user', email: 'bob@example.test', customerAccount: null }
          },
          {
            ...OFFICE_ON_PC,
            bundle: 'design-pack',
            bundleName: null,
            licenceId: 3001,
            holder: { kind: 'user', email: 'ann@acme.test', customerAccount: 'acme' }
          }
        ],
        checkedAt: '2025-03-04T10:19:00.000Z',
        signatures: 'verified'
      })
    const { user } = await openView(api)
    await user.click(within(await screen.findByRole('article', { name: 'Design Pack (design-pack)' })).getByRole('button', { name: 'Deactivate…' }))
    expect(ui.method('Username and password')).toBeChecked()
    expect(ui.field('Username')).toHaveValue('bob@example.test')
    expect(ui.field('Password')).toHaveFocus()

    await user.click(tab())
    await user.click(within(await screen.findByRole('article', { name: 'design-pack' })).getByRole('button', { name: 'Deactivate…' }))
    expect(ui.method('Company sign-in in the browser')).toBeChecked()
    expect(ui.field('Customer account code')).toHaveValue('acme')
    expect(ui.field('Licence id')).toHaveValue('3001')
    expect(ui.ssoSubmit()).toHaveFocus()
  })
})

describe('from a failed or successful deactivation', () => {
  it('device_not_found offers "See what is active on this PC", for the hardware id the attempt used', async () => {
    const api = new FakeApi()
    api.failWith('device_not_found', { status: 400 })
    const { user } = await renderForm(api)
    await user.click(screen.getByRole('button', { name: 'Change the hardware id' }))
    await user.type(ui.field('Hardware id override'), 'other-pc-0002')
    await user.type(ui.field('Licence key'), 'K{Enter}')
    await user.click(within(ui.dialog()).getByRole('button', { name: 'Deactivate' }))
    await user.click(await screen.findByRole('button', { name: 'See what is active on this PC' }))
    await screen.findByRole('article', { name: 'Office Suite (office-suite)' })
    expect(api.calls.getPcLicences).toEqual([{ hardwareId: 'other-pc-0002' }])
  })

  it('other errors do not offer it', async () => {
    const api = new FakeApi()
    api.failWith('license_not_found', { status: 400 })
    const { user } = await renderForm(api)
    await user.type(ui.field('Licence key'), 'K{Enter}')
    await user.click(within(ui.dialog()).getByRole('button', { name: 'Deactivate' }))
    await screen.findByRole('button', { name: 'Try again' })
    expect(screen.queryByRole('button', { name: 'See what is active on this PC' })).toBeNull()
  })

  it('the success view checks with the server that the seat is free (key), and says so', async () => {
    const api = new FakeApi()
    const { user } = await renderForm(api)
    await user.type(ui.field('Licence key'), 'K{Enter}')
    await user.click(within(ui.dialog()).getByRole('button', { name: 'Deactivate' }))
    const checked = await screen.findByText((_text, element) => element?.tagName === 'P' && element.textContent.startsWith('Checked:'))
    expect(checked).toHaveTextContent('Checked: the licence server no longer lists this bundle on this hardware id.')
    expect(api.calls.checkSeatFree).toEqual([{ product: 'office-suite', hardwareId: PC_HARDWARE_ID.id }])
  })

  it('when the server still lists it, the success view says so plainly with what to do, and checks again on request', async () => {
    const api = new FakeApi()
    api.seatCheckAnswer = async (input) => success({ ...input, state: 'still-active', checkedAt: '2025-03-04T10:20:31.000Z', signatures: 'verified' })
    const { user } = await renderForm(api)
    await user.type(ui.field('Licence key'), 'K{Enter}')
    await user.click(within(ui.dialog()).getByRole('button', { name: 'Deactivate' }))
    expect(await screen.findByText('The licence server still lists this bundle as active on this hardware id.')).toBeVisible()
    expect(screen.getByText(/^Wait a minute, then check again/)).toHaveTextContent('contact the software vendor’s support')
    await user.click(screen.getByRole('button', { name: 'Check again' }))
    await waitFor(() => expect(api.calls.checkSeatFree).toHaveLength(2))
  })

  it('a company sign-in cannot be checked again: it says so, asks nothing, and offers the view', async () => {
    const api = new FakeApi()
    api.ssoAnswer = async (input) => deactivated(input, 'sso-code')
    const { user } = await renderForm(api)
    await user.click(ui.method('Company sign-in in the browser'))
    await user.type(ui.field('Customer account code'), '{Enter}')
    await user.click(within(ui.dialog()).getByRole('button', { name: 'Deactivate' }))
    expect(await screen.findByText(/would need a new company sign-in/)).toBeVisible()
    expect(api.calls.checkSeatFree).toEqual([])
    await user.click(screen.getByRole('button', { name: 'See what is active on this PC' }))
    expect(await screen.findByRole('heading', { name: 'Licences on this PC' })).toBeVisible()
  })
})

describe('several licences of the bundle for a username and password', () => {
  async function submitUser(api: FakeApi) {
    const rendered = await renderForm(api)
    await rendered.user.click(ui.method('Username and password'))
    await rendered.user.clear(ui.field('Bundle code'))
    await rendered.user.type(ui.field('Bundle code'), 'design-pack')
    await rendered.user.type(ui.field('Username'), 'bob@example.test')
    await rendered.user.type(ui.field('Password'), 'bob-password{Enter}')
    return rendered
  }

  it('the confirmation lets the person pick one by its products, seats and dates; the one on this PC is preselected; its licence id is sent', async () => {
    const api = new FakeApi()
    api.userLicencesAnswer = async (input) =>
      success({
        product: input.product,
        licences: [userLicence(2001, { onThisPc: true, seats: { used: 2, allowed: 2 } }), userLicence(2002, { validUntil: '2030-12-31T23:59:59.000Z' })],
        signatures: 'verified'
      })
    const { user } = await submitUser(api)
    const dialog = ui.dialog()
    const group = await within(dialog).findByRole('group', { name: 'You hold 2 licences of this bundle. Which one do you free here?' })
    const here = within(group).getByRole('radio', { name: 'Active on this PC · Draw, Photo · seats 2 of 2 in use · no end date' })
    const until = describeValidity({ validUntil: '2030-12-31T23:59:59.000Z', startDate: null })
    const other = within(group).getByRole('radio', { name: `Draw, Photo · seats 0 of 1 in use · ${until}` })
    expect(here).toBeChecked()
    expect(api.calls.getUserLicences).toEqual([
      { product: 'design-pack', credentials: { method: 'user', username: 'bob@example.test', password: 'bob-password' } }
    ])
    await user.click(other)
    await user.click(within(dialog).getByRole('button', { name: 'Deactivate' }))
    await screen.findByRole('heading', { name: 'Licence deactivated' })
    expect(api.calls.deactivate[0]).toMatchObject({ product: 'design-pack', licenseId: 2002 })
  })

  it('with no licence on this PC, Deactivate waits for a choice', async () => {
    const api = new FakeApi()
    api.userLicencesAnswer = async (input) => success({ product: input.product, licences: [userLicence(2001), userLicence(2002)], signatures: 'verified' })
    const { user } = await submitUser(api)
    const deactivate = within(ui.dialog()).getByRole('button', { name: 'Deactivate' })
    await within(ui.dialog()).findByRole('group')
    expect(deactivate).toBeDisabled()
    await user.click(within(ui.dialog()).getAllByRole('radio')[0]!)
    expect(deactivate).toBeEnabled()
  })

  it('while the licences are asked for, Deactivate waits; one licence (or a failed lookup) leaves the dialog as it was', async () => {
    const api = new FakeApi()
    const answer = deferred<Awaited<ReturnType<FakeApi['getUserLicences']>>>()
    api.userLicencesAnswer = () => answer.promise
    const { user } = await submitUser(api)
    expect(within(ui.dialog()).getByRole('status')).toHaveTextContent('Looking up your licences of this bundle…')
    expect(within(ui.dialog()).getByRole('button', { name: 'Deactivate' })).toBeDisabled()
    answer.resolve(failure(describeError('license_not_found', { status: 400 })))
    await waitFor(() => expect(within(ui.dialog()).getByRole('button', { name: 'Deactivate' })).toBeEnabled())
    expect(within(ui.dialog()).queryByRole('group')).toBeNull()
    await user.click(within(ui.dialog()).getByRole('button', { name: 'Deactivate' }))
    await screen.findByRole('heading', { name: 'Licence deactivated' })
    expect(api.calls.deactivate[0]).not.toHaveProperty('licenseId')
  })

  it('a licence id typed by hand is not second-guessed: nothing is asked', async () => {
    const api = new FakeApi()
    const { user } = await renderForm(api)
    await user.click(ui.method('Username and password'))
    await user.type(ui.field('Username'), 'bob@example.test')
    await user.click(screen.getByText('Advanced'))
    await user.type(ui.field('Licence id'), '2001')
    await user.type(ui.field('Password'), 'pw{Enter}')
    expect(ui.dialog()).toBeInTheDocument()
    expect(api.calls.getUserLicences).toEqual([])
  })
})
