import type { BundleOutcome } from './bundle-service'
import type { ResponseSigner } from './signing'
import { productLicenseId } from './store'

/** The compact JSON body of a successful activation and its `LicenseSignature` header value. */
export interface SignedAnswer {
  body: string
  signature: string
}

/**
 * One licence object per product of the bundle, each with its v1 `license_signature`;
 * the whole compact body signed for the v2 header.
 */
export async function buildActivationAnswer(signer: ResponseSigner, outcome: BundleOutcome): Promise<SignedAnswer> {
  const { license, hardwareId, timesActivated } = outcome
  const signedId = license.licenseKey ?? license.user!.email
  const licenseSignature = await signer.signLicense(hardwareId, signedId, license.validityPeriod)
  const objects = license.products.map((product, position) => ({
    id: productLicenseId(license.id, position),
    bundle_license_id: license.id,
    ...(license.licenseKey !== undefined
      ? { license_key: license.licenseKey }
      : { user: { id: license.user!.id, email: license.user!.email } }),
    hardware_id: hardwareId,
    active: license.active,
    license_active: license.active,
    license_enabled: license.enabled,
    license_type: license.validityPeriod === null ? 'perpetual' : 'time-limited',
    validity_period: license.validityPeriod,
    times_activated: timesActivated,
    max_activations: license.maxActivations,
    product_details: {
      short_code: product.code,
      product_name: product.name,
      authorization_method: license.licenseKey !== undefined ? 'license-key' : 'user'
    },
    license_signature: licenseSignature
  }))
  return signBody(signer, objects)
}

/** Serialises compactly and signs exactly the bytes that will be sent. */
export async function signBody(signer: ResponseSigner, value: unknown): Promise<SignedAnswer> {
  const body = JSON.stringify(value)
  return { body, signature: await signer.signBody(body) }
}
