import { connect, type Socket } from 'node:net'
import { createNetFetchStandIn, type NetFetchStandIn } from './electron-net-fetch'

/**
 * A stand-in for one Electron Session's `fetch` and `preconnect`, sharing one socket pool
 * the way Chromium's network context does:
 * - `preconnect` (shell/browser/api/electron_api_session.cc → PreconnectManager, whose
 *   requests allow credentials) throws a TypeError for an invalid URL or a socket count
 *   outside 1–6, otherwise opens sockets to the origin until its credentialed group holds
 *   `numSockets`, asynchronously, sending nothing;
 * - `fetch` (lib/browser/api/net-fetch.ts) takes an idle socket of its request's group,
 *   or opens one: the group is the origin plus the privacy mode, which a request has when
 *   it omits credentials (`credentials: 'omit'`). Network-anonymization partitioning is
 *   off in Electron (no field trials), so it plays no part here.
 * - cookies: those of the session's jar, none for a fresh in-memory partition.
 * Plain http to loopback only, like the net.fetch stand-in it builds on.
 */
export interface SessionStandIn {
  session: {
    fetch: NetFetchStandIn['fetch']
    preconnect(options: { url: string; numSockets?: number }): void
  }
  net: NetFetchStandIn
  /** Sockets opened, by whom and in which group. */
  opened: Array<{ by: 'preconnect' | 'request'; origin: string; privacyMode: boolean }>
  /** Resolves once every preconnect asked for so far has connected (or failed). */
  settled(): Promise<void>
  close(): void
}

const groupKey = (origin: string, privacyMode: boolean): string => `${origin} ${privacyMode ? 'privacy' : 'credentials'}`

export function createSessionStandIn(options: { sessionCookie?: string | null } = {}): SessionStandIn {
  const idle = new Map<string, Set<Socket>>()
  const all = new Set<Socket>()
  const opened: SessionStandIn['opened'] = []
  const pending: Promise<void>[] = []

  const groupOf = (key: string): Set<Socket> => {
    let group = idle.get(key)
    if (!group) idle.set(key, (group = new Set()))
    return group
  }

  function takeSocket(origin: string, privacyMode: boolean): Socket | undefined {
    const group = groupOf(groupKey(origin, privacyMode))
    const [socket] = group
    if (socket) {
      group.delete(socket)
      return socket
    }
    // None idle: the request opens its own, in its group (counted here; Node connects it).
    opened.push({ by: 'request', origin, privacyMode })
    return undefined
  }

  const net = createNetFetchStandIn({ sessionCookie: options.sessionCookie ?? null, takeSocket })

  return {
    net,
    opened,
    session: {
      fetch: net.fetch,
      preconnect(request) {
        if (typeof request.url !== 'string' || !URL.canParse(request.url)) throw new TypeError('Must pass non-empty valid url to session.preconnect.')
        const numSockets = request.numSockets ?? 1
        if (numSockets < 1 || numSockets > 6) throw new TypeError('numSocketsToPreconnect is outside range [1,6]')
        const url = new URL(request.url)
        const group = groupOf(groupKey(url.origin, false))
        for (let n = group.size; n < numSockets; n++) {
          const socket = connect({ host: url.hostname, port: Number(url.port || 80) })
          all.add(socket)
          group.add(socket)
          opened.push({ by: 'preconnect', origin: url.origin, privacyMode: false })
          socket.once('close', () => group.delete(socket))
          socket.on('error', () => undefined)
          pending.push(new Promise((resolve) => socket.once('connect', resolve).once('error', () => resolve())))
        }
      }
    },
    settled: async () => {
      await Promise.all(pending)
    },
    close() {
      for (const socket of all) socket.destroy()
    }
  }
}
