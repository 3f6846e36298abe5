import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createLicenseApiClient, type LicenseApiClient } from '../../../src/main/engine/license-api-client'
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/server'
import { startSsoProvider } from '../../../src/sandbox/sso'
import type { Credentials } from '../../../src/shared/request'
import { codeOf } from './support/engine'
import { seededRandom, settledHeapBytes } from './support/heap'
import { reliabilityTable } from './support/table'
import { closeOpened } from '../../support/close-opened'

/*
 * Item 3: K concurrent clients (each the engine's own License API client) activating and
 * deactivating the same licences on the sandbox. Seat counts must stay exact, no update may be
 * lost, memory must stay bounded, and the run must stop by itself.
 */

const CLIENTS = 16
const OPERATIONS_PER_CLIENT = 30
const DEVICES_PER_CLIENT = 2
/** The whole run, the hard stop: each call has its own 5 s deadline inside it. */
const RUN_BUDGET_MS = 25_000
/** The sandbox memoises up to 4096 response signatures of each kind: filling that is most of the growth seen (~3 MB). */
const HEAP_GROWTH_LIMIT = 16 * 1024 * 1024

interface Target {
  name: string
  product: string
  credentials: Credentials
  /** Licence ids whose devices the target covers (a user may hold several licences). */
  licenceIds: number[]
}

const TARGETS: Target[] = [
  {
    name: 'OFFICE-1111-FREE-SEAT (3 seats)',
    product: 'office-suite',
    credentials: { method: 'license-key', licenseKey: 'OFFICE-1111-FREE-SEAT' },
    licenceIds: [1001]
  },
  {
    name: 'OFFICE-6666-UNTIL-2030 (2 seats, 1 taken)',
    product: 'office-suite',
    credentials: { method: 'license-key', licenseKey: 'OFFICE-6666-UNTIL-2030' },
    licenceIds: [1006]
  },
  {
    name: 'bob@example.test (2 licences, 3 seats, 1 taken)',
    product: 'design-pack',
    credentials: { method: 'user', username: 'bob@example.test', password: 'bob-password' },
    licenceIds: [2001, 2002]
  }
]

const table = reliabilityTable(__filename, 3, 'Load')
let sandbox: RunningSandbox
let seeded: Map<number, Set<string>>

beforeAll(async () => {
  sandbox = await startSandbox({ quiet: true, sso: false })
  seeded = new Map(sandbox.store.licenses().map((l) => [l.id, new Set(l.devices)]))
})
afterAll(() => closeOpened(sandbox))

const clientFor = (): LicenseApiClient =>
  createLicenseApiClient({
    apiUrl: sandbox.apiUrl,
    auth: { scheme: 'hmac', apiKey: sandbox.apiKey, sharedKey: sandbox.sharedKey },
    fetch,
    timeoutMs: 5_000,
    sdkVersion: 'Reliability load'
  })

const licence = (id: number) => sandbox.store.licenseById(id)!

/** Seats above a licence's limit anywhere in the store (must stay empty). */
function overbooked(): string[] {
  return sandbox.store
    .licenses()
    .filter((l) => l.devices.size > l.maxActivations)
    .map((l) => `${l.id}: ${l.devices.size}/${l.maxActivations}`)
}

/** Devices the load added to a target (the seeded ones taken out). */
function addedDevices(target: Target): string[] {
  return target.licenceIds.flatMap((id) => [...licence(id).devices].filter((d) => !seeded.get(id)!.has(d))).sort()
}

