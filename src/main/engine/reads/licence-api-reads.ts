import { failure, success, type Outcome } from '../../../shared/outcome'
import type { SignatureCheck } from '../../../shared/licences-on-pc'
import { mapUnexpectedSuccess } from '../errors/map-response'
import type { LicenseApiClient } from '../license-api-client'
import { readLicence, readLicenceList, type ReadLicence } from './licence-objects'
import { responseSignatures } from './response-signatures'

/** check_bundle's query: the bundle, the hardware id, and a licence key or a username (no password: §10). */
export interface CheckBundleQuery {
  product: string
  hardwareId: string
  holder: { licenseKey: string } | { username: string }
  licenseId?: number
}

/** user_licenses' query with a username and password (§10). */
export interface UserLicensesQuery {
  product: string
  username: string
  password: string
}

/** The reads of license-api.md §10, typed: each answer read as documented and its signatures checked. */
export interface LicenceApiReads {
  /** Whether the signatures are checked (a public key is configured). */
  readonly signatures: SignatureCheck
  /** GET device_licenses: the licences assigned to a hardware id. */
  deviceLicenses(hardwareId: string): Promise<Outcome<ReadLicence[]>>
  /** GET check_bundle: the bundle's licences active on the hardware id. */
  checkBundle(query: CheckBundleQuery): Promise<Outcome<ReadLicence[]>>
  /** GET user_licenses: the user's licences of the product. */
  userLicenses(query: UserLicensesQuery): Promise<Outcome<ReadLicence[]>>
}

const parseJson = (body: string): unknown => {
  try {
    return JSON.parse(body)
  } catch {
    return undefined
  }
}

/** user_licenses answers [{license, user}]. */
function readUserLicences(json: unknown): ReadLicence[] | undefined {
  if (!Array.isArray(json)) return undefined
  const licences: ReadLicence[] = []
  for (const item of json) {
    const pair = typeof item === 'object' && item !== null ? (item as { license?: unknown; user?: unknown }) : undefined
    const licence = pair === undefined ? undefined : readLicence(pair.license, pair.user)
    if (licence === undefined) return undefined
    licences.push(licence)
  }
  return licences
}

/**
 * The reads over the app's signed client. With the vendor's public key every answer's v2 signature
 * (the `LicenseSignature` header) must verify, and each licence tied to the hardware id its v1
 * signature, as the official SDKs require for these calls; an answer that does not is not used.
 */
export function createLicenceApiReads(client: LicenseApiClient, sdkVersion: string, publicKey?: string): LicenceApiReads {
  const signatures = responseSignatures(publicKey)

  async function read(path: string, query: URLSearchParams, take: (json: unknown) => ReadLicence[] | undefined): Promise<Outcome<ReadLicence[]>> {
    const sent = await client.read(path, query)
    if (!sent.ok) return sent
    const answer = sent.value
    const json = parseJson(answer.body)
    const licences = json === undefined ? undefined : take(json)
    if (licences === undefined) return failure(mapUnexpectedSuccess(answer))
    const untrusted = signatures.body(answer.body, json, answer.licenseSignature ?? null)
    return untrusted ? failure(untrusted) : success(licences)
  }

  /** Each licence's v1 signature, for the hardware id asked about. */
  function signedFor(hardwareId: string, licences: Outcome<ReadLicence[]>): Outcome<ReadLicence[]> {
    if (!licences.ok) return licences
    for (const l of licences.value) {
      const untrusted = signatures.licence(l.signature, hardwareId, l.identity, l.validityPeriod)
      if (untrusted) return failure(untrusted)
    }
    return licences
  }

  return {
    signatures: signatures.check,

    deviceLicenses: async (hardwareId) =>
      signedFor(hardwareId, await read('device_licenses', new URLSearchParams({ hardware_id: hardwareId }), readLicenceList)),

    async checkBundle(query) {
      const search = new URLSearchParams({ product: query.product, hardware_id: query.hardwareId })
      if ('licenseKey' in query.holder) search.set('license_key', query.holder.licenseKey)
      else search.set('username', query.holder.username)
      if (query.licenseId !== undefined) search.set('license_id', String(query.licenseId))
      search.set('sdk_ver', sdkVersion)
      return signedFor(query.hardwareId, await read('check_bundle', search, readLicenceList))
    },

    // Its licences carry no hardware id: only the v2 signature applies.
    userLicenses: (query) =>
      read('user_licenses', new URLSearchParams({ product: query.product, username: query.username, password: query.password }), readUserLicences)
  }
}
