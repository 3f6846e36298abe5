import type { OfflineRequestSummary } from '../../../shared/api'
import { ResultCard } from '../ResultCard'
import { ReferenceLine } from '../ReferenceLine'
import { RequestSummary } from './RequestSummary'
import { OutsideText } from '../OutsideText'

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
    <ResultCard tone="success" title="Request file saved">
      <p>
        Saved as{' '}
        <code className="saved-path">
          <OutsideText text={path} />
        </code>
      </p>
      <RequestSummary summary={summary} />
      <h3>What happens next</h3>
      <ol className="next-steps">
        <li>
          <strong>The seat is not free yet.</strong> The licence server frees it only when this file is uploaded.
        </li>
        <li>
          Carry the file (USB stick, e-mail) to a computer with internet and upload it there: at the software vendor’s customer portal, or with License
          Manager’s “Upload a request file” screen.
        </li>
        <li>Treat the product on this PC as deactivated from now on: stop using it here. Nothing else needs to be done on this PC, and the file works once.</li>
      </ol>
      {reference !== undefined && <ReferenceLine reference={reference} />}
      <div className="actions">
        <button type="button" className="button-primary" onClick={onDone}>
          Done
        </button>
      </div>
    </ResultCard>
  )
}
