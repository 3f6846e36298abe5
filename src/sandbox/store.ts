import { MESSAGES, refuse, type Refusal } from './refusal'
import type { Seed, SeedCustomerAccount, SeedLicense, SeedProduct } from './seed'

export interface LicenseUser {
  /** Stable per email within one sandbox run. */
  id: number
  email: string
  password?: string | undefined
  customerAccount?: string | undefined
}

/** A bundle licence: one licence per product of the bundle, sharing one set of devices. */
export interface StoredLicense {
  id: number
  bundle: SeedProduct
  products: SeedProduct[]
  licenseKey?: string | undefined
  user?: LicenseUser | undefined
  enabled: boolean
  active: boolean
  maxActivations: number
  /** ISO-8601 (toISOString) or null. */
  validityPeriod: string | null
  /** Hardware ids in activation order. Mutated only by activateDevice/deactivateDevice. */
  devices: Set<string>
  /** Devices the vendor blacklisted on this licence. */
  blacklistedDevices: ReadonlySet<string>
}

/** Multiplier that derives a per-product licence id from the bundle licence id: id·1000 + position. */
export const PRODUCT_ID_FACTOR = 1000
export const productLicenseId = (bundleLicenseId: number, position: number): number => bundleLicenseId * PRODUCT_ID_FACTOR + position + 1

const keyIndex = (bundle: string, licenseKey: string) => `${bundle}\n${licenseKey}`
const userIndex = (bundle: string, email: string) => `${bundle}\n${email.toLowerCase()}`

export type ActivationOutcome = { kind: 'activated' | 'already-active'; timesActivated: number } | Refusal
export type DeactivationOutcome = { kind: 'deactivated'; timesActivated: number } | Refusal

/**
 * In-memory state of the sandbox. Every mutation checks and writes with no `await` in
 * between, so concurrent requests (one event loop) can never over-count seats.
 */
export class SandboxStore {
  private readonly products = new Map<string, SeedProduct>()
  private readonly accounts = new Map<string, SeedCustomerAccount>()
  private readonly byBundle = new Map<string, StoredLicense[]>()
  private readonly byKey = new Map<string, StoredLicense>()
  private readonly byUser = new Map<string, StoredLicense[]>()
  private readonly byId = new Map<number, StoredLicense>()
  private readonly all: StoredLicense[] = []

  /**
   * `thisPcHardwareId`: the id of the PC the sandbox runs on, read the way the app reads
   * it; licences seeded with `thisPc` start (and reset) activated on it.
   */
  constructor(
    private readonly seed: Seed,
    /** The clock that decides whether a time-limited licence has expired. */
    private readonly now: () => number = Date.now,
    private readonly thisPcHardwareId?: string
  ) {
    for (const p of seed.products) this.products.set(p.code, p)
    for (const a of seed.customerAccounts) this.accounts.set(a.code, a)
    const userIds = new Map<string, number>()
    for (const l of seed.licenses) this.add(l, userIds)
  }

  private add(seeded: SeedLicense, userIds: Map<string, number>): void {
    const bundle = this.products.get(seeded.bundle)
    if (!bundle?.bundleProducts) throw new Error(`licence ${seeded.id}: "${seeded.bundle}" is not a seeded bundle`)
    const products = bundle.bundleProducts.map((code) => this.products.get(code)).filter((p) => p !== undefined)
    let user: LicenseUser | undefined
    if (seeded.user) {
      const email = seeded.user.email
      const id = userIds.get(email.toLowerCase()) ?? userIds.size + 1
      userIds.set(email.toLowerCase(), id)
      user = { id, email, password: seeded.user.password, customerAccount: seeded.user.customerAccount }
    }
    const license: StoredLicense = {
      id: seeded.id,
      bundle,
      products,
      licenseKey: seeded.licenseKey,
      user,
      enabled: seeded.enabled,
      active: seeded.active,
      maxActivations: seeded.maxActivations,
      validityPeriod: seeded.validityPeriod,
      devices: new Set(this.seededDevices(seeded)),
      blacklistedDevices: new Set(seeded.blacklistedDevices)
    }
    this.all.push(license)
    this.byId.set(license.id, license)
    products.forEach((_, position) => this.byId.set(productLicenseId(license.id, position), license))
    const list = this.byBundle.get(bundle.code) ?? []
    list.push(license)
    this.byBundle.set(bundle.code, list)
    if (license.licenseKey !== undefined) this.byKey.set(keyIndex(bundle.code, license.licenseKey), license)
    if (user) {
      const key = userIndex(bundle.code, user.email)
      this.byUser.set(key, [...(this.byUser.get(key) ?? []), license])
    }
  }

