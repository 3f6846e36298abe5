/**
 * The engine as the bench drives it: its License API client and its whole
 * service (validation, hardware id, client, outcome) on the global fetch, plus a
 * capture of the exact request it puts on the wire so the floor can replay it.
 */
import { createLicenseApiClient, type LicenseApiClient } from '../../src/main/engine/license-api-client'
import { createLicenseService, type LicenseService } from '../../src/main/engine/service'
import type { AuthConfig } from '../../src/main/engine/config'
import type { ResolvedRequest } from '../../src/shared/request'
import type { RoundTripCaseSpec } from '../lib/round-trip-case'
import { BENCH_CUSTOMER_ACCOUNT, benchCredentials, licenceKeys } from '../sandbox/seed'
import { replayTemplate, startCaptureServer } from './capture'
import { signInThroughBrowser, type SignInBrowser } from './sso-browser'
import type { HmacKeys } from './wire'

export interface EngineTarget {
  apiUrl: string
  keys: HmacKeys
  oauth: { tokenUrl: string; clientId: string; clientSecret: string }
  product: string
  licenseKey: string
  hardwareId: string
  timeoutMs: number
}

export interface EngineDrivers {
  /** The client's deactivateBundle for the target licence; throws unless confirmed. */
  client?: () => Promise<void>
  /** The service's deactivate (validation, hardware id, client, outcome); throws unless confirmed. */
  service?: () => Promise<void>
  /** Headers and body the engine sends, for the floor to replay. */
  wireTemplate?: { headers: Record<string, string>; authorizationLayout?: string }
  wireBody?: string
  /** Round-trip cases; `arm` activates the seat with a given activate_bundle body (untimed, uncounted). */
  roundTripCases?: (arm: (activationBody: string) => Promise<void>) => RoundTripCaseSpec[]
  notes: string[]
  unavailable?: string
  close: () => Promise<void>
}

export const BENCH_APP = { name: 'license-manager-bench', version: '0.0.0', os: 'linux (bench)' }
const SDK_VERSION = `${BENCH_APP.name} ${BENCH_APP.version}`

type Confirmable = { ok: true } | { ok: false; error: { code: string; status?: number } }

async function confirm(label: string, call: Promise<Confirmable>): Promise<void> {
  const outcome = await call
  if (!outcome.ok) throw new Error(`${label} failed: ${outcome.error.code}${outcome.error.status ? ` (HTTP ${outcome.error.status})` : ''}`)
}

export function licenceKeyRequest(target: Pick<EngineTarget, 'product' | 'hardwareId'>, licenseKey: string): ResolvedRequest {
  return { product: target.product, hardwareId: target.hardwareId, credentials: { method: 'license-key', licenseKey } }
}

export function createEngineClient(apiUrl: string, auth: AuthConfig, timeoutMs: number): LicenseApiClient {
  return createLicenseApiClient({ apiUrl, auth, fetch: globalThis.fetch, timeoutMs, sdkVersion: SDK_VERSION })
}

/** A service as the app builds it, with this PC's id fixed to the bench device and a scripted system browser. */
export function createEngineService(
  target: EngineTarget,
  auth: AuthConfig,
  openExternal: (url: string) => Promise<void> = async () => undefined
): LicenseService {
  return createLicenseService({
    config: {
      apiUrl: target.apiUrl,
      auth,
      defaultProduct: target.product,
      defaultCustomerAccount: BENCH_CUSTOMER_ACCOUNT,
      timeoutMs: target.timeoutMs,
      ssoTimeoutMs: 30_000,
      ssoTokenField: 'access_token'
    },
    fetch: globalThis.fetch,
    openExternal,
    machineId: () => target.hardwareId,
    app: BENCH_APP,
    sandbox: true
  })
}

