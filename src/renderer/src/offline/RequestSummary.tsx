import type { OfflineRequestSummary } from '../../../shared/api'
import { formatLocalTime } from '../../../shared/format-time'
import { hardwareIdFingerprint } from '../../../shared/helpdesk/hardware-id-format'
import { OutsideText } from '../OutsideText'

/** What a request file frees: bundle, hardware id and its fingerprint, the licence (key masked), where it came from, and any field this app does not know. */
export function RequestSummary({ summary }: { summary: OfflineRequestSummary }) {
  return (
    <dl className="facts">
      <dt>Bundle</dt>
      <dd>
        <OutsideText text={summary.product} />
      </dd>
      <dt>Hardware id</dt>
      <dd>
        <code className="hardware-id">
          <OutsideText text={summary.hardwareId} />
        </code>
      </dd>
      <dt>Fingerprint</dt>
      <dd className="mono">{hardwareIdFingerprint(summary.hardwareId)}</dd>
      <dt>{summary.method === 'license-key' ? 'Licence key' : 'Username'}</dt>
      <dd className={summary.method === 'license-key' ? 'mono' : undefined}>
        <OutsideText text={summary.licence} />
      </dd>
      <dt>Written</dt>
      <dd>
        {summary.writtenAt !== null ? (
          <time dateTime={summary.writtenAt}>{formatLocalTime(summary.writtenAt)}</time>
        ) : summary.writtenText !== '' ? (
          `“${summary.writtenText}” (as the file says it)`
        ) : (
          'not stated'
        )}
      </dd>
      <dt>Written by</dt>
      <dd>
        <OutsideText text={summary.writtenBy} />
      </dd>
      <dt>Request id</dt>
      <dd>
        <code>
          <OutsideText text={summary.requestId} />
        </code>
      </dd>
      <dt>Format</dt>
      <dd>
        {summary.format === 'v2'
          ? 'current (schema 2): every field is signed'
          : 'older (schema 1): its signature covers only the date, the licence key or username, the hardware id and the API key'}
      </dd>
      {summary.otherFields.length > 0 && (
        <>
          <dt>Other fields</dt>
          <dd>
            <ul className="other-fields" aria-label="Other fields in the file">
              {summary.otherFields.map((field, index) => (
                <li key={index}>
                  <code>{field.name}</code>: {field.value}
                </li>
              ))}
              {summary.otherFieldsNotShown > 0 && <li>and {summary.otherFieldsNotShown} more</li>}
            </ul>
            <p className="hint">This app does not know these fields; the licence server checks them when the file is uploaded.</p>
          </dd>
        </>
      )}
    </dl>
  )
}
