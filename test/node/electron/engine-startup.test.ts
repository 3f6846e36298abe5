import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { describeError } from '../../../src/shared/errors'
import { failure } from '../../../src/shared/outcome'
import { IPC } from '../../../src/shared/ipc-channels'
import type { Outcome } from '../../../src/shared/outcome'
import { startSandbox } from '../../../src/sandbox/server'
import { loadConfig, type ConfigEnv } from '../../../src/main/engine/config'
import { createHardwareIdSource } from '../../../src/main/engine/hardware-id'
import { createLicenseService } from '../../../src/main/engine/service'
import { resolveAppLocation } from '../../../src/main/electron/app-location'
import {
  describeOs,
  readStartupFacts,
  restartingOnFailure,
  startEngine,
  type EngineStartupDeps,
  type RunningEngine
} from '../../../src/main/electron/engine-startup'
import { registerIpcHandlers, type IpcMainLike } from '../../../src/main/electron/ipc'
import { createSenderCheck, type InvokeEventLike } from '../../../src/main/electron/sender-check'
import { expectOk } from '../../support/expect-ok'
import { anyString, objectContaining } from '../../support/matchers'

const running: RunningEngine[] = []
afterEach(async () => {
  await Promise.all(running.splice(0).map((e) => e.close()))
})

function deps(env: ConfigEnv, overrides: Partial<EngineStartupDeps> = {}) {
  const sandboxStarts = vi.fn(startSandbox)
  const all: EngineStartupDeps = {
    loadConfig: () => loadConfig({ env }),
    startSandbox: sandboxStarts,
    createLicenseService,
    fetch: globalThis.fetch,
    openExternal: async () => undefined,
    app: { name: 'License Manager', version: '0.1.0', os: describeOs('linux', '6.1.0', 'x64') },
    ...overrides
  }
  return { all, sandboxStarts }
}

async function started(d: EngineStartupDeps) {
  const engine = await startEngine(d)
  running.push(engine)
  return engine
}

