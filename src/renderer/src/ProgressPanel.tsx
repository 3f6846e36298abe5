import { useEffect, useRef } from 'react'
import type { SsoProgress } from '../../shared/api'
import { CopyButton } from './CopyButton'
import { t } from '../../shared/i18n/current'

interface ProgressPanelProps {
  busy: boolean
  /** The running attempt signs in through the browser. */
  sso: boolean
  progress: SsoProgress | null
  onCancelSso: () => void
}

function statusText(busy: boolean, sso: boolean, progress: SsoProgress | null): string {
  if (!busy) return ''
  if (!sso || progress?.stage === 'deactivating') return t('window.progress.deactivating')
  if (progress?.stage === 'waiting-for-browser') return t('window.progress.waiting-for-browser')
  return t('window.progress.opening-browser')
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
              ? waiting.notOpenedReason === undefined
                ? t('window.progress.browser-not-opened.default')
                : t('window.progress.browser-not-opened', { reason: waiting.notOpenedReason })
              : t('window.progress.finish-in-browser')}
          </p>
          <div className="actions">
            <button type="button" className="button-secondary" ref={cancelRef} onClick={onCancelSso}>
              {t('window.progress.cancel-sign-in')}
            </button>
            {waiting && <CopyButton label={t('window.progress.copy-link')} text={() => waiting.signInUrl} fallbackLabel={t('window.progress.link')} />}
          </div>
        </div>
      )}
    </div>
  )
}