describe('concurrent clients on the same licences', () => {
  it('L01 K clients activating and deactivating: every answer expected, seats exact, no lost update', async (context) => {
    sandbox.reset()
    const requestsBefore = sandbox.stats().requests
    const anomalies: string[] = []
    const overbookings: string[] = []
    let checks = 0
    /** What each client knows about its own devices: target index → devices it activated. */
    const beliefs = Array.from({ length: CLIENTS }, () => TARGETS.map(() => new Set<string>()))
    const counts = { activated: 0, full: 0, deactivated: 0 }

    async function runClient(index: number): Promise<void> {
      const client = clientFor()
      const random = seededRandom(1_000 + index)
      for (let op = 0; op < OPERATIONS_PER_CLIENT; op++) {
        const t = Math.floor(random() * TARGETS.length)
        const target = TARGETS[t]!
        const device = `load-c${index}-d${Math.floor(random() * DEVICES_PER_CLIENT)}`
        const request = { product: target.product, hardwareId: device, credentials: target.credentials }
        const active = beliefs[index]![t]!
        if (active.has(device)) {
          const outcome = await client.deactivateBundle(request)
          if (outcome.ok) {
            active.delete(device)
            counts.deactivated += 1
          } else anomalies.push(`client ${index} deactivate ${device} on ${target.name}: ${codeOf(outcome)}`)
        } else {
          const outcome = await client.activateBundle(request)
          if (outcome.ok) {
            active.add(device)
            counts.activated += 1
          } else if (codeOf(outcome) === 'license_activated_max_times') counts.full += 1
          else anomalies.push(`client ${index} activate ${device} on ${target.name}: ${codeOf(outcome)}`)
        }
        checks += 1
        overbookings.push(...overbooked())
      }
    }

    const started = performance.now()
    let budget: NodeJS.Timeout | undefined
    const finished = await Promise.race([
      Promise.all(Array.from({ length: CLIENTS }, (_, i) => runClient(i))).then(() => 'finished' as const),
      new Promise<'over budget'>((resolve) => (budget = setTimeout(() => resolve('over budget'), RUN_BUDGET_MS)))
    ])
    clearTimeout(budget)
    const elapsed = performance.now() - started

    const mismatches = TARGETS.flatMap((target, t) => {
      const believed = beliefs.flatMap((b) => [...b[t]!]).sort()
      const actual = addedDevices(target)
      return JSON.stringify(believed) === JSON.stringify(actual)
        ? []
        : [`${target.name}: clients ${JSON.stringify(believed)}, server ${JSON.stringify(actual)}`]
    })
    const total = CLIENTS * OPERATIONS_PER_CLIENT
    const requests = sandbox.stats().requests - requestsBefore
    table.record(context, {
      id: 'L01',
      case: `${CLIENTS} concurrent engine clients × ${OPERATIONS_PER_CLIENT} random activate/deactivate calls on 3 shared licences (key 3 seats; key 2 seats with 1 taken; a user with 2 licences, 3 seats, 1 taken), 2 devices per client`,
      expected:
        'only ok / license_activated_max_times answers; no licence ever above its limit; final devices = what the clients were told; 1 request per call',
      observed:
        `${finished}; ${total} calls → ${requests} requests; ${anomalies.length} unexpected answers; ${overbookings.length} overbookings in ${checks} checks; ` +
        `final devices ${mismatches.length === 0 ? 'match the clients’ view on all 3 licences' : `differ: ${mismatches.join('; ')}`}; ` +
        `all three answers seen: ${counts.activated > 0 && counts.full > 0 && counts.deactivated > 0 ? 'yes' : 'no'}`
    })
    expect(finished).toBe('finished')
    expect(elapsed).toBeLessThan(RUN_BUDGET_MS)
    expect(anomalies).toEqual([])
    expect(overbookings).toEqual([])
    expect(mismatches).toEqual([])
    expect(requests).toBe(total)
    // The mix really contended: seats ran out and were freed again.
    expect(counts.full).toBeGreaterThan(0)
    expect(counts.activated).toBeGreaterThan(0)
    expect(counts.deactivated).toBeGreaterThan(0)
  })

  it('L02 the same device activated by K clients at once takes one seat; K deactivations free it once', async (context) => {
    sandbox.reset()
    const target = TARGETS[0]!
    const request = { product: target.product, hardwareId: 'load-shared-device', credentials: target.credentials }
    const clients = Array.from({ length: CLIENTS }, clientFor)
    const activations = await Promise.all(clients.map((c) => c.activateBundle(request)))
    const seatsAfterActivation = addedDevices(target)
    const deactivations = await Promise.all(clients.map((c) => c.deactivateBundle(request)))
    const freed = deactivations.filter((o) => o.ok).length
    const notFound = deactivations.filter((o) => codeOf(o) === 'device_not_found').length
    table.record(context, {
      id: 'L02',
      case: `${CLIENTS} clients activate the same device on a 3-seat licence at once, then all deactivate it at once`,
      expected: `${CLIENTS} activations ok (idempotent), 1 seat used; exactly 1 deactivation ok, ${CLIENTS - 1} device_not_found; 0 seats left`,
      observed: `${activations.filter((o) => o.ok).length} activations ok, ${seatsAfterActivation.length} seat used; ${freed} deactivation ok, ${notFound} device_not_found; ${addedDevices(target).length} seats left`
    })
    expect(activations.every((o) => o.ok)).toBe(true)
    expect(seatsAfterActivation).toEqual(['load-shared-device'])
    expect(freed).toBe(1)
    expect(notFound).toBe(CLIENTS - 1)
    expect(addedDevices(target)).toEqual([])
  })

  it('L03 memory stays bounded: repeating the load leaves the heap where it was', { timeout: 60_000 }, async (context) => {
    sandbox.reset()
    const target = TARGETS[0]!
    const clients = Array.from({ length: CLIENTS }, clientFor)
    /** Every client frees a seat, takes it and frees it again, so the store returns to its start. */
    const round = (n: number) =>
      Promise.all(
        clients.map(async (c, i) => {
          const request = { product: target.product, hardwareId: `mem-${n}-${i % 3}`, credentials: target.credentials }
          await c.activateBundle(request)
          await c.deactivateBundle(request)
        })
      )
    for (let n = 0; n < 5; n++) await round(n)
    const before = settledHeapBytes()
    const rounds = 40
    for (let n = 0; n < rounds; n++) await round(n)
    const growth = settledHeapBytes() - before
    table.record(context, {
      id: 'L03',
      case: `${rounds} more rounds of ${CLIENTS} concurrent activate+deactivate pairs (${rounds * CLIENTS * 2} calls) after a warm-up, heap measured after full GC`,
      expected: `heap growth below ${HEAP_GROWTH_LIMIT / 1024 / 1024} MB; the store back to its seeded devices`,
      observed: `heap growth ${growth < HEAP_GROWTH_LIMIT ? `below ${HEAP_GROWTH_LIMIT / 1024 / 1024} MB` : `${Math.round(growth / 1024 / 1024)} MB`}; store ${addedDevices(target).length === 0 ? 'back to its seeded devices' : 'changed'}`
    })
    expect(growth).toBeLessThan(HEAP_GROWTH_LIMIT)
    expect(addedDevices(target)).toEqual([])
  })
})

