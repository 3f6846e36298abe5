import { afterEach, describe, expect, it } from 'vitest'
import { createLicenseService } from '../../../src/main/engine/service'
import { startHttpServer, type RecordedRequest, type TestHttpServer } from './support/servers'

const PASSWORD = 'correct-horse-battery'
const LICENSE_KEY = 'ECHO-1234-5678-9999'

let server: TestHttpServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

/** A server (or proxy) that quotes the request body back in its error message. */
async function echoingServiceAt(echo: (request: RecordedRequest) => string = (request) => `No licence for ${request.body}`) {
  server = await startHttpServer((request, res) => {
    res.writeHead(400, { 'content-type': 'application/json' })
    res.end(JSON.stringify({ status: 400, code: 'license_not_found', message: echo(request) }))
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

describe('what a server or proxy echoes besides the body', () => {
  /** The signature and API key of the Authorization header the server received. */
  const signatureOf = (request: RecordedRequest) => /signature="([^"]+)"/.exec(String(request.headers.authorization))?.[1] ?? ''

  it.each([
    ['the whole Authorization header', (r: RecordedRequest) => `Refused: ${String(r.headers.authorization)}`],
    ['the signature alone, URL-encoded', (r: RecordedRequest) => `bad signature ${encodeURIComponent(signatureOf(r))}`],
    ['the signature in lower case, cut short', (r: RecordedRequest) => `bad signature ${signatureOf(r).toLowerCase().slice(0, 20)}`],
    ['the signature’s bytes in hex', (r: RecordedRequest) => `sig=${Buffer.from(signatureOf(r), 'base64').toString('hex')}`],
    ['the header in Base64 (a proxy’s debug line)', (r: RecordedRequest) => `hdr ${Buffer.from(String(r.headers.authorization)).toString('base64')}`]
  ])('the request’s HMAC signature (a credential for 15 minutes) and API key never reach the outcome: %s', async (_name, echo) => {
    const service = await echoingServiceAt(echo)
    const outcome = await service.deactivate({ product: 'office-suite', credentials: { method: 'license-key', licenseKey: LICENSE_KEY } })
    const sent = server!.requests[0]!
    const signature = signatureOf(sent)
    expect(signature).toMatch(/^[A-Za-z0-9+/]{43}=$/)
    const shown = JSON.stringify(outcome)
    for (const part of [signature, signature.slice(0, 12), signature.slice(-14, -1), 'echo-key', Buffer.from(signature, 'base64').toString('hex').slice(0, 16)])
      expect(shown.toLowerCase()).not.toContain(part.toLowerCase())
    expect(shown).toContain('[removed]')
  })

  it('an upload endpoint that echoes the request file’s Base64 text shows neither the licence key nor any part of its encoding', async () => {
    const service = await echoingServiceAt((request) => `Cannot read file ${request.body.slice(0, 300)}`)
    const file = await service.offline.create({ product: 'office-suite', credentials: { method: 'license-key', licenseKey: LICENSE_KEY } })
    if (!file.ok) throw new Error(file.error.code)
    const outcome = await service.offline.upload(file.value.content)
    expect(server?.requests.at(-1)?.body).toBe(file.value.content)
    expect(outcome.ok).toBe(false)
    const message = outcome.ok ? '' : (outcome.error.serverMessage ?? '')
    // Decoding any Base64 stretch left in the message at any alignment never gives back 6 bytes of the key.
    for (const run of message.match(/[A-Za-z0-9+/]{8,}/g) ?? []) {
      for (let start = 0; start < 4; start++) {
        const part = run.slice(start)
        const decoded = Buffer.from(part.slice(0, part.length - (part.length % 4)), 'base64').toString('latin1')
        for (let i = 0; i + 6 <= LICENSE_KEY.length; i++) expect(decoded, run).not.toContain(LICENSE_KEY.slice(i, i + 6))
      }
    }
    expect(message).toContain('[removed]')
  })
})
