import type { OfflineRequestSummary } from '../../../shared/api'
import { formatLocalTime } from '../../../shared/format-time'
import { hardwareIdFingerprint } from '../../../shared/helpdesk/hardware-id-format'

/** What a request file frees: bundle, hardware id and its fingerprint, the licence (key masked) and where it came from. */
export function RequestSummary({ summary }: { summary: OfflineRequestSummary }) {
  return (
    <dl className="facts">
      <dt>Bundle</dt>
      <dd>{summary.product}</dd>
      <dt>Hardware id</dt>
      <dd>
        <code className="hardware-id">{summary.hardwareId}</code>
      </dd>
      <dt>Fingerprint</dt>
      <dd className="mono">{hardwareIdFingerprint(summary.hardwareId)}</dd>
      <dt>{summary.method === 'license-key' ? 'Licence key' : 'Username'}</dt>
      <dd className={summary.method === 'license-key' ? 'mono' : undefined}>{summary.licence}</dd>
      <dt>Written</dt>
      <dd>
        <time dateTime={summary.writtenAt}>{formatLocalTime(summary.writtenAt)}</time>
      </dd>
      <dt>Written by</dt>
      <dd>{summary.writtenBy}</dd>
      <dt>Request id</dt>
      <dd>
        <code>{summary.requestId}</code>
      </dd>
    </dl>
  )
}
