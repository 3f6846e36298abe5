import fc from 'fast-check'
import { readFileSync } from 'node:fs'
import { connect, createServer } from 'node:net'
import { networkInterfaces } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { WebContents } from 'electron'
import { createSsoBrowserFlow } from '../../../src/main/engine/sso'
import { resolveAppLocation } from '../../../src/main/electron/app-location'
import type { WindowLicenseService } from '../../../src/main/engine/service'
import { registerIpcHandlers, type IpcMainLike } from '../../../src/main/electron/ipc'
import { guardWebContents, isAllowedNavigation } from '../../../src/main/electron/navigation-guard'
import { createSenderCheck, type InvokeEventLike } from '../../../src/main/electron/sender-check'
import { IPC } from '../../../src/shared/ipc-channels'
import { describeError } from '../../../src/shared/errors'
import { NEUTRAL_BRAND } from '../../../src/shared/brand/brand-info'
import { failure, success, type Outcome } from '../../../src/shared/outcome'
import { FIELD_LIMITS } from '../../../src/shared/request-fields'
import { codeOf } from './support/engine'
import { runs, Tally } from './support/properties'
import { PROVIDER_URL, settledWithin, startSignIn, type RunningSignIn } from './support/sso-sign-in'
import { ROOT, plural, reliabilityTable } from './support/table'
import { anyString } from '../../support/matchers'

/*
 * Item 4: security checks as tests. Where another test file already holds a check, the table
 * row names it, and a test here keeps that reference true.
 */

const table = reliabilityTable(__filename, 4, 'Security checks')
const running: RunningSignIn[] = []
afterEach(async () => {
  for (const s of running.splice(0)) {
    s.cancel()
    await s.outcome
  }
})

/** Resolves true when host:port accepts a TCP connection. */
function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port })
    const done = (open: boolean) => {
      socket.destroy()
      resolve(open)
    }
    socket.setTimeout(2_000, () => done(false))
    socket.once('connect', () => done(true))
    socket.once('error', () => done(false))
  })
}

describe('the SSO loopback listener', () => {
  it('S01 binds the loopback address only: this PC’s other addresses refuse the connection', async (context) => {
    const s = await startSignIn('code')
    running.push(s)
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a !== undefined && !a.internal && !a.address.startsWith('fe80'))
      .map((a) => a!.address)
    const reachable: string[] = []
    for (const address of others) if (await accepts(address, s.port)) reachable.push(address)
    const onLoopback = await accepts('127.0.0.1', s.port)
    table.record(context, {
      id: 'S01',
      case: 'Loopback listener of a sign-in (redirect http://127.0.0.1/callback): connect to it on every non-loopback address of this PC',
      expected: 'reachable on 127.0.0.1 only',
      observed: `127.0.0.1 ${onLoopback ? 'accepts' : 'refuses'}; ${others.length === 0 ? 'this PC has no other address' : `${plural(others.length, 'other address')} tried, ${reachable.length === 0 ? 'all refuse' : `reachable on ${reachable.join(', ')}`}`}`
    })
    expect(onLoopback).toBe(true)
    expect(reachable).toEqual([])
  })

  it('S02 a redirect URI that is not plain-http loopback is refused before anything listens or a browser opens', async (context) => {
    const outcomes = new Tally()
    const hosts = fc.oneof(
      fc.constantFrom(
        'http://0.0.0.0/cb',
        'http://[::]/cb',
        'http://192.0.2.2/cb',
        'http://[::ffff:127.0.0.1]/cb',
        'http://127.0.0.1.nip.io/cb',
        'http://localhost.evil.test/cb',
        'https://127.0.0.1/cb',
        'http://user:pw@127.0.0.1/cb',
        'http://127.0.0.1/cb#frag',
        'file:///tmp/cb',
        'javascript:alert(1)',
        'urn:ietf:wg:oauth:2.0:oob'
      ),
      fc.webUrl().filter((u) => !/^http:\/\/(127\.|localhost[:/]|\[::1\])/i.test(u))
    )
    let listening = 0
    let opened = 0
    await fc.assert(
      fc.asyncProperty(hosts, async (redirect) => {
        const flow = createSsoBrowserFlow({
          timeoutMs: 2_000,
          httpSignInOrigins: [new URL(PROVIDER_URL).origin],
          requestSsoUrl: async () =>
            success({ url: `${PROVIDER_URL.split('&redirect_uri=')[0]}&response_type=code&redirect_uri=${encodeURIComponent(redirect)}` }),
          openExternal: async () => {
            opened += 1
          }
        })
        const progress: string[] = []
        const outcome = await settledWithin(
          flow.signIn({ product: 'p', customerAccountCode: 'acme', grant: 'code' }, (p) => progress.push(p.stage)),
          1_000
        )
        if (outcome === 'pending') {
          listening += 1
          flow.cancel()
        } else outcomes.add(codeOf(outcome))
        expect(outcome === 'pending' ? 'still listening' : codeOf(outcome), redirect).toBe('sso_redirect_not_loopback')
        expect(progress).toEqual([])
      }),
      runs(60)
    )
    table.record(context, {
      id: 'S02',
      case: 'Redirect URIs naming 0.0.0.0, [::], a LAN address, IPv4-mapped loopback, loopback look-alike host names, https, credentials, a fragment, other schemes, random web URLs (60)',
      expected: 'sso_redirect_not_loopback; no listener, no browser, no progress',
      observed: `${outcomes.toString()}; ${listening} listened; ${opened} browsers opened`
    })
    expect(opened).toBe(0)
  })
})

