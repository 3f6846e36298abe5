import { describe, expect, it, vi } from 'vitest'
import type { AppInfo, DeactivationResult, HardwareIdInfo, OfflineRequestSummary, SsoProgress } from '../../../src/shared/api'
import { describeError, ERROR_CATALOGUE } from '../../../src/shared/errors'
import { createPrefillInbox } from '../../../src/main/electron/prefill-inbox'
import { parsePrefillLink } from '../../../src/shared/helpdesk/prefill-link'
import { IPC } from '../../../src/shared/ipc-channels'
import { failure, success, type Outcome } from '../../../src/shared/outcome'
import { resolveAppLocation } from '../../../src/main/electron/app-location'
import type { WindowLicenseService } from '../../../src/main/engine/service'
import type { PcLicences, SeatCheck, UserLicences } from '../../../src/shared/licences-on-pc'
import { registerIpcHandlers, type IpcMainLike } from '../../../src/main/electron/ipc'
import { createSenderCheck, type InvokeEventLike } from '../../../src/main/electron/sender-check'
import { expectOk } from '../../support/expect-ok'
import { objectContaining } from '../../support/matchers'

const APP_URL = 'app://license-manager/index.html'
const WINDOW_ID = 3
const app = resolveAppLocation({ devServerUrl: undefined, packaged: true, rendererDir: '/app/out/renderer' })

/** The channels that call the engine's service. */
const ENGINE_CHANNELS = [
  IPC.getAppInfo,
  IPC.getHardwareId,
  IPC.deactivate,
  IPC.deactivateWithSso,
  IPC.cancelSso,
  IPC.saveOfflineRequest,
  IPC.inspectOfflineRequest,
  IPC.uploadOfflineRequest,
  IPC.warmUp,
  IPC.openHelp,
  IPC.getPcLicences,
  IPC.checkSeatFree,
  IPC.getUserLicences
]
/** The channels that answer without the engine (it may be what failed to start). */
const WITHOUT_ENGINE = [IPC.getStartupFacts, IPC.getLogTail, IPC.openLogsFolder, IPC.getLanguage, IPC.chooseLanguage]
const INVOKE_CHANNELS = [...ENGINE_CHANNELS, IPC.takePrefill, IPC.resetSandbox, ...WITHOUT_ENGINE]

const appInfo: AppInfo = {
  name: 'License Manager',
  version: '0.1.0',
  os: 'linux 6.1 (x64)',
  server: 'http://127.0.0.1:4010/api/v4/',
  sandbox: true,
  defaultProduct: 'office-suite',
  defaultCustomerAccount: 'acme',
  helpUrl: 'https://support.example.com/licences',
  brand: {
    accent: { light: { colour: '#0f766e', text: '#ffffff' }, dark: { colour: '#2dd4bf', text: '#000000' } },
    logo: 'data:image/svg+xml;base64,PHN2Zy8+',
    support: { kind: 'email', address: 'support@tidewater.example' }
  }
}
const hardwareId: HardwareIdInfo = { id: 'a'.repeat(64), source: 'machine-id', description: 'SHA-256 of /etc/machine-id' }
const result: DeactivationResult = {
  product: 'office-suite',
  products: ['writer', 'sheets'],
  hardwareId: 'a'.repeat(64),
  method: 'license-key',
  at: '2025-01-01T00:00:00.000Z'
}
const offlineSummary: OfflineRequestSummary = {
  product: 'office-suite',
  hardwareId: 'a'.repeat(64),
  method: 'license-key',
  licence: '••••DDDD',
  writtenAt: '2025-01-01T00:00:00.000Z',
  writtenBy: 'License Manager 0.1.0',
  requestId: '0b6f8e4e-8c1f-4d8e-9a43-2f1d3c4b5a69',
  format: 'v2',
  writtenText: '',
  otherFields: [{ name: 'sdk_flavour', value: 'community' }],
  otherFieldsNotShown: 0
}
const facts = {
  licenceId: 1002,
  holder: { kind: 'key', maskedKey: '••••-USE' },
  seats: { used: 2, allowed: 5 },
  validUntil: null,
  startDate: null,
  enabled: true,
  active: true,
  expired: false
} as const
const pcLicences: PcLicences = {
  hardwareId: 'a'.repeat(64),
  source: 'machine-id',
  bundles: [{ ...facts, bundle: 'office-suite', bundleName: 'Office Suite', products: [{ code: 'writer', name: 'Writer' }] }],
  checkedAt: '2025-01-01T00:00:00.000Z',
  signatures: 'verified'
}
const seatCheck: SeatCheck = {
  product: 'office-suite',
  hardwareId: 'a'.repeat(64),
  state: 'free',
  checkedAt: '2025-01-01T00:00:00.000Z',
  signatures: 'verified'
}
const userLicences: UserLicences = {
  product: 'design-pack',
  licences: [
    {
      ...facts,
      holder: { kind: 'user', email: 'bob@example.test', customerAccount: null },
      bundle: 'design-pack',
      bundleName: null,
      products: null,
      onThisPc: true
    }
  ],
  signatures: 'not-configured'
}
const SAVED_PATH = '/home/ann/office-suite-aaaaaaaa-deactivate.req'
/** A stand-in for dialog.showSaveDialog that answers a chosen path, and a writeFile that keeps what it was given. */
const saveFile = { showSaveDialog: async () => ({ canceled: false, filePath: SAVED_PATH }), writeFile: async () => undefined }

