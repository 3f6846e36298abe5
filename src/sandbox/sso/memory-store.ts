import type { Adapter, AdapterFactory, AdapterPayload } from 'oidc-provider'

interface Entry {
  payload: AdapterPayload
  /** Epoch milliseconds; Infinity when the model has no lifetime. */
  expiresAt: number
}

/** Models whose entries belong to a grant and go when the grant is revoked. */
const GRANT_MEMBERS = new Set(['AccessToken', 'AuthorizationCode', 'RefreshToken', 'DeviceCode', 'BackchannelAuthenticationRequest'])

export interface MemoryStoreLimits {
  /** Most entries kept; past it the oldest go first (default 10 000, about 17 MB of interactions). */
  maxEntries: number
  /** Expired entries are swept at most this often, on writes (default one minute). */
  sweepEveryMs: number
}

const DEFAULT_LIMITS: MemoryStoreLimits = { maxEntries: 10_000, sweepEveryMs: 60_000 }

export interface MemoryStore {
  adapter: AdapterFactory
  clear(): void
  /** Entries held now (tests). */
  size(): number
}

/**
 * The provider's storage: one private in-memory map per provider instance
 * (oidc-provider's own memory adapter shares one store across every instance in a process).
 * Every sign-in page visit leaves an interaction behind, so expired entries are swept and
 * the number kept is capped: a flood of visits cannot grow it without bound.
 */
export function createMemoryStore(now: () => number = Date.now, limits: Partial<MemoryStoreLimits> = {}): MemoryStore {
  const { maxEntries, sweepEveryMs } = { ...DEFAULT_LIMITS, ...limits }
  const entries = new Map<string, Entry>()
  let lastSweep = now()
  const sessionsByUid = new Map<string, string>()
  const userCodes = new Map<string, string>()
  const grantMembers = new Map<string, Set<string>>()

  const read = (key: string): AdapterPayload | undefined => {
    const entry = entries.get(key)
    if (!entry) return undefined
    if (entry.expiresAt <= now()) {
      entries.delete(key)
      return undefined
    }
    return entry.payload
  }

  const forget = (key: string, payload: AdapterPayload | undefined): void => {
    entries.delete(key)
    if (!payload) return
    if (payload.uid && sessionsByUid.get(payload.uid) === key) sessionsByUid.delete(payload.uid)
    if (payload.userCode && userCodes.get(payload.userCode) === key) userCodes.delete(payload.userCode)
    if (payload.grantId) grantMembers.get(payload.grantId)?.delete(key)
  }

  const sweep = (): void => {
    const at = now()
    lastSweep = at
    for (const [key, entry] of entries) if (entry.expiresAt <= at) forget(key, entry.payload)
  }

  /** Sweeps when due, then drops the oldest entries (Map order: least recently written first) past the cap. */
  const keepBounded = (): void => {
    if (now() - lastSweep >= sweepEveryMs || entries.size > maxEntries) sweep()
    for (const [key, entry] of entries) {
      if (entries.size <= maxEntries) break
      forget(key, entry.payload)
    }
  }

  const adapter: AdapterFactory = (model: string): Adapter => {
    const keyOf = (id: string): string => `${model}:${id}`
    return {
      async upsert(id, payload, expiresIn) {
        const key = keyOf(id)
        forget(key, entries.get(key)?.payload)
        const expiresAt = typeof expiresIn === 'number' ? now() + expiresIn * 1000 : Infinity
        entries.set(key, { payload, expiresAt })
        if (model === 'Session' && payload.uid) sessionsByUid.set(payload.uid, key)
        if (payload.userCode) userCodes.set(payload.userCode, key)
        if (payload.grantId && GRANT_MEMBERS.has(model)) {
          const members = grantMembers.get(payload.grantId) ?? new Set<string>()
          members.add(key)
          grantMembers.set(payload.grantId, members)
        }
        keepBounded()
      },
      async find(id) {
        return read(keyOf(id))
      },
      async findByUid(uid) {
        const key = sessionsByUid.get(uid)
        return key === undefined ? undefined : read(key)
      },
      async findByUserCode(userCode) {
        const key = userCodes.get(userCode)
        return key === undefined ? undefined : read(key)
      },
      async consume(id) {
        const payload = read(keyOf(id))
        if (payload) payload.consumed = Math.floor(now() / 1000)
      },
      async destroy(id) {
        const key = keyOf(id)
        forget(key, entries.get(key)?.payload)
      },
      async revokeByGrantId(grantId) {
        for (const key of grantMembers.get(grantId) ?? []) forget(key, entries.get(key)?.payload)
        grantMembers.delete(grantId)
      }
    }
  }

  return {
    adapter,
    size: () => entries.size,
    clear() {
      entries.clear()
      sessionsByUid.clear()
      userCodes.clear()
      grantMembers.clear()
    }
  }
}
