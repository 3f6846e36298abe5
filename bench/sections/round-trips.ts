/**
 * API round trips per deactivation, counted by the sandbox's stats(): the
 * License API paths and the OAuth token path; the identity provider's own pages
 * (browser ↔ IdP during SSO) are reported apart.
 */
import type { FloorClient } from '../clients/floor'
import { expectActivated } from '../clients/floor'
import type { EngineDrivers } from '../clients/engine'
import { goal, notMeasured, type SectionOutcome } from '../lib/goals'
import type { RoundTripCaseSpec } from '../lib/round-trip-case'
import type { RemoteSandbox } from '../sandbox/remote'
import { statsDelta } from '../sandbox/remote'
import type { SandboxStats } from '../sandbox/protocol'

export interface RoundTripCase {
  method: string
  short: string
  roundTrips: number | null
  minimum: number
  byPath: Record<string, number>
  /** Requests to the identity provider's pages (SSO sign-in in the browser). */
  identityProviderRequests?: number
  note?: string
}

export interface RoundTripsData {
  cases: RoundTripCase[]
}

const isApiPath = (path: string): boolean => path.startsWith('/api/') || path === '/auth/token'

function apiOnly(delta: SandboxStats): { api: Record<string, number>; apiCount: number; other: number } {
  const api: Record<string, number> = {}
  let apiCount = 0
  let other = 0
  for (const [path, n] of Object.entries(delta.byPath)) {
    if (isApiPath(path)) {
      api[path] = n
      apiCount += n
    } else other += n
  }
  return { api, apiCount, other }
}

export async function countRoundTrips(sandbox: RemoteSandbox, specs: RoundTripCaseSpec[]): Promise<SectionOutcome<RoundTripsData>> {
  const cases: RoundTripCase[] = []
  for (const spec of specs) {
    if (spec.unavailable) {
      cases.push({ method: spec.method, short: spec.short, roundTrips: null, minimum: spec.minimum, byPath: {}, note: spec.unavailable })
      continue
    }
    try {
      await spec.arm?.()
      const before = await sandbox.stats()
      await spec.run()
      const { api, apiCount, other } = apiOnly(statsDelta(before, await sandbox.stats()))
      const c: RoundTripCase = { method: spec.method, short: spec.short, roundTrips: apiCount, minimum: spec.minimum, byPath: api }
      if (other) c.identityProviderRequests = other
      cases.push(c)
    } catch (error) {
      cases.push({
        method: spec.method,
        short: spec.short,
        roundTrips: null,
        minimum: spec.minimum,
        byPath: {},
        note: `failed: ${error instanceof Error ? error.message : String(error)}`
      })
    }
  }
  const measured = cases.filter((c) => c.roundTrips !== null)
  const extra = measured.filter((c) => (c.roundTrips ?? 0) > c.minimum)
  const missing = cases.filter((c) => c.roundTrips === null)
  const summary = `${cases.map((c) => c.roundTrips ?? '—').join(' / ')} (${cases.map((c) => c.short).join(' / ')})`
  const goals = measured.length
    ? [
        goal(
          'round-trips',
          'API round trips per deactivation',
          `${cases.map((c) => c.minimum).join(' / ')} (minimal)`,
          measured.reduce((s, c) => s + (c.roundTrips ?? 0), 0),
          summary,
          extra.length === 0 && missing.length === 0,
          missing.length
            ? `not measured: ${missing.map((c) => `${c.method} (${c.note})`).join('; ')}`
            : extra.length
              ? `above minimum: ${extra.map((c) => c.method).join(', ')}`
              : undefined
        )
      ]
    : [notMeasured('round-trips', 'API round trips per deactivation', 'minimal', 'engine not available')]
  return { data: { cases }, goals }
}

export interface RoundTripDeps {
  armer: FloorClient
  hardwareId: string
}

export async function measureRoundTrips(sandbox: RemoteSandbox, engine: EngineDrivers | null, deps: RoundTripDeps): Promise<SectionOutcome<RoundTripsData>> {
  const specs = engine?.roundTripCases?.((body) => deps.armer.post('activate_bundle', body).then(expectActivated)) ?? []
  if (specs.length === 0)
    return countRoundTrips(sandbox, [
      { method: 'licence key', short: 'key', minimum: 1, run: async () => undefined, unavailable: engine?.unavailable ?? 'engine not available' }
    ])
  return countRoundTrips(sandbox, specs)
}
