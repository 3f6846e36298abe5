import { afterEach, describe, expect, it } from 'vitest'
import { createLicenseService } from '../../../src/main/engine/service'
import { startHttpServer, type TestHttpServer } from './support/servers'

const PASSWORD = 'correct-horse-battery'
const LICENSE_KEY = 'ECHO-1234-5678-9999'

let server: TestHttpServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

/** A server (or proxy) that quotes the request body back in its error message. */
async function echoingServiceAt() {
  server = await startHttpServer((request, res) => {
    res.writeHead(400, { 'content-type': 'application/json' })
    res.end(JSON.stringify({ status: 400, code: 'license_not_found', message: `No licence for ${request.body}` }))
  })
  return createLicenseService({
    config: {
      apiUrl: server.apiUrl,
      auth: { scheme: 'hmac', apiKey: 'echo-key', sharedKey: 'echo-shared-key' },
      defaultProduct: '',
      defaultCustomerAccount: '',
      timeoutMs: 2_000,
      ssoTimeoutMs: 5_000,
      ssoTokenField: 'access_token'
    },
    fetch,
    openExternal: async () => undefined,
    machineId: () => 'echo-machine-0001',
    app: { name: 'License Manager', version: '0.0.0', os: 'test' },
    sandbox: false
  })
}

describe('a server message that echoes the request', () => {
  it('reaches the caller with the password removed and the rest kept', async () => {
    const service = await echoingServiceAt()
    const outcome = await service.deactivate({ product: 'office-suite', credentials: { method: 'user', username: 'bob@example.test', password: PASSWORD } })
    expect(outcome.ok).toBe(false)
    if (outcome.ok) return
    expect(outcome.error.code).toBe('license_not_found')
    expect(outcome.error.serverMessage).toContain('bob@example.test')
    expect(outcome.error.serverMessage).toContain('[removed]')
    expect(JSON.stringify(outcome)).not.toContain(PASSWORD)
  })

  it('removes a licence key the same way', async () => {
    const service = await echoingServiceAt()
    const outcome = await service.deactivate({ product: 'office-suite', credentials: { method: 'license-key', licenseKey: LICENSE_KEY } })
    expect(outcome.ok).toBe(false)
    expect(JSON.stringify(outcome)).not.toContain(LICENSE_KEY)
    expect(server?.requests[0]?.body).toContain(LICENSE_KEY)
  })
})
