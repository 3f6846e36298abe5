import type { UseFormRegisterReturn } from 'react-hook-form'
import { CopyButton } from './CopyButton'
import { ErrorNotice } from './ErrorNotice'
import type { HardwareReading } from './form-model'
import { TextField } from './TextField'

interface HardwareIdPanelProps {
  reading: HardwareReading
  /** The override as typed. */
  override: string
  registration: UseFormRegisterReturn
  error?: string | undefined
}

export function HardwareIdPanel({ reading, override, registration, error }: HardwareIdPanelProps) {
  const overridden = override.trim() !== ''
  return (
    <section className="panel" aria-labelledby="hardware-heading">
      <h3 id="hardware-heading">Hardware id</h3>
      {reading.status === 'loading' && <p className="hint">Reading this PC’s hardware id…</p>}
      {reading.status === 'ready' && (
        <>
          <p className="label-like">
            {overridden ? 'This PC’s hardware id (not sent)' : 'Hardware id that will be sent'}
          </p>
          <p>
            <code className="hardware-id">{reading.info.id}</code>
          </p>
          <p className="hint">Source: {reading.info.description}</p>
          <CopyButton label="Copy hardware id" text={() => reading.info.id} fallbackLabel="This PC’s hardware id" />
        </>
      )}
      {reading.status === 'unavailable' && <ErrorNotice error={reading.error} />}
      {overridden && (
        <p className="notice">
          The override will be sent instead of this PC’s hardware id: <code className="hardware-id">{override.trim()}</code>
        </p>
      )}
      <TextField
        id="field-hardware-id-override"
        label="Hardware id override"
        registration={registration}
        error={error}
        monospace
        hint={
          reading.status === 'unavailable'
            ? 'Required: paste the hardware id that the licensed product shows.'
            : 'Leave empty to send this PC’s hardware id. Use it when a helpdesk asks you to, for example when the licensed product shows a different hardware id: paste the id the product shows.'
        }
      />
    </section>
  )
}
