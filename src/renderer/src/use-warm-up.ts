import { useEffect, useRef } from 'react'
import { useServices } from './services'

/**
 * Asks the engine to open the connection to the License API while the person fills
 * in the form: once when the form is shown, again when the bundle field gets filled.
 * Nothing is sent to the API; the answer is not needed, and a failure is not shown.
 */
export function useWarmUp(product: string): void {
  const { api } = useServices()
  const filled = product.trim() !== ''
  const lastFilled = useRef<boolean | null>(null)
  useEffect(() => {
    const shown = lastFilled.current === null
    const justFilled = lastFilled.current === false && filled
    lastFilled.current = filled
    if (shown || justFilled) api.warmUp().catch(() => undefined)
  }, [api, filled])
}