describe('a localhost redirect', () => {
  /** A sign-in whose registered redirect is `redirect` (a localhost one), through the engine's flow. */
  function localhostSignIn(redirect: string) {
    let opened!: (url: string) => void
    const browser = new Promise<string>((resolve) => (opened = resolve))
    const flow = createSsoBrowserFlow({
      timeoutMs: 5_000,
      httpSignInOrigins: [new URL(PROVIDER_URL).origin],
      requestSsoUrl: async () => success({ url: `${PROVIDER_URL.split('&redirect_uri=')[0]}&response_type=code&redirect_uri=${encodeURIComponent(redirect)}` }),
      openExternal: async (url) => opened(url)
    })
    const outcome = flow.signIn({ product: 'design-pack', customerAccountCode: 'acme', grant: 'code' }, () => undefined)
    return { flow, outcome, browser }
  }

  it('S21 binds every address localhost stands for on one port; another program on [::1] at a fixed port fails the attempt before the browser opens', async (context) => {
    const observed: string[] = []
    try {
      const free = localhostSignIn('http://localhost/callback')
      const url = new URL(await free.browser)
      const redirect = new URL(url.searchParams.get('redirect_uri')!)
      const port = Number(redirect.port)
      const held = { v4: await accepts('127.0.0.1', port), v6: await accepts('::1', port) }
      observed.push(`any port: listening on 127.0.0.1 ${held.v4 ? 'yes' : 'no'}, [::1] ${held.v6 ? 'yes' : 'no'} (port ${port === 0 ? 0 : 'chosen by the OS'})`)
      const answer = await new Promise<number>((resolve, reject) => {
        const socket = connect({ host: '::1', port }, () =>
          socket.end(
            `GET /callback?state=${encodeURIComponent(url.searchParams.get('state')!)}&code=via-v6 HTTP/1.1\r\nHost: localhost:${port}\r\nConnection: close\r\n\r\n`
          )
        )
        let text = ''
        socket.on('data', (c: Buffer) => (text += c.toString()))
        socket.on('close', () => resolve(Number(text.slice(9, 12))))
        socket.on('error', reject)
      })
      const outcome = await free.outcome
      observed.push(`the answer over [::1]: HTTP ${answer}, ${codeOf(outcome)}`)
      expect(held).toEqual({ v4: true, v6: true })
      expect(outcome).toEqual({ ok: true, value: { kind: 'code', code: 'via-v6', redirectUri: anyString(), portChosen: true } })

      const squatter = await new Promise<import('node:net').Server>((resolve, reject) => {
        const server = createServer((socket) => socket.destroy())
        server.once('error', reject)
        server.listen(0, '::1', () => resolve(server))
      })
      const squatted = (squatter.address() as import('node:net').AddressInfo).port
      try {
        const taken = localhostSignIn(`http://localhost:${squatted}/callback`)
        const result = await taken.outcome
        const browserOpened = await settledWithin(taken.browser, 50)
        observed.push(
          `fixed port ${squatted === 0 ? 0 : 'N'} with [::1]:N held by another program: ${codeOf(result)}, browser ${browserOpened === 'pending' ? 'not opened' : 'opened'}, 127.0.0.1:N ${(await accepts('127.0.0.1', squatted)) ? 'still held' : 'released'}`
        )
        expect(result).toMatchObject({ ok: false, error: { code: 'sso_port_in_use' } })
        if (!result.ok) expect(result.error.explanation).toContain(`[::1]:${squatted}`)
        expect(browserOpened).toBe('pending')
        expect(await accepts('127.0.0.1', squatted)).toBe(false)
      } finally {
        await new Promise((resolve) => squatter.close(resolve))
      }
    } finally {
      table.record(context, {
        id: 'S21',
        case: 'Redirect registered as http://localhost (any port), then as http://localhost:N/callback while another program holds [::1]:N',
        expected:
          'the listener holds 127.0.0.1 and [::1] on the same port and takes the answer on either; with [::1]:N taken, sso_port_in_use before the browser opens, and 127.0.0.1:N is let go',
        observed: observed.join('; ')
      })
    }
  })
})