function fakeService(overrides: Partial<WindowLicenseService> = {}) {
  const calls: string[] = []
  const service: WindowLicenseService = {
    appInfo: () => (calls.push('appInfo'), appInfo),
    hardwareId: async () => (calls.push('hardwareId'), success(hardwareId)),
    deactivate: async () => (calls.push('deactivate'), success(result)),
    deactivateWithSso: async (_input, onProgress) => {
      calls.push('deactivateWithSso')
      onProgress({ stage: 'opening-browser' })
      onProgress({ stage: 'waiting-for-browser', signInUrl: 'http://127.0.0.1:4010/sso/auth?state=s', browserOpened: true })
      onProgress({ stage: 'deactivating' })
      return success({ ...result, method: 'sso-code' })
    },
    cancelSso: () => (calls.push('cancelSso'), success(null)),
    warmUp: () => (calls.push('warmUp'), success({ warming: true })),
    stopWarmUp: () => (calls.push('stopWarmUp'), success(null)),
    openHelp: async () => (calls.push('openHelp'), success(null)),
    offline: {
      create: async () => (
        calls.push('offline.create'),
        success({ fileName: 'office-suite-aaaaaaaa-deactivate.req', content: 'QUJD', summary: offlineSummary })
      ),
      inspect: () => (calls.push('offline.inspect'), success(offlineSummary)),
      upload: async () => (calls.push('offline.upload'), success({ summary: offlineSummary, at: result.at }))
    },
    licencesOnPc: async () => (calls.push('licencesOnPc'), success(pcLicences)),
    checkSeatFree: async () => (calls.push('checkSeatFree'), success(seatCheck)),
    userLicences: async () => (calls.push('userLicences'), success(userLicences)),
    ...overrides
  }
  return { service, calls }
}

