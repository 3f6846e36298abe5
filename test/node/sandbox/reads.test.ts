import { verify } from 'node:crypto'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { defaultSeed } from '../../../src/sandbox/seed'
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/server'
import { expectRefusal, ScriptedSsoAuthority, send, signedHeaders, type HmacKey, type RawResponse } from './helpers'
import { anyNumber } from '../../support/matchers'

/*
 * The four documented reads (license-api.md §10) as the sandbox answers them: the documented
 * shapes, signed as the SDKs check, and refused as strictly as the other endpoints (auth first,
 * then only the documented query parameters, each once).
 */
const THIS_PC = 'reads-test-pc'
let sandbox: RunningSandbox
const sso = new ScriptedSsoAuthority()

beforeAll(async () => {
  sandbox = await startSandbox({ quiet: true, ssoAuthority: sso, thisPcHardwareId: THIS_PC })
})
afterAll(() => sandbox.close())
beforeEach(() => sandbox.reset())

const get = (path: string, query: Record<string, string> | string, key?: HmacKey, headers?: Record<string, string>): Promise<RawResponse> =>
  send(sandbox.origin, {
    method: 'GET',
    path: `/api/v4/${path}?${typeof query === 'string' ? query : new URLSearchParams(query).toString()}`,
    headers: headers ?? signedHeaders(key)
  })

const rsaVerifies = (data: string, signature: string) => verify('sha256', Buffer.from(data), sandbox.publicKey, Buffer.from(signature, 'base64'))
/** license-api.md §9 v1, written out here independently of the sandbox. */
const v1Text = (hardwareId: string, id: string, validity: string | null) =>
  `${hardwareId}#${id.split('|')[0]}#${validity ? new Date(validity).toISOString() : ''}`.toLowerCase()

type Licence = Record<string, unknown> & { id: number; product_details: { short_code: string }; license_signature: string; validity_period: string | null }

function expectSignedBody(response: RawResponse): unknown {
  expect(response.status).toBe(200)
  expect(response.headers['content-type']).toMatch(/^application\/json/)
  expect(JSON.stringify(JSON.parse(response.text))).toBe(response.text)
  expect(rsaVerifies(response.text, response.headers['licensesignature'] as string)).toBe(true)
  return response.json
}

const idOf = (l: Licence) => (typeof l['license_key'] === 'string' ? l['license_key'] : (l['user'] as { email: string }).email)

