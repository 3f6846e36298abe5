import type { Adapter } from 'oidc-provider'
import { describe, expect, it } from 'vitest'
import { createMemoryStore } from '../../../src/sandbox/sso/memory-store'

describe('the OpenID provider’s memory store', () => {
  it('sweeps expired entries on a later write, once the sweep interval has passed', async () => {
    let now = 1_000_000
    const store = createMemoryStore(() => now, { sweepEveryMs: 60_000 })
    const interactions: Adapter = store.adapter('Interaction')
    for (let i = 0; i < 50; i++) await interactions.upsert(`i${i}`, { uid: `u${i}` }, 600)
    expect(store.size()).toBe(50)
    now += 601_000
    await interactions.upsert('fresh', { uid: 'fresh' }, 600)
    expect(store.size()).toBe(1)
    expect(await interactions.find('fresh')).toEqual({ uid: 'fresh' })
    expect(await interactions.find('i0')).toBeUndefined()
  })

  it('keeps at most maxEntries, dropping the oldest first (a rewrite counts as new)', async () => {
    const store = createMemoryStore(Date.now, { maxEntries: 10 })
    const sessions = store.adapter('Session')
    for (let i = 0; i < 10; i++) await sessions.upsert(`s${i}`, { uid: `u${i}` }, 3600)
    await sessions.upsert('s0', { uid: 'u0', again: true }, 3600)
    for (let i = 10; i < 15; i++) await sessions.upsert(`s${i}`, { uid: `u${i}` }, 3600)
    expect(store.size()).toBe(10)
    expect(await sessions.find('s0')).toEqual({ uid: 'u0', again: true })
    for (let i = 1; i <= 5; i++) expect(await sessions.find(`s${i}`)).toBeUndefined()
    expect(await sessions.findByUid('u3')).toBeUndefined()
    expect(await sessions.find('s14')).toEqual({ uid: 'u14' })
  })
})