describe('the sandbox’s OpenID provider under a flood of sign-in page visits', () => {
  it(
    'L04 600 unauthenticated /auth visits leave at most the store’s cap behind; a new visit still gets its login page',
    { timeout: 60_000 },
    async (context) => {
      const cap = 200
      const provider = await startSsoProvider({
        seed: { customerAccounts: [{ code: 'acme', sso: { enabled: true }, users: [] }] },
        storeLimits: { maxEntries: cap }
      })
      const authorize = async () => {
        const url = (await provider.ssoUrl({ product: 'design-pack', customerAccountCode: 'acme', responseType: 'code' })) as {
          ok: true
          value: { url: string }
        }
        return fetch(url.value.url, { redirect: 'manual' })
      }
      let largest = 0
      let redirected = 0
      try {
        for (let i = 0; i < 600; i++) {
          const answer = await authorize()
          await answer.body?.cancel()
          if (answer.status === 303) redirected += 1
          largest = Math.max(largest, provider.storeSize())
        }
        const last = await authorize()
        await last.body?.cancel()
        const login = await fetch(new URL(last.headers.get('location')!, provider.issuer), {
          headers: {
            cookie: last.headers
              .getSetCookie()
              .map((c) => c.split(';')[0])
              .join('; ')
          }
        })
        table.record(context, {
          id: 'L04',
          case: `600 visits of the provider’s /auth page that never sign in (each leaves an interaction behind), store capped at ${cap} entries for the test (10 000 by default)`,
          expected: `every visit redirected to its login page; the store never holds more than ${cap} entries; a new visit then still gets its login page`,
          observed: `${redirected} of 600 redirected; at most ${largest} entries held; then the login page: HTTP ${login.status}`
        })
        expect(redirected).toBe(600)
        expect(largest).toBeLessThanOrEqual(cap)
        expect(largest).toBeGreaterThan(cap / 2)
        expect(login.status).toBe(200)
        expect(await login.text()).toContain('password')
      } finally {
        await provider.close()
      }
    }
  )
})