describe('GET device_licenses', () => {
  it('lists every licence object this PC holds, bundle first, each signed for the hardware id (v1) and the whole body (v2)', async () => {
    const licences = expectSignedBody(await get('device_licenses', { hardware_id: THIS_PC })) as Licence[]
    expect(licences.map((l) => `${l.product_details.short_code}:${idOf(l)}`)).toEqual([
      'office-suite:OFFICE-2222-IN-USE',
      'writer:OFFICE-2222-IN-USE',
      'sheets:OFFICE-2222-IN-USE',
      'slides:OFFICE-2222-IN-USE',
      'design-pack:bob@example.test',
      'draw:bob@example.test',
      'photo:bob@example.test',
      'design-pack:ann@acme.test',
      'draw:ann@acme.test',
      'photo:ann@acme.test'
    ])
    for (const l of licences) {
      expect(rsaVerifies(v1Text(THIS_PC, idOf(l), l.validity_period), l.license_signature)).toBe(true)
      expect(l).toMatchObject({ hardware_id: THIS_PC, license_active: true, license_enabled: true, times_activated: 2, max_activations: anyNumber() })
    }
    expect(licences[0]!.id).toBe(1002)
  })

  it('lists licences whatever their state: an expired one says so', async () => {
    const licences = expectSignedBody(await get('device_licenses', { hardware_id: 'sandbox-pc-1' })) as Licence[]
    const expired = licences.find((l) => l.id === 1007)
    expect(expired).toMatchObject({ is_expired: true, license_type: 'time-limited' })
    expect(licences.find((l) => l.id === 1004)).toMatchObject({ license_enabled: false })
  })

  it('after a deactivation the bundle is gone from the list; a hardware id that holds nothing answers []', async () => {
    const deactivate = await send(sandbox.origin, {
      path: '/api/v4/deactivate_bundle',
      headers: signedHeaders(),
      body: JSON.stringify({ product: 'office-suite', license_key: 'OFFICE-2222-IN-USE', hardware_id: THIS_PC })
    })
    expect(deactivate.status).toBe(200)
    const codes = (expectSignedBody(await get('device_licenses', { hardware_id: THIS_PC })) as Licence[]).map((l) => l.product_details.short_code)
    expect(codes).not.toContain('office-suite')
    expect(expectSignedBody(await get('device_licenses', { hardware_id: 'a-pc-nobody-activated' }))).toEqual([])
  })

  it('with the seed switch deviceLicensesWhenNone, an id holding nothing answers device_not_found instead', async () => {
    const other = await startSandbox({ quiet: true, sso: false, seed: { ...defaultSeed(), behaviour: { deviceLicensesWhenNone: 'device_not_found' } } })
    try {
      const answer = await send(other.origin, { method: 'GET', path: '/api/v4/device_licenses?hardware_id=nobody', headers: signedHeaders() })
      expectRefusal(answer, 400, 'device_not_found')
      const held = await send(other.origin, { method: 'GET', path: '/api/v4/device_licenses/?hardware_id=sandbox-pc-1', headers: signedHeaders() })
      expect(held.status).toBe(200)
    } finally {
      await other.close()
    }
  })

  it('an API key limited to some products sees only their licences; a read-only key may read', async () => {
    const designOnly = { apiKey: 'sandbox-design-only-api-key', sharedKey: 'sandbox-design-only-shared-key' }
    const codes = (expectSignedBody(await get('device_licenses', { hardware_id: THIS_PC }, designOnly)) as Licence[]).map((l) => l.product_details.short_code)
    expect(new Set(codes)).toEqual(new Set(['design-pack', 'draw', 'photo']))
    const readOnly = { apiKey: 'sandbox-read-only-api-key', sharedKey: 'sandbox-read-only-shared-key' }
    expect((expectSignedBody(await get('device_licenses', { hardware_id: THIS_PC }, readOnly)) as Licence[]).length).toBe(10)
  })

  it.each([
    ['no hardware id', '', 400, 'missing_hardware_id'],
    ['an empty hardware id', 'hardware_id=', 400, 'validation_error'],
    ['the hardware id twice', `hardware_id=${THIS_PC}&hardware_id=other`, 400, 'validation_error'],
    ['an unknown parameter', `hardware_id=${THIS_PC}&product=office-suite`, 400, 'validation_error'],
    ['a hardware id the seed answers as missing', 'hardware_id=sandbox-pc-without-id', 400, 'missing_hardware_id'],
    ['a hardware id longer than 1024 characters', `hardware_id=${'h'.repeat(1025)}`, 400, 'validation_error']
  ])('refuses %s', async (_name, query, status, code) => {
    expectRefusal(await get('device_licenses', query), status, code)
  })
})

describe('the reads are authorised like every call', () => {
  const READS = [
    ['device_licenses', { hardware_id: THIS_PC }],
    ['check_bundle', { product: 'office-suite', hardware_id: THIS_PC, license_key: 'OFFICE-2222-IN-USE' }],
    ['user_licenses', { product: 'design-pack', username: 'bob@example.test', password: 'bob-password' }],
    ['customer_license_users', { product: 'design-pack', customer: 'bob@example.test' }]
  ] as const
  it.each(READS)('%s: no headers → missing_headers; a revoked key → revoked_api_key; a wrong shared key → signature_mismatch', async (path, query) => {
    expectRefusal(await get(path, query, undefined, {}), 400, 'missing_headers')
    expectRefusal(await get(path, query, { apiKey: 'sandbox-revoked-api-key', sharedKey: 'sandbox-revoked-shared-key' }), 400, 'revoked_api_key')
    expectRefusal(await get(path, query, { apiKey: 'sandbox-api-key', sharedKey: 'not-the-shared-key' }), 401, 'signature_mismatch')
  })
  it.each(READS)('%s is a GET: a POST answers not_found', async (path, query) => {
    const posted = await send(sandbox.origin, { path: `/api/v4/${path}`, headers: signedHeaders(), body: JSON.stringify(query) })
    expectRefusal(posted, 404, 'not_found')
  })
})