function buildRoundTripCases(target: EngineTarget, hmac: AuthConfig, browser: SignInBrowser) {
  return (arm: (activationBody: string) => Promise<void>): RoundTripCaseSpec[] => {
    const hmacService = createEngineService(target, hmac, (url) => browser.open(url))
    const oauthService = createEngineService(target, { scheme: 'oauth', ...target.oauth })
    const keyBody = (licenseKey: string): string => JSON.stringify({ hardware_id: target.hardwareId, product: target.product, license_key: licenseKey })
    const user = benchCredentials.user
    return [
      {
        method: 'licence key (HMAC)',
        short: 'key',
        minimum: 1,
        arm: () => arm(keyBody(licenceKeys.roundTrips)),
        run: () =>
          confirm(
            'licence key',
            hmacService.deactivate({ product: target.product, credentials: { method: 'license-key', licenseKey: licenceKeys.roundTrips } })
          )
      },
      {
        method: 'username + password (HMAC)',
        short: 'user',
        minimum: 1,
        arm: () => arm(JSON.stringify({ hardware_id: target.hardwareId, product: target.product, username: user.email, password: user.password })),
        run: () =>
          confirm('user', hmacService.deactivate({ product: target.product, credentials: { method: 'user', username: user.email, password: user.password } }))
      },
      {
        method: 'licence key (OAuth, no token cached)',
        short: 'OAuth, no token',
        minimum: 2,
        arm: () => arm(keyBody(licenceKeys.oauth)),
        run: () =>
          confirm('oauth first', oauthService.deactivate({ product: target.product, credentials: { method: 'license-key', licenseKey: licenceKeys.oauth } }))
      },
      {
        method: 'licence key (OAuth, token cached)',
        short: 'OAuth, token cached',
        minimum: 1,
        arm: () => arm(keyBody(licenceKeys.oauth)),
        run: () =>
          confirm('oauth cached', oauthService.deactivate({ product: target.product, credentials: { method: 'license-key', licenseKey: licenceKeys.oauth } }))
      },
      {
        // sso_url twice (the registration, then the app's chosen loopback redirect) + deactivation.
        method: 'SSO, authorization code (browser sign-in)',
        short: 'SSO',
        minimum: 3,
        // The SSO licence is seeded as active on the bench device.
        run: async () => {
          const outcome = await hmacService.deactivateWithSso(
            { product: target.product, customerAccountCode: BENCH_CUSTOMER_ACCOUNT, grant: 'code' },
            () => undefined
          )
          if (!outcome.ok) {
            const browserError = await browser.settled().then(
              () => '',
              (error: unknown) => `; browser: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`
            )
            throw new Error(`sso failed: ${outcome.error.code}${browserError}`)
          }
        },
        ...(browser.unavailable ? { unavailable: browser.unavailable } : {})
      }
    ]
  }
}

export async function loadEngineDrivers(target: EngineTarget): Promise<EngineDrivers> {
  const notes: string[] = []
  const hmac: AuthConfig = { scheme: 'hmac', apiKey: target.keys.apiKey, sharedKey: target.keys.sharedKey }

  // What the engine writes on the wire, captured once from a loopback recorder.
  const capture = await startCaptureServer()
  let wireTemplate: EngineDrivers['wireTemplate']
  let wireBody: string | undefined
  try {
    const outcome = await createEngineClient(capture.apiUrl, hmac, target.timeoutMs).deactivateBundle(licenceKeyRequest(target, target.licenseKey))
    const seen = capture.requests[0]
    if (outcome.ok && seen) {
      wireTemplate = replayTemplate(seen)
      wireBody = seen.body
      notes.push(`Engine request on the wire: ${seen.headers.map(([n]) => n).join(', ')}; body ${seen.body.length} bytes.`)
    }
  } finally {
    await capture.close()
  }

  const client = createEngineClient(target.apiUrl, hmac, target.timeoutMs)
  const service = createEngineService(target, hmac)
  const request = licenceKeyRequest(target, target.licenseKey)
  const serviceInput = { product: target.product, credentials: { method: 'license-key' as const, licenseKey: target.licenseKey } }
  const browser = await signInThroughBrowser(benchCredentials.ssoUser)
  notes.push(
    'Service: createLicenseService with machineId fixed to the bench device (cached after the first call), global fetch; input { product, credentials: { method, licenseKey } } as the window sends it.'
  )
  const drivers: EngineDrivers = {
    client: () => confirm('engine client deactivation', client.deactivateBundle(request)),
    service: () => confirm('engine service deactivation', service.deactivate(serviceInput)),
    roundTripCases: buildRoundTripCases(target, hmac, browser),
    notes,
    close: () => browser.close()
  }
  if (wireTemplate) drivers.wireTemplate = wireTemplate
  if (wireBody) drivers.wireBody = wireBody
  return drivers
}
