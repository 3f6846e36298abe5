import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/server'
import { callApi } from './helpers'

let sandbox: RunningSandbox

beforeAll(async () => {
  sandbox = await startSandbox({ quiet: true, sso: false })
})
afterAll(() => sandbox.close())

describe('parallel requests never over-count seats', () => {
  it('20 concurrent activations of a 3-seat licence: exactly 3 succeed', async () => {
    sandbox.reset()
    const key = { product: 'office-suite', license_key: 'OFFICE-1111-FREE-SEAT' }
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => callApi(sandbox.origin, 'activate_bundle', { ...key, hardware_id: `racer-${i}` })))
    const succeeded = results.filter((r) => r.status === 200)
    const refused = results.filter((r) => r.status !== 200)
    expect(succeeded).toHaveLength(3)
    expect(refused.map((r) => (r.json as { code: string }).code)).toEqual(Array(17).fill('license_activated_max_times'))
    expect(sandbox.devicesOf('OFFICE-1111-FREE-SEAT')).toHaveLength(3)
  })

  it('20 concurrent deactivations of one device: exactly one succeeds, the rest device_not_found', async () => {
    sandbox.reset()
    const body = { product: 'office-suite', license_key: 'OFFICE-2222-IN-USE', hardware_id: 'sandbox-pc-1' }
    const results = await Promise.all(Array.from({ length: 20 }, () => callApi(sandbox.origin, 'deactivate_bundle', body)))
    expect(results.filter((r) => r.json === 'license_deactivated')).toHaveLength(1)
    expect(results.filter((r) => (r.json as { code?: string }).code === 'device_not_found')).toHaveLength(19)
  })
})
