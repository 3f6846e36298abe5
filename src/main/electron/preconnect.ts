import type { Session } from 'electron'
import type { ConnectionWarmer } from '../engine/warm-up'

type PreconnectSession = Pick<Session, 'preconnect'>

/**
 * The warm-up's connection warmer in the app: Chromium's own socket pool, that of the
 * session whose `fetch` the engine calls (api-session.ts), so the system proxy/PAC and
 * the OS certificate store apply to the warm connection too. `preconnect` resolves the
 * name and completes the TCP and TLS handshakes without sending a request, and opens a
 * socket only when the pool holds fewer than `numSockets` for the origin, so calling it
 * on every refresh is cheap and replaces a connection the server closed. Chromium keeps
 * preconnected sockets in the group of requests that allow credentials: the fetch
 * adapter must not send `credentials: 'omit'`, or its requests would not find them.
 */
export function sessionWarmer(session: PreconnectSession): ConnectionWarmer {
  return {
    warm(origin) {
      const url = new URL(origin)
      if (url.protocol !== 'https:' && url.protocol !== 'http:') return
      session.preconnect({ url: url.origin, numSockets: 1 })
    }
  }
}
