import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  APP_INDEX_URL,
  APP_SCHEME,
  createAppProtocolHandler,
  registerAppScheme,
  serveAppScheme,
  type AppProtocolHandler
} from '../../../src/main/electron/app-protocol'
import { RENDERER_CSP } from '../../../src/main/electron/content-security-policy'

/*
 * Electron's protocol.handle hands the handler a web `Request` and sends back the
 * `Response` it returns (documented in Electron's protocol API): Node's own Request and
 * Response are the same classes, so the handler is tested with them on real files.
 */
let workspace: string
let rendererDir: string
let serve: AppProtocolHandler

beforeAll(() => {
  workspace = mkdtempSync(join(tmpdir(), 'lm-app-scheme-'))
  rendererDir = join(workspace, 'out', 'renderer')
  mkdirSync(join(rendererDir, 'assets'), { recursive: true })
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>License Manager</title>')
  writeFileSync(join(rendererDir, 'assets', 'index-abc.js'), 'console.log(1)')
  writeFileSync(join(rendererDir, 'assets', 'index-abc.css'), 'body{}')
  writeFileSync(join(rendererDir, 'assets', 'blob.bin'), 'raw')
  writeFileSync(join(workspace, 'out', 'secret.txt'), 'main-process secret')
  mkdirSync(join(workspace, 'out', 'renderer-evil'))
  writeFileSync(join(workspace, 'out', 'renderer-evil', 'x.js'), 'evil')
  symlinkSync(join(workspace, 'out', 'secret.txt'), join(rendererDir, 'assets', 'link.js'))
  serve = createAppProtocolHandler(rendererDir)
})

afterAll(() => rmSync(workspace, { recursive: true, force: true }))

const get = (url: string, init?: RequestInit) => serve(new Request(url, init))

describe('the app:// handler', () => {
  it('serves the page with its type, nosniff and the same CSP as the page’s <meta>', async () => {
    const response = await get(APP_INDEX_URL)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(response.headers.get('content-security-policy')).toBe(RENDERER_CSP)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await response.text()).toBe('<!doctype html><title>License Manager</title>')
    expect(await (await get('app://license-manager/')).text()).toContain('<title>License Manager</title>')
  })

  it.each([
    ['assets/index-abc.js', 'text/javascript; charset=utf-8', 'console.log(1)'],
    ['assets/index-abc.css', 'text/css; charset=utf-8', 'body{}'],
    ['assets/blob.bin', 'application/octet-stream', 'raw']
  ])('serves %s as %s', async (path, type, body) => {
    const response = await get(`app://license-manager/${path}`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe(type)
    expect(response.headers.get('content-security-policy')).toBeNull()
    expect(await response.text()).toBe(body)
  })

  it('answers HEAD with the headers and no body', async () => {
    const response = await get('app://license-manager/assets/index-abc.js', { method: 'HEAD' })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-length')).toBe(String('console.log(1)'.length))
    expect(await response.text()).toBe('')
  })

  it.each([
    'app://license-manager/../secret.txt',
    'app://license-manager/%2e%2e/secret.txt',
    'app://license-manager/..%2fsecret.txt',
    'app://license-manager/%2e%2e%2fsecret.txt',
    'app://license-manager/assets/..%2f..%2fsecret.txt',
    'app://license-manager/..%5csecret.txt',
    'app://license-manager/assets%5c..%5c..%5csecret.txt',
    'app://license-manager/%2e%2e%2frenderer-evil%2fx.js',
    'app://license-manager/assets/link.js',
    'app://license-manager/index.html%00.js',
    'app://license-manager/%E0%A4%A',
    'app://license-manager/assets',
    'app://license-manager/missing.js',
    'app://other-app/index.html'
  ])('refuses %s with 404 and no file content', async (url) => {
    const response = await get(url)
    expect(response.status).toBe(404)
    expect(await response.text()).not.toContain('secret')
  })

  it('refuses methods other than GET and HEAD', async () => {
    for (const method of ['POST', 'PUT', 'DELETE']) {
      expect((await get(APP_INDEX_URL, { method, body: method === 'DELETE' ? null : 'x' })).status, method).toBe(405)
    }
  })
})

describe('registering the scheme with Electron', () => {
  it('registers app:// as a standard, secure scheme (before ready) and serves the renderer folder (after)', async () => {
    const registered: unknown[] = []
    const handlers = new Map<string, (request: Request) => Promise<Response>>()
    registerAppScheme({ registerSchemesAsPrivileged: (schemes) => void registered.push(...schemes) })
    serveAppScheme({ handle: (scheme, handler) => void handlers.set(scheme, handler as (request: Request) => Promise<Response>) }, rendererDir)

    expect(registered).toEqual([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } }])
    expect([...handlers.keys()]).toEqual([APP_SCHEME])
    const response = await handlers.get(APP_SCHEME)!(new Request('app://license-manager/assets/index-abc.js'))
    expect(await response.text()).toBe('console.log(1)')
  })
})
