import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { EXIT } from '../../../src/cli/exit-codes'
import { runCli } from '../../../src/cli/run'
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/server'
import { closeOpened } from '../../support/close-opened'
import { capturedCli } from '../support/captured-cli'
import { LicenseAPI } from '@licensespring/node-sdk'
import { changedFile, docsV2File, pythonV2File, v1File } from '../support/offline-files'
import { closedPort } from '../reliability/support/faulty-server'

/** deactivate-offline and upload-offline, in-process, against a running sandbox and a temporary folder. */
let sandbox: RunningSandbox
let dir: string

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, quiet: true, sso: false })
  dir = mkdtempSync(join(tmpdir(), 'lm-offline-cli-'))
})
afterAll(async () => {
  await closeOpened(sandbox)
  rmSync(dir, { recursive: true, force: true })
})
beforeEach(() => sandbox.reset())

const keysOnly = () => ({ LM_API_KEY: sandbox.apiKey, LM_SHARED_KEY: sandbox.sharedKey })
const serverEnv = () => ({ LM_API_URL: sandbox.apiUrl, ...keysOnly() })
let fileCount = 0
const freshPath = () => join(dir, `request-${++fileCount}.req`)

/** A fetch that fails the test: deactivate-offline must work with no network at all. */
const noNetwork: typeof fetch = () => {
  throw new Error('deactivate-offline used the network')
}

const harness = (env: Record<string, string>, fetchImpl: typeof fetch = fetch) => capturedCli({ env, machineId: 'sandbox-pc-1', fetch: fetchImpl })

describe('deactivate-offline', () => {
  it('writes a request file with no network and no server configured, and says what happens next', async () => {
    const h = harness(keysOnly(), noNetwork)
    const path = freshPath()
    expect(await runCli(['deactivate-offline', '--product', 'office-suite', '--license-key', 'OFFICE-2222-IN-USE', '--out', path], h.io)).toBe(EXIT.success)
    expect(readFileSync(path, 'utf8')).toMatch(/^[A-Za-z0-9+/]+=*$/)
    expect(h.out.stdout).toContain(`Request file written: ${path}`)
    expect(h.out.stdout).toContain('The seat is NOT free yet')
    expect(h.out.stdout).toContain('customer portal')
    expect(h.out.stdout).toContain('Treat the product on this PC as deactivated')
    expect(h.out.stdout).toContain('••••-USE')
    expect(h.out.stdout).not.toContain('OFFICE-2222-IN-USE')
    expect(sandbox.devicesOf('OFFICE-2222-IN-USE')).toContain('sandbox-pc-1')
  })

  it('--json prints the typed outcome: where the file is and what it will free', async () => {
    const h = harness(keysOnly(), noNetwork)
    const path = freshPath()
    expect(
      await runCli(
        ['deactivate-offline', '--product', 'design-pack', '--username', 'bob@example.test', '--hardware-id', 'helpdesk-pc', '--out', path, '--json'],
        h.io
      )
    ).toBe(0)
    expect(JSON.parse(h.out.stdout)).toMatchObject({
      ok: true,
      value: {
        path,
        summary: { product: 'design-pack', hardwareId: 'helpdesk-pc', method: 'user', licence: 'bob@example.test', writtenBy: 'License Manager CLI 0.1.0' }
      }
    })
  })

  it.each([
    [['--product', 'office-suite', '--license-key', 'K'], 'out'],
    [['--product', 'office-suite', '--out', 'X'], 'credentials'],
    [['--product', 'office-suite', '--license-key', 'K', '--username', 'u', '--out', 'X'], 'credentials'],
    [['--product', 'design-pack', '--username', 'u', '--password', 'p', '--out', 'X'], 'credentials'],
    [['--product', 'design-pack', '--customer-account', 'acme', '--sso', '--out', 'X'], 'credentials'],
    [['--license-key', 'K', '--out', 'X'], 'product'],
    [['--product', 'p', '--license-key', 'K', '--hardware-id', 'bad\u0001id', '--out', 'X'], 'hardwareId']
  ])('%j → invalid_input on %s, exit 2, nothing written', async (args, field) => {
    const h = harness(keysOnly(), noNetwork)
    const out = freshPath()
    const withOut = args.map((a) => (a === 'X' ? out : a))
    expect(await runCli(['deactivate-offline', ...withOut, '--json'], h.io)).toBe(EXIT.invalid)
    expect(JSON.parse(h.out.stdout)).toMatchObject({ ok: false, error: { code: 'invalid_input', field } })
    expect(existsSync(out)).toBe(false)
  })

  it('without keys: config_invalid, exit 2, nothing written', async () => {
    const h = harness({}, noNetwork)
    const out = freshPath()
    expect(await runCli(['deactivate-offline', '--product', 'p', '--license-key', 'K', '--out', out, '--json'], h.io)).toBe(EXIT.invalid)
    expect(JSON.parse(h.out.stdout)).toMatchObject({ ok: false, error: { code: 'config_invalid' } })
    expect(existsSync(out)).toBe(false)
  })

  it('never overwrites an existing file', async () => {
    const out = freshPath()
    writeFileSync(out, 'keep me')
    const h = harness(keysOnly(), noNetwork)
    expect(await runCli(['deactivate-offline', '--product', 'p', '--license-key', 'K', '--out', out, '--json'], h.io)).toBe(EXIT.invalid)
    expect(JSON.parse(h.out.stdout)).toMatchObject({
      ok: false,
      error: {
        code: 'offline_save_failed',
        field: 'out',
        explanation: 'A file with that name already exists, and it was left as it is. Nothing was written.',
        action: 'Give another file name, or move the existing file away, and try again.'
      }
    })
    expect(readFileSync(out, 'utf8')).toBe('keep me')
  })
})

