import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { BrandInfo } from '../../src/shared/brand/brand-info'
import { ERROR_CATALOGUE } from '../../src/shared/errors'
import { success } from '../../src/shared/outcome'
import { APP_INFO, FakeApi } from './support/fake-api'
import { renderApp, renderForm, ui } from './support/render-app'

const LOGO = 'data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciLz4='
const TIDEWATER: BrandInfo = {
  accent: { light: { colour: '#0f766e', text: '#ffffff' }, dark: { colour: '#2dd4bf', text: '#000000' } },
  logo: LOGO,
  support: { kind: 'email', address: 'support@tidewater.example' }
}

function brandedApi(brand: Partial<BrandInfo> = TIDEWATER, name = 'Tidewater Licence Helper'): FakeApi {
  const api = new FakeApi()
  api.appInfo = success({ ...APP_INFO, name, brand: { ...TIDEWATER, ...brand } })
  return api
}

const rootStyle = (name: string) => document.documentElement.style.getPropertyValue(name)

async function failWith(api: FakeApi, code: keyof typeof ERROR_CATALOGUE) {
  api.failWith(code)
  const rendered = await renderForm(api)
  await rendered.user.type(ui.field('Licence key'), 'AAAA-BBBB-CCCC-DDDD')
  await rendered.user.click(ui.submit())
  await rendered.user.click(within(ui.dialog()).getByRole('button', { name: 'Deactivate' }))
  return screen.findByRole('region', { name: ERROR_CATALOGUE[code].title })
}

describe('the window wears the vendor’s brand', () => {
  it('names the product in the header, the footer and the page title, with the logo as a picture beside the name', async () => {
    renderApp(brandedApi())
    const heading = await screen.findByRole('heading', { level: 1, name: 'Tidewater Licence Helper' })
    const logo = within(heading).getByRole('presentation')
    expect(logo).toHaveAttribute('src', LOGO)
    expect(logo).toHaveAttribute('alt', '')
    expect(document.title).toBe('Tidewater Licence Helper')
    expect(await screen.findByText(/^Tidewater Licence Helper 0\.1\.0 · /)).toBeInTheDocument()
    expect(screen.queryByText(/License Manager/)).toBeNull()
  })

  it('puts the accent, per theme, where the style sheet takes it from, and underlines the header', async () => {
    const { unmount } = renderApp(brandedApi())
    await screen.findByRole('heading', { level: 1, name: 'Tidewater Licence Helper' })
    expect(rootStyle('--brand-accent-light')).toBe('#0f766e')
    expect(rootStyle('--brand-accent-text-light')).toBe('#ffffff')
    expect(rootStyle('--brand-accent-dark')).toBe('#2dd4bf')
    expect(rootStyle('--brand-accent-text-dark')).toBe('#000000')
    expect(screen.getByRole('banner')).toHaveClass('app-header-branded')
    unmount()
    expect(rootStyle('--brand-accent-light')).toBe('')
  })

  it('shows no logo, sets no accent and says License Manager without a brand', async () => {
    renderApp(new FakeApi())
    const heading = await screen.findByRole('heading', { level: 1, name: 'License Manager' })
    expect(within(heading).queryByRole('presentation')).toBeNull()
    expect(rootStyle('--brand-accent-light')).toBe('')
    expect(screen.getByRole('banner')).not.toHaveClass('app-header-branded')
  })

  it('names the product only once it is known: no “License Manager” flashes before the vendor’s name', () => {
    renderApp(brandedApi())
    expect(screen.getByRole('status')).toHaveTextContent('Loading…')
    expect(screen.queryByRole('heading', { level: 1 })).toBeNull()
  })

  it('gives the vendor’s support address, with a copy button, under an error that sends the customer to the vendor', async () => {
    const view = await failWith(brandedApi(), 'license_not_enabled')
    expect(within(view).getByText('support@tidewater.example')).toBeInTheDocument()
    expect(within(view).getByText(/^Vendor’s support:/)).toBeInTheDocument()
    expect(within(view).getByRole('button', { name: 'Copy support address' })).toBeInTheDocument()
  })

  it('gives a web support address the same way', async () => {
    const view = await failWith(brandedApi({ support: { kind: 'web', address: 'https://support.tidewater.example/licences' } }), 'internal_error')
    expect(within(view).getByText('https://support.tidewater.example/licences')).toBeInTheDocument()
  })

  it('gives no support line where the customer fixes the problem alone', async () => {
    const own = await failWith(brandedApi(), 'license_not_found')
    expect(within(own).queryByText(/Vendor’s support/)).toBeNull()
  })

  it('gives no support line without a configured address', async () => {
    const none = await failWith(brandedApi({ support: null }), 'license_not_enabled')
    expect(within(none).queryByText(/Vendor’s support/)).toBeNull()
  })
})
