import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { renderForm, ui } from './support/render-app'

function expectFieldError(label: string, message: string) {
  const field = ui.field(label)
  expect(field).toHaveAttribute('aria-invalid', 'true')
  const describedBy = field.getAttribute('aria-describedby') ?? ''
  const messages = describedBy.split(' ').map((id) => document.getElementById(id)?.textContent)
  expect(messages).toContain(message)
}

describe('form prefill', () => {
  it('prefills the bundle code and customer account from the app configuration', async () => {
    const { user } = await renderForm()
    expect(ui.field('Bundle code')).toHaveValue('office-suite')
    expect(ui.method('With a licence key')).toBeChecked()
    await user.click(ui.method('Company sign-in in the browser'))
    expect(ui.field('Customer account code')).toHaveValue('acme')
  })

  it('offers the three everyday login methods in one labelled group, and the ID token method under Advanced', async () => {
    const { user } = await renderForm()
    const group = screen.getByRole('group', { name: 'Login method' })
    expect(
      within(group)
        .getAllByRole('radio')
        .map((r) => r.getAttribute('value'))
    ).toEqual(['license-key', 'user', 'sso-code'])
    for (const name of ['With a licence key', 'Username and password', 'Company sign-in in the browser']) {
      expect(within(group).getByRole('radio', { name })).toBeInTheDocument()
    }
    const token = ui.method('Company sign-in with an ID token')
    expect(token).not.toBeVisible()
    await user.click(screen.getByText('Advanced'))
    await user.click(token)
    expect(ui.field('ID token')).toBeInTheDocument()
  })

  it('never gives the licence key radio and the licence key field the same name', async () => {
    await renderForm()
    expect(screen.getAllByRole('radio', { name: /licence key/i }).map((r) => r.getAttribute('value'))).toEqual(['license-key'])
    expect(screen.getAllByRole('textbox', { name: 'Licence key' })).toHaveLength(1)
    expect(screen.queryByRole('radio', { name: 'Licence key' })).toBeNull()
  })

  it('says under each field where to find what it asks for', async () => {
    const { user } = await renderForm()
    expect(ui.field('Bundle code')).toHaveAccessibleDescription(/licence email/)
    expect(ui.field('Licence key')).toHaveAccessibleDescription(/licence email\. Type it exactly: capital and small letters are different\./)
    await user.click(ui.method('Username and password'))
    expect(ui.field('Username')).toHaveAccessibleDescription(/email address/)
    expect(ui.field('Password')).toHaveAccessibleDescription(/licence account/)
    await user.click(ui.method('Company sign-in in the browser'))
    expect(ui.field('Customer account code')).toHaveAccessibleDescription(/administrator/)
  })
})

describe('licence key form', () => {
  it('reports a missing licence key on its field, focuses it and sends nothing', async () => {
    const { user, api } = await renderForm()
    await user.click(ui.submit())
    expectFieldError('Licence key', 'Licence key is required.')
    expect(ui.field('Licence key')).toHaveFocus()
    expect(ui.queryDialog()).toBeNull()
    expect(api.calls.deactivate).toHaveLength(0)
  })

  it('treats a whitespace-only licence key as missing', async () => {
    const { user, api } = await renderForm()
    await user.type(ui.field('Licence key'), '   ')
    await user.click(ui.submit())
    expectFieldError('Licence key', 'Licence key is required.')
    expect(api.calls.deactivate).toHaveLength(0)
  })

  it('reports a blank bundle code first, together with the other faults', async () => {
    const { user, api } = await renderForm()
    await user.clear(ui.field('Bundle code'))
    await user.type(ui.field('Bundle code'), '  ')
    await user.click(ui.submit())
    expectFieldError('Bundle code', 'Bundle code is required.')
    expectFieldError('Licence key', 'Licence key is required.')
    expect(ui.field('Bundle code')).toHaveFocus()
    expect(api.calls.deactivate).toHaveLength(0)
  })

  it('clears a field error once the field is corrected', async () => {
    const { user } = await renderForm()
    await user.click(ui.submit())
    expectFieldError('Licence key', 'Licence key is required.')
    await user.type(ui.field('Licence key'), 'AAAA-BBBB')
    expect(ui.field('Licence key')).not.toHaveAttribute('aria-invalid')
    expect(screen.queryByText('Licence key is required.')).toBeNull()
  })
})

