import { describe, expect, it } from 'vitest'
import type { MenuItemConstructorOptions } from 'electron'
import { menuTemplate } from '../../../src/main/electron/menu'

const roles = (items: MenuItemConstructorOptions[] | null): string[] =>
  (items ?? []).flatMap((item) => [...(item.role ? [item.role] : []), ...(Array.isArray(item.submenu) ? roles(item.submenu) : [])])

describe('menuTemplate', () => {
  it('gives macOS its app menu (as the appMenu role builds it), Edit and Window menus', () => {
    expect(roles(menuTemplate('darwin', false))).toEqual([
      'about',
      'services',
      'hide',
      'hideOthers',
      'unhide',
      'quit',
      'undo',
      'redo',
      'cut',
      'copy',
      'paste',
      'selectAll',
      'window',
      'minimize',
      'zoom',
      'front'
    ])
  })

  it('names the product in the macOS app menu: the vendor’s name when it gives one, else License Manager', () => {
    const labels = (items: MenuItemConstructorOptions[] | null) =>
      (items ?? []).flatMap((item) => [item.label, ...(Array.isArray(item.submenu) ? item.submenu.map((i) => i.label) : [])])
    expect(labels(menuTemplate('darwin', false))).toEqual(
      expect.arrayContaining(['License Manager', 'About License Manager', 'Hide License Manager', 'Quit License Manager'])
    )
    const branded = labels(menuTemplate('darwin', false, 'Tidewater Licence Helper'))
    expect(branded).toEqual(
      expect.arrayContaining(['Tidewater Licence Helper', 'About Tidewater Licence Helper', 'Hide Tidewater Licence Helper', 'Quit Tidewater Licence Helper'])
    )
    expect(branded.join(' ')).not.toContain('License Manager')
  })

  it('has no menu bar on Windows and Linux in a release', () => {
    expect(menuTemplate('win32', false)).toBeNull()
    expect(menuTemplate('linux', false)).toBeNull()
  })

  it('offers reload and DevTools only while developing', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      expect(roles(menuTemplate(platform, false))).not.toContain('toggleDevTools')
      expect(roles(menuTemplate(platform, true))).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']))
    }
  })
})
