import type { ResolvedRequest } from '../../../shared/request'
import type { CheckBundleQuery } from './licence-api-reads'

/** How long, and how many, deactivations stay checkable. */
export const SEAT_CHECK_MEMORY_MS = 10 * 60 * 1000
const SEAT_CHECK_MEMORY_SIZE = 8

/** What checks a deactivation made moments ago: its bundle, hardware id and licence key or username (never a password). */
export interface RememberedDeactivation {
  product: string
  hardwareId: string
  holder: CheckBundleQuery['holder']
  licenseId?: number
}

/**
 * The deactivations this engine made in the last minutes, so the check after one (check_bundle)
 * needs no credential from the window. A company sign-in's code or token works once: such a
 * deactivation is not kept, it cannot be checked with it again.
 */
export interface SeatCheckMemory {
  remember(request: ResolvedRequest): void
  find(product: string, hardwareId: string): RememberedDeactivation | undefined
}

export function createSeatCheckMemory(now: () => number = Date.now): SeatCheckMemory {
  let kept: Array<RememberedDeactivation & { until: number }> = []
  const fresh = () => (kept = kept.filter((r) => r.until > now()))
  return {
    remember(request) {
      const c = request.credentials
      const holder = c.method === 'license-key' ? { licenseKey: c.licenseKey } : c.method === 'user' ? { username: c.username } : undefined
      if (holder === undefined) return
      const entry = { product: request.product, hardwareId: request.hardwareId, holder, until: now() + SEAT_CHECK_MEMORY_MS }
      kept = [...fresh(), request.licenseId === undefined ? entry : { ...entry, licenseId: request.licenseId }].slice(-SEAT_CHECK_MEMORY_SIZE)
    },
    find(product, hardwareId) {
      return fresh().findLast((r) => r.product === product && r.hardwareId === hardwareId)
    }
  }
}