function fakeIpcMain() {
  const handlers = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>>()
  const ipcMain: IpcMainLike = {
    handle: (channel, listener) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`)
      handlers.set(channel, listener)
    },
    removeHandler: (channel) => {
      handlers.delete(channel)
    }
  }
  return { ipcMain, handlers }
}

interface EventOptions {
  url?: string
  parent?: unknown
  frame?: 'none'
  webContentsId?: number
  destroyed?: boolean
}

function fakeEvent(options: EventOptions = {}) {
  const sent: Array<{ channel: string; args: unknown[] }> = []
  const event: InvokeEventLike = {
    sender: {
      id: options.webContentsId ?? WINDOW_ID,
      isDestroyed: () => options.destroyed ?? false,
      send: (channel, ...args) => {
        sent.push({ channel, args })
      }
    },
    senderFrame: options.frame === 'none' ? null : { url: options.url ?? APP_URL, parent: options.parent ?? null }
  }
  return { event, sent }
}

function setup(serviceOverrides: Partial<WindowLicenseService> = {}, serviceOutcome?: Outcome<WindowLicenseService>) {
  const { service, calls } = fakeService(serviceOverrides)
  const { ipcMain, handlers } = fakeIpcMain()
  const serviceFactory = vi.fn(() => serviceOutcome ?? success(service))
  const onUnexpectedError = vi.fn()
  const dispose = registerIpcHandlers({
    ipcMain,
    service: serviceFactory,
    isTrustedSender: createSenderCheck(app, (id) => id === WINDOW_ID),
    saveFile,
    onUnexpectedError
  })
  const invoke = async (channel: string, event: InvokeEventLike, ...args: unknown[]) => {
    const handler = handlers.get(channel)
    if (!handler) throw new Error(`no handler for ${channel}`)
    return (await handler(event, ...args)) as Outcome<unknown>
  }
  return { invoke, calls, handlers, dispose, serviceFactory, onUnexpectedError }
}

const validArgs: Record<string, unknown[]> = {
  [IPC.getAppInfo]: [],
  [IPC.getHardwareId]: [],
  [IPC.deactivate]: [{ product: 'office-suite', credentials: { method: 'license-key', licenseKey: 'AAAA-BBBB-CCCC-DDDD' } }],
  [IPC.deactivateWithSso]: [{ product: 'office-suite', customerAccountCode: 'acme', grant: 'code' }],
  [IPC.cancelSso]: [],
  [IPC.warmUp]: [],
  [IPC.saveOfflineRequest]: [{ product: 'office-suite', credentials: { method: 'license-key', licenseKey: 'AAAA-BBBB-CCCC-DDDD' } }],
  [IPC.inspectOfflineRequest]: [{ content: 'QUJD' }],
  [IPC.uploadOfflineRequest]: [{ content: 'QUJD' }],
  [IPC.takePrefill]: [],
  [IPC.resetSandbox]: [],
  [IPC.getStartupFacts]: [],
  [IPC.openHelp]: [],
  [IPC.getPcLicences]: [{}],
  [IPC.checkSeatFree]: [{ product: 'office-suite', hardwareId: 'a'.repeat(64) }],
  [IPC.getUserLicences]: [{ product: 'design-pack', credentials: { method: 'user', username: 'bob@example.test', password: 'bob-password' } }],
  [IPC.getLogTail]: [],
  [IPC.openLogsFolder]: [],
  [IPC.getLanguage]: [],
  [IPC.chooseLanguage]: [{ language: 'de' }]
}

function errorCode(outcome: Outcome<unknown>): string | undefined {
  return outcome.ok ? undefined : outcome.error.code
}

describe('registerIpcHandlers', () => {
  it('handles every invoke channel of the contract (progress is pushed, not invoked) and removes them again', () => {
    const { handlers, dispose } = setup()
    const pushOnly = [IPC.ssoProgress, IPC.prefillArrived]
    expect([...handlers.keys()].sort()).toEqual(
      Object.values(IPC)
        .filter((c) => !pushOnly.includes(c as never))
        .sort()
    )
    expect([...handlers.keys()].sort()).toEqual([...INVOKE_CHANNELS].sort())
    dispose()
    expect(handlers.size).toBe(0)
  })

  describe('refuses callers other than the app window’s main frame, before touching the engine', () => {
    const untrusted: Array<[string, EventOptions]> = [
      ['a destroyed or navigated frame (senderFrame null)', { frame: 'none' }],
      ['a sub-frame of the app', { parent: { url: APP_URL } }],
      ['a page of another origin', { url: 'https://evil.test/' }],
      ['another local file', { url: 'file:///tmp/evil.html' }],
      ['the built page opened as a file', { url: 'file:///app/out/renderer/index.html' }],
      ['another app:// host', { url: 'app://other-app/index.html' }],
      ['another WebContents showing the app page', { webContentsId: 99 }]
    ]
    for (const channel of INVOKE_CHANNELS) {
      it.each(untrusted)(`${channel} from %s`, async (_name, options) => {
        const { invoke, calls, serviceFactory } = setup()
        const outcome = await invoke(channel, fakeEvent(options).event, ...validArgs[channel]!)
        expect(outcome).toEqual({
          ok: false,
          error: objectContaining({
            code: 'ipc_forbidden',
            family: 'setup',
            status: 0,
            explanation: 'A call to the licence engine came from outside the app’s window and was refused. Nothing was sent.'
          })
        })
        expect(calls).toEqual([])
        expect(serviceFactory).not.toHaveBeenCalled()
      })
    }
  })

  it('ipc_forbidden is in the catalogue as a setup error without HTTP status', () => {
    expect(ERROR_CATALOGUE.ipc_forbidden).toMatchObject({ family: 'setup', status: 0 })
  })

  describe('refuses malformed payloads with invalid_input, without calling the engine', () => {
    const cases: Array<[string, unknown[], string]> = [
      [IPC.deactivate, [], 'request'],
      [IPC.deactivate, [null], 'request'],
      [IPC.deactivate, ['office-suite'], 'request'],
      [IPC.deactivate, [[{ product: 'x' }]], 'request'],
      [IPC.deactivate, [{ product: 'x', credentials: { method: 'license-key', licenseKey: 'k' } }, { extra: true }], 'request'],
      [IPC.deactivate, [{ licenseKey: 'k' }], 'product'],
      [IPC.deactivate, [{ product: 42, credentials: { method: 'license-key', licenseKey: 'k' } }], 'product'],
      [IPC.deactivate, [{ product: 'x', licenseId: true, credentials: { method: 'license-key', licenseKey: 'k' } }], 'licenseId'],
      [IPC.deactivate, [{ product: 'x', credentials: { method: 'user', password: 'p'.repeat(1025), username: 'u' } }], 'password'],
      [IPC.deactivate, [{ product: 'x', credentials: { method: 'license-key', licenseKey: 'k', code: 'smuggled-code' } }], 'code'],
      [IPC.deactivate, [JSON.parse('{"product":"x","credentials":{"method":"license-key","licenseKey":"k"},"__proto__":{"polluted":true}}')], '__proto__'],
      [IPC.deactivateWithSso, [{ product: 'x', customerAccountCode: 'acme', grant: 'implicit' }], 'grant'],
      [IPC.deactivateWithSso, [{ product: 'x', grant: 'code' }], 'customerAccountCode'],
      [IPC.deactivateWithSso, [{ product: 'x', customerAccountCode: 'acme', grant: 'code', hardwareId: 'h'.repeat(257) }], 'hardwareId'],
      [IPC.getAppInfo, [{ anything: 1 }], 'request'],
      [IPC.getHardwareId, ['override'], 'request'],
      [IPC.cancelSso, [1], 'request'],
      [IPC.saveOfflineRequest, [{ product: 'x', credentials: { method: 'user', username: 'u', password: 'p' } }], 'password'],
      [IPC.saveOfflineRequest, [{ product: 'x', credentials: { method: 'license-key', licenseKey: 'k', idToken: 't' } }], 'idToken'],
      [IPC.inspectOfflineRequest, [{ content: 'A'.repeat(64 * 1024 + 1) }], 'content'],
      [IPC.uploadOfflineRequest, [{ content: 42 }], 'content'],
      [IPC.uploadOfflineRequest, [{ content: 'QUJD', path: '/etc/passwd' }], 'path']
    ]
    it.each(cases)('%s %j → field %s', async (channel, args, field) => {
      const { invoke, calls, serviceFactory } = setup()
      const outcome = await invoke(channel, fakeEvent().event, ...args)
      expect(outcome.ok).toBe(false)
      if (!outcome.ok) {
        expect(outcome.error).toMatchObject({ code: 'invalid_input', family: 'input', field })
        expect(outcome.error.explanation).toMatch(/Nothing was sent\.$/)
      }
      expect(calls).toEqual([])
      expect(serviceFactory).not.toHaveBeenCalled()
    })

    it('does not echo a rejected value back', async () => {
      const { invoke } = setup()
      const outcome = await invoke(IPC.deactivate, fakeEvent().event, {
        product: 'x',
        credentials: { method: 'user', username: 'u', password: `SECRET-${'p'.repeat(2000)}` }
      })
      expect(errorCode(outcome)).toBe('invalid_input')
      expect(JSON.stringify(outcome)).not.toContain('SECRET')
    })
  })

  it('passes valid calls to the engine and its outcomes back', async () => {
    const { invoke, calls } = setup()
    const { event } = fakeEvent()
    expect(await invoke(IPC.getAppInfo, event)).toEqual(success(appInfo))
    expect(await invoke(IPC.getHardwareId, event)).toEqual(success(hardwareId))
    expect(await invoke(IPC.deactivate, event, ...validArgs[IPC.deactivate]!)).toEqual(success(result))
    expect(await invoke(IPC.cancelSso, event)).toEqual(success(null))
    expect(calls).toEqual(['appInfo', 'hardwareId', 'deactivate', 'cancelSso'])
  })

  it('gives the engine exactly the request the schema checked', async () => {
    const deactivate = vi.fn(async () => success(result))
    const { invoke } = setup({ deactivate })
    const input = {
      product: ' office-suite ',
      hardwareId: 'override-id',
      licenseId: '1001',
      credentials: { method: 'user', username: ' ann@acme.test', password: ' spaced ' }
    }
    await invoke(IPC.deactivate, fakeEvent().event, input)
    expect(deactivate).toHaveBeenCalledWith({
      product: 'office-suite',
      hardwareId: 'override-id',
      licenseId: 1001,
      credentials: { method: 'user', username: 'ann@acme.test', password: ' spaced ' }
    })
  })

  it('hands the window a waiting helpdesk link once, field by field, and a refused one as its error', async () => {
    const { ipcMain, handlers } = fakeIpcMain()
    const { service } = fakeService()
    const prefills = createPrefillInbox()
    registerIpcHandlers({ ipcMain, service: () => success(service), isTrustedSender: createSenderCheck(app, (id) => id === WINDOW_ID), prefills })
    const take = () => handlers.get(IPC.takePrefill)!(fakeEvent().event) as Promise<Outcome<unknown>>
    expect(await take()).toEqual(success(null))
    prefills.offer(success({ product: 'office-suite', method: 'user', smuggled: 'x' } as never))
    expect(await take()).toEqual(success({ product: 'office-suite', method: 'user' }))
    expect(await take()).toEqual(success(null))
    prefills.offer(parsePrefillLink('license-manager://deactivate?password=hunter2'))
    const refused = await take()
    expect(errorCode(refused)).toBe('prefill_link_invalid')
    expect(JSON.stringify(refused)).not.toContain('hunter2')
  })

  it('resets the sandbox only when one runs', async () => {
    const { ipcMain, handlers } = fakeIpcMain()
    const { service } = fakeService()
    let resets = 0
    let running = true
    registerIpcHandlers({
      ipcMain,
      service: () => success(service),
      isTrustedSender: createSenderCheck(app, (id) => id === WINDOW_ID),
      sandboxReset: async () =>
        running
          ? () => {
              resets++
            }
          : null
    })
    const reset = () => handlers.get(IPC.resetSandbox)!(fakeEvent().event) as Promise<Outcome<unknown>>
    expect(await reset()).toEqual(success(null))
    expect(resets).toBe(1)
    running = false
    expect(errorCode(await reset())).toBe('invalid_input')
    expect(resets).toBe(1)
  })

  it('accepts the dev server page when the app runs from it', async () => {
    const dev = resolveAppLocation({ devServerUrl: 'http://localhost:5173/', packaged: false, rendererDir: '/x' })
    const { ipcMain, handlers } = fakeIpcMain()
    const { service } = fakeService()
    registerIpcHandlers({ ipcMain, service: () => success(service), isTrustedSender: createSenderCheck(dev, (id) => id === WINDOW_ID) })
    const handler = handlers.get(IPC.getAppInfo)!
    expect(await handler(fakeEvent({ url: 'http://localhost:5173/' }).event)).toEqual(success(appInfo))
    expect(errorCode((await handler(fakeEvent({ url: APP_URL }).event)) as Outcome<unknown>)).toBe('ipc_forbidden')
  })

  it('passes engine failures through as typed errors', async () => {
    const refused = describeError('device_not_found', { status: 400, serverMessage: 'Device not found' })
    const { invoke } = setup({ deactivate: async () => failure(refused) })
    expect(await invoke(IPC.deactivate, fakeEvent().event, ...validArgs[IPC.deactivate]!)).toEqual(failure(refused))
  })

  it('returns the start-up failure (e.g. bad configuration) to every call', async () => {
    const broken = describeError('config_invalid', { detail: { problem: 'resources/config.json: apiUrl must be https.' } })
    const { invoke, calls } = setup({}, failure(broken))
    for (const channel of INVOKE_CHANNELS.filter((c) => !WITHOUT_ENGINE.includes(c as never))) {
      expect(await invoke(channel, fakeEvent().event, ...validArgs[channel]!)).toEqual(failure(broken))
    }
    expect(calls).toEqual([])
  })

  it('answers the start-up facts without the engine, and only to the app’s window', async () => {
    const { ipcMain, handlers } = fakeIpcMain()
    const service = vi.fn(() => failure(describeError('config_invalid')))
    const facts = {
      name: 'License Manager',
      version: '0.1.0',
      os: 'linux',
      hardwareId: { id: 'pc-1', source: 'machine-id' as const, description: 'd', extra: 'dropped' }
    }
    registerIpcHandlers({ ipcMain, service, isTrustedSender: createSenderCheck(app, (id) => id === WINDOW_ID), startupFacts: async () => facts })
    const handler = handlers.get(IPC.getStartupFacts)!
    expect(await handler(fakeEvent().event)).toEqual(
      success({ name: 'License Manager', version: '0.1.0', os: 'linux', hardwareId: { id: 'pc-1', source: 'machine-id', description: 'd' } })
    )
    expect(service).not.toHaveBeenCalled()
    const stranger = { ...fakeEvent().event, sender: { id: WINDOW_ID + 1, isDestroyed: () => false, send: () => undefined } }
    expect(await handler(stranger)).toMatchObject({ ok: false, error: { code: 'ipc_forbidden' } })
    expect(await handler(fakeEvent().event, 'extra')).toMatchObject({ ok: false })
  })

  describe('never throws across IPC', () => {
    const boom = () => {
      throw new Error('boom with sharedKey=s3cr3t')
    }
    const throwing: Array<[string, Partial<WindowLicenseService>]> = [
      [IPC.getAppInfo, { appInfo: boom }],
      [IPC.getHardwareId, { hardwareId: async () => boom() }],
      [IPC.deactivate, { deactivate: async () => boom() }],
      [IPC.deactivateWithSso, { deactivateWithSso: boom }],
      [IPC.cancelSso, { cancelSso: boom }],
      [IPC.saveOfflineRequest, { offline: { create: boom, inspect: boom, upload: boom } }],
      [IPC.inspectOfflineRequest, { offline: { create: boom, inspect: boom, upload: boom } }],
      [IPC.uploadOfflineRequest, { offline: { create: boom, inspect: boom, upload: async () => boom() } }]
    ]
    it.each(throwing)('%s: a throwing engine becomes app_internal_error, without its message', async (channel, overrides) => {
      const { invoke, onUnexpectedError } = setup(overrides)
      const outcome = await invoke(channel, fakeEvent().event, ...validArgs[channel]!)
      expect(outcome).toEqual(failure(describeError('app_internal_error')))
      expect(JSON.stringify(outcome)).not.toContain('s3cr3t')
      expect(onUnexpectedError).toHaveBeenCalledWith(channel, expect.any(Error))
    })

    it('a rejecting service factory becomes app_internal_error too', async () => {
      const { ipcMain, handlers } = fakeIpcMain()
      registerIpcHandlers({
        ipcMain,
        service: () => Promise.reject(new Error('sandbox crashed')),
        isTrustedSender: createSenderCheck(app, () => true)
      })
      expect(await handlers.get(IPC.getAppInfo)!(fakeEvent().event)).toEqual(failure(describeError('app_internal_error')))
    })
  })

  describe('SSO progress', () => {
    it('is pushed to the window that started the sign-in, on the progress channel, as plain values', async () => {
      const { invoke } = setup()
      const { event, sent } = fakeEvent()
      const outcome = await invoke(IPC.deactivateWithSso, event, ...validArgs[IPC.deactivateWithSso]!)
      expect(outcome).toEqual(success({ ...result, method: 'sso-code' }))
      expect(sent).toEqual([
        { channel: IPC.ssoProgress, args: [{ stage: 'opening-browser' }] },
        { channel: IPC.ssoProgress, args: [{ stage: 'waiting-for-browser', signInUrl: 'http://127.0.0.1:4010/sso/auth?state=s', browserOpened: true }] },
        { channel: IPC.ssoProgress, args: [{ stage: 'deactivating' }] }
      ])
    })

    it('is dropped once the window is gone, and a failing send does not break the sign-in', async () => {
      const { invoke } = setup()
      const closed = fakeEvent({ destroyed: true })
      expectOk(await invoke(IPC.deactivateWithSso, closed.event, ...validArgs[IPC.deactivateWithSso]!))
      expect(closed.sent).toEqual([])

      const { invoke: invoke2, onUnexpectedError } = setup()
      const broken = fakeEvent()
      broken.event.sender.send = () => {
        throw new Error('Render frame was disposed')
      }
      expectOk(await invoke2(IPC.deactivateWithSso, broken.event, ...validArgs[IPC.deactivateWithSso]!))
      expect(onUnexpectedError).toHaveBeenCalledWith(IPC.ssoProgress, expect.any(Error))
    })
  })
})

/*
 * The contract carries no secret back to the window. An engine that leaks (echoes its
 * request, keeps a token on a result, attaches the failing request to an error) must
 * still produce results with exactly the fields of src/shared/api.ts.
 */
describe('nothing secret crosses IPC to the window', () => {
  const SECRETS = {
    password: 'pw-SECRET-1',
    idToken: 'idtoken-SECRET-2',
    sharedKey: 'sharedkey-SECRET-3',
    clientSecret: 'clientsecret-SECRET-4',
    code: 'authcode-SECRET-5',
    accessToken: 'accesstoken-SECRET-6',
    apiKey: 'apikey-SECRET-7'
  }
  const { code, ...named } = SECRETS
  // `code` is also AppError's own field name, so the leaked authorization code rides under other names.
  const leak = { ...named, authorizationCode: code, token: SECRETS.accessToken, request: { password: SECRETS.password, id_token: SECRETS.idToken, code } }
  const FORBIDDEN_KEYS = [
    'password',
    'sharedKey',
    'clientSecret',
    'token',
    'idToken',
    'id_token',
    'accessToken',
    'apiKey',
    'authorizationCode',
    'request',
    'cause'
  ]
  const keysDeep = (value: unknown): string[] =>
    value !== null && typeof value === 'object' ? Object.entries(value).flatMap(([k, v]) => [k, ...keysDeep(v)]) : []

  const leakyProgress = [
    { stage: 'opening-browser', code: SECRETS.code },
    { stage: 'waiting-for-browser', signInUrl: 'https://idp.example.com/authorize?state=s', browserOpened: false, clientSecret: SECRETS.clientSecret },
    { stage: 'deactivating', idToken: SECRETS.idToken }
  ] as unknown as SsoProgress[]

  const leakyError = { ...describeError('license_not_found', { status: 400, serverMessage: 'License not found' }), ...leak, cause: leak }

  const leaky = (ok: boolean): WindowLicenseService => ({
    appInfo: () => ({
      ...appInfo,
      ...leak,
      brand: {
        ...appInfo.brand,
        ...leak,
        accent: appInfo.brand.accent && { light: { ...appInfo.brand.accent.light, ...leak }, dark: { ...appInfo.brand.accent.dark, ...leak } },
        support: { kind: 'web', address: 'https://support.tidewater.example/', ...leak }
      }
    }),
    hardwareId: async () => (ok ? success({ ...hardwareId, ...leak }) : failure(leakyError)),
    deactivate: async () => (ok ? success({ ...result, ...leak }) : failure(leakyError)),
    deactivateWithSso: async (_input, onProgress) => {
      for (const p of leakyProgress) onProgress(p)
      return ok ? success({ ...result, ...leak }) : failure(leakyError)
    },
    cancelSso: () => (ok ? ({ ok: true, value: leak } as unknown as Outcome<null>) : failure(leakyError)),
    warmUp: () => (ok ? success({ warming: true, ...leak }) : failure(leakyError)),
    stopWarmUp: () => success(null),
    openHelp: async () => (ok ? ({ ok: true, value: leak } as unknown as Outcome<null>) : failure(leakyError)),
    offline: {
      create: async () => (ok ? success({ fileName: 'f.req', content: 'QUJD', summary: { ...offlineSummary, ...leak } }) : failure(leakyError)),
      inspect: () => (ok ? success({ ...offlineSummary, ...leak }) : failure(leakyError)),
      upload: async () => (ok ? success({ summary: { ...offlineSummary, ...leak }, at: result.at, ...leak }) : failure(leakyError))
    },
    licencesOnPc: async () =>
      ok
        ? success({
            ...pcLicences,
            ...leak,
            bundles: pcLicences.bundles.map((b) => ({ ...b, ...leak, holder: { ...b.holder, ...leak }, products: b.products.map((p) => ({ ...p, ...leak })) }))
          })
        : failure(leakyError),
    checkSeatFree: async () => (ok ? success({ ...seatCheck, ...leak }) : failure(leakyError)),
    userLicences: async () =>
      ok
        ? success({ ...userLicences, ...leak, licences: userLicences.licences.map((l) => ({ ...l, ...leak, seats: { ...l.seats!, ...leak } })) })
        : failure(leakyError)
  })

  const secretInput: Record<string, unknown[]> = {
    ...validArgs,
    [IPC.deactivate]: [{ product: 'office-suite', credentials: { method: 'user', username: 'ann@acme.test', password: SECRETS.password } }],
    [IPC.getUserLicences]: [{ product: 'design-pack', credentials: { method: 'user', username: 'ann@acme.test', password: SECRETS.password } }]
  }

  const CONTRACT_KEYS: Record<string, string[]> = {
    [IPC.getAppInfo]: ['brand', 'defaultCustomerAccount', 'defaultProduct', 'helpUrl', 'name', 'os', 'sandbox', 'server', 'version'],
    [IPC.getHardwareId]: ['description', 'id', 'source'],
    [IPC.deactivate]: ['at', 'hardwareId', 'method', 'product', 'products'],
    [IPC.deactivateWithSso]: ['at', 'hardwareId', 'method', 'product', 'products'],
    [IPC.warmUp]: ['warming'],
    [IPC.saveOfflineRequest]: ['path', 'saved', 'summary'],
    [IPC.inspectOfflineRequest]: Object.keys(offlineSummary).sort(),
    [IPC.uploadOfflineRequest]: ['at', 'summary'],
    [IPC.getPcLicences]: Object.keys(pcLicences).sort(),
    [IPC.checkSeatFree]: Object.keys(seatCheck).sort(),
    [IPC.getUserLicences]: Object.keys(userLicences).sort()
  }
  const ERROR_KEYS = ['action', 'code', 'explanation', 'family', 'serverMessage', 'status', 'title']

  for (const ok of [true, false]) {
    it.each(ENGINE_CHANNELS)(`%s (${ok ? 'success' : 'failure'}): only contract fields, no secret values`, async (channel) => {
      const { ipcMain, handlers } = fakeIpcMain()
      registerIpcHandlers({ ipcMain, service: () => success(leaky(ok)), isTrustedSender: createSenderCheck(app, () => true), saveFile })
      const { event, sent } = fakeEvent()
      const outcome = (await handlers.get(channel)!(event, ...secretInput[channel]!)) as Outcome<unknown>

      const wire = JSON.stringify({ outcome, sent })
      for (const secret of Object.values(SECRETS)) expect(wire).not.toContain(secret)
      const keys = keysDeep(JSON.parse(wire))
      for (const name of FORBIDDEN_KEYS) expect(keys).not.toContain(name)

      if (outcome.ok) {
        if (channel === IPC.getAppInfo) {
          const { brand } = outcome.value as AppInfo
          expect(Object.keys(brand).sort()).toEqual(['accent', 'logo', 'support'])
          expect(Object.keys(brand.accent!.dark).sort()).toEqual(['colour', 'text'])
          expect(brand.support).toEqual({ kind: 'web', address: 'https://support.tidewater.example/' })
        }
        if (channel === IPC.cancelSso || channel === IPC.openHelp) expect(outcome.value).toBeNull()
        else expect(Object.keys(outcome.value as object).sort()).toEqual(CONTRACT_KEYS[channel])
      } else {
        expect(Object.keys(outcome.error).sort()).toEqual(ERROR_KEYS)
      }
      for (const { args } of sent) {
        const progress = args[0] as SsoProgress
        const allowed = progress.stage === 'waiting-for-browser' ? ['browserOpened', 'signInUrl', 'stage'] : ['stage']
        expect(Object.keys(progress).sort()).toEqual(allowed)
      }
    })
  }
})
