import type { Session } from 'electron'
import type { ConnectionWarmer } from '../engine/warm-up'
import { createApiFetch } from './net-fetch'
import { sessionWarmer } from './preconnect'

/** No `persist:` prefix: an in-memory session, nothing of it written to disk. */
export const API_PARTITION = 'license-api'

type ApiSession = Pick<Session, 'fetch' | 'preconnect'>

interface SessionModule {
  fromPartition(partition: string, options?: { cache: boolean }): ApiSession
}

/**
 * The engine's fetch and its connection warmer on ONE session of their own: Chromium
 * hands a preconnected socket only to requests of the same session (network context)
 * and the same socket group, so warming the window's session, or calling through
 * another one, would leave the click without its warm connection. Apart from the
 * window's session, the API calls never carry the window's cookies, and with its HTTP
 * cache off nothing is cached. Proxy/PAC and certificate checks are the system's, as
 * for every session.
 */
export function licenseApiNetwork(sessions: SessionModule): { fetch: typeof fetch; warmer: ConnectionWarmer } {
  const session = sessions.fromPartition(API_PARTITION, { cache: false })
  return { fetch: createApiFetch((input, init) => session.fetch(input, init)), warmer: sessionWarmer(session) }
}
