import { useEffect, useRef } from 'react'
import type { SsoProgress } from '../../shared/api'
import { CopyButton } from './CopyButton'

interface ProgressPanelProps {
  busy: boolean
  /** The running attempt signs in through the browser. */
  sso: boolean
  progress: SsoProgress | null
  onCancelSso: () => void
}

function statusText(busy: boolean, sso: boolean, progress: SsoProgress | null): string {
  if (!busy) return ''
  if (!sso || progress?.stage === 'deactivating') return 'Deactivating…'
  if (progress?.stage === 'waiting-for-browser') return 'Waiting for your browser…'
  return 'Opening your browser…'
}

export function ProgressPanel({ busy, sso, progress, onCancelSso }: ProgressPanelProps) {
  const statusRef = useRef<HTMLDivElement>(null)
  const cancelRef = useRef<HTMLButtonElement>(null)
  const signingIn = busy && sso && progress?.stage !== 'deactivating'
  const waiting = busy && sso && progress?.stage === 'waiting-for-browser' ? progress : null

  useEffect(() => {
    if (busy) (sso ? cancelRef.current : statusRef.current)?.focus()
  }, [busy, sso])
  useEffect(() => {
    const active = document.activeElement
    if (busy && !signingIn && (active === null || active === document.body)) statusRef.current?.focus()
  }, [busy, signingIn])

  const text = statusText(busy, sso, progress)
  return (
    <div className="progress-panel">
      <div role="status" className="progress" tabIndex={-1} ref={statusRef}>
        {text && (
          <>
            <span className="spinner" aria-hidden="true" />
            <span>{text}</span>
          </>
        )}
      </div>
      {signingIn && (
        <div className="sso-waiting">
          <p className="hint">
            {waiting && !waiting.browserOpened
              ? `${waiting.notOpenedReason ?? 'Your browser could not be opened.'} Copy the sign-in link, paste it into your browser and sign in there.`
              : 'Finish signing in in the browser window that opened. This window continues by itself.'}
          </p>
          <div className="actions">
            <button type="button" className="button-secondary" ref={cancelRef} onClick={onCancelSso}>
              Cancel sign-in
            </button>
            {waiting && <CopyButton label="Copy sign-in link" text={() => waiting.signInUrl} fallbackLabel="Sign-in link" />}
          </div>
        </div>
      )}
    </div>
  )
}
