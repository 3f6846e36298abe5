import { describe, expect, it } from 'vitest'
import { resolveAppLocation } from '../../../src/main/electron/app-location'
import { denyWindowOpen, guardWebContents, isAllowedNavigation } from '../../../src/main/electron/navigation-guard'
import { fakeContents } from './fakes'

const bundledApp = resolveAppLocation({ devServerUrl: undefined, packaged: true, rendererDir: '/app/out/renderer' })
const devApp = resolveAppLocation({ devServerUrl: 'http://localhost:5173/', packaged: false, rendererDir: '/app/out/renderer' })

const foreign = [
  'https://evil.test/',
  'http://localhost:5174/',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'about:blank',
  'chrome://settings',
  'not a url'
]

describe('isAllowedNavigation', () => {
  it('allows the app’s own page', () => {
    expect(isAllowedNavigation('app://license-manager/index.html', bundledApp)).toBe(true)
    expect(isAllowedNavigation('http://localhost:5173/', devApp)).toBe(true)
  })

  it.each(foreign)('blocks %s', (url) => {
    expect(isAllowedNavigation(url, bundledApp)).toBe(false)
    expect(isAllowedNavigation(url, devApp)).toBe(false)
  })

  it('blocks local files, the built page’s own file:// URL included', () => {
    expect(isAllowedNavigation('file:///etc/passwd', devApp)).toBe(false)
    expect(isAllowedNavigation('file:///etc/passwd', bundledApp)).toBe(false)
    expect(isAllowedNavigation('file:///app/out/renderer/index.html', bundledApp)).toBe(false)
  })
})

describe('guardWebContents', () => {
  it('guards main-frame, sub-frame and redirect navigations, webviews and pop-ups', () => {
    const fake = fakeContents()
    guardWebContents(fake.contents, bundledApp)
    expect(fake.events()).toEqual(['will-attach-webview', 'will-frame-navigate', 'will-navigate', 'will-redirect'])
  })

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s: prevents leaving the app, lets it reload itself', (event) => {
    const fake = fakeContents()
    guardWebContents(fake.contents, devApp)
    expect(fake.navigate(event, 'https://evil.test/phish')).toBe(true)
    expect(fake.navigate(event, 'file:///etc/passwd')).toBe(true)
    expect(fake.navigate(event, 'javascript:alert(1)')).toBe(true)
    expect(fake.navigate(event, 'http://localhost:5173/')).toBe(false)
  })

  it('never attaches a webview', () => {
    const fake = fakeContents()
    guardWebContents(fake.contents, bundledApp)
    expect(fake.attachWebview()).toBe(true)
  })

  it('denies every window.open, including the app’s own page and https links', () => {
    const fake = fakeContents()
    guardWebContents(fake.contents, bundledApp)
    for (const url of ['https://example.com/', 'app://license-manager/index.html', 'javascript:alert(1)']) {
      expect(fake.openWindow(url)).toEqual({ action: 'deny' })
    }
    expect(denyWindowOpen()).toEqual({ action: 'deny' })
  })
})
