import type { DeactivationResult } from '../../shared/api'
import { hardwareIdFingerprint } from '../../shared/helpdesk/hardware-id-format'
import { describeProductsFreed } from '../../shared/products-freed'
import { methodLabel } from '../../shared/method-label'
import { CopyButton } from './CopyButton'
import { OutsideText } from './OutsideText'
import { ReferenceLine } from './ReferenceLine'
import { ResultCard } from './ResultCard'
import { formatLocalTime } from '../../shared/format-time'
import { SeatCheckLine } from './SeatCheckLine'
import { t, translator } from '../../shared/i18n/current'

interface SuccessViewProps {
  result: DeactivationResult
  /** The hardware id sent was typed into the override, not this PC's. */
  overridden: boolean
  reference: string
  diagnostics: () => string
  onNext: () => void
  /** Opens "Licences on this PC" for the hardware id the deactivation used. */
  onShowPcLicences?: (() => void) | undefined
}

export function SuccessView({ result, overridden, reference, diagnostics, onNext, onShowPcLicences }: SuccessViewProps) {
  return (
    <ResultCard tone="success" title={t('views.success.title')}>
      <p>{overridden ? t('views.success.body.override') : t('views.success.body')}</p>
      <p>{t('views.success.next')}</p>
      <dl className="facts">
        <dt>{t('views.facts.bundle')}</dt>
        <dd>
          <OutsideText text={result.product} />
        </dd>
        <dt>{t('views.facts.products-freed')}</dt>
        <dd>
          <OutsideText text={describeProductsFreed(result)} />
        </dd>
        <dt>{t('views.facts.hardware-id')}</dt>
        <dd>
          <code className="hardware-id">
            <OutsideText text={result.hardwareId} />
          </code>
        </dd>
        <dt>{t('views.facts.fingerprint')}</dt>
        <dd className="mono">{hardwareIdFingerprint(result.hardwareId)}</dd>
        <dt>{t('views.facts.login-method')}</dt>
        <dd>{methodLabel(result.method)}</dd>
        <dt>{t('views.facts.time')}</dt>
        <dd>
          <time dateTime={result.at}>{formatLocalTime(result.at, { locale: translator().locale })}</time>
        </dd>
      </dl>
      <SeatCheckLine result={result} onShowPcLicences={onShowPcLicences} />
      <ReferenceLine reference={reference} />
      <div className="actions">
        <button type="button" className="button-primary" onClick={onNext}>
          {t('views.success.another')}
        </button>
        <CopyButton label={t('views.actions.copy-diagnostics')} text={diagnostics} fallbackLabel={t('views.actions.diagnostics')} />
        <button type="button" className="button-secondary" onClick={() => window.close()}>
          {t('views.actions.close')}
        </button>
      </div>
    </ResultCard>
  )
}
