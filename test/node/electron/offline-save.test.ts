import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { registerIpcHandlers, type IpcMainLike } from '../../../src/main/electron/ipc'
import { saveRequestFile, type SaveDialogOptions, type ShowSaveDialog } from '../../../src/main/electron/offline-save'
import type { InvokeEventLike } from '../../../src/main/electron/sender-check'
import { createLicenseService } from '../../../src/main/engine/service'
import { IPC } from '../../../src/shared/ipc-channels'
import { success, type Outcome } from '../../../src/shared/outcome'
import { expectOk } from '../../support/expect-ok'

const folder = mkdtempSync(join(tmpdir(), 'lm-offline-save-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

const sender = { id: 1, isDestroyed: () => false, send: () => undefined }
const event: InvokeEventLike = { sender, senderFrame: { url: 'file:///app/index.html', parent: null } }
const file = { fileName: 'office-suite-aaaaaaaa-deactivate.req', content: 'QUJDRA==', summary: {} as never }

/**
 * Behaves as Electron documents showSaveDialog: `{canceled, filePath}`, filePath '' when cancelled.
 * The user picks `fileName` in the test's folder, or cancels (null).
 */
function dialog(fileName: string | null) {
  const asked: Array<{ window: unknown; options: SaveDialogOptions }> = []
  const show: ShowSaveDialog = async (window, options) => {
    asked.push({ window, options })
    return fileName === null ? { canceled: true, filePath: '' } : { canceled: false, filePath: join(folder, fileName) }
  }
  return { show, asked }
}

describe('saving a request file through the native save dialog', () => {
  it('suggests <bundle>-<short hardware id>-deactivate.req, modal to the asking window, and writes the content there', async () => {
    const d = dialog('chosen.req')
    const outcome = await saveRequestFile(file, sender, { showSaveDialog: d.show })
    expect(outcome).toEqual(success({ saved: true, path: join(folder, 'chosen.req'), summary: file.summary }))
    expect(readFileSync(join(folder, 'chosen.req'), 'utf8')).toBe('QUJDRA==')
    expect(d.asked).toHaveLength(1)
    expect(d.asked[0]!.window).toBe(sender)
    expect(d.asked[0]!.options).toMatchObject({ defaultPath: file.fileName, filters: [{ name: 'Deactivation request', extensions: ['req'] }] })
  })

  it('a cancelled dialog writes nothing', async () => {
    const before = readdirSync(folder)
    expect(await saveRequestFile(file, sender, { showSaveDialog: dialog(null).show })).toEqual(success({ saved: false }))
    expect(readdirSync(folder)).toEqual(before)
  })

  it('a folder that cannot be written gives offline_save_failed, not a throw', async () => {
    const outcome = await saveRequestFile(file, sender, { showSaveDialog: dialog('no-such-folder/x.req').show })
    expect(outcome).toMatchObject({ ok: false, error: { code: 'offline_save_failed', family: 'input', status: 0 } })
  })
})

describe('the saveOfflineRequest IPC handler with a real engine', () => {
  function handler(showSaveDialog: ShowSaveDialog) {
    const handlers = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>>()
    const ipcMain: IpcMainLike = { handle: (c, l) => void handlers.set(c, l), removeHandler: (c) => void handlers.delete(c) }
    const service = createLicenseService({
      config: {
        apiUrl: 'https://licence.example.test/api/v4/',
        auth: { scheme: 'hmac', apiKey: 'api-key', sharedKey: 'shared-key-never-in-a-file' },
        defaultProduct: '',
        defaultCustomerAccount: '',
        timeoutMs: 1000,
        ssoTimeoutMs: 1000,
        ssoTokenField: 'access_token'
      },
      fetch: () => Promise.reject(new Error('no network while writing')),
      openExternal: async () => undefined,
      machineId: () => 'machine-id',
      app: { name: 'License Manager', version: '0.1.0', os: 'test' },
      sandbox: false
    })
    registerIpcHandlers({ ipcMain, service: () => success(service), isTrustedSender: () => true, saveFile: { showSaveDialog } })
    return (input: unknown) => handlers.get(IPC.saveOfflineRequest)!(event, input) as Promise<Outcome<unknown>>
  }

  it('writes a signed request file for this PC and returns only the contract fields', async () => {
    const d = dialog('from-ipc.req')
    const outcome = await handler(d.show)({ product: 'office-suite', credentials: { method: 'license-key', licenseKey: 'OFFICE-2222-IN-USE' } })
    expectOk(outcome)
    if (outcome.ok) expect(Object.keys(outcome.value as object).sort()).toEqual(['path', 'saved', 'summary'])
    const written = JSON.parse(Buffer.from(readFileSync(join(folder, 'from-ipc.req'), 'utf8'), 'base64').toString('utf8')) as {
      request: Record<string, unknown>
    }
    expect(written.request).toMatchObject({
      product: 'office-suite',
      license_key: 'OFFICE-2222-IN-USE',
      request: 'deactivation',
      schema_version: 2,
      api_key: 'api-key'
    })
    expect(JSON.stringify(written)).not.toContain('shared-key-never-in-a-file')
    expect(d.asked[0]!.options.defaultPath).toBe('office-suite-machine-deactivate.req')
  })

  it('invalid input opens no dialog and writes nothing', async () => {
    const d = dialog('never.req')
    const outcome = await handler(d.show)({ product: 'office-suite' })
    expect(outcome).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'credentials' } })
    expect(d.asked).toEqual([])
    expect(readdirSync(folder)).not.toContain('never.req')
  })
})
