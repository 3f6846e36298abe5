import { createHash } from 'node:crypto'
import type { BundleOutcome } from './bundle-service'
import type { ResponseSigner } from './signing'
import type { SeedProduct } from './seed'
import { isExpired, productLicenseId, type StoredLicense } from './store'

/** The compact JSON body of a successful activation and its `LicenseSignature` header value. */
export interface SignedAnswer {
  body: string
  signature: string
}

/** Numeric id of a seeded product: its position in the seed, from 1 (stable within a run). */
export type ProductIds = (code: string) => number

/**
 * The answer of activate_bundle, shaped as the docs show it: the bundle's own licence object first,
 * then one per product of the bundle, each with the documented licence fields and its v1
 * `license_signature`; the whole compact body signed for the v2 header.
 */
export async function buildActivationAnswer(signer: ResponseSigner, outcome: BundleOutcome, productId: ProductIds, now: number): Promise<SignedAnswer> {
  return signBody(signer, await deviceLicenceObjects(signer, outcome, productId, now))
}

/**
 * The licence objects a device holds through one bundle licence (the bundle's, then one per
 * product), each with its v1 signature for that device: what activate_bundle, check_bundle and
 * device_licenses answer with.
 */
export async function deviceLicenceObjects(signer: ResponseSigner, outcome: BundleOutcome, productId: ProductIds, now: number) {
  const { license, hardwareId } = outcome
  const licenseSignature = await signer.signLicense(
    hardwareId,
    license.licenseKey !== undefined ? { kind: 'license-key', value: license.licenseKey } : { kind: 'user', value: license.user!.email },
    license.validityPeriod
  )
  return [
    licenceObject(outcome, license.bundle, license.id, productId, now),
    ...license.products.map((product, position) => licenceObject(outcome, product, productLicenseId(license.id, position), productId, now))
  ].map((item) => ({ ...item, license_signature: licenseSignature }))
}

/**
 * A device's id: derived from the licence and the hardware id alone, so it is stable without being
 * stored, and the same device always gets the same answer (whose signature the signer remembers).
 */
const deviceId = (license: StoredLicense, hardwareId: string): number => createHash('sha256').update(`${license.id}\n${hardwareId}`).digest().readUIntBE(0, 6)

function licenceObject(outcome: BundleOutcome, product: SeedProduct, id: number, productId: ProductIds, now: number) {
  const { license, hardwareId } = outcome
  return {
    id,
    ...licenceFields(license, outcome.timesActivated, now),
    hardware_id: hardwareId,
    device_id: deviceId(license, hardwareId),
    active: license.active,
    product_details: productDetails(license, product, productId)
  }
}

/** The fields every documented licence object has, whichever call answers with it. */
export function licenceFields(license: StoredLicense, timesActivated: number, now: number) {
  const account = license.user?.customerAccount
  return {
    ...(license.licenseKey !== undefined
      ? { license_key: license.licenseKey }
      : { user: { id: license.user!.id, email: license.user!.email, is_initial_password: false } }),
    license_active: license.active,
    license_enabled: license.enabled,
    license_type: license.validityPeriod === null ? 'perpetual' : 'time-limited',
    is_trial: false,
    is_expired: isExpired(license, now),
    validity_period: license.validityPeriod,
    start_date: null,
    times_activated: timesActivated,
    max_activations: license.maxActivations,
    allow_unlimited_activations: false,
    transfer_count: 0,
    max_transfers: 0,
    prevent_vm: false,
    customer: {
      email: license.user?.email ?? '',
      company_name: '',
      reference: '',
      customer_account: account === undefined ? null : { code: account }
    },
    company: { id: 1 }
  }
}

export const productDetails = (license: StoredLicense, product: SeedProduct, productId: ProductIds) => ({
  product_id: productId(product.code),
  product_name: product.name,
  short_code: product.code,
  authorization_method: license.licenseKey !== undefined ? 'license-key' : 'user'
})

/** Serialises compactly and signs exactly the bytes that will be sent. */
export async function signBody(signer: ResponseSigner, value: unknown): Promise<SignedAnswer> {
  const body = JSON.stringify(value)
  return { body, signature: await signer.signBody(body) }
}
