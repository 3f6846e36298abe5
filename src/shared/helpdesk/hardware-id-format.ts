import { SPOKEN_ALPHABET } from './spoken-alphabet'

/** "3d1219c7…" → "3d12 19c7 …": easier to read out and compare. */
export function inGroupsOfFour(id: string): string {
  return (id.match(/.{1,4}/gsu) ?? []).join(' ')
}

/**
 * A short check value of a hardware id, e.g. `K7Q-3XM`, for two people to compare by
 * voice instead of 64 characters. FNV-1a (32 bits): not a security measure, only a
 * quick way to notice a different id.
 */
export function hardwareIdFingerprint(id: string): string {
  let hash = 0x811c9dc5
  for (const byte of new TextEncoder().encode(id)) {
    hash ^= byte
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  let chars = ''
  for (let i = 0; i < 6; i++) {
    chars += SPOKEN_ALPHABET[hash % 32] ?? ''
    hash = Math.floor(hash / 32)
  }
  return `${chars.slice(0, 3)}-${chars.slice(3)}`
}
