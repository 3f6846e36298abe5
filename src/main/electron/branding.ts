import type { AboutPanelOptionsOptions, BrowserWindow, MenuItemConstructorOptions } from 'electron'
import type { BrandConfig } from '../engine/brand/brand-config'
import { shownName } from '../engine/brand/shown-brand'

/** What the shell names the app by: the window's title, the About panel, the macOS app menu. */
export interface ShownBrand {
  productName: string
  version: string
  /** The vendor's logo when it is a PNG (the About panel of Windows and Linux takes PNG or JPEG only). */
  iconPath?: string
  /** The vendor's support page, when it is a web address (the Linux About panel links it). */
  website?: string
}

export function shownBrand(brand: BrandConfig | undefined, app: { name: string; version: string }): ShownBrand {
  return {
    productName: shownName(brand, app.name),
    version: app.version,
    ...(brand?.logo?.mediaType === 'image/png' ? { iconPath: brand.logo.path } : {}),
    ...(brand?.support?.kind === 'web' ? { website: brand.support.address } : {})
  }
}

export function aboutPanelOptions(brand: ShownBrand): AboutPanelOptionsOptions {
  return {
    applicationName: brand.productName,
    applicationVersion: brand.version,
    ...(brand.iconPath === undefined ? {} : { iconPath: brand.iconPath }),
    ...(brand.website === undefined ? {} : { website: brand.website })
  }
}

/** The Electron pieces branding touches, handed in (src/main/index.ts) so a test can record them. */
export interface BrandingShell {
  setAboutPanelOptions(options: AboutPanelOptionsOptions): void
  setApplicationMenu(template: MenuItemConstructorOptions[] | null): void
  /** The open window, if any. */
  window(): Pick<BrowserWindow, 'setTitle'> | null
}

/**
 * Shows the brand in the shell, and again whenever the configuration is read anew (the start-up
 * failure screen's "Try again"): the window's title, the About panel, the menu's words.
 */
export function createBranding(
  shell: BrandingShell,
  app: { name: string; version: string },
  menu: (productName: string) => MenuItemConstructorOptions[] | null
) {
  let current = shownBrand(undefined, app)
  return {
    current: (): ShownBrand => current,
    show(brand: BrandConfig | undefined): void {
      current = shownBrand(brand, app)
      shell.setAboutPanelOptions(aboutPanelOptions(current))
      shell.setApplicationMenu(menu(current.productName))
      shell.window()?.setTitle(current.productName)
    },
    /** The menu worded again (the language changed). */
    reword(): void {
      shell.setApplicationMenu(menu(current.productName))
    }
  }
}

/** The title is the main process's: the page's own <title> ("License Manager" in index.html) does not replace the vendor's name. */
export function keepWindowTitle(window: Pick<BrowserWindow, 'on'>): void {
  window.on('page-title-updated', (event) => event.preventDefault())
}