describe('IPC: sender checks and payload validation', () => {
  const WINDOW_ID = 7
  const INDEX_URL = 'app://license-manager/index.html'
  const app = resolveAppLocation({ devServerUrl: undefined, packaged: true, rendererDir: '/app/out/renderer' })

  /** The app's page, judged independently: the URL, as WHATWG URL serialises it, is the page plus at most a query or fragment. */
  function isTheAppPage(url: string): boolean {
    try {
      return /^app:\/\/license-manager\/index\.html(?:[?#]|$)/.test(new URL(url).href)
    } catch {
      return false
    }
  }

  function handlers(service: WindowLicenseService) {
    const registered = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>>()
    const ipcMain: IpcMainLike = { handle: (c, l) => void registered.set(c, l), removeHandler: (c) => void registered.delete(c) }
    registerIpcHandlers({ ipcMain, service: () => success(service), isTrustedSender: createSenderCheck(app, (id) => id === WINDOW_ID) })
    return registered
  }

  function recordingService() {
    const calls: Array<{ method: string; input: unknown }> = []
    const result = { product: 'p', products: null, hardwareId: 'h', method: 'license-key' as const, at: '2030-01-01T00:00:00.000Z' }
    const service: WindowLicenseService = {
      appInfo: () => ({
        name: 'n',
        version: 'v',
        os: 'o',
        server: 's',
        sandbox: true,
        defaultProduct: '',
        defaultCustomerAccount: '',
        helpUrl: null,
        brand: NEUTRAL_BRAND
      }),
      hardwareId: async () => success({ id: 'h', source: 'machine-id', description: 'd' }),
      deactivate: async (input) => (calls.push({ method: 'deactivate', input }), success(result)),
      deactivateWithSso: async (input) => (calls.push({ method: 'deactivateWithSso', input }), success(result)),
      cancelSso: () => success(null),
      warmUp: () => success({ warming: true }),
      stopWarmUp: () => success(null),
      openHelp: async () => success(null),
      offline: {
        create: async (input) => (calls.push({ method: 'offline.create', input }), failure(describeError('invalid_input'))),
        inspect: (input) => (calls.push({ method: 'offline.inspect', input }), failure(describeError('invalid_input'))),
        upload: async (input) => (calls.push({ method: 'offline.upload', input }), failure(describeError('invalid_input')))
      },
      licencesOnPc: async (input) => (calls.push({ method: 'licencesOnPc', input }), failure(describeError('invalid_input'))),
      checkSeatFree: async (input) => (calls.push({ method: 'checkSeatFree', input }), failure(describeError('invalid_input'))),
      userLicences: async (input) => (calls.push({ method: 'userLicences', input }), failure(describeError('invalid_input')))
    }
    return { service, calls }
  }

  const event = (url: string | null, parent: unknown = null, id = WINDOW_ID): InvokeEventLike => ({
    sender: { id, isDestroyed: () => false, send: () => undefined },
    senderFrame: url === null ? null : { url, parent }
  })

  const urls = fc.oneof(
    fc.constantFrom(
      INDEX_URL,
      `${INDEX_URL}#/form`,
      `${INDEX_URL}?x=1`,
      'app://license-manager/assets/../index.html',
      'app://license-manager/%69ndex.html',
      'app://license-manager/index.html%2F..%2Fevil.html',
      'app://evil-host/index.html',
      'app://license-manager/index.html.evil',
      'app://license-manager/INDEX.HTML',
      'app://license-manager@evil/index.html',
      'file:///app/out/renderer/index.html',
      'file:///tmp/evil.html',
      'http://127.0.0.1:5173/',
      'https://evil.test/app/out/renderer/index.html',
      'about:blank',
      'data:text/html,<script>1</script>',
      'javascript:alert(1)',
      ''
    ),
    fc.webUrl({ withQueryParameters: true, withFragments: true }),
    fc.string({ maxLength: 30 }).map((s) => `app://license-manager/${s}`)
  )

  it('S03 random sender frames → only the app window’s main frame on the app page reaches the engine', async (context) => {
    const verdicts = new Tally()
    await fc.assert(
      fc.asyncProperty(
        fc.option(urls, { nil: null }),
        fc.constantFrom(null, { url: 'x' }),
        fc.constantFrom(WINDOW_ID, WINDOW_ID + 1, 0),
        async (url, parent, id) => {
          const { service, calls } = recordingService()
          const outcome = (await handlers(service).get(IPC.deactivate)!(event(url, parent, id), {
            product: 'p',
            credentials: { method: 'license-key', licenseKey: 'k' }
          })) as Outcome<unknown>
          const trusted = url !== null && parent === null && id === WINDOW_ID && isTheAppPage(url)
          verdicts.add(trusted ? 'trusted' : codeOf(outcome))
          expect(calls.length, `${url} parent=${JSON.stringify(parent)} id=${id}`).toBe(trusted ? 1 : 0)
          expect(outcome.ok).toBe(trusted)
          if (!trusted) expect(codeOf(outcome)).toBe('ipc_forbidden')
        }
      ),
      runs(300)
    )
    table.record(context, {
      id: 'S03',
      case: 'IPC deactivate from random sender frames: random web and app:// URLs, the built page as a file:// URL, encoded and dot-segment paths of the app page, another host or user, sub-frames, other WebContents, no frame (300)',
      expected: 'the engine is called only for the app window’s main frame showing app://license-manager/index.html; ipc_forbidden otherwise',
      observed: `${verdicts.total} calls: ${verdicts.toString()}`
    })
    expect(verdicts.get('trusted')).toBeGreaterThan(0)
  })

  it('S04 random IPC payloads → the engine gets only valid requests, as checked; refusals echo no value', async (context) => {
    /** The request contract of src/shared/request.ts, stated independently. */
    const TEXT: Record<string, number> = { ...FIELD_LIMITS }
    const METHOD_FIELDS: Record<string, string[]> = {
      'license-key': ['licenseKey'],
      user: ['username', 'password'],
      'sso-token': ['idToken', 'customerAccountCode'],
      'sso-code': ['code', 'customerAccountCode']
    }
    // eslint-disable-next-line no-control-regex -- control characters are what it looks for
    const goodText = (v: unknown, field: string) => typeof v === 'string' && v.trim() !== '' && v.length <= TEXT[field]! && !/[\u0000-\u001f\u007f]/.test(v)
    const checkedText = (v: string, field: string) => (field === 'password' ? v : v.trim())
    const plain = (v: unknown): v is Record<string, unknown> => {
      if (typeof v !== 'object' || v === null || Array.isArray(v) || Object.getOwnPropertySymbols(v).length > 0) return false
      const proto: unknown = Object.getPrototypeOf(v)
      return proto === Object.prototype || proto === null
    }
    const licenceId = (v: unknown): number | undefined => {
      const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v.trim()) : NaN
      return Number.isInteger(n) && n > 0 && n <= Number.MAX_SAFE_INTEGER ? n : undefined
    }
    /** The request the engine must receive, or undefined when the payload must be refused. */
    function expectedRequest(args: unknown[], sso: boolean): Record<string, unknown> | undefined {
      if (args.length !== 1 || !plain(args[0])) return undefined
      const payload = args[0]
      const allowed = sso ? ['product', 'hardwareId', 'licenseId', 'customerAccountCode', 'grant'] : ['product', 'hardwareId', 'licenseId', 'credentials']
      if (!Object.keys(payload).every((k) => allowed.includes(k))) return undefined
      const out: Record<string, unknown> = {}
      if (!goodText(payload.product, 'product')) return undefined
      out.product = checkedText(payload.product as string, 'product')
      if (payload.hardwareId !== undefined) {
        if (!goodText(payload.hardwareId, 'hardwareId')) return undefined
        out.hardwareId = checkedText(payload.hardwareId as string, 'hardwareId')
      }
      if (payload.licenseId !== undefined) {
        const id = licenceId(payload.licenseId)
        if (id === undefined) return undefined
        out.licenseId = id
      }
      if (sso) {
        if (!goodText(payload.customerAccountCode, 'customerAccountCode') || !['code', 'token'].includes(payload.grant as string)) return undefined
        return { ...out, customerAccountCode: checkedText(payload.customerAccountCode as string, 'customerAccountCode'), grant: payload.grant }
      }
      const credentials = payload.credentials
      if (!plain(credentials) || typeof credentials.method !== 'string' || !(credentials.method in METHOD_FIELDS)) return undefined
      const fields = METHOD_FIELDS[credentials.method]!
      if (!Object.keys(credentials).every((k) => k === 'method' || fields.includes(k))) return undefined
      if (!fields.every((f) => goodText(credentials[f], f))) return undefined
      return { ...out, credentials: { method: credentials.method, ...Object.fromEntries(fields.map((f) => [f, checkedText(credentials[f] as string, f)])) } }
    }
    const value = fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.constantFrom('code', 'token', 'office-suite', '12', ' 7 ', 'x'.repeat(200), 'y'.repeat(1100)),
      fc.anything({ maxDepth: 1 })
    )
    /** Mostly short strings, so that many payloads are valid. */
    const mostlyText = fc.oneof(
      { weight: 12, arbitrary: fc.string({ minLength: 1, maxLength: 20 }) },
      { weight: 1, arbitrary: value },
      { weight: 1, arbitrary: fc.constant(undefined) }
    )
    const keys = (names: string[]) => Object.fromEntries(names.map((k) => [k, mostlyText]))
    const credentials = fc
      .tuple(
        fc.constantFrom(...Object.keys(METHOD_FIELDS)),
        fc.record(keys(['licenseKey', 'username', 'password', 'idToken', 'code', 'customerAccountCode']), { requiredKeys: [] }),
        value
      )
      .map(([method, fields, odd]) => {
        // Mostly exactly the method's fields; sometimes another method's too, or a smuggled or malformed method.
        const own = Object.fromEntries(Object.entries(fields).filter(([k]) => METHOD_FIELDS[method]!.includes(k)))
        const roll = Object.keys(fields).length % 4
        return roll === 0 ? { method: odd, ...fields } : roll === 1 ? { method, ...fields } : { method, ...own }
      })
    const deactivateLike = fc.record(
      { ...keys(['hardwareId', 'licenseId']), product: mostlyText, credentials, extra: value },
      { requiredKeys: ['product', 'credentials'] }
    )
    const ssoLike = fc.record(
      { ...keys(['hardwareId', 'licenseId']), product: mostlyText, customerAccountCode: mostlyText, grant: fc.oneof(fc.constantFrom('code', 'token'), value) },
      { requiredKeys: ['product', 'customerAccountCode', 'grant'] }
    )
    const withProto = fc.constant(
      JSON.parse('{"product":"p","credentials":{"method":"license-key","licenseKey":"k"},"__proto__":{"polluted":true}}') as unknown
    )
    const args = (shape: fc.Arbitrary<unknown>) =>
      fc.oneof(
        { weight: 6, arbitrary: shape.map((p) => [p]) },
        { weight: 1, arbitrary: fc.array(fc.oneof(shape, fc.anything({ maxDepth: 2 }), withProto), { maxLength: 2 }) }
      )
    const call = fc.oneof(fc.tuple(fc.constant(IPC.deactivate), args(deactivateLike)), fc.tuple(fc.constant(IPC.deactivateWithSso), args(ssoLike)))
    const verdicts = new Tally()
    await fc.assert(
      fc.asyncProperty(call, async ([channel, args]) => {
        const { service, calls } = recordingService()
        const outcome = (await handlers(service).get(channel)!(event(INDEX_URL), ...args)) as Outcome<unknown>
        const sso = channel === IPC.deactivateWithSso
        const expected = expectedRequest(args, sso)
        verdicts.add(expected !== undefined ? 'passed to the engine' : codeOf(outcome))
        expect(calls.length, JSON.stringify(args)).toBe(expected !== undefined ? 1 : 0)
        if (expected !== undefined) {
          expect(calls[0]!.input).toEqual(expected)
        } else {
          expect(codeOf(outcome)).toBe('invalid_input')
          const text = JSON.stringify(outcome)
          const payload = typeof args[0] === 'object' && args[0] !== null ? (args[0] as Record<string, unknown>) : {}
          const credentialValues = plain(payload['credentials']) ? Object.values(payload['credentials']) : []
          for (const v of [...Object.values(payload), ...credentialValues]) {
            if (typeof v === 'string' && v.length >= 6 && !/^[a-zA-Z]+$/.test(v)) expect(text).not.toContain(v)
          }
        }
      }),
      runs(400)
    )
    table.record(context, {
      id: 'S04',
      case: 'IPC deactivate / deactivateWithSso from the trusted frame with random payloads: 0–2 arguments, unknown and "__proto__" fields, credentials of several methods or a malformed method, wrong types, over-long strings, any JSON-like value (400)',
      expected:
        'the engine receives only requests the contract accepts (one plain object, known fields, every value within its rules), as checked (identifiers trimmed, the licence id a number); otherwise invalid_input without echoing a value',
      observed: `${verdicts.total} calls: ${verdicts.toString()}`
    })
  })

  it('S05 random navigation targets → only the app page may load; every window.open is denied', async (context) => {
    const listeners = new Map<string, (details: { url: string; preventDefault(): void }) => void>()
    let openHandler: ((details: { url: string }) => { action: string }) | undefined
    const contents = {
      on: (name: string, listener: (details: { url: string; preventDefault(): void }) => void) => void listeners.set(name, listener),
      setWindowOpenHandler: (handler: (details: { url: string }) => { action: string }) => void (openHandler = handler)
    }
    guardWebContents(contents as unknown as Pick<WebContents, 'on' | 'setWindowOpenHandler'>, app)
    const verdicts = new Tally()
    fc.assert(
      fc.property(urls, fc.constantFrom('will-navigate', 'will-frame-navigate', 'will-redirect'), (url, name) => {
        const event = {
          url,
          defaultPrevented: false,
          preventDefault: () => {
            event.defaultPrevented = true
          }
        }
        listeners.get(name)!(event)
        const allowed = !event.defaultPrevented
        verdicts.add(allowed ? 'allowed' : 'blocked')
        expect(allowed, url).toBe(isTheAppPage(url))
        expect(isAllowedNavigation(url, app)).toBe(allowed)
        expect(openHandler!({ url })).toEqual({ action: 'deny' })
      }),
      runs(300)
    )
    table.record(context, {
      id: 'S05',
      case: 'will-navigate / will-frame-navigate / will-redirect and window.open with random web and app:// URLs, the built page as a file:// URL and look-alikes of the app page (300)',
      expected: 'navigation allowed only to app://license-manager/index.html (any hash or query); window.open always denied',
      observed: `${verdicts.total} navigations: ${verdicts.toString()}; ${verdicts.total} window.open denied`
    })
  })
})

