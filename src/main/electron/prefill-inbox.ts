import type { Prefill } from '../../shared/helpdesk/prefill-link'
import type { Outcome } from '../../shared/outcome'

/**
 * Holds the latest helpdesk link (or why it was refused) until the window takes it:
 * a link can arrive before the window exists (first start, macOS `open-url`) or while
 * it runs (`second-instance`), when `onArrive` tells the window to come and take it.
 */
export interface PrefillInbox {
  offer(prefill: Outcome<Prefill>): void
  take(): Outcome<Prefill> | null
}

export function createPrefillInbox(onArrive: () => void = () => undefined): PrefillInbox {
  let waiting: Outcome<Prefill> | null = null
  return {
    offer(prefill) {
      waiting = prefill
      onArrive()
    },
    take() {
      const taken = waiting
      waiting = null
      return taken
    }
  }
}
