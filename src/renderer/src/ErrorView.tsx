import type { AppError } from '../../shared/errors'
import { CopyButton } from './CopyButton'
import { codeAndStatus } from './diagnostics'
import { useFocusOnMount } from './use-focus-on-mount'

interface ErrorViewProps {
  error: AppError
  /** Absent when there is no attempt to describe (the app could not start). */
  diagnostics?: () => string
  onRetry(): void
}

export function ErrorView({ error, diagnostics, onRetry }: ErrorViewProps) {
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
      <div className="actions">
        <button type="button" className="button-primary" onClick={onRetry}>
          Try again
        </button>
        {diagnostics && <CopyButton label="Copy diagnostics" text={diagnostics} fallbackLabel="Diagnostics" />}
      </div>
    </section>
  )
}