describe('startEngine', () => {
  it('with no server configured, runs the sandbox in-process and says so', async () => {
    const { all, sandboxStarts } = deps({})
    const engine = await started(all)
    expect(sandboxStarts).toHaveBeenCalledWith(expect.objectContaining({ port: 0, quiet: true }))
    expect(engine.sandbox).toBe(true)
    const info = expectOk(engine.service).appInfo()
    expect(info.sandbox).toBe(true)
    expect(info.server).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v4\/$/)
    expect(info.os).toBe('linux 6.1.0 (x64)')
  })

  it('serves the window end to end: IPC → engine → sandbox over HTTP, and closing stops the sandbox', async () => {
    const { all } = deps({})
    const engine = await started(all)
    const handlers = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>>()
    const ipcMain: IpcMainLike = { handle: (c, l) => void handlers.set(c, l), removeHandler: (c) => void handlers.delete(c) }
    const app = resolveAppLocation({ devServerUrl: undefined, packaged: true, rendererDir: '/app/out/renderer' })
    registerIpcHandlers({ ipcMain, service: () => engine.service, isTrustedSender: createSenderCheck(app, (id) => id === 1) })
    const event: InvokeEventLike = {
      sender: { id: 1, isDestroyed: () => false, send: () => undefined },
      senderFrame: { url: 'app://license-manager/index.html', parent: null }
    }
    const input = { product: 'office-suite', hardwareId: 'sandbox-pc-1', credentials: { method: 'license-key', licenseKey: 'OFFICE-2222-IN-USE' } }

    const first = (await handlers.get(IPC.deactivate)!(event, input)) as Outcome<unknown>
    expect(first).toEqual({
      ok: true,
      value: { product: 'office-suite', products: ['writer', 'sheets', 'slides'], hardwareId: 'sandbox-pc-1', method: 'license-key', at: anyString() }
    })
    const again = (await handlers.get(IPC.deactivate)!(event, input)) as Outcome<unknown>
    expect(again.ok ? null : again.error.code).toBe('device_not_found')

    const info = expectOk((await handlers.get(IPC.getAppInfo)!(event)) as Outcome<{ server: string }>)
    await engine.close()
    await expect(fetch(info.server)).rejects.toThrow()
  })

  it('in sandbox mode the browser may be sent over plain http to the sandbox’s own provider only', async () => {
    const opened: string[] = []
    const { all, sandboxStarts } = deps({}, { openExternal: async (url) => void opened.push(url) })
    const created = vi.fn(createLicenseService)
    await started({ ...all, createLicenseService: created })
    const open = created.mock.calls[0]![0].openExternal
    const [start] = sandboxStarts.mock.results
    if (start?.type !== 'return') throw new Error('the sandbox did not start')
    const sandbox = await start.value
    const issuer = String(sandbox.summary().sso['issuer'])
    expect(issuer).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    await open(`${issuer}/auth?client_id=license-users`)
    const port = Number(new URL(issuer).port)
    for (const other of [`http://127.0.0.1:${port + 1}/auth`, `http://localhost:${port}/auth`, 'http://127.0.0.1/', 'file:///etc/passwd']) {
      await expect(open(other), other).rejects.toThrow(/Refused to open an external URL/)
    }
    await open('https://idp.example/auth')
    expect(opened).toEqual([`${issuer}/auth?client_id=license-users`, 'https://idp.example/auth'])
  })

  it('with a server configured over https, opens only https pages', async () => {
    const opened: string[] = []
    const created = vi.fn(createLicenseService)
    const { all } = deps(
      { LM_API_URL: 'https://licence.example.test/api/v4/', LM_API_KEY: 'key', LM_SHARED_KEY: 'shared' },
      { openExternal: async (url) => void opened.push(url), createLicenseService: created }
    )
    await started(all)
    const open = created.mock.calls[0]![0].openExternal
    await expect(open('http://127.0.0.1:4010/auth')).rejects.toThrow(/Refused/)
    await open('https://idp.example/auth')
    expect(opened).toEqual(['https://idp.example/auth'])
  })

  it("hands the warmer to the engine: the window's warm-up call preconnects to the configured server, and LM_WARM_UP=false turns it off", async () => {
    const env = { LM_API_URL: 'https://licence.example.test/api/v4/', LM_API_KEY: 'key', LM_SHARED_KEY: 'shared' }
    for (const [extra, expected] of [
      [{}, ['https://licence.example.test']],
      [{ LM_WARM_UP: 'false' }, []]
    ] as const) {
      const warmed: string[] = []
      const { all } = deps({ ...env, ...extra }, { warmer: { warm: (origin) => void warmed.push(origin) } })
      const engine = await started(all)
      const service = expectOk(engine.service)
      expect(service.warmUp()).toEqual({ ok: true, value: { warming: expected.length > 0 } })
      service.stopWarmUp()
      expect(warmed).toEqual(expected)
    }
  })

  it('the first try works: the sandbox starts with the id this PC sends activated on the documented key and user, and resetting restores it', async () => {
    const thisPc = 'first-try-pc-0001'
    const { all } = deps({}, { hardwareIdSource: createHardwareIdSource({ fixedMachineId: () => thisPc }) })
    const engine = await started(all)
    if (!engine.service.ok || !engine.resetSandbox) throw new Error('no sandbox service')
    const service = engine.service.value
    expect(await service.hardwareId()).toMatchObject({ ok: true, value: { id: thisPc } })
    // "Licences on this PC" lists what the sandbox pre-activated, its signatures checked with the sandbox's own key.
    const held = await service.licencesOnPc({})
    expect(held.ok ? [held.value.source, held.value.signatures, held.value.bundles.map((b) => b.bundle)] : held.error.code).toEqual([
      'machine-id',
      'verified',
      ['office-suite', 'design-pack', 'design-pack']
    ])
    // No hardware id override: the service sends this PC's id.
    const key = { product: 'office-suite', credentials: { method: 'license-key' as const, licenseKey: 'OFFICE-2222-IN-USE' } }
    // The sandbox knows its own bundles: the result names the products freed.
    expect(await service.deactivate(key)).toMatchObject({ ok: true, value: { hardwareId: thisPc, products: ['writer', 'sheets', 'slides'] } })
    expect(
      await service.deactivate({ product: 'design-pack', credentials: { method: 'user', username: 'bob@example.test', password: 'bob-password' } })
    ).toMatchObject({ ok: true })
    const again = await service.deactivate(key)
    expect(again.ok ? null : again.error.code).toBe('device_not_found')
    engine.resetSandbox()
    expect(await service.deactivate(key)).toMatchObject({ ok: true })
  })

  it('with a server configured, talks to it and starts no sandbox', async () => {
    const { all, sandboxStarts } = deps({ LM_API_URL: 'https://licence.example.test/api/v4/', LM_API_KEY: 'key', LM_SHARED_KEY: 'shared' })
    const engine = await started(all)
    expect(sandboxStarts).not.toHaveBeenCalled()
    expect(engine.sandbox).toBe(false)
    expect(engine.resetSandbox).toBeNull()
    expect(engine.service.ok && engine.service.value.appInfo()).toMatchObject({ sandbox: false, server: 'https://licence.example.test/api/v4/' })
  })

  it('with a broken configuration, answers every call with config_invalid and starts nothing', async () => {
    const { all, sandboxStarts } = deps({ LM_API_URL: 'http://licence.example.test/api/v4/', LM_API_KEY: 'key', LM_SHARED_KEY: 'shared' })
    const engine = await started(all)
    expect(sandboxStarts).not.toHaveBeenCalled()
    expect(engine.service.ok ? null : engine.service.error).toMatchObject({ code: 'config_invalid', field: 'LM_API_URL' })
  })

  it('tells the shell the vendor’s brand as soon as the configuration is read, before it opens a window', async () => {
    const told: unknown[] = []
    const server = { LM_API_URL: 'https://licence.example.test/api/v4/', LM_API_KEY: 'key', LM_SHARED_KEY: 'shared' }
    const { all } = deps({ ...server, LM_PRODUCT_NAME: 'Tidewater Licence Helper' }, { onBrand: (brand) => void told.push(brand) })
    const starting = startEngine(all)
    // Synchronously: the shell creates its window right after starting the engine.
    expect(told).toEqual([{ productName: 'Tidewater Licence Helper' }])
    const engine = await starting
    running.push(engine)
    expect(expectOk(engine.service).appInfo().name).toBe('Tidewater Licence Helper')

    const broken = deps({ ...server, LM_PRODUCT_NAME: 'Tidewater\nLicence Helper' }, { onBrand: (brand) => void told.push(brand) })
    await started(broken.all)
    expect(told).toEqual([{ productName: 'Tidewater Licence Helper' }, undefined])
  })

  it('when the sandbox cannot start, reports sandbox_start_failed', async () => {
    const { all } = deps({}, { startSandbox: () => Promise.reject(Object.assign(new Error('listen EACCES'), { code: 'EACCES' })) })
    const engine = await started(all)
    expect(engine.service.ok ? null : engine.service.error).toMatchObject({ code: 'sandbox_start_failed', family: 'setup' })
    expect(JSON.stringify(engine.service)).not.toContain('EACCES')
  })

  it('hands the engine the fetch it was given (net.fetch in the app)', async () => {
    const fetchSpy = vi.fn(globalThis.fetch)
    const { all } = deps({}, { fetch: fetchSpy })
    const engine = await started(all)
    await expectOk(engine.service).deactivate({
      product: 'office-suite',
      hardwareId: 'not-active-here',
      credentials: { method: 'license-key', licenseKey: 'OFFICE-1111-FREE-SEAT' }
    })
    expect(fetchSpy).toHaveBeenCalled()
  })
})

