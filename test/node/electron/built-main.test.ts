import { execFile } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { readFileSync, rmSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { IPC } from '../../../src/shared/ipc-channels'
import type { KnownErrorCode } from '../../../src/shared/errors'
import { startHttpServer, type TestHttpServer } from '../engine/support/servers'
import { createNetFetchStandIn, type NetFetchStandIn } from './support/electron-net-fetch'
import { createElectronStandIn, loadWithElectronStandIn, type ElectronStandIn } from './support/electron-stand-in'
import { stringContaining } from '../../support/matchers'
import { closeOpened } from '../../support/close-opened'
import { projectOutIsCurrent, ROOT } from '../support/built-out'

/**
 * The main process as it ships: built with electron-vite (out/ when current, else a fresh folder), loaded
 * in Node with a stand-in `electron` whose net.fetch behaves as Electron's, and
 * called through the deactivate handler it registers, as the window calls it.
 */

/** out/ when `npm run build` made it from the current sources (as `npm test` does first); otherwise a fresh build. */
const useProjectOut = projectOutIsCurrent()
const OUT_DIR = useProjectOut ? join(ROOT, 'out') : join(ROOT, '.test-output', `built-main-${randomUUID().slice(0, 8)}`)
const MAIN_BUNDLE = join(OUT_DIR, 'main', 'index.js')
const MAX_MAIN_BUNDLE_BYTES = 400 * 1024

type Mode = 'deactivated' | 'redirect' | 'proxy-auth' | 'cut-short' | 'echoing-refusal'

/** Keys shaped as LicenseSpring's (an API key like a UUID, a shared key of 40 letters and digits). */
const API_KEY = '3c1e5a7b-9d2f-4b6a-8c0e-1f2a3b4c5d6e'
const SHARED_KEY = 'Bq7Zk2Lm9Xw4Rt6Yp1Nc8Vd3Hs5Jf0Ga2Ue7Io4'
const LICENCE_KEY = 'OFFICE-2222-IN-USE'

let server: TestHttpServer
let mode: Mode = 'deactivated'
/** The window's default session (its cookies) and the License API's own partition. */
let net: NetFetchStandIn
let apiNet: NetFetchStandIn
let electron: ElectronStandIn

beforeAll(async () => {
  if (!useProjectOut) {
    await promisify(execFile)(join(ROOT, 'node_modules', '.bin', 'electron-vite'), ['build', '--outDir', OUT_DIR, '--logLevel', 'error'], {
      cwd: ROOT,
      timeout: 170_000
    })
  }

  server = await startHttpServer((_req, res) => {
    switch (mode) {
      case 'deactivated':
        res.writeHead(200, { 'content-type': 'application/json' })
        return res.end('"license_deactivated"')
      case 'redirect':
        res.writeHead(302, { location: 'http://wifi-login.example.test/portal', 'content-type': 'text/html' })
        return res.end('<html>Sign in to the Wi-Fi</html>')
      case 'proxy-auth':
        res.writeHead(407, { 'proxy-authenticate': 'Basic realm="corp"' })
        return res.end()
      case 'echoing-refusal':
        // A careless server quoting back what it was sent, and a key it should never have seen.
        res.writeHead(400, { 'content-type': 'application/json' })
        return res.end(JSON.stringify({ code: 'license_not_found', message: `No licence ${LICENCE_KEY} (signed with ${SHARED_KEY})` }))
      case 'cut-short':
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '200' })
        res.write('"license_')
        return setTimeout(() => res.socket?.destroy(), 20)
    }
  })

  net = createNetFetchStandIn()
  apiNet = createNetFetchStandIn({ sessionCookie: null })
  electron = createElectronStandIn({ netFetch: net.fetch, partitionFetch: apiNet.fetch, isOnline: () => online })
  const env = {
    LM_API_URL: server.apiUrl,
    LM_API_KEY: API_KEY,
    LM_SHARED_KEY: SHARED_KEY,
    LM_TIMEOUT_MS: '3000',
    // LicenseSpring's hardware-id module, required from the installed package at run time.
    LM_HARDWARE_ID_SOURCE: 'licensespring',
    // A vendor's name for the app: the window's title and About panel (branding.ts).
    LM_PRODUCT_NAME: 'Tidewater Licence Helper'
  }
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value)
  try {
    const before = new Set(process.listeners('uncaughtException'))
    loadWithElectronStandIn(MAIN_BUNDLE, electron)
    mainUncaughtException = process.listeners('uncaughtException').find((listener) => !before.has(listener))
    await electron.started
  } finally {
    vi.unstubAllEnvs()
  }
}, 180_000)

