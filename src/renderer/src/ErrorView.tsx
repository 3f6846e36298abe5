import type { AppError } from '../../shared/errors'
import { VendorSupport } from './brand/VendorSupport'
import { CopyButton } from './CopyButton'
import { EXPLANATION_MAX_LENGTH } from './shown-lengths'
import { codeLine } from './code-line'
import { displayText } from '../../shared/display-text'
import { t } from '../../shared/i18n/current'
import { rich } from './i18n/rich'
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
      <h3>{t('views.error.what-to-do')}</h3>
      <p>{error.action}</p>
      <VendorSupport code={error.code} />
      {error.serverMessage && error.serverMessage !== error.explanation && (
        <p>
          {rich(
            'views.error.server-message',
            { message: displayText(error.serverMessage) },
            {
              q: (children) => (
                <q className="server-message">
                  <bdi>{children}</bdi>
                </q>
              )
            }
          )}
        </p>
      )}
      <p className="code-line">{codeLine(error)}</p>
      {reference && <ReferenceLine reference={reference} />}
      {onWriteOffline && (
        <div className="notice offline-offer">
          <p>{rich('views.error.offline.body', { sso: ssoAttempt ? 'yes' : 'no' })}</p>
          <button type="button" onClick={onWriteOffline}>
            {t('views.error.offline.button')}
          </button>
        </div>
      )}
      <div className="actions">
        <button type="button" className="button-primary" onClick={onRetry}>
          {t('views.error.retry')}
        </button>
        {onSeeWhatIsActive && (
          <button type="button" className="button-secondary" onClick={onSeeWhatIsActive}>
            {t('views.actions.see-active')}
          </button>
        )}
        {onUseAnotherAccount && (
          <button type="button" className="button-secondary" onClick={onUseAnotherAccount}>
            {t('views.error.another-account')}
          </button>
        )}
        {diagnostics && <CopyButton label={t('views.actions.copy-diagnostics')} text={diagnostics} fallbackLabel={t('views.actions.diagnostics')} />}
        {logsButton && <OpenLogsButton />}
      </div>
    </ResultCard>
  )
}