describe('licence id (Advanced)', () => {
  it.each(['12a', '1.5', '-3'])('rejects %j as a licence id, opens Advanced and focuses the field', async (licenseId) => {
    const { user, api } = await renderForm()
    await user.type(ui.field('Licence key'), 'AAAA-BBBB-CCCC-DDDD')
    await user.click(screen.getByText('Advanced'))
    await user.type(ui.field('Licence id'), licenseId)
    await user.click(screen.getByText('Advanced'))
    expect(ui.field('Licence id').closest('details')).not.toHaveAttribute('open')
    await user.click(ui.submit())
    expectFieldError('Licence id', 'Licence id must be a whole number.')
    expect(ui.field('Licence id').closest('details')).toHaveAttribute('open')
    expect(ui.field('Licence id')).toHaveFocus()
    expect(api.calls.deactivate).toHaveLength(0)
  })
})

describe('username and password form', () => {
  it('reports both missing fields and focuses the username', async () => {
    const { user, api } = await renderForm()
    await user.click(ui.method('Username and password'))
    await user.click(ui.submit())
    expectFieldError('Username', 'Username is required.')
    expectFieldError('Password', 'Password is required.')
    expect(ui.field('Username')).toHaveFocus()
    expect(api.calls.deactivate).toHaveLength(0)
  })

  it('rejects a whitespace-only password but keeps a real one exactly as typed', async () => {
    const { user, api } = await renderForm()
    await user.click(ui.method('Username and password'))
    await user.type(ui.field('Username'), ' bob@example.test ')
    await user.type(ui.field('Password'), '   ')
    await user.click(ui.submit())
    expectFieldError('Password', 'Password is required.')
    expect(ui.field('Password')).toHaveFocus()
    await user.clear(ui.field('Password'))
    await user.type(ui.field('Password'), ' pa ss ')
    await user.click(ui.submit())
    await user.click(within(ui.dialog()).getByRole('button', { name: 'Deactivate' }))
    await screen.findByRole('heading', { name: 'Licence deactivated' })
    expect(api.calls.deactivate).toEqual([{ product: 'office-suite', credentials: { method: 'user', username: 'bob@example.test', password: ' pa ss ' } }])
  })
})

describe('company sign-in in the browser', () => {
  it('requires the customer account code and sends nothing without it', async () => {
    const { user, api } = await renderForm()
    await user.click(ui.method('Company sign-in in the browser'))
    await user.clear(ui.field('Customer account code'))
    await user.click(ui.ssoSubmit())
    expectFieldError('Customer account code', 'Customer account code is required.')
    expect(ui.field('Customer account code')).toHaveFocus()
    expect(api.calls.deactivateWithSso).toHaveLength(0)
  })

  it('treats a whitespace-only customer account code as missing', async () => {
    const { user, api } = await renderForm()
    await user.click(ui.method('Company sign-in in the browser'))
    await user.clear(ui.field('Customer account code'))
    await user.type(ui.field('Customer account code'), '  ')
    await user.click(ui.ssoSubmit())
    expectFieldError('Customer account code', 'Customer account code is required.')
    expect(api.calls.deactivateWithSso).toHaveLength(0)
  })
})

describe('company sign-in with an ID token', () => {
  it('requires the ID token and the customer account code', async () => {
    const { user, api } = await renderForm()
    await user.click(ui.method('Company sign-in with an ID token'))
    await user.clear(ui.field('Customer account code'))
    await user.click(ui.submit())
    expectFieldError('Customer account code', 'Customer account code is required.')
    expectFieldError('ID token', 'ID token is required.')
    expect(ui.field('Customer account code')).toHaveFocus()
    expect(api.calls.deactivate).toHaveLength(0)
  })

  it('treats a whitespace-only token as missing', async () => {
    const { user, api } = await renderForm()
    await user.click(ui.method('Company sign-in with an ID token'))
    await user.type(ui.field('ID token'), '   ')
    await user.click(ui.submit())
    expectFieldError('ID token', 'ID token is required.')
    expect(api.calls.deactivate).toHaveLength(0)
  })

  it('needs no pasted token when the browser sign-in fetches it', async () => {
    const { user } = await renderForm()
    await user.click(ui.method('Company sign-in with an ID token'))
    await user.click(ui.submit())
    expect(screen.getByText('ID token is required.')).toBeInTheDocument()
    await user.click(screen.getByRole('checkbox', { name: 'Get the ID token from a browser sign-in instead' }))
    expect(screen.queryByLabelText('ID token')).toBeNull()
    expect(screen.queryByText('ID token is required.')).toBeNull()
    await user.click(ui.ssoSubmit())
    expect(ui.dialog()).toBeInTheDocument()
  })
})

it('drops the errors of the previous method when the method changes', async () => {
  const { user } = await renderForm()
  await user.click(ui.submit())
  expect(screen.getByText('Licence key is required.')).toBeInTheDocument()
  await user.click(ui.method('Username and password'))
  await user.click(ui.method('With a licence key'))
  expect(screen.queryByText('Licence key is required.')).toBeNull()
})
