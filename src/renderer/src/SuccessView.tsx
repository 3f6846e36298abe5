import type { DeactivationResult } from '../../shared/api'
import { hardwareIdFingerprint } from '../../shared/helpdesk/hardware-id-format'
import { describeProductsFreed } from '../../shared/products-freed'
import { LOGIN_METHOD_LABELS } from '../../shared/request'
import { CopyButton } from './CopyButton'
import { OutsideText } from './OutsideText'
import { ReferenceLine } from './ReferenceLine'
import { ResultCard } from './ResultCard'
import { formatLocalTime } from '../../shared/format-time'
import { SeatCheckLine } from './SeatCheckLine'

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
    <ResultCard tone="success" title="Licence deactivated">
      <p>Every product of the bundle is deactivated on {overridden ? 'the hardware id you entered' : 'this PC'}. The seat is free for another machine.</p>
      <p>Next: start the licensed product on the new PC and activate it there with the same licence. You can close this window.</p>
      <dl className="facts">
        <dt>Bundle</dt>
        <dd>
          <OutsideText text={result.product} />
        </dd>
        <dt>Products freed</dt>
        <dd>
          <OutsideText text={describeProductsFreed(result)} />
        </dd>
        <dt>Hardware id</dt>
        <dd>
          <code className="hardware-id">
            <OutsideText text={result.hardwareId} />
          </code>
        </dd>
        <dt>Fingerprint</dt>
        <dd className="mono">{hardwareIdFingerprint(result.hardwareId)}</dd>
        <dt>Login method</dt>
        <dd>{LOGIN_METHOD_LABELS[result.method]}</dd>
        <dt>Time</dt>
        <dd>
          <time dateTime={result.at}>{formatLocalTime(result.at)}</time>
        </dd>
      </dl>
      <SeatCheckLine result={result} onShowPcLicences={onShowPcLicences} />
      <ReferenceLine reference={reference} />
      <div className="actions">
        <button type="button" className="button-primary" onClick={onNext}>
          Deactivate another
        </button>
        <CopyButton label="Copy diagnostics" text={diagnostics} fallbackLabel="Diagnostics" />
        <button type="button" className="button-secondary" onClick={() => window.close()}>
          Close
        </button>
      </div>
    </ResultCard>
  )
}
