import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

/** Node's gc(), obtained at run time (the test runner does not start Node with --expose-gc). */
function collector(): () => void {
  setFlagsFromString('--expose_gc')
  return runInNewContext('gc') as () => void
}

/** Heap in use after full collections: comparable before and after a run. */
export function settledHeapBytes(): number {
  const gc = collector()
  gc()
  gc()
  return process.memoryUsage().heapUsed
}

/** A small deterministic PRNG (mulberry32): the same choices on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
