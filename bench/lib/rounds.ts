import { performance } from 'node:perf_hooks'
import { expectActivated, type FloorClient } from '../clients/floor'

/** Something whose deactivation call is timed; it must throw unless the server confirmed. */
export interface TimedDeactivator {
  name: string
  deactivate(): Promise<void>
}

export interface RoundsOptions {
  rounds: number
  warmupRounds: number
  /** Re-arms the seat before each timed deactivation (untimed). */
  armer: FloorClient
  activationBody: string
}

/**
 * N rounds of activate (untimed) + deactivate (timed) for every client, the
 * clients' order rotating each round so drift and GC spread evenly over them.
 * Returns the timed samples in ms, per client name.
 */
export async function runRounds(clients: readonly TimedDeactivator[], options: RoundsOptions): Promise<Record<string, number[]>> {
  const samples: Record<string, number[]> = Object.fromEntries(clients.map((c) => [c.name, [] as number[]]))
  const total = options.warmupRounds + options.rounds
  for (let round = 0; round < total; round++) {
    for (let i = 0; i < clients.length; i++) {
      const client = clients[(round + i) % clients.length]!
      expectActivated(await options.armer.post('activate_bundle', options.activationBody))
      const start = performance.now()
      await client.deactivate()
      const elapsed = performance.now() - start
      if (round >= options.warmupRounds) samples[client.name]!.push(elapsed)
    }
  }
  return samples
}
