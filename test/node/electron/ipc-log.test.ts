import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { DeactivationResult, LogTail } from '../../../src/shared/api'
import { NEUTRAL_BRAND } from '../../../src/shared/brand/brand-info'
import { describeError, describeServerError } from '../../../src/shared/errors'
import { REFERENCE_PATTERN } from '../../../src/shared/helpdesk/reference'
import { IPC } from '../../../src/shared/ipc-channels'
import { failure, success, type Outcome } from '../../../src/shared/outcome'
import { resolveAppLocation } from '../../../src/main/electron/app-location'
import { registerIpcHandlers, type IpcMainLike } from '../../../src/main/electron/ipc'
import { ipcOutcomeLog, type LogAccess } from '../../../src/main/electron/ipc-log'
import { createSenderCheck, type InvokeEventLike } from '../../../src/main/electron/sender-check'
import type { WindowLicenseService } from '../../../src/main/engine/service'
import { createLogFile } from '../../../src/main/logging/log-file'
import { createLogger } from '../../../src/main/logging/logger'

/*
 * The shell's IPC handlers with the log attached, as src/main/index.ts wires them: each call's
 * outcome is logged (failures always, what the person did when it succeeds) under the reference
 * its answer carries to the window.
 */

const APP_URL = 'app://license-manager/index.html'
const WINDOW_ID = 7
const LICENCE_KEY = 'OFFICE-2222-IN-USE'
const PASSWORD = 'correct horse battery staple'
const location = resolveAppLocation({ devServerUrl: undefined, packaged: true, rendererDir: '/app/out/renderer' })
const result: DeactivationResult = {
  product: 'office-suite',
  products: null,
  hardwareId: 'a'.repeat(64),
  method: 'license-key',
  at: '2026-01-01T00:00:00.000Z'
}

let dir: string
let logPath: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lm-ipc-log-'))
  logPath = join(dir, 'main.log')
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const logLines = () => readFileSync(logPath, 'utf8').split('\n').filter(Boolean)

function setup(service: Partial<WindowLicenseService>, options: { engine?: Outcome<never>; logs?: LogAccess } = {}) {
  const handlers = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>>()
  const ipcMain: IpcMainLike = { handle: (channel, listener) => void handlers.set(channel, listener), removeHandler: () => undefined }
  registerIpcHandlers({
    ipcMain,
    service: () => options.engine ?? success(service as WindowLicenseService),
    isTrustedSender: createSenderCheck(location, (id) => id === WINDOW_ID),
    logOutcome: ipcOutcomeLog(createLogger({ file: createLogFile({ path: logPath }) })),
    ...(options.logs ? { logs: options.logs } : {})
  })
  const event = (id = WINDOW_ID): InvokeEventLike => ({
    sender: { id, isDestroyed: () => false, send: () => undefined },
    senderFrame: { url: APP_URL, parent: null }
  })
  const invoke = async (channel: string, ...args: unknown[]) => (await handlers.get(channel)!(event(), ...args)) as Outcome<unknown>
  /** A call from another WebContents than the app's window. */
  invoke.fromStranger = async (channel: string, ...args: unknown[]) => (await handlers.get(channel)!(event(WINDOW_ID + 1), ...args)) as Outcome<unknown>
  return invoke
}

const keyRequest = { product: 'office-suite', credentials: { method: 'license-key', licenseKey: LICENCE_KEY } }

