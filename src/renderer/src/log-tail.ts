import { useQuery } from '@tanstack/react-query'
import type { LicenseManagerApi, LogTail } from '../../shared/api'
import { makeReference } from '../../shared/helpdesk/reference'
import type { Outcome } from '../../shared/outcome'
import { useServices } from './services'

/** The end of the app's log, or null when the main process could not give it. */
export async function readLogTail(api: LicenseManagerApi): Promise<LogTail | null> {
  try {
    const tail = await api.getLogTail()
    return tail.ok ? tail.value : null
  } catch {
    return null
  }
}

/** The log's end as it is now (read again each time the screen that shows it appears). */
export function useLogTail(): LogTail | null {
  const { api } = useServices()
  const query = useQuery({ queryKey: ['log-tail'], queryFn: () => readLogTail(api), staleTime: 0, gcTime: 0 })
  return query.data ?? null
}

/** The reference the main process logged an outcome under; one made here when nothing logged it. */
export function referenceOf(outcome: Outcome<{ reference?: string }>): string {
  const logged = outcome.ok ? outcome.value.reference : outcome.error.reference
  return logged ?? makeReference(outcome.ok ? { success: 'server' } : outcome.error)
}
