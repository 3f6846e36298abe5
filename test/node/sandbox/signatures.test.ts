import { generateKeyPairSync, verify } from 'node:crypto'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/server'
import { callApi, ScriptedSsoAuthority, send, signedHeaders, type RawResponse } from './helpers'

let sandbox: RunningSandbox
const sso = new ScriptedSsoAuthority()

beforeAll(async () => {
  sandbox = await startSandbox({ quiet: true, ssoAuthority: sso })
})
afterAll(() => sandbox.close())
beforeEach(() => sandbox.reset())

interface LicenceObject {
  validity_period: string | null
  license_signature: string
}

const rsaVerifies = (publicKey: string, data: string | Buffer, signatureB64: string) =>
  verify('sha256', Buffer.from(data), publicKey, Buffer.from(signatureB64, 'base64'))

/** license-api.md §9 v1, written out here independently of the sandbox's own code. */
const v1Text = (hardwareId: string, id: string, validity: string | null) =>
  `${hardwareId}#${id.split('|')[0]}#${validity ? new Date(validity).toISOString() : ''}`.toLowerCase()

function expectSignedActivation(response: RawResponse, hardwareId: string, id: string, publicKey = sandbox.publicKey) {
  expect(response.status).toBe(200)
  // v2: the LicenseSignature header covers the exact body bytes, which are compact JSON.
  const header = response.headers['licensesignature']
  expect(typeof header).toBe('string')
  expect(rsaVerifies(publicKey, response.text, header as string)).toBe(true)
  expect(JSON.stringify(JSON.parse(response.text))).toBe(response.text)
  // v1: every licence object carries its own signature.
  const licences = response.json as LicenceObject[]
  expect(licences.length).toBeGreaterThan(0)
  for (const l of licences) expect(rsaVerifies(publicKey, v1Text(hardwareId, id, l.validity_period), l.license_signature)).toBe(true)
  return licences
}

describe('response signatures', () => {
  it('key-based activation: v1 over hardware id and licence key (lower-cased), v2 over the body', async () => {
    const response = await callApi(sandbox.origin, 'activate_bundle', {
      product: 'office-suite',
      license_key: 'OFFICE-1111-FREE-SEAT',
      hardware_id: 'PC-With-Upper-Case'
    })
    const licences = expectSignedActivation(response, 'PC-With-Upper-Case', 'OFFICE-1111-FREE-SEAT')
    expect(licences[0]!.validity_period).toBeNull()
  })

  it('a licence with a validity period signs its ISO-8601 form', async () => {
    const response = await callApi(sandbox.origin, 'activate_bundle', {
      product: 'office-suite',
      license_key: 'OFFICE-6666-UNTIL-2030',
      hardware_id: 'pc-dated'
    })
    const licences = expectSignedActivation(response, 'pc-dated', 'OFFICE-6666-UNTIL-2030')
    expect(licences[0]!.validity_period).toBe('2030-12-31T23:59:59.000Z')
    // And not the form without validity.
    expect(rsaVerifies(sandbox.publicKey, v1Text('pc-dated', 'OFFICE-6666-UNTIL-2030', null), licences[0]!.license_signature)).toBe(false)
  })

  it('user-based activation signs the username', async () => {
    const response = await callApi(sandbox.origin, 'activate_bundle', {
      product: 'design-pack',
      username: 'Carol@Example.test',
      password: 'carol-password',
      hardware_id: 'pc-user'
    })
    expectSignedActivation(response, 'pc-user', 'Carol@Example.test')
  })

  it('SSO activation signs the signed-in user’s email', async () => {
    sso.tokens.set('ann-token', 'ann@acme.test')
    const response = await callApi(sandbox.origin, 'activate_bundle', {
      product: 'design-pack',
      id_token: 'ann-token',
      customer_account_code: 'acme',
      hardware_id: 'pc-sso'
    })
    expectSignedActivation(response, 'pc-sso', 'ann@acme.test')
  })

  it('a repeated activation (answered from the signature cache) verifies like the first', async () => {
    const body = { product: 'office-suite', license_key: 'OFFICE-1111-FREE-SEAT', hardware_id: 'pc-again' }
    const first = await callApi(sandbox.origin, 'activate_bundle', body)
    const again = await callApi(sandbox.origin, 'activate_bundle', body)
    expect(again.text).toBe(first.text)
    expectSignedActivation(again, 'pc-again', 'OFFICE-1111-FREE-SEAT')
  })

  it('a changed body no longer verifies (the check can fail)', async () => {
    const response = await callApi(sandbox.origin, 'activate_bundle', {
      product: 'office-suite',
      license_key: 'OFFICE-1111-FREE-SEAT',
      hardware_id: 'pc-tamper'
    })
    const tampered = response.text.replace('"max_activations":3', '"max_activations":30')
    expect(tampered).not.toBe(response.text)
    expect(rsaVerifies(sandbox.publicKey, tampered, response.headers['licensesignature'] as string)).toBe(false)
  })

  it('sso_url answers are signed too (the node SDK checks them)', async () => {
    const response = await send(sandbox.origin, {
      method: 'GET',
      path: '/api/v4/sso_url?product=design-pack&customer_account_code=acme&response_type=code',
      headers: signedHeaders()
    })
    expect(response.status).toBe(200)
    expect(rsaVerifies(sandbox.publicKey, response.text, response.headers['licensesignature'] as string)).toBe(true)
  })

  it('deactivation answers carry no signature', async () => {
    const response = await callApi(sandbox.origin, 'deactivate_bundle', {
      product: 'office-suite',
      license_key: 'OFFICE-2222-IN-USE',
      hardware_id: 'sandbox-pc-1'
    })
    expect(response.json).toBe('license_deactivated')
    expect(response.headers['licensesignature']).toBeUndefined()
  })

  it('summary() publishes the same public key', () => {
    expect(sandbox.summary().publicKey).toBe(sandbox.publicKey)
    expect(sandbox.publicKey).toMatch(/^-----BEGIN PUBLIC KEY-----/)
  })
})

describe('a configured signing key', () => {
  it('signs with the given private key and publishes its public half', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
    const expectedPublic = publicKey.export({ type: 'spki', format: 'pem' }).toString()
    const keyed = await startSandbox({ quiet: true, sso: false, privateKeyPem: pem })
    try {
      expect(keyed.publicKey).toBe(expectedPublic)
      const response = await callApi(keyed.origin, 'activate_bundle', {
        product: 'office-suite',
        license_key: 'OFFICE-1111-FREE-SEAT',
        hardware_id: 'pc-keyed'
      })
      expectSignedActivation(response, 'pc-keyed', 'OFFICE-1111-FREE-SEAT', expectedPublic)
      // A sandbox with another key does not produce signatures that verify with this one.
      expect(rsaVerifies(sandbox.publicKey, response.text, response.headers['licensesignature'] as string)).toBe(false)
    } finally {
      await keyed.close()
    }
  })
})
