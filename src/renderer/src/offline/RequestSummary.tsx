import type { OfflineRequestSummary } from '../../../shared/api'
import { formatTime } from '../format-time'
import { OutsideText } from '../OutsideText'

/** What a request file frees: bundle, hardware id, the licence (key masked) and where it came from. */
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
      <dt>{summary.method === 'license-key' ? 'Licence key' : 'Username'}</dt>
      <dd className={summary.method === 'license-key' ? 'mono' : undefined}>
        <OutsideText text={summary.licence} />
      </dd>
      <dt>Written</dt>
      <dd>
        <time dateTime={summary.writtenAt}>{formatTime(summary.writtenAt)}</time>
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
    </dl>
  )
}