afterAll(async () => {
  await closeOpened(server)
  if (!useProjectOut) rmSync(OUT_DIR, { recursive: true, force: true })
  rmSync(electron.logsFolder, { recursive: true, force: true })
})

/** What the window's `deactivate` call gets back. */
async function deactivateFromWindow(): Promise<{ ok: boolean; error?: { code: string; explanation: string; family: string; status: number } }> {
  const handler = electron.ipcHandlers.get(IPC.deactivate)
  if (!handler) throw new Error('the built main process registered no deactivate handler')
  return (await handler(electron.windowEvent(), {
    product: 'office-suite',
    hardwareId: 'built-bundle-pc',
    credentials: { method: 'license-key', licenseKey: LICENCE_KEY }
  })) as never
}

/** The log the built main writes into the stand-in's logs folder. */
const logLines = (): string[] => readFileSync(join(electron.logsFolder, 'main.log'), 'utf8').split('\n').filter(Boolean)

/** The built main's own 'uncaughtException' listener, called directly (emitting the event would reach the test runner's too). */
let mainUncaughtException: NodeJS.UncaughtExceptionListener | undefined

/** What the stand-in's `net.isOnline()` answers. */
let online = true

async function failureFor(setup: () => void): Promise<{ code: string; explanation: string; family: string; status: number; reference?: string }> {
  mode = 'deactivated'
  apiNet.clearFailures()
  setup()
  try {
    const outcome = await deactivateFromWindow()
    if (outcome.ok || !outcome.error) throw new Error('expected a failure')
    return outcome.error
  } finally {
    mode = 'deactivated'
    apiNet.clearFailures()
  }
}

