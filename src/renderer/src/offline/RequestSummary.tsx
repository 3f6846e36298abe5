import type { OfflineRequestSummary } from '../../../shared/api'
import { formatLocalTime } from '../../../shared/format-time'
import { hardwareIdFingerprint } from '../../../shared/helpdesk/hardware-id-format'
import { OutsideText } from '../OutsideText'
import { t, translator } from '../../../shared/i18n/current'

/** What a request file frees: bundle, hardware id and its fingerprint, the licence (key masked), where it came from, and any field this app does not know. */
export function RequestSummary({ summary }: { summary: OfflineRequestSummary }) {
  return (
    <dl className="facts">
      <dt>{t('views.facts.bundle')}</dt>
      <dd>
        <OutsideText text={summary.product} />
      </dd>
      <dt>{t('views.facts.hardware-id')}</dt>
      <dd>
        <code className="hardware-id">
          <OutsideText text={summary.hardwareId} />
        </code>
      </dd>
      <dt>{t('views.facts.fingerprint')}</dt>
      <dd className="mono">{hardwareIdFingerprint(summary.hardwareId)}</dd>
      <dt>{summary.method === 'license-key' ? t('window.field.license-key') : t('window.field.username')}</dt>
      <dd className={summary.method === 'license-key' ? 'mono' : undefined}>
        <OutsideText text={summary.licence} />
      </dd>
      <dt>{t('views.summary.written')}</dt>
      <dd>
        {summary.writtenAt !== null ? (
          <time dateTime={summary.writtenAt}>{formatLocalTime(summary.writtenAt, { locale: translator().locale })}</time>
        ) : summary.writtenText !== '' ? (
          t('views.summary.written.as-stated', { text: summary.writtenText })
        ) : (
          t('views.summary.written.not-stated')
        )}
      </dd>
      <dt>{t('views.summary.written-by')}</dt>
      <dd>
        <OutsideText text={summary.writtenBy} />
      </dd>
      <dt>{t('views.summary.request-id')}</dt>
      <dd>
        <code>
          <OutsideText text={summary.requestId} />
        </code>
      </dd>
      <dt>{t('views.summary.format')}</dt>
      <dd>{summary.format === 'v2' ? t('views.summary.format.v2') : t('views.summary.format.v1')}</dd>
      {summary.otherFields.length > 0 && (
        <>
          <dt>{t('views.summary.other-fields')}</dt>
          <dd>
            <ul className="other-fields" aria-label={t('views.summary.other-fields.label')}>
              {summary.otherFields.map((field, index) => (
                <li key={index}>
                  <code>{field.name}</code>: {field.value}
                </li>
              ))}
              {summary.otherFieldsNotShown > 0 && <li>{t('views.summary.other-fields.more', { count: summary.otherFieldsNotShown })}</li>}
            </ul>
            <p className="hint">{t('views.summary.other-fields.hint')}</p>
          </dd>
        </>
      )}
    </dl>
  )
}
