import * as z from 'zod/mini'
import { fields } from './request-fields'

/*
 * What the License API's reads (§10: device_licenses, check_bundle, user_licenses) say about
 * licences, in the form the window and the command line show it: never a whole licence key.
 */

/** Who holds a licence: its key, masked to its last characters, or its user. */
export type LicenceHolder = { kind: 'key'; maskedKey: string } | { kind: 'user'; email: string; customerAccount: string | null }

/** Devices on a licence: `allowed` is null when the licence allows unlimited activations. */
export interface Seats {
  used: number
  allowed: number | null
}

/** The facts of one bundle licence, each as the server's answer states it (null: the answer does not say). */
export interface LicenceFacts {
  /** The licence's id, which `license_id` takes. */
  licenceId: number
  holder: LicenceHolder
  seats: Seats | null
  /** ISO date the licence ends; null: no end date (or not stated). */
  validUntil: string | null
  /** ISO date the licence starts; null when the answer gives none. */
  startDate: string | null
  enabled: boolean | null
  active: boolean | null
  expired: boolean | null
}

export interface ProductOnPc {
  code: string
  name: string | null
}

/** A bundle licence active on a hardware id, with the product licences that came with it. */
export interface BundleOnPc extends LicenceFacts {
  /** The bundle's short code. */
  bundle: string
  bundleName: string | null
  products: ProductOnPc[]
}

/**
 * Whether the server's signatures were checked: `verified` against the vendor's public key
 * (the `publicKey` setting); `not-configured` when the app has no key to check them with.
 */
export type SignatureCheck = 'verified' | 'not-configured'

/** What a hardware id holds, as `device_licenses` listed it. */
export interface PcLicences {
  hardwareId: string
  /** This PC's own id (`machine-id`, as api.ts's HardwareIdSource), or one typed into the override. */
  source: 'machine-id' | 'override'
  bundles: BundleOnPc[]
  /** ISO time the answer arrived. */
  checkedAt: string
  signatures: SignatureCheck
}

/** After a deactivation: what `check_bundle` says of the bundle on that hardware id. */
export interface SeatCheck {
  product: string
  hardwareId: string
  /** `free`: the server has no active device with this id on the licence; `still-active`: it still lists one. */
  state: 'free' | 'still-active'
  checkedAt: string
  signatures: SignatureCheck
}

/** One licence of the bundle the signed-in user holds, as the form offers it to pick. */
export interface UserLicenceChoice extends LicenceFacts {
  bundle: string
  bundleName: string | null
  /** The bundle's products where the app knows them (the `bundleProducts` setting); null otherwise. */
  products: string[] | null
  /** Active on the hardware id the form will send; null when that could not be asked. */
  onThisPc: boolean | null
}

export interface UserLicences {
  product: string
  licences: UserLicenceChoice[]
  signatures: SignatureCheck
}

/** Which hardware id to read: this PC's (absent) or an override. */
export const pcLicencesRequestSchema = z.strictObject({ hardwareId: z.optional(fields.hardwareId) })

/** Which deactivation to check: the bundle and the hardware id it was freed on. */
export const seatCheckRequestSchema = z.strictObject({ product: fields.product, hardwareId: fields.hardwareId })

/** A user's licences of a bundle: only a username and password (a company sign-in's code or token works once). */
export const userLicencesRequestSchema = z.strictObject({
  product: fields.product,
  hardwareId: z.optional(fields.hardwareId),
  credentials: z.strictObject({ method: z.literal('user'), username: fields.username, password: fields.password })
})

export type PcLicencesRequest = z.output<typeof pcLicencesRequestSchema>
export type PcLicencesRequestInput = z.input<typeof pcLicencesRequestSchema>
export type SeatCheckRequest = z.output<typeof seatCheckRequestSchema>
export type UserLicencesRequest = z.output<typeof userLicencesRequestSchema>
export type UserLicencesRequestInput = z.input<typeof userLicencesRequestSchema>
