/**
 * The bench's own sandbox seed: licences that only the bench touches, so the
 * figures do not depend on the demo seed's contents. Plain JSON in the format
 * of src/sandbox/seed.ts (checked by the sandbox when it starts).
 */
export const BENCH_BUNDLE = 'bench-suite'
export const BENCH_CUSTOMER_ACCOUNT = 'bench-co'
export const LOAD_CLIENTS_MAX = 64
/** The device every single-client section activates and deactivates. */
export const BENCH_HARDWARE_ID = 'bench-device-0001'

export const benchCredentials = {
  apiKey: 'bench-api-key-0001',
  sharedKey: 'bench-shared-key-that-is-long-enough-0001',
  oauthClientId: 'bench-oauth-client',
  oauthClientSecret: 'bench-oauth-secret-0001',
  user: { email: 'bench.user@example.test', password: 'bench-user-password-1' },
  ssoUser: { email: 'bench.sso@bench-co.test', password: 'bench-sso-password-1' }
} as const

/** Licence keys by purpose; one key per load client so clients never contend for a seat. */
export const licenceKeys = {
  overhead: 'BNCH-OVER-0000-0001',
  roundTrips: 'BNCH-TRIP-0000-0001',
  oauth: 'BNCH-AUTH-0000-0001',
  kyAnatomy: 'BNCH-ANAT-0000-0001',
  load: (client: number): string => `BNCH-LOAD-0000-${String(client + 1).padStart(4, '0')}`
}

interface SeedLicence {
  id: number
  bundle: string
  licenseKey?: string
  user?: { email: string; password?: string; customerAccount?: string }
  enabled: boolean
  active: boolean
  maxActivations: number
  validityPeriod: null
  devices: string[]
}

function keyLicence(id: number, licenseKey: string): SeedLicence {
  return { id, bundle: BENCH_BUNDLE, licenseKey, enabled: true, active: true, maxActivations: 8, validityPeriod: null, devices: [] }
}

export function buildBenchSeed(): Record<string, unknown> {
  const licenses: SeedLicence[] = [
    keyLicence(9001, licenceKeys.overhead),
    keyLicence(9002, licenceKeys.roundTrips),
    keyLicence(9003, licenceKeys.oauth),
    keyLicence(9004, licenceKeys.kyAnatomy),
    {
      id: 9005,
      bundle: BENCH_BUNDLE,
      user: { ...benchCredentials.user },
      enabled: true,
      active: true,
      maxActivations: 8,
      validityPeriod: null,
      devices: []
    },
    {
      id: 9006,
      bundle: BENCH_BUNDLE,
      user: { email: benchCredentials.ssoUser.email, customerAccount: BENCH_CUSTOMER_ACCOUNT },
      // Activated already: arming an SSO seat would itself need a browser sign-in.
      enabled: true,
      active: true,
      maxActivations: 8,
      validityPeriod: null,
      devices: [BENCH_HARDWARE_ID]
    }
  ]
  for (let client = 0; client < LOAD_CLIENTS_MAX; client++) licenses.push(keyLicence(9100 + client, licenceKeys.load(client)))
  return {
    apiKeys: [{ apiKey: benchCredentials.apiKey, sharedKey: benchCredentials.sharedKey, status: 'active' }],
    oauthClients: [{ clientId: benchCredentials.oauthClientId, clientSecret: benchCredentials.oauthClientSecret }],
    products: [
      { code: BENCH_BUNDLE, name: 'Bench Suite', kind: 'bundle', status: 'enabled', bundleProducts: ['bench-writer', 'bench-sheets'] },
      { code: 'bench-writer', name: 'Bench Writer', kind: 'product', status: 'enabled' },
      { code: 'bench-sheets', name: 'Bench Sheets', kind: 'product', status: 'enabled' }
    ],
    customerAccounts: [
      {
        code: BENCH_CUSTOMER_ACCOUNT,
        name: 'Bench Co',
        sso: { enabled: true, redirectUri: 'http://127.0.0.1' },
        users: [{ ...benchCredentials.ssoUser }]
      }
    ],
    licenses
  }
}

/** A licence the click-to-confirmation bench deactivates once, already active on its device. */
export type ClickSeat =
  | { kind: 'key'; licenseKey: string; hardwareId: string }
  | { kind: 'user'; email: string; password: string; hardwareId: string }
  | { kind: 'sso'; hardwareId: string }

/** The bench seed with one active seat per click sample (the SSO user's devices share one licence). */
export function buildClickSeed(seats: readonly ClickSeat[]): Record<string, unknown> {
  const base = buildBenchSeed()
  const licenses: SeedLicence[] = []
  let id = 20_000
  for (const seat of seats) {
    if (seat.kind === 'key') licenses.push({ ...keyLicence(id++, seat.licenseKey), devices: [seat.hardwareId] })
    if (seat.kind === 'user') {
      licenses.push({
        id: id++,
        bundle: BENCH_BUNDLE,
        user: { email: seat.email, password: seat.password },
        enabled: true,
        active: true,
        maxActivations: 8,
        validityPeriod: null,
        devices: [seat.hardwareId]
      })
    }
  }
  const ssoDevices = seats.filter((s) => s.kind === 'sso').map((s) => s.hardwareId)
  licenses.push({
    id: id++,
    bundle: BENCH_BUNDLE,
    user: { email: benchCredentials.ssoUser.email, customerAccount: BENCH_CUSTOMER_ACCOUNT },
    enabled: true,
    active: true,
    maxActivations: Math.max(8, ssoDevices.length + 1),
    validityPeriod: null,
    devices: ssoDevices
  })
  return { ...base, licenses }
}
