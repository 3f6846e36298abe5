import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { expectOk } from '../../support/expect-ok'
import type { AuthConfig } from '../../../src/main/engine/config'
import { createLicenseService, type LicenseService } from '../../../src/main/engine/service'
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/server'
import { closeOpened } from '../../support/close-opened'
import { ERROR_CATALOGUE } from '../../../src/shared/errors'

/**
 * Offline deactivation end to end through the LicenseService: the file is written by an
 * engine with no network at all, carried as text, and uploaded by another engine
 * (another machine) to the sandbox over HTTP.
 */
const APP = { name: 'License Manager', version: '0.1.0', os: 'test' }
const PC = 'sandbox-pc-1'
let sandbox: RunningSandbox

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, quiet: true, sso: false })
})
afterAll(() => closeOpened(sandbox))
beforeEach(() => sandbox.reset())

/** A fetch that fails the test if called: the PC without internet. */
const noNetwork: typeof fetch = () => {
  throw new Error('the offline PC must not use the network')
}

function engine(auth: AuthConfig, fetchImpl: typeof fetch, apiUrl = sandbox.apiUrl): LicenseService {
  return createLicenseService({
    config: { apiUrl, auth, defaultProduct: '', defaultCustomerAccount: '', timeoutMs: 5_000, ssoTimeoutMs: 5_000, ssoTokenField: 'access_token' },
    fetch: fetchImpl,
    openExternal: async () => undefined,
    machineId: () => PC,
    app: APP,
    sandbox: true
  })
}

const hmac = (): AuthConfig => ({ scheme: 'hmac', apiKey: sandbox.apiKey, sharedKey: sandbox.sharedKey })

describe('write on a PC without internet → upload elsewhere → the seat is free', () => {
  it('licence key: this PC’s id, no network while writing; upload frees every product’s seat; a replay is refused', async () => {
    const file = expectOk(
      await engine(hmac(), noNetwork).offline.create({ product: 'office-suite', credentials: { method: 'license-key', licenseKey: 'OFFICE-2222-IN-USE' } })
    )
    expect(file.summary.hardwareId).toBe(PC)
    expect(sandbox.devicesOf('OFFICE-2222-IN-USE')).toContain(PC)

    const elsewhere = engine(hmac(), fetch)
    const result = expectOk(await elsewhere.offline.upload(file.content))
    expect(result.summary).toEqual(file.summary)
    expect(sandbox.devicesOf('OFFICE-2222-IN-USE')).not.toContain(PC)

    const replay = await elsewhere.offline.upload(file.content)
    expect(replay).toMatchObject({ ok: false, error: { code: 'offline_request_replayed', status: 400 } })
  })

  it('username (no password in the file), with a helpdesk hardware id override', async () => {
    const file = expectOk(
      await engine(hmac(), noNetwork).offline.create({ product: 'design-pack', hardwareId: PC, credentials: { method: 'user', username: 'bob@example.test' } })
    )
    expectOk(await engine(hmac(), fetch).offline.upload(file.content))
    expect(sandbox.devicesOf('bob@example.test')).not.toContain(PC)
  })

  it('OAuth: the file is signed with the client secret; the upload gets its own token', async () => {
    const oauth: AuthConfig = { scheme: 'oauth', ...sandbox.oauth }
    const file = expectOk(
      await engine(oauth, noNetwork).offline.create({ product: 'office-suite', credentials: { method: 'license-key', licenseKey: 'OFFICE-2222-IN-USE' } })
    )
    expectOk(await engine(oauth, fetch).offline.upload(file.content))
    expect(sandbox.devicesOf('OFFICE-2222-IN-USE')).not.toContain(PC)
  })

  it('a file changed after writing is shown as it now reads, uploaded, and refused by the server (here the sandbox); the seat stays taken', async () => {
    const file = expectOk(
      await engine(hmac(), noNetwork).offline.create({ product: 'office-suite', credentials: { method: 'license-key', licenseKey: 'OFFICE-2222-IN-USE' } })
    )
    const wrapped = JSON.parse(Buffer.from(file.content, 'base64').toString('utf8')) as { request: Record<string, unknown>; signature: string }
    const tampered = Buffer.from(JSON.stringify({ ...wrapped, request: { ...wrapped.request, hardware_id: 'another-pc' } })).toString('base64')

    const elsewhere = engine(hmac(), fetch)
    expect(expectOk(elsewhere.offline.inspect(tampered)).hardwareId).toBe('another-pc')
    expect(await elsewhere.offline.upload(tampered)).toMatchObject({
      ok: false,
      error: { code: 'offline_request_tampered', status: 400, title: ERROR_CATALOGUE.offline_request_tampered.title, sandboxOnly: true }
    })
    expect(sandbox.devicesOf('OFFICE-2222-IN-USE')).toContain(PC)
  })

  it('the server’s typed errors come back as for an online deactivation', async () => {
    const file = expectOk(
      await engine(hmac(), noNetwork).offline.create({ product: 'office-suite', credentials: { method: 'license-key', licenseKey: 'OFFICE-1111-FREE-SEAT' } })
    )
    expect(await engine(hmac(), fetch).offline.upload(file.content)).toMatchObject({
      ok: false,
      error: { code: 'device_not_found', family: 'device', status: 400 }
    })
  })

  it('an unreachable server is a network-family error, and nothing was freed', async () => {
    const file = expectOk(
      await engine(hmac(), noNetwork).offline.create({ product: 'office-suite', credentials: { method: 'license-key', licenseKey: 'OFFICE-2222-IN-USE' } })
    )
    const outcome = await engine(hmac(), fetch, 'http://127.0.0.1:9/api/v4/').offline.upload(file.content)
    expect(outcome).toMatchObject({ ok: false, error: { family: 'network' } })
    expect(sandbox.devicesOf('OFFICE-2222-IN-USE')).toContain(PC)
  })
})
