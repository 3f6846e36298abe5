import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { ServerConfig } from '../../../src/main/engine/config'
import { createLicenseApiClient } from '../../../src/main/engine/license-api-client'
import { groupIntoBundles, type ReadLicence } from '../../../src/main/engine/reads/licence-objects'
import { createLicenseService, type LicenseService } from '../../../src/main/engine/service'
import { defaultSeed } from '../../../src/sandbox/seed'
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/server'
import { ERROR_CATALOGUE, WORDS_ON_A_READ, type CaseWords } from '../../../src/shared/errors'
import { t } from '../../../src/shared/i18n/current'
import { expectOk } from '../../support/expect-ok'
import { startHttpServer } from './support/servers'

/*
 * The reads of license-api.md §10 through the engine, against the sandbox over HTTP on 127.0.0.1
 * (and, for answers no honest server gives, a scripted one): what "Licences on this PC", the
 * check after a deactivation and the licence picker receive.
 */
const THIS_PC = 'engine-reads-pc-0001'
const APP = { name: 'License Manager', version: '1.2.3', os: 'linux 6.1 (x64)' }

let sandbox: RunningSandbox
beforeAll(async () => {
  sandbox = await startSandbox({ quiet: true, sso: false, thisPcHardwareId: THIS_PC })
})
afterAll(() => sandbox.close())
beforeEach(() => sandbox.reset())

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!()
})

function config(overrides: Partial<ServerConfig> = {}): ServerConfig {
  return {
    apiUrl: sandbox.apiUrl,
    auth: { scheme: 'hmac', apiKey: sandbox.apiKey, sharedKey: sandbox.sharedKey },
    defaultProduct: '',
    defaultCustomerAccount: '',
    timeoutMs: 5_000,
    ssoTimeoutMs: 5_000,
    ssoTokenField: 'access_token',
    publicKey: sandbox.publicKey,
    ...overrides
  }
}

const service = (overrides: Partial<ServerConfig> = {}): LicenseService =>
  createLicenseService({ config: config(overrides), fetch, openExternal: async () => undefined, machineId: () => 'unused', app: APP, sandbox: true })

/** The sandbox reads the id the way the engine does; here the engine is given THIS_PC as an override, as a helpdesk agent would. */
const onThisPc = (s: LicenseService) => s.licencesOnPc({ hardwareId: THIS_PC })

