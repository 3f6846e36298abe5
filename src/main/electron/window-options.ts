import type { BrowserWindowConstructorOptions, NativeTheme } from 'electron'
import { DEFAULT_PRODUCT_NAME } from '../../shared/brand/brand-info'

export const WINDOW_TITLE = DEFAULT_PRODUCT_NAME
export const MIN_WINDOW_SIZE = { width: 380, height: 560 } as const
/** Painted before the first frame so a dark desktop does not flash white. */
export const WINDOW_BACKGROUND = { light: '#ffffff', dark: '#1e1f22' } as const

export interface MainWindowExtras {
  /** DevTools only where a developer runs the app; a packaged build has none. */
  devTools: boolean
  /** The vendor's product name (branding.ts); default "License Manager". */
  title?: string
}

/** The one window's options: every item of Electron's security checklist, set explicitly. */
export function mainWindowOptions(
  preloadPath: string,
  theme: Pick<NativeTheme, 'shouldUseDarkColors'>,
  extras: MainWindowExtras = { devTools: false }
): BrowserWindowConstructorOptions {
  return {
    title: extras.title ?? WINDOW_TITLE,
    // The page gets 520×720 whatever the frame and menu take (the layout is checked at that size).
    width: 520,
    height: 720,
    useContentSize: true,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    // Shown on 'ready-to-show', so the user never sees an empty frame.
    show: false,
    backgroundColor: theme.shouldUseDarkColors ? WINDOW_BACKGROUND.dark : WINDOW_BACKGROUND.light,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      enableWebSQL: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: extras.devTools
    }
  }
}
