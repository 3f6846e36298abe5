import { useId } from 'react'
import type { UseFormRegisterReturn } from 'react-hook-form'
import { hardwareIdFingerprint, inGroupsOfFour } from '../../shared/helpdesk/hardware-id-format'
import { CopyButton } from './CopyButton'
import { ErrorNotice } from './ErrorNotice'
import { OutsideText } from './OutsideText'
import type { HardwareReading } from './form-model'
import { TextField } from './TextField'

interface HardwareIdPanelProps {
  reading: HardwareReading
  /** The override as typed. */
  override: string
  registration: UseFormRegisterReturn
  error?: string | undefined
  /** The override field is shown (after "Change", an override typed, or an id that could not be read). */
  open: boolean
  onOpen: () => void
}

/**
 * The hardware id folded into a short line: the id in groups of four, where it comes
 * from and its fingerprint; "Change" opens the override.
 */
export function HardwareIdPanel({ reading, override, registration, error, open, onOpen }: HardwareIdPanelProps) {
  const overrideId = useId()
  const overridden = override.trim() !== ''
  const showOverride = open || overridden || error !== undefined || reading.status === 'unavailable'
  return (
    <section className="panel hardware-panel" aria-labelledby="hardware-heading">
      <div className="hardware-line">
        <h3 id="hardware-heading">Hardware id</h3>
        {reading.status === 'ready' && <span className="hint">{overridden ? 'this PC’s own, not sent' : 'this PC’s own'}</span>}
        <span className="hardware-actions">
          {!showOverride && (
            <button
              type="button"
              className="button-small"
              aria-label="Change the hardware id"
              aria-controls={overrideId}
              aria-expanded={false}
              onClick={onOpen}
            >
              Change
            </button>
          )}
          {reading.status === 'ready' && (
            <CopyButton label="Copy" ariaLabel="Copy hardware id" text={() => reading.info.id} fallbackLabel="This PC’s hardware id" small />
          )}
        </span>
      </div>
      {reading.status === 'loading' && <p className="hint">Reading this PC’s hardware id…</p>}
      {reading.status === 'ready' && (
        <p className="hardware-id-line">
          <span className="visually-hidden">{overridden ? 'This PC’s hardware id (not sent): ' : 'Hardware id that will be sent: '}</span>
          <code className="hardware-id">{inGroupsOfFour(reading.info.id)}</code>{' '}
          <span className="hint">
            · fingerprint <strong className="mono">{hardwareIdFingerprint(reading.info.id)}</strong>
          </span>
        </p>
      )}
      {reading.status === 'unavailable' && <ErrorNotice error={reading.error} />}
      <div id={overrideId} hidden={!showOverride}>
        {overridden && (
          <p className="notice">
            The hardware id you entered will be sent instead of this PC’s:{' '}
            <code className="hardware-id">
              <OutsideText text={override.trim()} />
            </code>
          </p>
        )}
        {reading.status === 'ready' && <p className="hint">How this PC’s id is read: {reading.info.description}</p>}
        <TextField
          id="field-hardware-id-override"
          label="Hardware id override"
          registration={registration}
          error={error}
          monospace
          hint={
            reading.status === 'unavailable'
              ? 'Required: paste the hardware id that the licensed product shows.'
              : 'Leave empty to send this PC’s id. Only when the helpdesk asks, or the licensed product shows a different id: paste that id here.'
          }
        />
      </div>
    </section>
  )
}
