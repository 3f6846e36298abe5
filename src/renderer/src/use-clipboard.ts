import { useCallback, useEffect, useRef, useState } from 'react'

export type CopyState = 'idle' | 'copied' | 'failed'

const CONFIRMATION_MS = 4000

/** Copies text with the async Clipboard API; "copied" fades after a few seconds, "failed" stays. */
export function useClipboard() {
  const [state, setState] = useState<CopyState>('idle')
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  useEffect(() => () => clearTimeout(timer.current), [])

  const copy = useCallback(async (text: string) => {
    clearTimeout(timer.current)
    try {
      // Absent outside a secure context, whatever the DOM typings say.
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- secure-context-only API
      if (!navigator.clipboard?.writeText) throw new Error('Clipboard API unavailable')
      await navigator.clipboard.writeText(text)
      setState('copied')
      timer.current = setTimeout(() => setState('idle'), CONFIRMATION_MS)
    } catch {
      setState('failed')
    }
  }, [])

  return { state, copy }
}