  private seededDevices(seeded: SeedLicense): string[] {
    const pc = this.thisPcHardwareId
    return seeded.thisPc && pc !== undefined && !seeded.devices.includes(pc) ? [...seeded.devices, pc] : seeded.devices
  }

  /** The hardware id the `thisPc` licences are activated on, when the sandbox was given one. */
  thisPc(): string | undefined {
    return this.thisPcHardwareId
  }

  product(code: string): SeedProduct | undefined {
    return this.products.get(code)
  }

  customerAccount(code: string): SeedCustomerAccount | undefined {
    return this.accounts.get(code)
  }

  /**
   * Sandbox-only choice: the vendor's docs do not say how licence keys are compared, so the
   * sandbox takes the strictest reading — the exact key, capital and small letters different.
   */
  licenseByKey(bundle: string, licenseKey: string): StoredLicense | undefined {
    return this.byKey.get(keyIndex(bundle, licenseKey))
  }

  /** Licences of the bundle whose user has this email (case-insensitive), in seed order. */
  licensesOfUser(bundle: string, email: string): readonly StoredLicense[] {
    return this.byUser.get(userIndex(bundle, email)) ?? []
  }

  /** By bundle licence id or by a per-product licence id derived from it. */
  licenseById(id: number): StoredLicense | undefined {
    return this.byId.get(id)
  }

  licenses(): readonly StoredLicense[] {
    return this.all
  }

  licensesOfBundle(bundle: string): readonly StoredLicense[] {
    return this.byBundle.get(bundle) ?? []
  }

  /** Adds the device to the licence; idempotent for a device that is already active. */
  activateDevice(license: StoredLicense, hardwareId: string): ActivationOutcome {
    const refusal = licenseRefusal(license, hardwareId, this.now())
    if (refusal) return refusal
    if (license.devices.has(hardwareId)) return { kind: 'already-active', timesActivated: license.devices.size }
    if (license.devices.size >= license.maxActivations) return refuse('license_activated_max_times', MESSAGES.license_activated_max_times)
    license.devices.add(hardwareId)
    return { kind: 'activated', timesActivated: license.devices.size }
  }

  /** Frees the device on every product licence of the bundle licence. */
  deactivateDevice(license: StoredLicense, hardwareId: string): DeactivationOutcome {
    const refusal = licenseRefusal(license, hardwareId, this.now())
    if (refusal) return refusal
    if (!license.devices.delete(hardwareId)) return refuse('device_not_found', MESSAGES.device_not_found)
    return { kind: 'deactivated', timesActivated: license.devices.size }
  }

  /**
   * Test inspection: hardware ids active on the licences found by licence key, user email
   * (every licence of that user) or licence id. Unknown → [].
   */
  devicesOf(licenseKeyOrEmailOrId: string | number): string[] {
    const wanted = String(licenseKeyOrEmailOrId).toLowerCase()
    return this.all
      .filter((l) => String(l.id) === wanted || l.licenseKey?.toLowerCase() === wanted || l.user?.email.toLowerCase() === wanted)
      .flatMap((l) => [...l.devices])
  }

  /** Puts every licence back to its seeded devices. */
  reset(): void {
    const seeded = new Map(this.seed.licenses.map((l) => [l.id, this.seededDevices(l)]))
    for (const license of this.all) license.devices = new Set(seeded.get(license.id) ?? [])
  }
}

/** Whether a time-limited licence's validity period has ended at `now`. */
export const isExpired = (license: StoredLicense, now: number): boolean => license.validityPeriod !== null && Date.parse(license.validityPeriod) <= now

/**
 * Why the licence may not take or free a seat for this device, or null: disabled, not active,
 * expired (sandbox-only code), or the device blacklisted. Every call that changes seats asks this.
 */
export function licenseRefusal(license: StoredLicense, hardwareId: string, now: number): Refusal | null {
  if (!license.enabled) return refuse('license_not_enabled', MESSAGES.license_not_enabled)
  if (!license.active) return refuse('license_not_active', MESSAGES.license_not_active)
  if (isExpired(license, now)) return refuse('license_expired', MESSAGES.license_expired)
  if (license.blacklistedDevices.has(hardwareId)) return refuse('blacklisted', MESSAGES.blacklisted)
  return null
}
