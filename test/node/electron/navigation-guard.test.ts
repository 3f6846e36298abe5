import { describe, expect, it } from 'vitest'
import { resolveAppLocation } from '../../../src/main/electron/app-location'
import { denyWindowOpen, guardWebContents, isAllowedNavigation } from '../../../src/main/electron/navigation-guard'
import { fakeContents } from './fakes'

const fileApp = resolveAppLocation({ devServerUrl: undefined, packaged: true, rendererIndexFile: '/app/out/renderer/index.html' })
const devApp = resolveAppLocation({ devServerUrl: 'http://localhost:5173/', packaged: false, rendererIndexFile: '/app/out/renderer/index.html' })

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
    expect(isAllowedNavigation('file:///app/out/renderer/index.html', fileApp)).toBe(true)
    expect(isAllowedNavigation('http://localhost:5173/', devApp)).toBe(true)
  })

  it.each(foreign)('blocks %s', (url) => {
    expect(isAllowedNavigation(url, fileApp)).toBe(false)
    expect(isAllowedNavigation(url, devApp)).toBe(false)
  })

  it('blocks local files when the app is served over http, and other files when it is a file', () => {
    expect(isAllowedNavigation('file:///etc/passwd', devApp)).toBe(false)
    expect(isAllowedNavigation('file:///etc/passwd', fileApp)).toBe(false)
  })
})

describe('guardWebContents', () => {
  it('guards main-frame, sub-frame and redirect navigations, webviews and pop-ups', () => {
    const fake = fakeContents()
    guardWebContents(fake.contents, fileApp)
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
    guardWebContents(fake.contents, fileApp)
    expect(fake.attachWebview()).toBe(true)
  })

  it('denies every window.open, including the app’s own page and https links', () => {
    const fake = fakeContents()
    guardWebContents(fake.contents, fileApp)
    for (const url of ['https://example.com/', 'file:///app/out/renderer/index.html', 'javascript:alert(1)']) {
      expect(fake.openWindow(url)).toEqual({ action: 'deny' })
    }
    expect(denyWindowOpen()).toEqual({ action: 'deny' })
  })
})
