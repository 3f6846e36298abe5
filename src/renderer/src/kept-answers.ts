import type { QueryClient } from '@tanstack/react-query'
import type { DeactivationResult } from '../../shared/api'
import type { PcLicences, SeatCheck } from '../../shared/licences-on-pc'
import type { Outcome } from '../../shared/outcome'

/*
 * The answers the window keeps for the diagnostics (in the query cache): what "Licences on this
 * PC" and the check after a deactivation were told. Read without loading the views that ask.
 */

export const PC_LICENCES = 'pc-licences'

/** What the licence server said a hardware id holds, and when: the view's answer, kept for the diagnostics. */
export interface PcCheck {
  /** The override asked about; absent: this PC's own id. */
  override?: string
  outcome: Outcome<PcLicences>
  at: Date
}

/** The latest answer of any "what does this PC hold" question in this session; null when none was asked. */
export function lastPcCheck(client: QueryClient): PcCheck | null {
  let latest: PcCheck | null = null
  for (const query of client.getQueryCache().findAll({ queryKey: [PC_LICENCES] })) {
    const outcome = query.state.data as Outcome<PcLicences> | undefined
    if (outcome === undefined || (latest !== null && query.state.dataUpdatedAt <= latest.at.getTime())) continue
    const override = query.queryKey[1]
    latest = { outcome, at: new Date(query.state.dataUpdatedAt), ...(typeof override === 'string' ? { override } : {}) }
  }
  return latest
}

export const seatCheckKey = (result: DeactivationResult) => ['seat-check', result.product, result.hardwareId, result.at] as const

/** The check's answer for this deactivation, once it came: for the diagnostics. */
export const seatCheckOf = (client: QueryClient, result: DeactivationResult): Outcome<SeatCheck> | null =>
  client.getQueryData<Outcome<SeatCheck>>(seatCheckKey(result)) ?? null
