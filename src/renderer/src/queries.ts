import { useQuery } from '@tanstack/react-query'
import type { AppInfo } from '../../shared/api'
import type { AppError } from '../../shared/errors'
import type { HardwareReading } from './form-model'
import { useServices } from './services'
import { answered } from './unexpected-failure'

export type AppInfoReading = { status: 'loading' } | { status: 'ready'; info: AppInfo } | { status: 'failed'; error: AppError; retry: () => void }

export function useAppInfo(): AppInfoReading {
  const { api } = useServices()
  const query = useQuery({ queryKey: ['app-info'], queryFn: () => answered(api.getAppInfo()) })
  if (query.isPending) return { status: 'loading' }
  const retry = () => void query.refetch()
  // A call that rejects is answered with the app's own failure; only the window's own message files failing to load end here.
  if (query.isError) throw query.error
  return query.data.ok ? { status: 'ready', info: query.data.value } : { status: 'failed', error: query.data.error, retry }
}

export function useHardwareReading(): HardwareReading {
  const { api } = useServices()
  const query = useQuery({ queryKey: ['hardware-id'], queryFn: () => answered(api.getHardwareId()) })
  if (query.isPending) return { status: 'loading' }
  if (query.isError) throw query.error
  return query.data.ok ? { status: 'ready', info: query.data.value } : { status: 'unavailable', error: query.data.error }
}
