import { useQuery } from '@tanstack/react-query'
import type { AppInfo } from '../../shared/api'
import type { AppError } from '../../shared/errors'
import type { HardwareReading } from './form-model'
import { useServices } from './services'
import { unexpectedFailure } from './unexpected-failure'

export type AppInfoReading = { status: 'loading' } | { status: 'ready'; info: AppInfo } | { status: 'failed'; error: AppError; retry: () => void }

export function useAppInfo(): AppInfoReading {
  const { api } = useServices()
  const query = useQuery({ queryKey: ['app-info'], queryFn: () => api.getAppInfo() })
  if (query.isPending) return { status: 'loading' }
  const retry = () => void query.refetch()
  if (query.isError) return { status: 'failed', error: unexpectedFailure(), retry }
  return query.data.ok ? { status: 'ready', info: query.data.value } : { status: 'failed', error: query.data.error, retry }
}

export function useHardwareReading(): HardwareReading {
  const { api } = useServices()
  const query = useQuery({ queryKey: ['hardware-id'], queryFn: () => api.getHardwareId() })
  if (query.isPending) return { status: 'loading' }
  if (query.isError) return { status: 'unavailable', error: unexpectedFailure() }
  return query.data.ok ? { status: 'ready', info: query.data.value } : { status: 'unavailable', error: query.data.error }
}
