import { describe, expect, it } from 'vitest'
import { MIN_WINDOW_SIZE, WINDOW_BACKGROUND, mainWindowOptions } from '../../../src/main/electron/window-options'

const light = { shouldUseDarkColors: false }
const dark = { shouldUseDarkColors: true }

describe('mainWindowOptions', () => {
  const options = mainWindowOptions('/app/out/preload/index.js', light)
  const prefs = options.webPreferences!

  it('isolates the page from Node and from the preload', () => {
    expect(prefs.contextIsolation).toBe(true)
    expect(prefs.sandbox).toBe(true)
    expect(prefs.nodeIntegration).toBe(false)
    expect(prefs.nodeIntegrationInWorker).toBe(false)
    expect(prefs.nodeIntegrationInSubFrames).toBe(false)
  })

  it('keeps the web platform’s own protections on', () => {
    expect(prefs.webSecurity).toBe(true)
    expect(prefs.allowRunningInsecureContent).toBe(false)
    expect(prefs.webviewTag).toBe(false)
    expect(prefs.experimentalFeatures).toBe(false)
    expect(prefs.navigateOnDragDrop).toBe(false)
    expect(prefs.enableWebSQL).toBe(false)
    expect(prefs.safeDialogs).toBe(true)
  })

  it('names no blink feature switches and no extra process arguments', () => {
    expect(prefs).not.toHaveProperty('enableBlinkFeatures')
    expect(prefs).not.toHaveProperty('disableBlinkFeatures')
    expect(prefs).not.toHaveProperty('additionalArguments')
    expect(prefs).not.toHaveProperty('partition')
  })

  it('loads the given preload and turns spell checking off (no dictionary downloads)', () => {
    expect(prefs.preload).toBe('/app/out/preload/index.js')
    expect(prefs.spellcheck).toBe(false)
  })

  it('has DevTools only when asked for', () => {
    expect(prefs.devTools).toBe(false)
    expect(mainWindowOptions('/p.js', light, { devTools: true }).webPreferences?.devTools).toBe(true)
  })

  it('stays hidden until ready to show, with a usable minimum size and a title', () => {
    expect(options.show).toBe(false)
    expect(options.minWidth).toBe(MIN_WINDOW_SIZE.width)
    expect(options.minHeight).toBe(MIN_WINDOW_SIZE.height)
    expect(options.width!).toBeGreaterThanOrEqual(MIN_WINDOW_SIZE.width)
    expect(options.height!).toBeGreaterThanOrEqual(MIN_WINDOW_SIZE.height)
    expect(options.title).toBe('License Manager')
  })

  it('paints the background of the system theme', () => {
    expect(mainWindowOptions('/p.js', light).backgroundColor).toBe(WINDOW_BACKGROUND.light)
    expect(mainWindowOptions('/p.js', dark).backgroundColor).toBe(WINDOW_BACKGROUND.dark)
    expect(WINDOW_BACKGROUND.light).not.toBe(WINDOW_BACKGROUND.dark)
  })
})
