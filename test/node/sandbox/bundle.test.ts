import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/server'
import { callApi, expectRefusal } from './helpers'

let sandbox: RunningSandbox

beforeAll(async () => {
  sandbox = await startSandbox({ quiet: true, sso: false })
})
afterAll(() => sandbox.close())
beforeEach(() => sandbox.reset())

const activate = (body: unknown) => callApi(sandbox.origin, 'activate_bundle', body)
const deactivate = (body: unknown) => callApi(sandbox.origin, 'deactivate_bundle', body)

interface LicenceObject {
  id: number
  license_key?: string
  user?: { email: string }
  hardware_id: string
  active: boolean
  times_activated: number
  max_activations: number
  product_details: { short_code: string; product_name: string; authorization_method: string }
}

describe('key-based bundle licence', () => {
  const key = { product: 'office-suite', license_key: 'OFFICE-1111-FREE-SEAT' }

  it('activate → deactivate → device_not_found', async () => {
    const activation = await activate({ ...key, hardware_id: 'pc-a', os_ver: 'Linux 6', hostname: 'pc-a', is_vm: false })
    expect(activation.status).toBe(200)
    const licences = activation.json as LicenceObject[]
    // The bundle's own licence first, then one per product of the bundle.
    expect(licences.map((l) => l.product_details.short_code)).toEqual(['office-suite', 'writer', 'sheets', 'slides'])
    for (const l of licences) {
      expect(l).toMatchObject({
        license_key: 'OFFICE-1111-FREE-SEAT',
        hardware_id: 'pc-a',
        active: true,
        times_activated: 1,
        max_activations: 3,
        product_details: { authorization_method: 'license-key' }
      })
    }
    expect(new Set(licences.map((l) => l.id)).size).toBe(4)
    expect(licences[0]!.id).toBe(1001)
    expect(sandbox.devicesOf('OFFICE-1111-FREE-SEAT')).toEqual(['pc-a'])

    const first = await deactivate({ ...key, hardware_id: 'pc-a' })
    expect(first.status).toBe(200)
    expect(first.json).toBe('license_deactivated')
    expect(first.headers['content-type']).toMatch(/^application\/json/)
    expect(sandbox.devicesOf('OFFICE-1111-FREE-SEAT')).toEqual([])

    expectRefusal(await deactivate({ ...key, hardware_id: 'pc-a' }), 400, 'device_not_found')
  })

  it('accepts the paths with a trailing slash', async () => {
    expect((await callApi(sandbox.origin, 'activate_bundle/', { ...key, hardware_id: 'pc-slash' })).status).toBe(200)
    const response = await callApi(sandbox.origin, 'deactivate_bundle/', { ...key, hardware_id: 'pc-slash' })
    expect(response.status).toBe(200)
    expect(response.json).toBe('license_deactivated')
  })

  it('re-activating the same hardware id is idempotent and uses no extra seat', async () => {
    await activate({ ...key, hardware_id: 'pc-b' })
    const again = await activate({ ...key, hardware_id: 'pc-b' })
    expect(again.status).toBe(200)
    expect((again.json as LicenceObject[])[0]!.times_activated).toBe(1)
    expect(sandbox.devicesOf('OFFICE-1111-FREE-SEAT')).toEqual(['pc-b'])
  })

  it('license_activated_max_times when every seat is taken', async () => {
    const full = { product: 'office-suite', license_key: 'OFFICE-5555-FULL' }
    expectRefusal(await activate({ ...full, hardware_id: 'pc-c' }), 400, 'license_activated_max_times')
    // An already active device can still re-activate.
    expect((await activate({ ...full, hardware_id: 'full-pc-1' })).status).toBe(200)
    // Freeing a seat makes room.
    expect((await deactivate({ ...full, hardware_id: 'full-pc-2' })).status).toBe(200)
    expect((await activate({ ...full, hardware_id: 'pc-c' })).status).toBe(200)
    expect(sandbox.devicesOf('OFFICE-5555-FULL')).toEqual(['full-pc-1', 'pc-c'])
  })

  it('deactivation frees only the given device', async () => {
    await activate({ ...key, hardware_id: 'pc-1' })
    await activate({ ...key, hardware_id: 'pc-2' })
    await deactivate({ ...key, hardware_id: 'pc-1' })
    expect(sandbox.devicesOf('OFFICE-1111-FREE-SEAT')).toEqual(['pc-2'])
  })

  it('the per-product licence ids identify the bundle licence in license_id', async () => {
    const ids = ((await activate({ ...key, hardware_id: 'pc-id' })).json as LicenceObject[]).map((l) => l.id)
    expect((await deactivate({ ...key, hardware_id: 'pc-id', license_id: ids[1] })).status).toBe(200)
    await activate({ ...key, hardware_id: 'pc-id' })
    expect((await deactivate({ ...key, hardware_id: 'pc-id', license_id: 1001 })).status).toBe(200)
    await activate({ ...key, hardware_id: 'pc-id' })
    expectRefusal(await deactivate({ ...key, hardware_id: 'pc-id', license_id: 1002 }), 400, 'license_not_found')
  })
})