describe('what a hardware id holds (device_licenses)', () => {
  it('groups the licence objects into bundles with their products, signatures checked with the vendor’s key', async () => {
    const held = expectOk(await onThisPc(service()))
    expect(held).toMatchObject({ hardwareId: THIS_PC, source: 'override', signatures: 'verified' })
    expect(held.bundles.map((b) => [b.bundle, b.licenceId, b.holder, b.products.map((p) => p.code), b.seats])).toEqual([
      ['office-suite', 1002, { kind: 'key', maskedKey: '••••-USE' }, ['writer', 'sheets', 'slides'], { used: 2, allowed: 5 }],
      ['design-pack', 2001, { kind: 'user', email: 'bob@example.test', customerAccount: null }, ['draw', 'photo'], { used: 2, allowed: 2 }],
      ['design-pack', 3001, { kind: 'user', email: 'ann@acme.test', customerAccount: 'acme' }, ['draw', 'photo'], { used: 2, allowed: 2 }]
    ])
    expect(JSON.stringify(held)).not.toContain('OFFICE-2222-IN-USE')
  })

  it('a bundle the configuration names starts its own group even when the same holder follows', async () => {
    const named = expectOk(await onThisPc(service({ bundleProducts: { 'office-suite': ['Writer', 'Sheets', 'Slides'], 'design-pack': ['Draw', 'Photo'] } })))
    expect(named.bundles.map((b) => b.bundle)).toEqual(['office-suite', 'design-pack', 'design-pack'])
  })

  it('without a public key the answer is read unchecked, and says so', async () => {
    const withoutKey = config()
    delete withoutKey.publicKey
    const unchecked = createLicenseService({ config: withoutKey, fetch, openExternal: async () => undefined, app: APP, sandbox: true })
    expect(expectOk(await onThisPc(unchecked)).signatures).toBe('not-configured')
  })

  it('a hardware id that holds nothing: an empty list, whichever of the two plausible answers the server gives', async () => {
    expect(expectOk(await service().licencesOnPc({ hardwareId: 'nobody-activated-this' })).bundles).toEqual([])
    const strict = await startSandbox({ quiet: true, sso: false, seed: { ...defaultSeed(), behaviour: { deviceLicensesWhenNone: 'device_not_found' } } })
    cleanups.push(() => strict.close())
    const against = createLicenseService({
      config: config({ apiUrl: strict.apiUrl, publicKey: strict.publicKey }),
      fetch,
      openExternal: async () => undefined,
      app: APP,
      sandbox: true
    })
    expect(expectOk(await against.licencesOnPc({ hardwareId: 'nobody-activated-this' })).bundles).toEqual([])
  })

  it('a bad hardware id is refused before anything is sent', async () => {
    const before = sandbox.stats().requests
    for (const hardwareId of ['pc\u0000one', 'h'.repeat(257), '   ']) {
      const outcome = await service().licencesOnPc({ hardwareId })
      expect(outcome.ok ? null : [outcome.error.code, outcome.error.field]).toEqual(['invalid_input', 'hardwareId'])
    }
    expect((await service().licencesOnPc({ hardwareId: THIS_PC, product: 'x' })).ok).toBe(false)
    expect(sandbox.stats().requests).toBe(before)
  })

  it('under OAuth client credentials too: the same bearer token as the bundle calls', async () => {
    const oauth = service({
      auth: { scheme: 'oauth', tokenUrl: sandbox.oauth.tokenUrl, clientId: sandbox.oauth.clientId, clientSecret: sandbox.oauth.clientSecret }
    })
    const tokens = sandbox.stats().byPath['/auth/token'] ?? 0
    expect(expectOk(await onThisPc(oauth)).bundles).toHaveLength(3)
    expect(sandbox.stats().byPath['/auth/token']).toBe(tokens + 1)
  })

  it('a revoked API key gets its catalogue entry', async () => {
    const outcome = await onThisPc(service({ auth: { scheme: 'hmac', apiKey: 'sandbox-revoked-api-key', sharedKey: 'sandbox-revoked-shared-key' } }))
    expect(outcome.ok ? null : [outcome.error.code, outcome.error.title]).toEqual(['revoked_api_key', ERROR_CATALOGUE.revoked_api_key.title])
  })
})

