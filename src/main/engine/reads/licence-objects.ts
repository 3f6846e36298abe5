import { maskLicenceKey } from '../../../shared/helpdesk/licence-key-mask'
import type { BundleOnPc, LicenceFacts, LicenceHolder, Seats } from '../../../shared/licences-on-pc'
import type { BundleProducts } from '../config'
import type { SignedIdentity } from './response-signatures'

/**
 * One licence object of a License API answer (activate_bundle, device_licenses, check_bundle,
 * user_licenses), read field by field: what the window shows, and what the v1 signature check
 * needs (the identity, which may be a whole licence key, never leaves the engine).
 */
export interface ReadLicence extends LicenceFacts {
  /** product_details.short_code */
  code: string
  name: string | null
  identity: SignedIdentity
  /** `license_signature` as sent (checked against `identity`). */
  signature: unknown
  /** `validity_period` as sent: the v1 signature covers it. */
  validityPeriod: unknown
}

const MAX_TEXT = 1024

type Json = Record<string, unknown>
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value)
const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' && value.length <= MAX_TEXT ? value : undefined)
const flag = (value: unknown): boolean | null => (typeof value === 'boolean' ? value : null)
const count = (value: unknown): number | undefined => (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : undefined)

/** An ISO date as the answer gives it; anything unreadable counts as not stated. */
function date(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 64) return null
  const time = new Date(value)
  return Number.isNaN(time.getTime()) ? null : time.toISOString()
}

function seatsOf(licence: Json): Seats | null {
  const used = count(licence['times_activated'])
  if (used === undefined) return null
  if (licence['allow_unlimited_activations'] === true) return { used, allowed: null }
  const allowed = count(licence['max_activations'])
  return allowed === undefined ? null : { used, allowed }
}

function customerAccountOf(licence: Json): string | null {
  const customer = licence['customer']
  if (!isObject(customer)) return null
  const account = customer['customer_account']
  if (isObject(account)) return text(account['code']) ?? null
  return text(account) ?? null
}

/** The licence's holder: its key (masked for showing, whole for the signature check) or its user. */
function holderOf(licence: Json, user: unknown): { holder: LicenceHolder; identity: SignedIdentity } | undefined {
  const key = text(licence['license_key'])
  if (key !== undefined) return { holder: { kind: 'key', maskedKey: maskLicenceKey(key) }, identity: { kind: 'key', value: key } }
  const owner = isObject(user) ? user : licence['user']
  const email = isObject(owner) ? text(owner['email']) : undefined
  if (email === undefined) return undefined
  return { holder: { kind: 'user', email, customerAccount: customerAccountOf(licence) }, identity: { kind: 'user', value: email } }
}

/**
 * A licence object, or undefined when it lacks what every documented answer has: a numeric id,
 * the product's short code and a licence key or user. `user`: the user object that sits beside
 * the licence (user_licenses answers).
 */
export function readLicence(value: unknown, user?: unknown): ReadLicence | undefined {
  if (!isObject(value)) return undefined
  const id = value['id']
  const details = value['product_details']
  const code = isObject(details) ? text(details['short_code']) : undefined
  const who = holderOf(value, user)
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id <= 0 || code === undefined || who === undefined) return undefined
  return {
    licenceId: id,
    code,
    name: isObject(details) ? (text(details['product_name']) ?? null) : null,
    holder: who.holder,
    identity: who.identity,
    seats: seatsOf(value),
    validUntil: date(value['validity_period']),
    startDate: date(value['start_date']),
    enabled: flag(value['license_enabled']),
    active: flag(value['license_active'] ?? value['active']),
    expired: flag(value['is_expired']),
    signature: value['license_signature'],
    validityPeriod: value['validity_period']
  }
}

/** Every item a licence, or undefined: an answer with one unreadable item is not used at all. */
export function readLicenceList(value: unknown): ReadLicence[] | undefined {
  if (!Array.isArray(value)) return undefined
  const licences: ReadLicence[] = []
  for (const item of value) {
    const licence = readLicence(item)
    if (licence === undefined) return undefined
    licences.push(licence)
  }
  return licences
}

/** Whose licence it is, whole: two keys that end alike are masked alike but are not one holder. */
const holderKey = (identity: SignedIdentity): string => (identity.kind === 'key' ? `key ${identity.value}` : `user ${identity.value.toLowerCase()}`)

/** The facts of a licence, without what stays in the engine. */
export function licenceFacts(l: ReadLicence): LicenceFacts {
  return {
    licenceId: l.licenceId,
    holder: l.holder,
    seats: l.seats,
    validUntil: l.validUntil,
    startDate: l.startDate,
    enabled: l.enabled,
    active: l.active,
    expired: l.expired
  }
}

/** Licences of one bundle licence share its terms: the seats, the dates and the state. */
const sameTerms = (a: LicenceFacts, b: LicenceFacts): boolean =>
  a.seats?.used === b.seats?.used &&
  a.seats?.allowed === b.seats?.allowed &&
  a.validUntil === b.validUntil &&
  a.startDate === b.startDate &&
  a.enabled === b.enabled &&
  a.active === b.active &&
  a.expired === b.expired

/**
 * Groups a device's licences into bundles. A bundle's activation gives the device the bundle's
 * own licence and one licence per product, all with the same key or user and the same terms
 * (§5), the bundle's first. So a licence joins the last bundle of its key or user when it has the
 * same terms and its product is not there yet; otherwise it starts a bundle. A licence of a
 * bundle the configuration names (`bundleProducts`) always starts one. (Two bundles of one user
 * with the same terms, activated one after the other, cannot be told apart without that setting.)
 */
export function groupIntoBundles(licences: readonly ReadLicence[], bundleProducts?: BundleProducts): BundleOnPc[] {
  const bundles: Array<{ key: string; bundle: BundleOnPc }> = []
  const named = bundleProducts ?? {}
  for (const l of licences) {
    const key = holderKey(l.identity)
    const last = [...bundles].reverse().find((b) => b.key === key)
    const joins =
      !Object.hasOwn(named, l.code) &&
      last !== undefined &&
      sameTerms(last.bundle, l) &&
      last.bundle.bundle !== l.code &&
      !last.bundle.products.some((p) => p.code === l.code)
    if (joins) last.bundle.products.push({ code: l.code, name: l.name })
    else bundles.push({ key, bundle: { ...licenceFacts(l), bundle: l.code, bundleName: l.name, products: [] } })
  }
  return bundles.map((b) => b.bundle)
}
