import type { AboutPanelOptionsOptions, MenuItemConstructorOptions } from 'electron'
import { describe, expect, it } from 'vitest'
import { aboutPanelOptions, createBranding, keepWindowTitle, shownBrand } from '../../../src/main/electron/branding'
import { menuTemplate } from '../../../src/main/electron/menu'
import { mainWindowOptions } from '../../../src/main/electron/window-options'
import type { BrandConfig } from '../../../src/main/engine/brand/brand-config'

const APP = { name: 'License Manager', version: '0.1.0' }
const TIDEWATER: BrandConfig = {
  productName: 'Tidewater Licence Helper',
  logo: { mediaType: 'image/png', dataUrl: 'data:image/png;base64,iVBORw0KGgo=', path: '/opt/tidewater/resources/logo.png' },
  support: { kind: 'web', address: 'https://support.tidewater.example/' }
}

/** The shell pieces branding touches, recording what they were told. */
function fakeShell(withWindow = true) {
  const titles: string[] = []
  const aboutPanels: AboutPanelOptionsOptions[] = []
  const menus: Array<MenuItemConstructorOptions[] | null> = []
  return {
    titles,
    aboutPanels,
    menus,
    shell: {
      setAboutPanelOptions: (options: AboutPanelOptionsOptions) => void aboutPanels.push(options),
      setApplicationMenu: (template: MenuItemConstructorOptions[] | null) => void menus.push(template),
      window: () => (withWindow ? { setTitle: (title: string) => void titles.push(title) } : null)
    }
  }
}

describe('the shell wears the vendor’s brand', () => {
  it('names the app by the vendor’s product name in the window title, the About panel and the macOS menu', () => {
    const fake = fakeShell()
    const branding = createBranding(fake.shell, APP, (name) => menuTemplate('darwin', false, name))
    branding.show(TIDEWATER)
    expect(fake.titles).toEqual(['Tidewater Licence Helper'])
    expect(fake.aboutPanels).toEqual([
      {
        applicationName: 'Tidewater Licence Helper',
        applicationVersion: '0.1.0',
        iconPath: '/opt/tidewater/resources/logo.png',
        website: 'https://support.tidewater.example/'
      }
    ])
    expect(fake.menus[0]?.[0]?.label).toBe('Tidewater Licence Helper')
    expect(branding.current().productName).toBe('Tidewater Licence Helper')
  })

  it('a window opened later takes the name it was told before (the configuration is read before the window opens)', () => {
    const fake = fakeShell(false)
    const branding = createBranding(fake.shell, APP, () => null)
    branding.show(TIDEWATER)
    expect(fake.titles).toEqual([])
    expect(mainWindowOptions('/p.js', { shouldUseDarkColors: false }, { devTools: false, title: branding.current().productName }).title).toBe(
      'Tidewater Licence Helper'
    )
  })

  it('keeps the app’s own name, and no icon or website, without a brand (or when the configuration failed)', () => {
    const fake = fakeShell()
    const branding = createBranding(fake.shell, APP, () => null)
    branding.show(TIDEWATER)
    branding.show(undefined)
    expect(fake.titles).toEqual(['Tidewater Licence Helper', 'License Manager'])
    expect(fake.aboutPanels.at(-1)).toEqual({ applicationName: 'License Manager', applicationVersion: '0.1.0' })
  })

  it('gives the About panel only a PNG logo (Windows and Linux take no SVG) and only a web support address', () => {
    const svgAndEmail: BrandConfig = {
      logo: { mediaType: 'image/svg+xml', dataUrl: 'data:image/svg+xml;base64,PHN2Zy8+', path: '/opt/logo.svg' },
      support: { kind: 'email', address: 'support@tidewater.example' }
    }
    expect(aboutPanelOptions(shownBrand(svgAndEmail, APP))).toEqual({ applicationName: 'License Manager', applicationVersion: '0.1.0' })
  })

  it('keeps the window’s title when the page sets its own <title>', () => {
    const listeners = new Map<string, (event: { preventDefault(): void }) => void>()
    keepWindowTitle({ on: (event: string, listener: (event: { preventDefault(): void }) => void) => listeners.set(event, listener) } as never)
    let prevented = false
    listeners.get('page-title-updated')?.({ preventDefault: () => (prevented = true) })
    expect(prevented).toBe(true)
  })
})