describe('answers that cannot be used', () => {
  /** A License API stand-in answering every call with `body` and `headers`. */
  async function answering(status: number, body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) {
    const server = await startHttpServer((_request, res) => {
      res.writeHead(status, headers)
      res.end(body)
    })
    cleanups.push(server.close)
    return createLicenseService({ config: config({ apiUrl: server.apiUrl }), fetch, openExternal: async () => undefined, app: APP, sandbox: false })
  }

  const claimsAChange = /may or may not|not certain|may be unchanged|was freed|already freed/

  it.each([
    ['not JSON', 'hello', 'unexpected_response'],
    ['a JSON object instead of a list', '{"licenses":[]}', 'unexpected_response'],
    ['a list of things that are not licences', '[1,2,3]', 'unexpected_response'],
    ['a licence without an id', '[{"license_key":"K","product_details":{"short_code":"b"}}]', 'unexpected_response']
  ])('garbage (%s) is a typed error in a read’s words', async (_name, body, code) => {
    const outcome = await onThisPc(await answering(200, body, { 'content-type': 'application/json', LicenseSignature: 'c2ln' }))
    expect(outcome.ok ? null : outcome.error.code).toBe(code)
    if (!outcome.ok) {
      expect(outcome.error.explanation).toContain('Nothing was changed')
      expect(`${outcome.error.explanation} ${outcome.error.action}`).not.toMatch(claimsAChange)
    }
  })

  it('a list the vendor did not sign is not used: no signature, or one that does not verify', async () => {
    const honest = await fetchFromSandbox(`device_licenses?hardware_id=${THIS_PC}`)
    const unsigned = await onThisPc(await answering(200, honest.body))
    expect(unsigned.ok ? null : [unsigned.error.code, unsigned.error.explanation]).toEqual([
      'response_signature_invalid',
      ERROR_CATALOGUE.response_signature_invalid.explain({ problem: 'missing' })
    ])
    const tampered = honest.body.replace('"max_activations":5', '"max_activations":50')
    expect(tampered).not.toBe(honest.body)
    const forged = await onThisPc(await answering(200, tampered, { 'content-type': 'application/json', LicenseSignature: honest.signature }))
    expect(forged.ok ? null : [forged.error.code, forged.error.explanation]).toEqual([
      'response_signature_invalid',
      ERROR_CATALOGUE.response_signature_invalid.explanation
    ])
    // The same bytes with their own signature pass: the check above is not refusing everything.
    expect(
      expectOk(await onThisPc(await answering(200, honest.body, { 'content-type': 'application/json', LicenseSignature: honest.signature }))).bundles
    ).toHaveLength(3)
  })

  it('a licence whose v1 signature names another hardware id is not used', async () => {
    const other = await fetchFromSandbox('device_licenses?hardware_id=sandbox-pc-1')
    // Served as the answer about THIS_PC: the body's v2 signature holds, the licences' v1 signatures do not.
    const outcome = await onThisPc(await answering(200, other.body, { 'content-type': 'application/json', LicenseSignature: other.signature }))
    expect(outcome.ok ? null : outcome.error.code).toBe('response_signature_invalid')
  })

  it('a server error in a read says nothing was changed', async () => {
    const outcome = await onThisPc(await answering(500, '<html>oops</html>', { 'content-type': 'text/html' }))
    expect(outcome.ok ? null : outcome.error.code).toBe('internal_error')
    if (!outcome.ok) expect(outcome.error.explanation).not.toMatch(claimsAChange)
  })
})

/** The sandbox's own answer to a read, raw, with its v2 signature. */
async function fetchFromSandbox(pathAndQuery: string): Promise<{ body: string; signature: string }> {
  const client = createLicenseApiClient({
    apiUrl: sandbox.apiUrl,
    auth: { scheme: 'hmac', apiKey: sandbox.apiKey, sharedKey: sandbox.sharedKey },
    fetch,
    timeoutMs: 5_000,
    sdkVersion: 'tests'
  })
  const [path, query] = pathAndQuery.split('?')
  const answer = expectOk(await client.read(path!, new URLSearchParams(query)))
  return { body: answer.body, signature: answer.licenseSignature! }
}

