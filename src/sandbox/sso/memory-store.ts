import type { Adapter, AdapterFactory, AdapterPayload } from 'oidc-provider'

interface Entry {
  payload: AdapterPayload
  /** Epoch milliseconds; Infinity when the model has no lifetime. */
  expiresAt: number
}

/** Models whose entries belong to a grant and go when the grant is revoked. */
const GRANT_MEMBERS = new Set(['AccessToken', 'AuthorizationCode', 'RefreshToken', 'DeviceCode', 'BackchannelAuthenticationRequest'])

/**
 * The provider's storage: one private in-memory map per provider instance
 * (oidc-provider's own memory adapter shares one store across every instance in a process).
 */
export function createMemoryStore(now: () => number = Date.now): { adapter: AdapterFactory; clear(): void } {
  const entries = new Map<string, Entry>()
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
    clear() {
      entries.clear()
      sessionsByUid.clear()
      userCodes.clear()
      grantMembers.clear()
    }
  }
}
