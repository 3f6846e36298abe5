import { describe, expect, it } from 'vitest'
import { isAppResourceUrl, isAppUrl, resolveAppLocation } from '../../../src/main/electron/app-location'
import { isAllowedServerUrl, isLoopbackHostname, isLoopbackRedirect } from '../../../src/common/loopback'

const rendererDir = '/opt/License Manager/out/renderer'
const bundledApp = resolveAppLocation({ devServerUrl: undefined, packaged: true, rendererDir })
const devApp = resolveAppLocation({ devServerUrl: 'http://localhost:5173/', packaged: false, rendererDir })

describe('resolveAppLocation', () => {
  it('serves the bundled renderer over app:// unless a developer runs the dev server', () => {
    expect(bundledApp).toEqual({ kind: 'bundled', rendererDir, indexUrl: 'app://license-manager/index.html' })
    expect(resolveAppLocation({ devServerUrl: undefined, packaged: false, rendererDir })).toEqual(bundledApp)
    expect(devApp).toEqual({ kind: 'dev-server', origin: 'http://localhost:5173', indexUrl: 'http://localhost:5173/' })
  })

  it('ignores the dev-server variable in a packaged app', () => {
    expect(resolveAppLocation({ devServerUrl: 'http://localhost:5173/', packaged: true, rendererDir }).kind).toBe('bundled')
  })

  it('refuses a dev server that is not on this PC', () => {
    for (const url of ['https://evil.test/', 'http://192.168.1.5:5173/', 'file:///tmp/index.html', 'not a url']) {
      expect(() => resolveAppLocation({ devServerUrl: url, packaged: false, rendererDir }), url).toThrow(/ELECTRON_RENDERER_URL/)
    }
  })
})

describe('isLoopbackHostname (the one loopback-host rule)', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.8.9.10', true],
    ['localhost', true],
    ['LOCALHOST', true],
    ['[::1]', true],
    ['128.0.0.1', false],
    ['127.0.0.1.evil.test', false],
    ['127.0.0.255', true],
    ['127.0.0.256', false],
    ['localhost.evil.test', false],
    ['10.0.0.1', false],
    ['::1', true],
    ['127.0.0', false],
    ['127.0.0.1.2', false],
    ['127.1', false],
    ['127.0.0.0255', false],
    ['127.0.0.x', false],
    ['127.0.0.', false],
    ['x127.0.0.1', false],
    ['127.0.0.1x', false],
    ['1127.0.0.1', false]
  ])('%s → %s', (host, expected) => expect(isLoopbackHostname(host)).toBe(expected))
})

describe('which servers and redirect URIs stay on this PC', () => {
  it.each([
    ['https anywhere', 'https://api.licensespring.com/', true],
    ['http on 127.0.0.1', 'http://127.0.0.1:8080/', true],
    ['http on localhost', 'http://localhost:8080/', true],
    ['http on [::1]', 'http://[::1]:8080/', true],
    ['http on another host', 'http://api.licensespring.com/', false],
    ['ftp on this PC', 'ftp://127.0.0.1/', false]
  ])('a server on %s is allowed: %s', (_name, url, allowed) => {
    expect(isAllowedServerUrl(new URL(url))).toBe(allowed)
  })

  it.each([
    ['http://127.0.0.1:5000/cb', true],
    ['http://[::1]/cb', true],
    ['http://localhost/cb', true],
    ['http://127.0.0.2/cb', false],
    ['https://127.0.0.1/cb', false],
    ['http://example.com/cb', false]
  ])('%s is a loopback redirect URI of a native app: %s', (url, loopback) => {
    expect(isLoopbackRedirect(new URL(url))).toBe(loopback)
  })
})

describe('isAppUrl', () => {
  it('accepts exactly app://license-manager/index.html, with or without a hash or query', () => {
    expect(isAppUrl('app://license-manager/index.html', bundledApp)).toBe(true)
    expect(isAppUrl('app://license-manager/index.html#/result', bundledApp)).toBe(true)
    expect(isAppUrl('app://license-manager/index.html?x=1', bundledApp)).toBe(true)
  })

  it('refuses other pages, other hosts, other schemes and the old file:// page', () => {
    for (const url of [
      'app://license-manager/other.html',
      'app://license-manager/',
      'app://license-manager/assets/index.js',
      'app://license-manager/index.html.evil',
      'app://evil/index.html',
      'app://license-manager.evil.test/index.html',
      'app://license-manager:8080/index.html',
      'app://user@license-manager/index.html',
      'app://LICENSE-MANAGER/index.html',
      'appx://license-manager/index.html',
      'file:///opt/License%20Manager/out/renderer/index.html',
      'file:///etc/passwd',
      'http://localhost:5173/',
      'https://license-manager/index.html'
    ]) {
      expect(isAppUrl(url, bundledApp), url).toBe(false)
    }
  })

  it('accepts the dev server’s origin only', () => {
    expect(isAppUrl('http://localhost:5173/', devApp)).toBe(true)
    expect(isAppUrl('http://localhost:5173/src/main.tsx', devApp)).toBe(true)
    expect(isAppUrl('http://localhost:5174/', devApp)).toBe(false)
    expect(isAppUrl('https://localhost:5173/', devApp)).toBe(false)
    expect(isAppUrl('http://127.0.0.1:5173/', devApp)).toBe(false)
    expect(isAppUrl('file:///etc/passwd', devApp)).toBe(false)
    expect(isAppUrl('app://license-manager/index.html', devApp)).toBe(false)
  })
})

describe('isAppResourceUrl', () => {
  it('lets the bundled page load from its own scheme and host only (the handler confines the files)', () => {
    expect(isAppResourceUrl('app://license-manager/assets/index-abc.js', bundledApp)).toBe(true)
    expect(isAppResourceUrl('app://other-app/assets/index-abc.js', bundledApp)).toBe(false)
    expect(isAppResourceUrl('file:///opt/License%20Manager/out/renderer/assets/index-abc.js', bundledApp)).toBe(false)
    expect(isAppResourceUrl('file:///opt/License%20Manager/out/main/index.js', bundledApp)).toBe(false)
    expect(isAppResourceUrl('https://cdn.evil.test/x.js', bundledApp)).toBe(false)
    expect(isAppResourceUrl('http://127.0.0.1:4010/api/v4/deactivate_bundle', bundledApp)).toBe(false)
  })

  it('lets the dev page reach its server and HMR socket only', () => {
    expect(isAppResourceUrl('http://localhost:5173/@vite/client', devApp)).toBe(true)
    expect(isAppResourceUrl('ws://localhost:5173/?token=abc', devApp)).toBe(true)
    expect(isAppResourceUrl('ws://localhost:9999/', devApp)).toBe(false)
    expect(isAppResourceUrl('https://fonts.googleapis.com/css', devApp)).toBe(false)
    expect(isAppResourceUrl('app://license-manager/assets/index.js', devApp)).toBe(false)
  })

  it('leaves inline data and blob URLs to the CSP', () => {
    expect(isAppResourceUrl('data:image/png;base64,AAAA', bundledApp)).toBe(true)
    expect(isAppResourceUrl('blob:app://license-manager/1234', bundledApp)).toBe(true)
  })
})