describe('the check after a deactivation (check_bundle)', () => {
  const KEY = { product: 'office-suite', hardwareId: THIS_PC, credentials: { method: 'license-key' as const, licenseKey: 'OFFICE-2222-IN-USE' } }

  it('after a deactivation made here: the seat is free', async () => {
    const s = service()
    expectOk(await s.deactivate(KEY))
    expect(expectOk(await s.checkSeatFree({ product: 'office-suite', hardwareId: THIS_PC }))).toMatchObject({ state: 'free', signatures: 'verified' })
  })

  it('when the server lists the bundle there again: still-active', async () => {
    const s = service()
    expectOk(await s.deactivate(KEY))
    expectOk(await s.activate(KEY))
    expect(expectOk(await s.checkSeatFree({ product: 'office-suite', hardwareId: THIS_PC })).state).toBe('still-active')
  })

  it('a username checks without its password (the documented credential of a check)', async () => {
    const s = service()
    expectOk(
      await s.deactivate({
        product: 'design-pack',
        hardwareId: THIS_PC,
        credentials: { method: 'user', username: 'bob@example.test', password: 'bob-password' }
      })
    )
    expect(expectOk(await s.checkSeatFree({ product: 'design-pack', hardwareId: THIS_PC })).state).toBe('free')
  })

  it('nothing to check with (no deactivation made here): a typed error, nothing sent', async () => {
    const before = sandbox.stats().requests
    const outcome = await service().checkSeatFree({ product: 'office-suite', hardwareId: THIS_PC })
    expect(outcome.ok ? null : outcome.error.code).toBe('seat_check_unavailable')
    expect(sandbox.stats().requests).toBe(before)
  })

  it('an error of the check never quotes the licence key its URL carried, even when the server echoes the URL', async () => {
    // A server that frees the seat, then answers the check with an error quoting the request's URL, raw and decoded.
    const echo = await startHttpServer((request, res) => {
      if (request.method === 'POST') {
        res.writeHead(200, { 'content-type': 'application/json' })
        res.end('"license_deactivated"')
        return
      }
      res.writeHead(400, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ status: 400, code: 'echo_error', message: `You asked for ${request.url} = ${decodeURIComponent(request.url)}` }))
    })
    cleanups.push(echo.close)
    const s = createLicenseService({ config: config({ apiUrl: echo.apiUrl }), fetch, openExternal: async () => undefined, app: APP, sandbox: false })
    const key = 'KEY/WITH SPACE+PLUS&AMP-0001'
    expectOk(await s.deactivate({ ...KEY, credentials: { method: 'license-key', licenseKey: key } }))
    const outcome = await s.checkSeatFree({ product: 'office-suite', hardwareId: THIS_PC })
    expect(echo.requests.at(-1)?.url).toContain('check_bundle?')
    expect(outcome.ok ? null : outcome.error.code).toBe('echo_error')
    const text = JSON.stringify(outcome)
    for (const form of [key, encodeURIComponent(key), new URLSearchParams({ k: key }).toString().slice(2)]) expect(text).not.toContain(form)
    expect(text).toContain('[removed]')
  })
})

describe('a user’s licences of a bundle (user_licenses)', () => {
  it('lists both of bob’s design-pack licences, marking the one this hardware id holds', async () => {
    const answer = expectOk(
      await service({ bundleProducts: { 'design-pack': ['Draw', 'Photo'] } }).userLicences({
        product: 'design-pack',
        hardwareId: THIS_PC,
        credentials: { method: 'user', username: 'bob@example.test', password: 'bob-password' }
      })
    )
    expect(answer.licences.map((l) => [l.licenceId, l.onThisPc, l.products, l.seats])).toEqual([
      [2001, true, ['Draw', 'Photo'], { used: 2, allowed: 2 }],
      [2002, false, ['Draw', 'Photo'], { used: 0, allowed: 1 }]
    ])
    expect(answer.signatures).toBe('verified')
  })

  it('a wrong password: license_not_found, and the password appears nowhere', async () => {
    const outcome = await service().userLicences({
      product: 'design-pack',
      hardwareId: THIS_PC,
      credentials: { method: 'user', username: 'bob@example.test', password: 'not-bobs-password' }
    })
    expect(outcome.ok ? null : outcome.error.code).toBe('license_not_found')
    expect(JSON.stringify(outcome)).not.toContain('not-bobs-password')
  })

  it('only a username and password: a company sign-in is refused before anything is sent', async () => {
    const before = sandbox.stats().requests
    const outcome = await service().userLicences({ product: 'design-pack', credentials: { method: 'sso-code', code: 'c', customerAccountCode: 'acme' } })
    expect(outcome.ok ? null : outcome.error.code).toBe('invalid_input')
    expect(sandbox.stats().requests).toBe(before)
  })
})