describe('exceptions of the seed page and the general codes', () => {
  it('unknown_product', async () => {
    expectRefusal(await deactivate({ product: 'no-such-bundle', hardware_id: 'x', license_key: 'OFFICE-2222-IN-USE' }), 400, 'unknown_product')
  })

  it('product_not_bundle for a single product', async () => {
    const response = await deactivate({ product: 'writer', hardware_id: 'x', license_key: 'OFFICE-2222-IN-USE' })
    expectRefusal(response, 400, 'product_not_bundle')
    expect((response.json as { message: string }).message).toBe('Specified product "writer" is not a bundle')
  })

  it('license_not_found for an unknown key', async () => {
    expectRefusal(await deactivate({ product: 'office-suite', hardware_id: 'x', license_key: 'NOPE-0000' }), 400, 'license_not_found')
  })

  it('license_not_found for the key in other letter case (sandbox-only: the strictest reading where the docs are silent)', async () => {
    const body = { product: 'office-suite', hardware_id: 'x', license_key: 'office-1111-free-seat' }
    expectRefusal(await deactivate(body), 400, 'license_not_found')
    expectRefusal(await activate(body), 400, 'license_not_found')
    expectRefusal(await activate({ ...body, license_key: 'Office-1111-Free-Seat' }), 400, 'license_not_found')
    expect((await activate({ ...body, license_key: 'OFFICE-1111-FREE-SEAT' })).status).toBe(200)
  })

  it('license_not_found for a key of another bundle', async () => {
    expectRefusal(await deactivate({ product: 'design-pack', hardware_id: 'x', license_key: 'OFFICE-2222-IN-USE' }), 400, 'license_not_found')
  })

  it('license_not_active for a licence that is not active', async () => {
    const body = { product: 'office-suite', hardware_id: 'x', license_key: 'OFFICE-3333-NOT-ACTIVE' }
    expectRefusal(await deactivate(body), 400, 'license_not_active')
    expectRefusal(await activate(body), 400, 'license_not_active')
  })

  it('license_not_enabled for a disabled licence, even for an active device', async () => {
    const body = { product: 'office-suite', hardware_id: 'sandbox-pc-1', license_key: 'OFFICE-4444-DISABLED' }
    expectRefusal(await deactivate(body), 400, 'license_not_enabled')
    expect(sandbox.devicesOf('OFFICE-4444-DISABLED')).toEqual(['sandbox-pc-1'])
  })

  it('disabled_product for a disabled bundle', async () => {
    const body = { product: 'legacy-suite', hardware_id: 'sandbox-pc-1', license_key: 'LEGACY-1111-DISABLED-BUNDLE' }
    expectRefusal(await deactivate(body), 400, 'disabled_product')
  })

  it('archived_product for an archived bundle', async () => {
    const body = { product: 'retired-suite', hardware_id: 'sandbox-pc-1', license_key: 'RETIRED-1111-ARCHIVED-BUNDLE' }
    expectRefusal(await deactivate(body), 400, 'archived_product')
  })

  it('device_not_found for a device never activated', async () => {
    expectRefusal(await deactivate({ product: 'office-suite', hardware_id: 'stranger', license_key: 'OFFICE-2222-IN-USE' }), 400, 'device_not_found')
  })

  it('customer_account_not_found for an unknown customer account code', async () => {
    const body = { product: 'design-pack', hardware_id: 'x', code: 'abc', customer_account_code: 'nobody' }
    expectRefusal(await deactivate(body), 400, 'customer_account_not_found')
  })

  it('sso_not_enabled for a customer account without SSO', async () => {
    const body = { product: 'design-pack', hardware_id: 'x', id_token: 'abc', customer_account_code: 'globex' }
    expectRefusal(await deactivate(body), 400, 'sso_not_enabled')
  })

  it('sso_not_enabled for an SSO account while no SSO side is attached', async () => {
    const body = { product: 'design-pack', hardware_id: 'x', code: 'abc', customer_account_code: 'acme' }
    expectRefusal(await deactivate(body), 400, 'sso_not_enabled')
  })
})

