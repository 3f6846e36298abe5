import { useQuery } from '@tanstack/react-query'
import { useServices } from '../services'
import { answered } from '../unexpected-failure'
import { PC_LICENCES } from '../kept-answers'

/**
 * Asks the License API what a hardware id holds. Opening the view is asking: the question is sent
 * each time the view appears (and on "Check again"), never before.
 */
export function usePcLicences(override: string | undefined) {
  const { api } = useServices()
  return useQuery({
    queryKey: [PC_LICENCES, override ?? null],
    queryFn: () => answered(api.getPcLicences(override === undefined ? {} : { hardwareId: override })),
    staleTime: 0,
    refetchOnMount: 'always'
  })
}