describe('GET check_bundle', () => {
  it('answers the bundle licence objects for a device the licence holds, signed (v1 for the licence key, v2)', async () => {
    const licences = expectSignedBody(
      await get('check_bundle', { product: 'office-suite', hardware_id: THIS_PC, license_key: 'OFFICE-2222-IN-USE', sdk_ver: 'License Manager 0.1.0' })
    ) as Licence[]
    expect(licences.map((l) => l.product_details.short_code)).toEqual(['office-suite', 'writer', 'sheets', 'slides'])
    for (const l of licences) expect(rsaVerifies(v1Text(THIS_PC, 'OFFICE-2222-IN-USE', null), l.license_signature)).toBe(true)
  })

  it('takes a username without a password (the documented credential of a check), and license_id picks among a user’s licences', async () => {
    const both = expectSignedBody(await get('check_bundle', { product: 'design-pack', hardware_id: 'sandbox-pc-1', username: 'bob@example.test' })) as Licence[]
    expect(both[0]!.id).toBe(2001)
    expectRefusal(
      await get('check_bundle', { product: 'design-pack', hardware_id: 'sandbox-pc-1', username: 'bob@example.test', license_id: '2002' }),
      400,
      'device_not_found'
    )
    expectRefusal(
      await get('check_bundle', { product: 'design-pack', hardware_id: 'sandbox-pc-1', username: 'bob@example.test', license_id: '9999' }),
      400,
      'license_not_found'
    )
  })

  it('answers device_not_found once the seat is freed', async () => {
    const query = { product: 'office-suite', hardware_id: THIS_PC, license_key: 'OFFICE-2222-IN-USE' }
    expect((await get('check_bundle', query)).status).toBe(200)
    await send(sandbox.origin, { path: '/api/v4/deactivate_bundle', headers: signedHeaders(), body: JSON.stringify(query) })
    expectRefusal(await get('check_bundle', query), 400, 'device_not_found')
  })

  it.each([
    ['a licence key and a username', { license_key: 'OFFICE-2222-IN-USE', username: 'bob@example.test' }, 'validation_error'],
    ['neither a licence key nor a username', {}, 'missing_parameters'],
    ['a password (not a parameter of the check)', { username: 'bob@example.test', password: 'bob-password' }, 'validation_error'],
    ['a licence id that is not a number', { license_key: 'OFFICE-2222-IN-USE', license_id: 'one' }, 'validation_error'],
    ['include_expired_features that is not a boolean', { license_key: 'OFFICE-2222-IN-USE', include_expired_features: 'yes' }, 'validation_error'],
    ['an unknown licence key', { license_key: 'OFFICE-0000-NOBODY' }, 'license_not_found'],
    ['a username on a key-based bundle', { username: 'bob@example.test' }, 'license_key_required'],
    ['a disabled licence', { license_key: 'OFFICE-4444-DISABLED' }, 'license_not_enabled']
  ])('refuses %s', async (_name, extra, code) => {
    const hardwareId = code === 'license_not_enabled' ? 'sandbox-pc-1' : THIS_PC
    expectRefusal(await get('check_bundle', { product: 'office-suite', hardware_id: hardwareId, ...extra }), 400, code)
  })

  it('refuses a product that is not a bundle, and a missing product', async () => {
    expectRefusal(await get('check_bundle', { product: 'writer', hardware_id: THIS_PC, license_key: 'OFFICE-2222-IN-USE' }), 400, 'product_not_bundle')
    expectRefusal(await get('check_bundle', { hardware_id: THIS_PC, license_key: 'OFFICE-2222-IN-USE' }), 400, 'missing_parameters')
  })
})

