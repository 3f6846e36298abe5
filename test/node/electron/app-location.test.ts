import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { isAppResourceUrl, isAppUrl, isLoopbackHost, resolveAppLocation } from '../../../src/main/electron/app-location'

const indexFile = join('/opt/License Manager/out/renderer', 'index.html')
const fileApp = resolveAppLocation({ devServerUrl: undefined, packaged: true, rendererIndexFile: indexFile })
const devApp = resolveAppLocation({ devServerUrl: 'http://localhost:5173/', packaged: false, rendererIndexFile: indexFile })

describe('resolveAppLocation', () => {
  it('loads the bundled file unless a developer runs the dev server', () => {
    expect(fileApp).toEqual({ kind: 'file', indexFile, indexUrl: pathToFileURL(indexFile).href })
    expect(devApp).toEqual({ kind: 'dev-server', origin: 'http://localhost:5173', indexUrl: 'http://localhost:5173/' })
  })

  it('ignores the dev-server variable in a packaged app', () => {
    expect(resolveAppLocation({ devServerUrl: 'http://localhost:5173/', packaged: true, rendererIndexFile: indexFile }).kind).toBe('file')
  })

  it('refuses a dev server that is not on this PC', () => {
    for (const url of ['https://evil.test/', 'http://192.168.1.5:5173/', 'file:///tmp/index.html', 'not a url']) {
      expect(() => resolveAppLocation({ devServerUrl: url, packaged: false, rendererIndexFile: indexFile }), url).toThrow(/ELECTRON_RENDERER_URL/)
    }
  })
})

describe('isLoopbackHost', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.8.9.10', true],
    ['localhost', true],
    ['LOCALHOST', true],
    ['[::1]', true],
    ['128.0.0.1', false],
    ['127.0.0.1.evil.test', false],
    ['127.0.0.256', false],
    ['localhost.evil.test', false],
    ['10.0.0.1', false]
  ])('%s → %s', (host, expected) => expect(isLoopbackHost(host)).toBe(expected))
})

describe('isAppUrl', () => {
  it('accepts exactly the bundled index.html, with or without a hash or query', () => {
    expect(isAppUrl(fileApp.indexUrl, fileApp)).toBe(true)
    expect(isAppUrl(`${fileApp.indexUrl}#/result`, fileApp)).toBe(true)
    expect(isAppUrl(`${fileApp.indexUrl}?x=1`, fileApp)).toBe(true)
    // Chromium may encode the space in the folder name; both spellings are the same file.
    expect(isAppUrl('file:///opt/License%20Manager/out/renderer/index.html', fileApp)).toBe(true)
  })

  it('refuses other files, traversal and other hosts for the file app', () => {
    expect(isAppUrl('file:///etc/passwd', fileApp)).toBe(false)
    expect(isAppUrl('file:///opt/License%20Manager/out/renderer/other.html', fileApp)).toBe(false)
    expect(isAppUrl('file:///opt/License%20Manager/out/renderer/x/../../../../etc/passwd', fileApp)).toBe(false)
    expect(isAppUrl('file://evil.test/opt/License%20Manager/out/renderer/index.html', fileApp)).toBe(false)
    expect(isAppUrl('http://localhost:5173/', fileApp)).toBe(false)
  })

  it('compares Windows drive letters without case', () => {
    const win = { kind: 'file' as const, indexFile: 'C:\\App\\index.html', indexUrl: 'file:///C:/App/out/renderer/index.html' }
    expect(isAppUrl('file:///c:/app/out/renderer/index.html', win)).toBe(true)
    expect(isAppUrl('file:///D:/App/out/renderer/index.html', win)).toBe(false)
  })

  it('accepts the dev server’s origin only', () => {
    expect(isAppUrl('http://localhost:5173/', devApp)).toBe(true)
    expect(isAppUrl('http://localhost:5173/src/main.tsx', devApp)).toBe(true)
    expect(isAppUrl('http://localhost:5174/', devApp)).toBe(false)
    expect(isAppUrl('https://localhost:5173/', devApp)).toBe(false)
    expect(isAppUrl('http://127.0.0.1:5173/', devApp)).toBe(false)
    expect(isAppUrl('file:///etc/passwd', devApp)).toBe(false)
  })
})

describe('isAppResourceUrl', () => {
  it('lets the bundled page load files from its own folder only', () => {
    expect(isAppResourceUrl('file:///opt/License%20Manager/out/renderer/assets/index-abc.js', fileApp)).toBe(true)
    expect(isAppResourceUrl('file:///opt/License%20Manager/out/renderer-evil/x.js', fileApp)).toBe(false)
    expect(isAppResourceUrl('file:///opt/License%20Manager/out/main/index.js', fileApp)).toBe(false)
    expect(isAppResourceUrl('file:///opt/License%20Manager/out/renderer/%2e%2e/main/index.js', fileApp)).toBe(false)
    expect(isAppResourceUrl('https://cdn.evil.test/x.js', fileApp)).toBe(false)
    expect(isAppResourceUrl('http://127.0.0.1:4010/api/v4/deactivate_bundle', fileApp)).toBe(false)
  })

  it('lets the dev page reach its server and HMR socket only', () => {
    expect(isAppResourceUrl('http://localhost:5173/@vite/client', devApp)).toBe(true)
    expect(isAppResourceUrl('ws://localhost:5173/?token=abc', devApp)).toBe(true)
    expect(isAppResourceUrl('ws://localhost:9999/', devApp)).toBe(false)
    expect(isAppResourceUrl('https://fonts.googleapis.com/css', devApp)).toBe(false)
  })

  it('leaves inline data and blob URLs to the CSP', () => {
    expect(isAppResourceUrl('data:image/png;base64,AAAA', fileApp)).toBe(true)
    expect(isAppResourceUrl('blob:file:///1234', fileApp)).toBe(true)
  })
})
