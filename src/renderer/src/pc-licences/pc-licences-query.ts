import { useQuery, type QueryClient } from '@tanstack/react-query'
import type { PcLicences } from '../../../shared/licences-on-pc'
import { failure, type Outcome } from '../../../shared/outcome'
import { useServices } from '../services'
import { unexpectedFailure } from '../unexpected-failure'

const PC_LICENCES = 'pc-licences'

/** What the licence server said a hardware id holds, and when: the view's answer, kept for the diagnostics. */
export interface PcCheck {
  /** The override asked about; absent: this PC's own id. */
  override?: string
  outcome: Outcome<PcLicences>
  at: Date
}

/**
 * Asks the License API what a hardware id holds. Opening the view is asking: the question is sent
 * each time the view appears (and on "Check again"), never before.
 */
export function usePcLicences(override: string | undefined) {
  const { api } = useServices()
  return useQuery({
    queryKey: [PC_LICENCES, override ?? null],
    queryFn: () => api.getPcLicences(override === undefined ? {} : { hardwareId: override }).catch(() => failure<PcLicences>(unexpectedFailure())),
    staleTime: 0,
    refetchOnMount: 'always'
  })
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
