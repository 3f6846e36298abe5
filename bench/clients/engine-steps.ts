/**
 * What one service.deactivate costs before and after the network, step by step,
 * with no server involved: tells which engine code to look at when the overhead
 * goal is missed.
 */
import { performance } from 'node:perf_hooks'
import { createHmacSigner, hmacSignature } from '../../src/main/engine/auth/hmac'
import { createHardwareIdSource } from '../../src/main/engine/hardware-id'
import { toBundleRequestBody } from '../../src/main/engine/license-api-client'
import type { ResolvedRequest } from '../../src/shared/request'
import { validateDeactivation } from '../../src/shared/validation'
import type { MicroCost } from '../sections/ky-anatomy'
import { round } from '../lib/stats'

function perCall(iterations: number, body: () => unknown): number {
  for (let i = 0; i < Math.min(2_000, iterations); i++) body()
  const start = performance.now()
  for (let i = 0; i < iterations; i++) body()
  return ((performance.now() - start) * 1000) / iterations
}

export async function measureEngineSteps(input: ResolvedRequest, keys: { apiKey: string; sharedKey: string }): Promise<MicroCost[]> {
  const hardware = createHardwareIdSource({ fixedMachineId: () => input.hardwareId })
  await hardware.machine()
  const signer = createHmacSigner(keys)
  const validated = validateDeactivation(input)
  if (!validated.ok) throw new Error(`bench input does not validate: ${validated.error.code}`)
  const request = { ...validated.value, hardwareId: input.hardwareId }
  const rows: Array<[string, number]> = [
    ['validateDeactivation(form input) — src/shared/validation.ts', perCall(5_000, () => validateDeactivation(input))],
    ['hardware id resolve (cached) — hardware-id.ts', perCall(50_000, () => hardware.resolve(undefined))],
    ['HMAC Date + Authorization (same second, reused) — auth/hmac.ts', perCall(50_000, () => signer.headers())],
    ['HMAC signature computed (new second) — auth/hmac.ts', perCall(20_000, () => hmacSignature(keys.sharedKey, new Date().toUTCString()))],
    ['wire body: toBundleRequestBody + JSON.stringify', perCall(50_000, () => JSON.stringify(toBundleRequestBody(request, 'app 1.0')))]
  ]
  return rows.map(([operation, microseconds]) => ({ operation, microseconds: round(microseconds, 2) }))
}
