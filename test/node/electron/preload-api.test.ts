import { describe, expect, it } from 'vitest'
import type { LicenseManagerApi, SsoProgress } from '../../../src/shared/api'
import { IPC } from '../../../src/shared/ipc-channels'
import { createLicenseManagerApi, type IpcRendererLike } from '../../../src/preload/create-api'

type Listener = (event: unknown, progress: SsoProgress) => void

function fakeIpcRenderer() {
  const invoked: Array<{ channel: string; args: unknown[] }> = []
  const listeners = new Map<string, Listener[]>()
  const ipc: IpcRendererLike = {
    invoke: async (channel, ...args) => {
      invoked.push({ channel, args })
      return { ok: true, value: `answer from ${channel}` }
    },
    on: (channel, listener) => {
      listeners.set(channel, [...(listeners.get(channel) ?? []), listener])
    },
    removeListener: (channel, listener) => {
      listeners.set(
        channel,
        (listeners.get(channel) ?? []).filter((l) => l !== listener)
      )
    }
  }
  const emit = (channel: string, progress: SsoProgress) => {
    for (const l of listeners.get(channel) ?? []) l({ sender: 'ipc-event-with-internals', ports: [] }, progress)
  }
  return { ipc, invoked, listeners, emit }
}

describe('createLicenseManagerApi', () => {
  it('exposes exactly the named functions of LicenseManagerApi, nothing generic', () => {
    const api = createLicenseManagerApi(fakeIpcRenderer().ipc)
    const expected: Array<keyof LicenseManagerApi> = [
      'cancelSso',
      'checkSeatFree',
      'chooseLanguage',
      'deactivate',
      'deactivateWithSso',
      'getAppInfo',
      'getHardwareId',
      'getLanguage',
      'getLogTail',
      'getPcLicences',
      'getStartupFacts',
      'getUserLicences',
      'inspectOfflineRequest',
      'onPrefillArrived',
      'onSsoProgress',
      'openHelp',
      'openLogsFolder',
      'resetSandbox',
      'saveOfflineRequest',
      'takePrefill',
      'uploadOfflineRequest',
      'warmUp'
    ]
    expect(Object.keys(api).sort()).toEqual(expected)
    for (const value of Object.values(api)) expect(typeof value).toBe('function')
  })

  it('sends each call on its own channel with its one payload and returns the answer', async () => {
    const fake = fakeIpcRenderer()
    const api = createLicenseManagerApi(fake.ipc)
    const input = { product: 'office-suite', credentials: { method: 'license-key' as const, licenseKey: 'AAAA-BBBB-CCCC-DDDD' } }
    const sso = { product: 'office-suite', customerAccountCode: 'acme', grant: 'code' as const }
    expect(await api.getAppInfo()).toEqual({ ok: true, value: `answer from ${IPC.getAppInfo}` })
    await api.getHardwareId()
    await api.deactivate(input)
    await api.deactivateWithSso(sso)
    await api.cancelSso()
    await api.warmUp()
    const offline = { product: 'office-suite', credentials: { method: 'user' as const, username: 'ann@acme.test' } }
    const file = { content: 'QUJD' }
    await api.saveOfflineRequest(offline)
    await api.inspectOfflineRequest(file)
    await api.uploadOfflineRequest(file)
    await api.getLogTail()
    await api.openLogsFolder()
    expect(fake.invoked).toEqual([
      { channel: IPC.getAppInfo, args: [] },
      { channel: IPC.getHardwareId, args: [] },
      { channel: IPC.deactivate, args: [input] },
      { channel: IPC.deactivateWithSso, args: [sso] },
      { channel: IPC.cancelSso, args: [] },
      { channel: IPC.warmUp, args: [] },
      { channel: IPC.saveOfflineRequest, args: [offline] },
      { channel: IPC.inspectOfflineRequest, args: [file] },
      { channel: IPC.uploadOfflineRequest, args: [file] },
      { channel: IPC.getLogTail, args: [] },
      { channel: IPC.openLogsFolder, args: [] }
    ])
  })

  it('hands progress listeners the progress only, never the IPC event', () => {
    const fake = fakeIpcRenderer()
    const api = createLicenseManagerApi(fake.ipc)
    const received: unknown[][] = []
    api.onSsoProgress((...args: unknown[]) => received.push(args))
    fake.emit(IPC.ssoProgress, { stage: 'deactivating' })
    expect(received).toEqual([[{ stage: 'deactivating' }]])
  })

  it('unsubscribe removes exactly that listener', () => {
    const fake = fakeIpcRenderer()
    const api = createLicenseManagerApi(fake.ipc)
    const first: SsoProgress[] = []
    const second: SsoProgress[] = []
    const stopFirst = api.onSsoProgress((p) => first.push(p))
    api.onSsoProgress((p) => second.push(p))
    fake.emit(IPC.ssoProgress, { stage: 'opening-browser' })
    stopFirst()
    stopFirst()
    fake.emit(IPC.ssoProgress, { stage: 'deactivating' })
    expect(first).toEqual([{ stage: 'opening-browser' }])
    expect(second).toEqual([{ stage: 'opening-browser' }, { stage: 'deactivating' }])
    expect(fake.listeners.get(IPC.ssoProgress)).toHaveLength(1)
  })

  it('refuses a listener that is not a function', () => {
    const api = createLicenseManagerApi(fakeIpcRenderer().ipc)
    expect(() => api.onSsoProgress('alert(1)' as never)).toThrow(TypeError)
  })
})