describe('each window call’s outcome in the log', () => {
  it('a failed deactivation: logged with code, status, bundle and method, under the reference the window gets; no secret', async () => {
    const refused = describeServerError('license_not_found', { status: 400, serverMessage: `No licence ${LICENCE_KEY}` })
    const invoke = setup({ deactivate: async () => failure(refused) })
    const outcome = await invoke(IPC.deactivate, keyRequest)
    if (outcome.ok) throw new Error('expected a failure')
    const reference = outcome.error.reference!
    expect(reference).toMatch(REFERENCE_PATTERN)
    const [line] = logLines()
    expect(line).toMatch(/^\S+Z error deactivate result=failed code=license_not_found status=400 family=credentials /)
    expect(line).toContain(`reference=${reference}`)
    expect(line).toMatch(/durationMs=\d+ product=office-suite method=license-key$/)
    expect(line).not.toContain(LICENCE_KEY)
    expect(line).toContain('serverMessage="No licence [removed]"')
  })

  it('a successful deactivation: logged, and its answer carries the reference too', async () => {
    const invoke = setup({ deactivate: async () => success(result) })
    const outcome = await invoke(IPC.deactivate, { product: 'office-suite', credentials: { method: 'user', username: 'ann@acme.test', password: PASSWORD } })
    if (!outcome.ok) throw new Error('expected a success')
    const { reference } = outcome.value as DeactivationResult
    expect(reference).toMatch(/^LM-YES-200-/)
    expect(logLines()).toEqual([
      expect.stringMatching(new RegExp(`info deactivate result=ok reference=${reference} durationMs=\\d+ product=office-suite method=user$`))
    ])
    expect(readFileSync(logPath, 'utf8')).not.toContain('correct horse')
  })

  it('a browser sign-in names its grant; an override of the hardware id is noted, not its value', async () => {
    const invoke = setup({ deactivateWithSso: async () => failure(describeError('sso_cancelled')) })
    await invoke(IPC.deactivateWithSso, { product: 'office-suite', customerAccountCode: 'acme', grant: 'token', hardwareId: 'other-pc-id' })
    expect(logLines()[0]).toMatch(
      /error deactivate-with-sso result=failed code=sso_cancelled .* product=office-suite method=sso-token hardwareIdOverride=true$/
    )
    expect(logLines()[0]).not.toContain('other-pc-id')
  })

  it('what the window asks to draw itself is not logged when it succeeds, and is when it fails', async () => {
    const invoke = setup({
      appInfo: () => ({
        name: 'License Manager',
        version: '0.1.0',
        os: 'linux',
        server: 'built-in sandbox',
        sandbox: true,
        defaultProduct: '',
        defaultCustomerAccount: '',
        helpUrl: null,
        brand: NEUTRAL_BRAND
      }),
      warmUp: () => success({ warming: true }),
      hardwareId: async () => failure(describeError('hardware_id_unavailable'))
    })
    await invoke(IPC.getAppInfo)
    await invoke(IPC.warmUp)
    expect(await invoke(IPC.getHardwareId)).toMatchObject({ ok: false, error: { reference: expect.stringMatching(/^LM-HWX-PC-/) as string } })
    expect(logLines()).toEqual([expect.stringContaining('error get-hardware-id result=failed code=hardware_id_unavailable')])
  })

  it('a refused caller and a bad payload are logged too', async () => {
    const invoke = setup({})
    expect(await invoke.fromStranger(IPC.deactivate, keyRequest)).toMatchObject({ ok: false, error: { code: 'ipc_forbidden' } })
    expect(await invoke(IPC.deactivate, { product: 42 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(logLines()).toEqual([
      expect.stringMatching(/error deactivate result=failed code=ipc_forbidden .*durationMs=\d+$/),
      expect.stringContaining('error deactivate result=failed code=invalid_input')
    ])
    expect(readFileSync(logPath, 'utf8')).not.toContain(LICENCE_KEY)
  })

  it('the engine’s start-up failure, already logged with its reference, is answered as it is and not logged again', async () => {
    const startFailed = { ...describeError('config_invalid'), reference: 'LM-CFG-PC-7K3Q' }
    const invoke = setup({}, { engine: failure(startFailed) })
    expect(await invoke(IPC.deactivate, keyRequest)).toMatchObject({ ok: false, error: { code: 'config_invalid', reference: 'LM-CFG-PC-7K3Q' } })
    expect(() => logLines()).toThrow(/ENOENT/)
  })
})

describe('the log for the window', () => {
  const tail: LogTail = { folder: '/logs', file: '/logs/main.log', lines: ['a', 'b'] }

  it('answers its tail and opens its folder without the engine', async () => {
    let opened = 0
    const invoke = setup(
      {},
      {
        engine: failure(describeError('config_invalid')),
        logs: {
          tail: () => ({ ...tail, extra: 'dropped' }) as LogTail,
          openFolder: async () => (opened++, true)
        }
      }
    )
    expect(await invoke(IPC.getLogTail)).toEqual(success(tail))
    expect(await invoke(IPC.openLogsFolder)).toEqual(success(null))
    expect(opened).toBe(1)
  })

  it('says so when the folder could not be opened, or no log is kept', async () => {
    const cannotOpen = setup({}, { logs: { tail: () => tail, openFolder: async () => false } })
    expect(await cannotOpen(IPC.openLogsFolder)).toMatchObject({
      ok: false,
      error: { code: 'logs_unavailable', explanation: expect.stringContaining('could not be opened') as string }
    })
    const noLog = setup({})
    expect(await noLog(IPC.getLogTail)).toMatchObject({ ok: false, error: { code: 'logs_unavailable' } })
  })
})
