import type { MenuItemConstructorOptions } from 'electron'

/**
 * The application menu: on macOS the standard app, Edit (which gives text fields
 * ⌘C/⌘V/⌘A) and Window menus; elsewhere no menu bar, since Chromium handles the
 * editing shortcuts itself. Reload and DevTools only while developing.
 */
export function menuTemplate(platform: NodeJS.Platform, developing: boolean): MenuItemConstructorOptions[] | null {
  const developer: MenuItemConstructorOptions[] = developing
    ? [{ label: 'Developer', submenu: [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }] }]
    : []
  if (platform === 'darwin') return [{ role: 'appMenu' }, { role: 'editMenu' }, { role: 'windowMenu' }, ...developer]
  return developer.length > 0 ? developer : null
}
