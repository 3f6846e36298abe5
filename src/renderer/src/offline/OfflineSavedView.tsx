import type { OfflineRequestSummary } from '../../../shared/api'
import { ResultCard } from '../ResultCard'
import { ReferenceLine } from '../ReferenceLine'
import { RequestSummary } from './RequestSummary'
import { displayText } from '../../../shared/display-text'
import { DEFAULT_PRODUCT_NAME } from '../../../shared/brand/brand-info'
import { t } from '../../../shared/i18n/current'
import { rich } from '../i18n/rich'
import { useWindowBrand } from '../brand/brand-context'

interface OfflineSavedViewProps {
  /** The reference for the helpdesk (LM-YES-PC-…: no server was asked yet). */
  reference?: string | undefined
  path: string
  summary: OfflineRequestSummary
  onDone: () => void
}

/** After the file is saved: where it is, what it will free, and exactly what happens next. */
export function OfflineSavedView({ reference, path, summary, onDone }: OfflineSavedViewProps) {
  return (
    <ResultCard tone="success" title={t('views.offline.saved.title')}>
      <p>
        {rich(
          'views.offline.saved.path',
          { path: displayText(path) },
          {
            code: (children) => (
              <code className="saved-path">
                <bdi>{children}</bdi>
              </code>
            )
          }
        )}
      </p>
      <h3>{t('views.offline.next.heading')}</h3>
      <ol className="next-steps">
        <li>{rich('views.offline.next.not-free', undefined)}</li>
        <li>{t('views.offline.next.carry', { product: useWindowBrand()?.productName ?? DEFAULT_PRODUCT_NAME })}</li>
        <li>{t('views.offline.next.stop-using')}</li>
      </ol>
      {reference !== undefined && <ReferenceLine reference={reference} />}
      <div className="actions">
        <button type="button" className="button-primary" onClick={onDone}>
          {t('views.offline.done')}
        </button>
      </div>
      {/* What the file frees, folded below the steps: the steps and Done stay in the window at every language's length. */}
      <details className="advanced saved-summary">
        <summary>{t('views.upload.will-free')}</summary>
        <RequestSummary summary={summary} />
      </details>
    </ResultCard>
  )
}
