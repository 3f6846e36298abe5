import type { AppError } from '../../shared/errors'
import { CopyButton } from './CopyButton'
import { codeAndStatus } from './diagnostics'
import { useFocusOnMount } from './use-focus-on-mount'

interface ErrorViewProps {
  error: AppError
  /** Absent when there is no attempt to describe (the app could not start). */
  diagnostics?: () => string
  onRetry(): void
  /** Offered when the server could not be reached: free the seat with a request file instead. */
  onWriteOffline?: (() => void) | undefined
  /** The attempt used company sign-in, which cannot work without internet. */
  ssoAttempt?: boolean
}

export function ErrorView({ error, diagnostics, onRetry, onWriteOffline, ssoAttempt = false }: ErrorViewProps) {
  const headingRef = useFocusOnMount<HTMLHeadingElement>()
  return (
    <section className={`card result result-error family-${error.family}`} aria-labelledby="result-heading">
      <h2 id="result-heading" tabIndex={-1} ref={headingRef}>
        {error.title}
      </h2>
      <p>{error.explanation}</p>
      <h3>What to do</h3>
      <p>{error.action}</p>
      {error.serverMessage && error.serverMessage !== error.explanation && (
        <p>
          Server message: <q className="server-message">{error.serverMessage}</q>
        </p>
      )}
      <p className="code-line">{codeAndStatus(error)}</p>
      {onWriteOffline && (
        <div className="notice offline-offer">
          <p>
            <strong>No internet on this PC?</strong> You can still free the seat: write a request file here and upload it from a computer with
            internet.
            {ssoAttempt && ' Company sign-in needs your identity provider online, so the file uses the licence key or the username of the licence instead.'}
          </p>
          <button type="button" onClick={onWriteOffline}>
            Write a request file instead
          </button>
        </div>
      )}
      <div className="actions">
        <button type="button" className="button-primary" onClick={onRetry}>
          Try again
        </button>
        {diagnostics && <CopyButton label="Copy diagnostics" text={diagnostics} fallbackLabel="Diagnostics" />}
      </div>
    </section>
  )
}
