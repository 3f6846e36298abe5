import type { MenuItemConstructorOptions } from 'electron'
import { DEFAULT_PRODUCT_NAME } from '../../shared/brand/brand-info'

/** The words of the macOS app menu that name the product (the vendor's name when it gives one). */
export const APP_MENU_LABELS = {
  about: (productName: string) => `About ${productName}`,
  hide: (productName: string) => `Hide ${productName}`,
  quit: (productName: string) => `Quit ${productName}`
} as const

/** macOS's app menu, as its `appMenu` role builds it, but naming the product rather than the executable. */
function appMenu(productName: string): MenuItemConstructorOptions {
  return {
    label: productName,
    submenu: [
      { role: 'about', label: APP_MENU_LABELS.about(productName) },
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide', label: APP_MENU_LABELS.hide(productName) },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit', label: APP_MENU_LABELS.quit(productName) }
    ]
  }
}

/**
 * The application menu: on macOS the app menu (About names the product; its panel is set in
 * branding.ts), Edit (which gives text fields ⌘C/⌘V/⌘A) and Window menus; elsewhere no menu
 * bar, since Chromium handles the editing shortcuts itself. Reload and DevTools only while developing.
 */
export function menuTemplate(platform: NodeJS.Platform, developing: boolean, productName: string = DEFAULT_PRODUCT_NAME): MenuItemConstructorOptions[] | null {
  const developer: MenuItemConstructorOptions[] = developing
    ? [{ label: 'Developer', submenu: [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }] }]
    : []
  if (platform === 'darwin') return [appMenu(productName), { role: 'editMenu' }, { role: 'windowMenu' }, ...developer]
  return developer.length > 0 ? developer : null
}