describe('restartingOnFailure (the start-up failure screen’s "Try again")', () => {
  it('reads the configuration file again after a failed start, and keeps a running engine', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lm-config-'))
    const file = join(dir, 'config.json')
    writeFileSync(file, JSON.stringify({ apiUrl: 'ftp://licences.example.com/', auth: null }))
    const loads = vi.fn(() => loadConfig({ env: {}, file }))
    const { all } = deps({}, { loadConfig: loads })
    const engine = restartingOnFailure(async () => {
      const e = await startEngine(all)
      running.push(e)
      return e
    })

    const first = await engine.current()
    expect(first.service.ok ? 'started' : first.service.error.code).toBe('config_invalid')
    expect(await engine.current()).not.toBe(first)
    expect(loads).toHaveBeenCalledTimes(2)

    writeFileSync(file, JSON.stringify({ apiUrl: null, auth: null }))
    const fixed = await engine.current()
    expect(fixed.service.ok).toBe(true)
    expect(loads).toHaveBeenCalledTimes(3)
    expect(await engine.current()).toBe(fixed)
    expect(engine.latest()).toBe(engine.current())
    expect(loads).toHaveBeenCalledTimes(3)
  })

  it('shares one start between calls that arrive while it runs', async () => {
    let starts = 0
    const engine = restartingOnFailure(async () => {
      starts++
      return { service: failure(describeError('config_invalid')), sandbox: false, close: async () => undefined, resetSandbox: null }
    })
    await Promise.all([engine.current(), engine.current()])
    expect(starts).toBe(1)
  })

  it('starts again after a start that threw', async () => {
    let starts = 0
    const engine = restartingOnFailure(async () => {
      starts++
      throw new Error('boom')
    })
    await expect(engine.current()).rejects.toThrow('boom')
    await expect(engine.current()).rejects.toThrow('boom')
    expect(starts).toBe(2)
  })
})

describe('readStartupFacts', () => {
  it('gives the app and this PC’s id, or null when the id cannot be read', async () => {
    const app = { name: 'License Manager', version: '0.1.0', os: 'linux 6.1.0 (x64)' }
    const readable = await readStartupFacts(app, createHardwareIdSource({ fixedMachineId: () => 'pc-under-test' }))
    expect(readable).toEqual({ ...app, hardwareId: objectContaining({ id: 'pc-under-test', source: 'machine-id' }) })
    const unreadable = await readStartupFacts(app, {
      machine: async () => failure(describeError('hardware_id_unavailable')),
      resolve: async () => failure(describeError('hardware_id_unavailable'))
    })
    expect(unreadable.hardwareId).toBeNull()
  })
})
