import { adviseForRead, describeError } from '../../../shared/errors'
import {
  pcLicencesRequestSchema,
  seatCheckRequestSchema,
  userLicencesRequestSchema,
  type PcLicences,
  type SeatCheck,
  type UserLicenceChoice,
  type UserLicences
} from '../../../shared/licences-on-pc'
import { failure, success, type Outcome } from '../../../shared/outcome'
import { invalidRequest } from '../../../shared/validation'
import type { BundleProducts } from '../config'
import { secretScrubber } from '../errors/scrub-secrets'
import type { HardwareIdSource } from '../hardware-id'
import type { LicenseApiClient } from '../license-api-client'
import { createLicenceApiReads, type CheckBundleQuery } from './licence-api-reads'
import { groupIntoBundles, licenceFacts } from './licence-objects'
import type { SeatCheckMemory } from './seat-check-memory'

/**
 * The License API's reads (license-api.md §10) as the window and the CLI use them: what a hardware
 * id holds, the check after a deactivation, a user's licences of a bundle. Each is sent only when
 * asked for, checks its input first, and changes nothing.
 */
export interface LicenceReads {
  /** device_licenses for this PC's hardware id, or an override. */
  onPc(input: unknown): Promise<Outcome<PcLicences>>
  /** check_bundle for a deactivation made moments ago, with the licence key or username it was made with. */
  checkSeatFree(input: unknown): Promise<Outcome<SeatCheck>>
  /** user_licenses with a username and password, each licence marked when the hardware id holds it. */
  userLicences(input: unknown): Promise<Outcome<UserLicences>>
}

export interface LicenceReadsDeps {
  client: LicenseApiClient
  /** Sent as `sdk_ver` where a read takes it. */
  sdkVersion: string
  /** The vendor's public key (PEM): the answers' signatures are checked with it. */
  publicKey?: string
  hardware: HardwareIdSource
  /** The deactivations made moments ago, and what checks them. */
  memory: SeatCheckMemory
  /** The bundles' products as the configuration names them. */
  bundleProducts?: BundleProducts
  now?: () => number
}

const secretOf = (holder: CheckBundleQuery['holder']): string => ('licenseKey' in holder ? holder.licenseKey : '')

export function createLicenceReads(deps: LicenceReadsDeps): LicenceReads {
  const { hardware } = deps
  const now = deps.now ?? Date.now
  const client = createLicenceApiReads(deps.client, deps.sdkVersion, deps.publicKey)

  /** A read's failure in a read's words, without any secret of the call in its texts. */
  function readFailure<T>(outcome: Outcome<T>, secrets: readonly string[]): Outcome<T> {
    if (outcome.ok) return outcome
    return failure(secretScrubber([...deps.client.secrets(), ...secrets]).error(adviseForRead(outcome.error)))
  }

  async function guarded<T>(work: () => Promise<Outcome<T>>): Promise<Outcome<T>> {
    try {
      return await work()
    } catch {
      return failure(adviseForRead(describeError('app_internal_error')))
    }
  }

  async function onPc(input: unknown): Promise<Outcome<PcLicences>> {
    const request = pcLicencesRequestSchema.safeParse(input)
    if (!request.success) return failure(invalidRequest(request.error.issues))
    const pc = await hardware.resolve(request.data.hardwareId)
    if (!pc.ok) return pc
    const listed = await client.deviceLicenses(pc.value.id)
    // The server's other way of saying that nothing is active on this id.
    const licences = !listed.ok && listed.error.code === 'device_not_found' ? success([]) : listed
    if (!licences.ok) return readFailure(licences, [])
    return success({
      hardwareId: pc.value.id,
      source: pc.value.source,
      bundles: groupIntoBundles(licences.value, deps.bundleProducts),
      checkedAt: new Date(now()).toISOString(),
      signatures: client.signatures
    })
  }

  async function checkSeatFree(input: unknown): Promise<Outcome<SeatCheck>> {
    const request = seatCheckRequestSchema.safeParse(input)
    if (!request.success) return failure(invalidRequest(request.error.issues))
    const { product, hardwareId } = request.data
    const made = deps.memory.find(product, hardwareId)
    if (made === undefined) return failure(describeError('seat_check_unavailable'))
    const answer = await client.checkBundle({
      product,
      hardwareId,
      holder: made.holder,
      ...(made.licenseId === undefined ? {} : { licenseId: made.licenseId })
    })
    // check_bundle answers device_not_found when the licence has no active device with this id: the seat is free.
    const state = answer.ok ? 'still-active' : answer.error.code === 'device_not_found' ? 'free' : undefined
    if (state === undefined) return readFailure(answer as Outcome<never>, [secretOf(made.holder)])
    return success({ product, hardwareId, state, checkedAt: new Date(now()).toISOString(), signatures: client.signatures })
  }

  async function userLicences(input: unknown): Promise<Outcome<UserLicences>> {
    const request = userLicencesRequestSchema.safeParse(input)
    if (!request.success) return failure(invalidRequest(request.error.issues))
    const { product, credentials } = request.data
    const pc = await hardware.resolve(request.data.hardwareId)
    if (!pc.ok) return pc
    const [licences, onDevice] = await Promise.all([
      client.userLicenses({ product, username: credentials.username, password: credentials.password }),
      client.deviceLicenses(pc.value.id)
    ])
    if (!licences.ok) return readFailure(licences, [credentials.password])
    const active = onDevice.ok ? new Set(onDevice.value.map((l) => l.licenceId)) : onDevice.error.code === 'device_not_found' ? new Set<number>() : null
    const named = deps.bundleProducts
    const choices: UserLicenceChoice[] = licences.value
      .filter((l) => l.code === product)
      .map((l) => ({
        ...licenceFacts(l),
        bundle: l.code,
        bundleName: l.name,
        products: named !== undefined && Object.hasOwn(named, l.code) ? [...(named[l.code] ?? [])] : null,
        onThisPc: active === null ? null : active.has(l.licenceId)
      }))
    return success({ product, licences: choices, signatures: client.signatures })
  }

  return {
    onPc: (input) => guarded(() => onPc(input)),
    checkSeatFree: (input) => guarded(() => checkSeatFree(input)),
    userLicences: (input) => guarded(() => userLicences(input))
  }
}