describe('checks held by other test files', () => {
  const REFERENCES: Array<[string, string, string, string]> = [
    [
      'S06',
      "The renderer’s CSP: default-src 'self', no inline script, no eval, no remote host, no plugins",
      'test/node/electron/content-security-policy.test.ts',
      'allows no eval, no inline script and no remote host'
    ],
    [
      'S07',
      'A callback with another state is refused with a page; the sign-in keeps waiting and takes the real answer (real browser)',
      'test/node/sso/browser-sign-in.test.ts',
      'an answer with another state is refused with a page, and the sign-in keeps waiting for the real one'
    ],
    [
      'S08',
      'Loopback pages: no-store, nosniff, no-referrer, script-free CSP, the code never echoed',
      'test/node/sso/browser-flow-edges.test.ts',
      'sets no-store, nosniff, no-referrer and a script-free CSP on its pages, and never echoes the code'
    ],
    [
      'S09',
      'The window: contextIsolation, sandbox, no nodeIntegration, webSecurity',
      'test/node/electron/window-options.test.ts',
      'isolates the page from Node and from the preload'
    ],
    [
      'S10',
      'window.open denied, including the app’s own page and https links',
      'test/node/electron/navigation-guard.test.ts',
      'denies every window.open, including the app’s own page and https links'
    ],
    [
      'S11',
      'IPC from sub-frames, other origins, other WebContents: ipc_forbidden before the engine',
      'test/node/electron/ipc.test.ts',
      'refuses callers other than the app window’s main frame, before touching the engine'
    ],
    [
      'S12',
      'Permission requests denied except the app’s clipboard write',
      'test/node/electron/permissions.test.ts',
      'grant nothing but the sanitized clipboard write (Copy buttons)'
    ]
  ]
  it.for(REFERENCES)('%s %s: still covered by %s', ([id, what, file, name], context) => {
    const source = readFileSync(join(ROOT, file), 'utf8')
    const present = source.includes(`'${name}'`)
    table.record(context, {
      id,
      case: what,
      expected: `covered by ${file} › “${name}”`,
      observed: present ? 'that test exists (run in the same suite)' : 'that test is gone'
    })
    expect(present).toBe(true)
  })
})