describe('upload-offline', () => {
  async function written(args: string[]): Promise<string> {
    const path = freshPath()
    expect(await runCli(['deactivate-offline', ...args, '--out', path], harness(keysOnly(), noNetwork).io)).toBe(0)
    return path
  }

  it('frees the seat (exit 0); the same file again is refused as replayed (exit 3)', async () => {
    const path = await written(['--product', 'office-suite', '--license-key', 'OFFICE-2222-IN-USE'])
    const h = harness(serverEnv())
    expect(await runCli(['upload-offline', path], h.io)).toBe(EXIT.success)
    expect(h.out.stdout).toContain('Seat freed: bundle "office-suite"')
    expect(sandbox.devicesOf('OFFICE-2222-IN-USE')).not.toContain('sandbox-pc-1')

    const again = harness(serverEnv())
    expect(await runCli(['upload-offline', path, '--json'], again.io)).toBe(EXIT.refused)
    expect(JSON.parse(again.out.stdout)).toMatchObject({ ok: false, error: { code: 'offline_request_replayed', status: 400 } })
  })

  it('a file changed after writing is uploaded; the server refuses it (exit 3) and the seat stays taken', async () => {
    const path = await written(['--product', 'office-suite', '--license-key', 'OFFICE-2222-IN-USE'])
    writeFileSync(path, changedFile(readFileSync(path, 'utf8'), { hardware_id: 'another-pc' }))
    const h = harness(serverEnv())
    expect(await runCli(['upload-offline', path, '--json'], h.io)).toBe(EXIT.refused)
    expect(JSON.parse(h.out.stdout)).toMatchObject({ ok: false, error: { code: 'offline_request_tampered', status: 400 } })
    expect(sandbox.devicesOf('OFFICE-2222-IN-USE')).toContain('sandbox-pc-1')
  })

  describe('every shape of §7 uploads (exit 0) and frees the seat', () => {
    const keys = () => ({ apiKey: sandbox.apiKey, sharedKey: sandbox.sharedKey })
    const SEAT = { product: 'office-suite', hardwareId: 'sandbox-pc-1', licenseKey: 'OFFICE-2222-IN-USE' }
    // Files with an inner v1 signature are single-use by it (the same for one seat in one second): one second each.
    const startedAt = Math.floor(Date.now() / 1000) * 1000
    let secondsAgo = 0
    const at = () => new Date(startedAt - ++secondsAgo * 1000)
    const shapes: Array<[string, () => string, string | RegExp]> = [
      ['the docs’ schema-2 example shape (C++)', () => docsV2File(keys(), SEAT, { at: at() }), /Written: {5}\w{3} \d{1,2}, \d{4}, .+ by 7\.41\.1 \(cpp\)/],
      ['the Python SDK’s file (RFC 7231 date)', () => pythonV2File(keys(), SEAT, { at: at() }), 'by PythonSDK 2.3.0'],
      ['a v1 flat file with request_id and request', () => v1File(keys(), SEAT, { at: at() }), 'older (schema 1)'],
      [
        'the Node SDK’s payload with license_id and variables',
        () =>
          new LicenseAPI({
            appName: 'SDK app',
            appVersion: '2.0',
            ...keys(),
            apiPath: sandbox.apiUrl,
            publicKey: sandbox.publicKey,
            hardwareID: 'sandbox-pc-1'
          }).createOfflineDeactivationPayload({
            product: 'office-suite',
            hardware_id: 'sandbox-pc-1',
            license_key: 'OFFICE-2222-IN-USE',
            variables: { seat: '7' },
            ...({ license_id: 1002 } as object)
          }),
        'by SDK app 2.0'
      ]
    ]
    it.each(shapes)('%s', async (_name, content, shown) => {
      const path = freshPath()
      writeFileSync(path, content())
      const h = harness(serverEnv())
      expect(await runCli(['upload-offline', path], h.io)).toBe(EXIT.success)
      expect(h.out.stdout).toContain('Seat freed: bundle "office-suite"')
      expect(h.out.stdout).toMatch(shown)
      expect(h.out.stdout).not.toContain('OFFICE-2222-IN-USE')
      expect(sandbox.devicesOf('OFFICE-2222-IN-USE')).toEqual([])
    })

    it('a field this app does not know is not refused here: it goes to the server, which judges it (the sandbox refuses it, naming it; exit 3)', async () => {
      const path = freshPath()
      writeFileSync(path, changedFile(v1File(keys(), SEAT, { at: at() }), { sdk_flavour: 'community' }))
      const h = harness(serverEnv())
      const before = sandbox.stats().requests
      expect(await runCli(['upload-offline', path, '--json'], h.io)).toBe(EXIT.refused)
      expect(JSON.parse(h.out.stdout)).toMatchObject({
        ok: false,
        error: { code: 'authorization_missing_params', serverMessage: 'The request file could not be read: Unknown field: "sdk_flavour"' }
      })
      expect(sandbox.stats().requests).toBe(before + 1)
      expect(sandbox.devicesOf('OFFICE-2222-IN-USE')).toEqual(['sandbox-pc-1'])
    })
  })

  it.each([
    ['a missing file', () => join(dir, 'no-such-file.req'), 'invalid_input'],
    ['a file over 64 KiB', () => (writeFileSync(join(dir, 'big.req'), 'A'.repeat(70_000)), join(dir, 'big.req')), 'offline_file_too_large'],
    ['a text file', () => (writeFileSync(join(dir, 'notes.txt'), 'shopping list'), join(dir, 'notes.txt')), 'offline_file_wrong_type']
  ])('%s → %s, exit 2, nothing sent', async (_name, pathOf, code) => {
    const h = harness(serverEnv())
    const before = sandbox.stats().requests
    expect(await runCli(['upload-offline', pathOf(), '--json'], h.io)).toBe(EXIT.invalid)
    expect(JSON.parse(h.out.stdout)).toMatchObject({ ok: false, error: { code } })
    expect(sandbox.stats().requests).toBe(before)
  })

  it('no file named, or two → exit 2', async () => {
    expect(await runCli(['upload-offline', '--json'], harness(serverEnv()).io)).toBe(EXIT.invalid)
    expect(await runCli(['upload-offline', 'a.req', 'b.req', '--json'], harness(serverEnv()).io)).toBe(EXIT.invalid)
  })

  it('the server cannot be reached → exit 4', async () => {
    const path = await written(['--product', 'office-suite', '--license-key', 'OFFICE-2222-IN-USE'])
    const h = harness({ ...serverEnv(), LM_API_URL: `http://127.0.0.1:${await closedPort()}/api/v4/` })
    expect(await runCli(['upload-offline', path, '--json'], h.io)).toBe(EXIT.network)
  })

  it('--help documents both commands', async () => {
    const h = harness({})
    expect(await runCli(['--help'], h.io)).toBe(0)
    expect(h.out.stdout).toContain('deactivate-offline --product <bundle> (--license-key <key> | --username <user>)')
    expect(h.out.stdout).toContain('upload-offline <file> [--json]')
  })
})
