import type { AppError } from '../../shared/errors'
import { VendorSupport } from './brand/VendorSupport'
import { CopyButton } from './CopyButton'
import { EXPLANATION_MAX_LENGTH } from './diagnostics'
import { codeAndStatus } from './diagnostics'
import { OutsideText } from './OutsideText'
import { OpenLogsButton } from './OpenLogsButton'
import { ReferenceLine } from './ReferenceLine'
import { ResultCard } from './ResultCard'

interface ErrorViewProps {
  error: AppError
  /** The reference to read to the helpdesk (absent on the start-up failure screen). */
  reference?: string
  /** Absent when there is no attempt to describe (the app could not start). */
  diagnostics?: () => string
  onRetry: () => void
  /** Offered when the server could not be reached: free the seat with a request file instead. */
  onWriteOffline?: (() => void) | undefined
  /** The attempt used company sign-in, which cannot work without internet. */
  ssoAttempt?: boolean
  /** After a company sign-in: back to the form, the next sign-in asking who signs in. */
  onUseAnotherAccount?: (() => void) | undefined
  /** Offered when this PC is not activated on the licence: "Licences on this PC" for that hardware id. */
  onSeeWhatIsActive?: (() => void) | undefined
  /** Offer "Open logs folder" (the app's log holds the details under the reference). */
  logsButton?: boolean
}

/** A sign-in the person cancelled is not a failure: shown neutrally, not as a red error. */
const NEUTRAL_CODES = new Set(['sso_cancelled'])

export function ErrorView({
  error,
  reference,
  diagnostics,
  onRetry,
  onUseAnotherAccount,
  onWriteOffline,
  onSeeWhatIsActive,
  ssoAttempt = false,
  logsButton = false
}: ErrorViewProps) {
  return (
    <ResultCard tone={NEUTRAL_CODES.has(error.code) ? 'neutral' : 'error'} title={error.title} className={`family-${error.family}`}>
      <p>
        <OutsideText text={error.explanation} max={EXPLANATION_MAX_LENGTH} />
      </p>
      <h3>What to do</h3>
      <p>{error.action}</p>
      <VendorSupport code={error.code} />
      {error.serverMessage && error.serverMessage !== error.explanation && (
        <p>
          Server message:{' '}
          <q className="server-message">
            <OutsideText text={error.serverMessage} />
          </q>
        </p>
      )}
      <p className="code-line">{codeAndStatus(error)}</p>
      {reference && <ReferenceLine reference={reference} />}
      {onWriteOffline && (
        <div className="notice offline-offer">
          <p>
            <strong>No internet on this PC?</strong> You can still free the seat: write a request file here and upload it from a computer with internet.
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
        {onSeeWhatIsActive && (
          <button type="button" className="button-secondary" onClick={onSeeWhatIsActive}>
            See what is active on this PC
          </button>
        )}
        {onUseAnotherAccount && (
          <button type="button" className="button-secondary" onClick={onUseAnotherAccount}>
            Use another account
          </button>
        )}
        {diagnostics && <CopyButton label="Copy diagnostics" text={diagnostics} fallbackLabel="Diagnostics" />}
        {logsButton && <OpenLogsButton />}
      </div>
    </ResultCard>
  )
}
