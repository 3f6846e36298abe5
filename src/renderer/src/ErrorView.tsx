import type { AppError } from '../../shared/errors'
import { CopyButton } from './CopyButton'
import { codeAndStatus } from './diagnostics'
import { ReferenceLine } from './ReferenceLine'
import { useFocusOnMount } from './use-focus-on-mount'

interface ErrorViewProps {
  error: AppError
  /** The reference to read to the helpdesk (absent on the start-up failure screen). */
  reference?: string
  /** Absent when there is no attempt to describe (the app could not start). */
  diagnostics?: () => string
  onRetry(): void
  /** After a company sign-in: back to the form, the next sign-in asking who signs in. */
  onUseAnotherAccount?: (() => void) | undefined
}

/** A sign-in the person cancelled is not a failure: shown neutrally, not as a red error. */
const NEUTRAL_CODES = new Set(['sso_cancelled'])

export function ErrorView({ error, reference, diagnostics, onRetry, onUseAnotherAccount }: ErrorViewProps) {
  const headingRef = useFocusOnMount<HTMLHeadingElement>()
  const tone = NEUTRAL_CODES.has(error.code) ? 'result-neutral' : 'result-error'
  return (
    <section className={`card result ${tone} family-${error.family}`} aria-labelledby="result-heading">
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
      {reference && <ReferenceLine reference={reference} />}
      <div className="actions">
        <button type="button" className="button-primary" onClick={onRetry}>
          Try again
        </button>
        {onUseAnotherAccount && (
          <button type="button" className="button-secondary" onClick={onUseAnotherAccount}>
            Use another account
          </button>
        )}
        {diagnostics && <CopyButton label="Copy diagnostics" text={diagnostics} fallbackLabel="Diagnostics" />}
      </div>
    </section>
  )
}
