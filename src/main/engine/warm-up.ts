/**
 * Keeps the path to the License API warm while the user fills in the form, so the
 * click costs one round trip: the name resolved and a TLS connection open, and under
 * OAuth an access token cached. Nothing is sent to the License API itself.
 */

/** Opens connections for the engine's fetch; never sends a request. */
export interface ConnectionWarmer {
  /** Makes sure a connection to `origin` is open and idle (opens one only when none is). */
  warm(origin: string): void | Promise<void>
  /** Warming has stopped: closed connections need no longer be replaced. */
  cool?(origin: string): void
}

export interface WarmUpDeps {
  /** Origin of the License API, e.g. https://api.licensespring.com */
  apiOrigin: string
  warmer: ConnectionWarmer | undefined
  /** Fetches an OAuth token when none usable is cached; absent under HMAC. */
  prepareCredentials?: () => Promise<unknown>
  /** Re-checks the connection (and the token) this often while warm. */
  refreshEveryMs?: number
  /** A warm-up lasts this long after the last request for it, at most. */
  keepWarmForMs?: number
  now?: () => number
}

export interface WarmUp {
  /** Starts warming, or prolongs it to at least `forMs` from now. False when there is nothing to warm with. */
  start(forMs?: number): boolean
  /** Stops warming (the form was closed). */
  stop(): void
  readonly warming: boolean
}

/** Chromium drops unused idle sockets after some seconds and load balancers after about a minute: check often (a no-op while a connection is open). */
export const WARM_REFRESH_MS = 5_000
/** Ten minutes of an open form without a click: stop holding a connection. */
export const KEEP_WARM_FOR_MS = 600_000

const ignore = (): void => undefined

export function createWarmUp(deps: WarmUpDeps): WarmUp {
  const now = deps.now ?? Date.now
  const refreshEveryMs = deps.refreshEveryMs ?? WARM_REFRESH_MS
  const keepWarmForMs = deps.keepWarmForMs ?? KEEP_WARM_FOR_MS
  let timer: ReturnType<typeof setInterval> | undefined
  let until = 0

  function refresh(): void {
    if (now() >= until) {
      stop()
      return
    }
    // A failed warm-up is only a missed shortcut: the click reports its own errors.
    try {
      Promise.resolve(deps.warmer?.warm(deps.apiOrigin)).catch(ignore)
    } catch {
      // as above
    }
    deps.prepareCredentials?.().catch(ignore)
  }

  function stop(): void {
    if (timer === undefined) return
    clearInterval(timer)
    timer = undefined
    until = 0
    try {
      deps.warmer?.cool?.(deps.apiOrigin)
    } catch {
      // Cooling down is best effort.
    }
  }

  return {
    start(forMs = keepWarmForMs) {
      if (!deps.warmer) return false
      until = Math.max(until, now() + Math.min(forMs, keepWarmForMs * 2))
      if (timer === undefined) {
        timer = setInterval(refresh, refreshEveryMs)
        timer.unref()
      }
      refresh()
      return true
    },
    stop,
    get warming() {
      return timer !== undefined
    }
  }
}
