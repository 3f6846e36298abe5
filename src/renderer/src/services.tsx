import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { createContext, useContext, useState, type ReactNode } from 'react'
import type { LicenseManagerApi } from '../../shared/api'

export interface Services {
  api: LicenseManagerApi
  /** Where non-secret fields are remembered between runs; null when storage is unavailable. */
  storage: Storage | null
}

const ServicesContext = createContext<Services | null>(null)

export function useServices(): Services {
  const services = useContext(ServicesContext)
  if (services === null) throw new Error('useServices must be used inside <ServicesProvider>')
  return services
}

/** Every call goes over IPC to this PC's engine: never pause for the browser's online flag, never retry a deactivation. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { networkMode: 'always', retry: false, staleTime: Infinity, refetchOnWindowFocus: false, refetchOnReconnect: false },
      mutations: { networkMode: 'always', retry: false }
    }
  })
}

export function ServicesProvider({ services, queryClient, children }: { services: Services; queryClient?: QueryClient; children: ReactNode }) {
  const [client] = useState(() => queryClient ?? createQueryClient())
  return (
    <QueryClientProvider client={client}>
      <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>
    </QueryClientProvider>
  )
}