describe('user-based bundle licence', () => {
  const bob = { product: 'design-pack', username: 'bob@example.test', password: 'bob-password' }

  it('deactivates with username and password, then device_not_found', async () => {
    expect(sandbox.devicesOf(2001)).toEqual(['sandbox-pc-1'])
    const response = await deactivate({ ...bob, hardware_id: 'sandbox-pc-1' })
    expect(response.json).toBe('license_deactivated')
    expect(sandbox.devicesOf(2001)).toEqual([])
    expectRefusal(await deactivate({ ...bob, hardware_id: 'sandbox-pc-1' }), 400, 'device_not_found')
  })

  it('by default needs the password on deactivation too (the seed page documents username + password)', async () => {
    const response = await deactivate({ product: 'design-pack', username: 'bob@example.test', hardware_id: 'sandbox-pc-1' })
    expectRefusal(response, 400, 'missing_parameters')
    expect((response.json as { message: string }).message).toBe('Some parameters are missing in the request: password')
    expect(sandbox.devicesOf(2001)).toEqual(['sandbox-pc-1'])
  })

  it('license_not_found for a wrong password, leaving the device active', async () => {
    expectRefusal(await deactivate({ ...bob, password: 'wrong', hardware_id: 'sandbox-pc-1' }), 400, 'license_not_found')
    expect(sandbox.devicesOf(2001)).toEqual(['sandbox-pc-1'])
  })

  it('activation answers user objects and the user authorization method', async () => {
    const response = await activate({ product: 'design-pack', username: 'carol@example.test', password: 'carol-password', hardware_id: 'pc-u' })
    expect(response.status).toBe(200)
    const licences = response.json as LicenceObject[]
    expect(licences).toHaveLength(3)
    for (const l of licences) {
      expect(l.license_key).toBeUndefined()
      expect(l.user?.email).toBe('carol@example.test')
      expect(l.product_details.authorization_method).toBe('user')
    }
  })

  it('a user with two licences: activation fills the one with a free seat; license_id picks one', async () => {
    // 2001 has 1/2 seats used, 2002 has 0/1.
    await activate({ ...bob, hardware_id: 'pc-x' })
    expect(sandbox.devicesOf(2001)).toEqual(['sandbox-pc-1', 'pc-x'])
    await activate({ ...bob, hardware_id: 'pc-y' })
    expect(sandbox.devicesOf(2002)).toEqual(['pc-y'])
    expectRefusal(await activate({ ...bob, hardware_id: 'pc-z' }), 400, 'license_activated_max_times')
    // Deactivation finds the licence the device is on.
    expect((await deactivate({ ...bob, hardware_id: 'pc-y' })).status).toBe(200)
    expect(sandbox.devicesOf(2002)).toEqual([])
    // license_id restricts the search to that licence.
    expectRefusal(await deactivate({ ...bob, hardware_id: 'pc-x', license_id: 2002 }), 400, 'device_not_found')
  })
})

describe('deactivation answer as raw text', () => {
  it('answers the bare word with text/plain when configured so', async () => {
    const textual = await startSandbox({ quiet: true, sso: false, deactivationBody: 'text' })
    try {
      const response = await callApi(textual.origin, 'deactivate_bundle', {
        product: 'office-suite',
        license_key: 'OFFICE-2222-IN-USE',
        hardware_id: 'sandbox-pc-1'
      })
      expect(response.status).toBe(200)
      expect(response.text).toBe('license_deactivated')
      expect(response.headers['content-type']).toMatch(/^text\/plain/)
    } finally {
      await textual.close()
    }
  })
})