describe('GET user_licenses', () => {
  it('lists the user’s licences of the bundle as {license, user}, after the password checks out, signed (v2)', async () => {
    const items = expectSignedBody(await get('user_licenses', { product: 'design-pack', username: 'bob@example.test', password: 'bob-password' })) as Array<{
      license: Licence
      user: Record<string, unknown>
    }>
    expect(items.map((i) => i.license.id)).toEqual([2001, 2002])
    expect(items[0]!.license).toMatchObject({
      product_details: { short_code: 'design-pack', authorization_method: 'user' },
      max_activations: 2,
      times_activated: 2
    })
    expect(items[0]!.license).not.toHaveProperty('hardware_id')
    expect(items[0]!.user).toMatchObject({ email: 'bob@example.test', max_activations: 2 })
  })

  it.each([
    ['a wrong password', { username: 'bob@example.test', password: 'not-it' }, 'license_not_found'],
    ['no password', { username: 'bob@example.test' }, 'missing_parameters'],
    ['no credentials', {}, 'missing_parameters'],
    ['two credential sets', { username: 'bob@example.test', password: 'bob-password', code: 'c', customer_account_code: 'acme' }, 'validation_error'],
    ['a code without its customer account', { code: 'code-ann' }, 'missing_parameters'],
    ['a customer account with a username', { username: 'bob@example.test', password: 'bob-password', customer_account_code: 'acme' }, 'validation_error']
  ])('refuses %s', async (_name, credentials, code) => {
    expectRefusal(await get('user_licenses', { product: 'design-pack', ...credentials }), 400, code)
  })

  it('a key-based bundle has no licence users: invalid_product_auth_method (documented for the user reads)', async () => {
    expectRefusal(
      await get('user_licenses', { product: 'office-suite', username: 'bob@example.test', password: 'bob-password' }),
      400,
      'invalid_product_auth_method'
    )
  })

  it('a company sign-in’s code works once', async () => {
    sso.codes.set('code-for-ann', 'ann@acme.test')
    const query = { product: 'design-pack', code: 'code-for-ann', customer_account_code: 'acme' }
    const first = expectSignedBody(await get('user_licenses', query)) as Array<{ license: Licence }>
    expect(first.map((i) => i.license.id)).toEqual([3001])
    expectRefusal(await get('user_licenses', query), 400, 'sso_code_invalid')
  })
})

describe('GET customer_license_users', () => {
  it('lists the customer’s license users of a user-based product, signed (v2)', async () => {
    const answer = expectSignedBody(await get('customer_license_users', { product: 'design-pack', customer: 'bob@example.test' })) as {
      customer: Record<string, unknown>
      users: Array<Record<string, unknown>>
    }
    expect(answer.customer).toMatchObject({ email: 'bob@example.test', customer_account: null })
    expect(answer.users.map((u) => u['license_id'])).toEqual([2001, 2002])
    expect(answer.users[0]).toMatchObject({ email: 'bob@example.test', is_active: true, max_activations: 2, total_activations: 2 })
  })

  it.each([
    ['an unknown customer', { product: 'design-pack', customer: 'nobody@example.test' }, 'customer_does_not_exist'],
    ['a key-based product', { product: 'office-suite', customer: 'bob@example.test' }, 'invalid_product_auth_method'],
    ['no customer', { product: 'design-pack' }, 'missing_parameters'],
    ['an unknown product', { product: 'no-such-product', customer: 'bob@example.test' }, 'unknown_product'],
    ['an unknown parameter', { product: 'design-pack', customer: 'bob@example.test', page: '2' }, 'validation_error']
  ])('refuses %s', async (_name, query, code) => {
    expectRefusal(await get('customer_license_users', query), 400, code)
  })
})