describe('the built main bundle', () => {
  it(`is at most ${MAX_MAIN_BUNDLE_BYTES / 1024} KB and leaves the sandbox (oidc-provider, koa) to a chunk loaded on demand`, () => {
    const size = statSync(MAIN_BUNDLE).size
    expect(size).toBeLessThanOrEqual(MAX_MAIN_BUNDLE_BYTES)
    const text = readFileSync(MAIN_BUNDLE, 'utf8')
    expect(text).not.toMatch(/oidc-provider|koa-compose|koa\/lib/)
    expect(text).toMatch(/require\("\.\/chunks\/server-[\w-]+\.js"\)/)
  })

  it('ships one zod: the mini build the window uses, not the classic one beside it', () => {
    // The bundle is minified; its source map (written beside it, left out of installers) names every module in it.
    const { sources } = JSON.parse(readFileSync(`${MAIN_BUNDLE}.map`, 'utf8')) as { sources: string[] }
    const zod = sources.filter((source) => source.includes('node_modules/zod/'))
    expect(zod.some((source) => source.includes('node_modules/zod/v4/mini/'))).toBe(true)
    expect(zod.filter((source) => /node_modules\/zod\/v4\/(classic|locales)\//.test(source))).toEqual([])
  })

  it('opens its window with the vendor’s product name as its title, which the page’s <title> does not replace', () => {
    const window = electron.windows[0]
    expect(window?.titles).toEqual(['Tidewater Licence Helper'])
    expect(window?.pageTitleUpdated('License Manager')).toBe(true)
    expect(electron.aboutPanels.at(-1)).toMatchObject({ applicationName: 'Tidewater Licence Helper' })
  })

  it('starts with the stand-in electron and deactivates through net.fetch when the server agrees', async () => {
    const outcome = await deactivateFromWindow()
    expect(outcome).toMatchObject({ ok: true })
    expect(apiNet.calls.at(-1)).toMatchObject({ method: 'POST', credentials: 'include', cache: 'no-store', redirect: 'manual' })
    expect(server.requests.at(-1)?.headers.cookie).toBeUndefined()
    expect(net.calls).toEqual([])
  })

  it('warms the License API connection on the session its calls use: an in-memory partition, cache off', async () => {
    const warm = electron.ipcHandlers.get(IPC.warmUp)
    expect(await warm!(electron.windowEvent())).toMatchObject({ ok: true, value: { warming: true } })
    expect(electron.partitions).toEqual([{ partition: 'license-api', options: { cache: false } }])
    expect(electron.preconnects.at(-1)).toEqual({ partition: 'license-api', url: new URL(server.apiUrl).origin, numSockets: 1 })
    await warm!(electron.windowEvent())
    expect(electron.preconnects.every((p) => p.partition === 'license-api')).toBe(true)
  })

  it.runIf(process.platform === 'linux')(
    'reads the hardware id with LicenseSpring’s module, kept outside the bundle (here equal to node-machine-id’s)',
    async () => {
      const handler = electron.ipcHandlers.get(IPC.getHardwareId)
      const outcome = (await handler!(electron.windowEvent())) as { ok: boolean; value?: { id: string; description: string } }
      const { machineIdSync } = createRequire(import.meta.url)('node-machine-id') as { machineIdSync: (original: boolean) => string }
      expect(outcome).toMatchObject({ ok: true, value: { id: machineIdSync(false), description: stringContaining('LicenseSpring') } })
      expect(readFileSync(MAIN_BUNDLE, 'utf8')).not.toMatch(/koffi\.load/)
    }
  )

  it('answers a 302 (net.fetch rejects with "Redirect was cancelled") with the redirect explanation', async () => {
    const error = await failureFor(() => (mode = 'redirect'))
    expect(error).toMatchObject({ code: 'html_error_body', family: 'network' })
    expect(error.explanation).toMatch(/redirect to another address.*captive portal/)
  })

  it('answers a proxy asking for credentials with proxy_auth_required', async () => {
    expect(await failureFor(() => (mode = 'proxy-auth'))).toMatchObject({ code: 'proxy_auth_required', status: 407 })
  })

  it('answers a body cut short (the body stream fails with net::ERR_CONTENT_LENGTH_MISMATCH) with connection_reset', async () => {
    expect((await failureFor(() => (mode = 'cut-short'))).code).toBe('connection_reset')
  })

  it.each<[string, KnownErrorCode]>([
    ['ERR_INTERNET_DISCONNECTED', 'pc_offline'],
    ['ERR_CONNECTION_REFUSED', 'cannot_connect_to_server'],
    ['ERR_ADDRESS_UNREACHABLE', 'cannot_connect_to_server'],
    ['ERR_NAME_NOT_RESOLVED', 'dns_failure'],
    ['ERR_NAME_RESOLUTION_FAILED', 'dns_failure'],
    ['ERR_CONNECTION_TIMED_OUT', 'timeout'],
    ['ERR_CONNECTION_RESET', 'connection_reset'],
    ['ERR_INCOMPLETE_CHUNKED_ENCODING', 'connection_reset'],
    ['ERR_HTTP2_PROTOCOL_ERROR', 'connection_reset'],
    ['ERR_QUIC_PROTOCOL_ERROR', 'connection_reset'],
    ['ERR_PROXY_CONNECTION_FAILED', 'proxy_failure'],
    ['ERR_TUNNEL_CONNECTION_FAILED', 'proxy_failure'],
    ['ERR_PAC_SCRIPT_FAILED', 'proxy_failure'],
    ['ERR_SOCKS_CONNECTION_FAILED', 'proxy_failure'],
    ['ERR_CERT_AUTHORITY_INVALID', 'tls_failure'],
    ['ERR_SSL_PROTOCOL_ERROR', 'tls_failure'],
    ['ERR_TLS13_DOWNGRADE_DETECTED', 'tls_failure'],
    ['ERR_CERTIFICATE_TRANSPARENCY_REQUIRED', 'tls_failure'],
    ['ERR_INSECURE_RESPONSE', 'tls_failure']
  ])('answers net.fetch failing with net::%s with %s', async (name, code) => {
    expect((await failureFor(() => apiNet.failWith(name))).code).toBe(code)
  })

  it('asks net.isOnline() after a connection failed: false → this PC is offline; true → the server or the way to it', async () => {
    try {
      online = false
      expect((await failureFor(() => apiNet.failWith('ERR_CONNECTION_TIMED_OUT'))).code).toBe('pc_offline')
      expect((await failureFor(() => apiNet.failWith('ERR_ADDRESS_UNREACHABLE'))).code).toBe('pc_offline')
      // A refused connection means something at the address answered: the server is down, whatever the check says.
      expect((await failureFor(() => apiNet.failWith('ERR_CONNECTION_REFUSED'))).explanation).toContain('this PC’s network works')
      online = true
      const timedOut = await failureFor(() => apiNet.failWith('ERR_CONNECTION_TIMED_OUT'))
      expect(timedOut).toMatchObject({ code: 'timeout', explanation: stringContaining('although this PC has a network connection') })
    } finally {
      online = true
    }
  })
})

describe('the built main process’s log', () => {
  it('is in the logs folder and tells how the app started: its version, then the engine with its server', () => {
    const lines = logLines()
    expect(lines[0]).toMatch(/^\S+Z info app\.start version=0\.0\.0-test os=.* packaged=false$/)
    expect(lines).toContainEqual(
      expect.stringMatching(
        new RegExp(`info engine\\.start result=ok sandbox=false server=${server.apiUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} durationMs=\\d+$`)
      )
    )
  })

  it('holds a failed deactivation under the reference the window shows, with its code and status, and no secret', async () => {
    const error = await failureFor(() => (mode = 'echoing-refusal'))
    expect(error).toMatchObject({ code: 'license_not_found', status: 400, reference: expect.stringMatching(/^LM-WRNG-400-\w{4}$/) as string })
    const line = logLines().find((l) => l.includes(`reference=${error.reference!}`))
    expect(line).toMatch(/ error deactivate result=failed code=license_not_found status=400 family=credentials serverMessage=".*\[removed\].*" reference=/)
    expect(line).toMatch(/product=office-suite method=license-key hardwareIdOverride=true$/)
    const log = readFileSync(join(electron.logsFolder, 'main.log'), 'utf8')
    for (const secret of [LICENCE_KEY, SHARED_KEY, API_KEY]) expect(log).not.toContain(secret)
  })

  it('is what the window gets as the log’s last lines, and "Open logs folder" opens that folder', async () => {
    const tail = (await electron.ipcHandlers.get(IPC.getLogTail)!(electron.windowEvent())) as {
      ok: true
      value: { folder: string; file: string; lines: string[] }
    }
    expect(tail).toMatchObject({ ok: true, value: { folder: electron.logsFolder, file: join(electron.logsFolder, 'main.log') } })
    expect(tail.value.lines).toEqual(logLines().slice(-tail.value.lines.length))
    expect(await electron.ipcHandlers.get(IPC.openLogsFolder)!(electron.windowEvent())).toEqual({ ok: true, value: null })
    expect(electron.openedPaths).toEqual([electron.logsFolder])
  })
})

describe('crashes', () => {
  it('the window’s renderer gone: logged with a reference, a dialog names it and offers a reload, which reloads the page', async () => {
    const window = electron.windows.at(-1)!
    electron.emitApp('render-process-gone', {}, window.webContents, { reason: 'crashed', exitCode: 139 })
    await new Promise((resolve) => setImmediate(resolve))
    const line = logLines().at(-1)!
    expect(line).toMatch(/ error window\.gone result=failed code=window_crashed .*reason=crashed exitCode=139$/)
    const reference = /reference=(\S+)/.exec(line)![1]!
    expect(electron.messageBoxes.at(-1)).toMatchObject({ title: 'The window stopped working', buttons: ['Reload the window', 'Quit License Manager'] })
    expect(electron.messageBoxes.at(-1)?.detail).toContain(`Reference for the helpdesk: ${reference}`)
    expect(window.calls.at(-1)).toBe('reload')
  })

  it('a helper process gone is logged; an exception nothing caught in main is logged by kind and place and named in a dialog', async () => {
    electron.emitApp('child-process-gone', {}, { type: 'GPU', reason: 'crashed', exitCode: 1 })
    expect(mainUncaughtException).toBeTypeOf('function')
    mainUncaughtException!(new TypeError(`nothing caught this, ${LICENCE_KEY}`), 'uncaughtException')
    await new Promise((resolve) => setImmediate(resolve))
    const lines = logLines()
    expect(lines).toContainEqual(
      expect.stringMatching(/ error helper\.gone result=failed code=helper_process_stopped .*process=GPU reason=crashed exitCode=1$/)
    )
    expect(lines.at(-1)).toMatch(/ error main\.uncaughtException result=failed code=app_unexpected_error .*error=TypeError at=/)
    expect(lines.join('\n')).not.toContain(LICENCE_KEY)
  })
})

describe('one window, whatever brings it', () => {
  it('a second start with a link brings the open window to the front and opens no other', () => {
    const before = electron.windows.length
    const open = electron.windows.at(-1)!
    electron.emitApp('second-instance', {}, ['license-manager', 'license-manager://deactivate?product=office-suite'])
    expect(electron.windows).toHaveLength(before)
    expect(open.calls.slice(-2)).toEqual(['show', 'focus'])
  })

  it('macOS: a link clicked while no window is open opens one, and the link waits for it', async () => {
    electron.windows.at(-1)!.close()
    const before = electron.windows.length
    let prevented = false
    electron.emitApp('open-url', { preventDefault: () => (prevented = true) }, 'license-manager://deactivate?product=design-suite')
    expect(prevented).toBe(true)
    expect(electron.windows).toHaveLength(before + 1)
    const taken = await electron.ipcHandlers.get(IPC.takePrefill)!(electron.windowEvent())
    expect(taken).toEqual({ ok: true, value: { product: 'design-suite' } })
  })

  it('macOS: a click on the dock icon with no window open opens one; with one open, brings it to the front', () => {
    electron.windows.at(-1)!.close()
    const before = electron.windows.length
    electron.emitApp('activate')
    expect(electron.windows).toHaveLength(before + 1)
    electron.emitApp('activate')
    expect(electron.windows).toHaveLength(before + 1)
    expect(electron.windows.at(-1)!.calls).toEqual(['show', 'focus'])
  })
})
