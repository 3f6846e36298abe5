import { describe, expect, it } from 'vitest'
import type { MenuItemConstructorOptions } from 'electron'
import { menuTemplate } from '../../../src/main/electron/menu'

const roles = (items: MenuItemConstructorOptions[] | null): string[] =>
  (items ?? []).flatMap((item) => [...(item.role ? [item.role] : []), ...(Array.isArray(item.submenu) ? roles(item.submenu) : [])])

describe('menuTemplate', () => {
  it('gives macOS its app, Edit and Window menus', () => {
    expect(roles(menuTemplate('darwin', false))).toEqual(['appMenu', 'editMenu', 'windowMenu'])
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