describe('the words of a read', () => {
  it('every sentence the catalogue says of a possible change has its read words, and they claim no change', () => {
    const words = Object.values(ERROR_CATALOGUE).flatMap((e): string[] => [
      e.explanation,
      e.action,
      ...('cases' in e ? Object.values<CaseWords>(e.cases).flatMap((c) => [c.explanation, c.action ?? '']) : [])
    ])
    for (const [change, read] of WORDS_ON_A_READ) {
      expect(words, change).toContain(t(change))
      expect(t(change), change).toMatch(/may or may not|may be unchanged|not certain|freed/)
      expect(t(read), read).not.toMatch(/may or may not|may be unchanged|not certain|freed/)
    }
  })
})

describe('grouping a device’s licences into bundles', () => {
  const licence = (licenceId: number, code: string, key: string): ReadLicence => ({
    licenceId,
    code,
    name: null,
    holder: { kind: 'key', maskedKey: `••••${key}` },
    identity: { kind: 'key', value: key },
    seats: null,
    validUntil: null,
    startDate: null,
    enabled: null,
    active: null,
    expired: null,
    signature: undefined,
    validityPeriod: null
  })

  it('a product joins the last bundle of its own key, even when another key’s licences come between', () => {
    const bundles = groupIntoBundles([licence(1, 'suite', 'AAAA'), licence(2, 'other', 'BBBB'), licence(11, 'writer', 'AAAA'), licence(21, 'draw', 'BBBB')])
    expect(bundles.map((b) => [b.bundle, b.licenceId, b.products.map((p) => p.code)])).toEqual([
      ['suite', 1, ['writer']],
      ['other', 2, ['draw']]
    ])
  })

  it('two keys that end alike (masked alike) are two holders: a product of the one never joins the other’s bundle', () => {
    const withKey = (licenceId: number, code: string, key: string): ReadLicence => ({
      ...licence(licenceId, code, key),
      holder: { kind: 'key', maskedKey: '••••NDLE' }
    })
    const bundles = groupIntoBundles([
      withKey(1, 'legacy-suite', 'LEGACY-BUNDLE'),
      withKey(2, 'retired-suite', 'RETIRED-BUNDLE'),
      withKey(11, 'old-writer', 'LEGACY-BUNDLE')
    ])
    expect(bundles.map((b) => [b.bundle, b.licenceId, b.products.map((p) => p.code)])).toEqual([
      ['legacy-suite', 1, ['old-writer']],
      ['retired-suite', 2, []]
    ])
  })

  it('a licence with other terms, or a repeated product, starts a new bundle of the same key or user; a bundle the configuration names always does', () => {
    const otherTerms = groupIntoBundles([
      licence(1, 'suite', 'AAAA'),
      licence(11, 'writer', 'AAAA'),
      { ...licence(3, 'pack', 'AAAA'), seats: { used: 1, allowed: 2 } },
      { ...licence(31, 'draw', 'AAAA'), seats: { used: 1, allowed: 2 } }
    ])
    expect(otherTerms.map((b) => [b.bundle, b.products.map((p) => p.code)])).toEqual([
      ['suite', ['writer']],
      ['pack', ['draw']]
    ])
    const repeated = groupIntoBundles([licence(1, 'suite', 'AAAA'), licence(11, 'writer', 'AAAA'), licence(4, 'suite', 'AAAA'), licence(41, 'writer', 'AAAA')])
    expect(repeated.map((b) => [b.bundle, b.licenceId, b.products.map((p) => p.code)])).toEqual([
      ['suite', 1, ['writer']],
      ['suite', 4, ['writer']]
    ])
    const named = groupIntoBundles([licence(1, 'suite', 'AAAA'), licence(3, 'pack', 'AAAA'), licence(31, 'draw', 'AAAA')], {
      suite: ['Writer'],
      pack: ['Draw']
    })
    expect(named.map((b) => [b.bundle, b.products.map((p) => p.code)])).toEqual([
      ['suite', []],
      ['pack', ['draw']]
    ])
  })
})
