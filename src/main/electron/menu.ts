import type { MenuItemConstructorOptions } from 'electron'
import { DEFAULT_PRODUCT_NAME } from '../../shared/brand/brand-info'
import { t } from '../../shared/i18n/current'

/** The words of the macOS app menu that name the product (the vendor's name when it gives one), in the app's language. */
export const APP_MENU_LABELS = {
  about: (productName: string) => t('shell.menu.about', { product: productName }),
  hide: (productName: string) => t('shell.menu.hide', { product: productName }),
  quit: (productName: string) => t('shell.menu.quit', { product: productName })
} as const

/** macOS's app menu, as its `appMenu` role builds it, but naming the product rather than the executable. */
function appMenu(productName: string): MenuItemConstructorOptions {
  return {
    label: productName,
    submenu: [
      { role: 'about', label: APP_MENU_LABELS.about(productName) },
      { type: 'separator' },
      { role: 'services', label: t('shell.menu.services') },
      { type: 'separator' },
      { role: 'hide', label: APP_MENU_LABELS.hide(productName) },
      { role: 'hideOthers', label: t('shell.menu.hide-others') },
      { role: 'unhide', label: t('shell.menu.show-all') },
      { type: 'separator' },
      { role: 'quit', label: APP_MENU_LABELS.quit(productName) }
    ]
  }
}

/** Edit, worded in the app's language (the role's own submenu is English): it gives text fields ⌘C/⌘V/⌘A. */
const editMenu = (): MenuItemConstructorOptions => ({
  label: t('shell.menu.edit'),
  submenu: [
    { role: 'undo', label: t('shell.menu.undo') },
    { role: 'redo', label: t('shell.menu.redo') },
    { type: 'separator' },
    { role: 'cut', label: t('shell.menu.cut') },
    { role: 'copy', label: t('shell.menu.copy') },
    { role: 'paste', label: t('shell.menu.paste') },
    { role: 'selectAll', label: t('shell.menu.select-all') }
  ]
})

const windowMenu = (): MenuItemConstructorOptions => ({
  label: t('shell.menu.window'),
  role: 'window',
  submenu: [
    { role: 'minimize', label: t('shell.menu.minimize') },
    { role: 'zoom', label: t('shell.menu.zoom') },
    { type: 'separator' },
    { role: 'front', label: t('shell.menu.front') }
  ]
})

/**
 * The application menu: on macOS the app menu (About names the product; its panel is set in
 * branding.ts), Edit (which gives text fields ⌘C/⌘V/⌘A) and Window menus; elsewhere no menu
 * bar, since Chromium handles the editing shortcuts itself. Reload and DevTools only while developing.
 */
export function menuTemplate(platform: NodeJS.Platform, developing: boolean, productName: string = DEFAULT_PRODUCT_NAME): MenuItemConstructorOptions[] | null {
  const developer: MenuItemConstructorOptions[] = developing
    ? [{ label: t('shell.menu.developer'), submenu: [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }] }]
    : []
  if (platform === 'darwin') return [appMenu(productName), editMenu(), windowMenu(), ...developer]
  return developer.length > 0 ? developer : null
}
