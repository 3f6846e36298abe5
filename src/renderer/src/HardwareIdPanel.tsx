import { useId } from 'react'
import type { UseFormRegisterReturn } from 'react-hook-form'
import { hardwareIdFingerprint, inGroupsOfFour } from '../../shared/helpdesk/hardware-id-format'
import { CopyButton } from './CopyButton'
import { laterPart } from './later/later-part'
import { displayText } from '../../shared/display-text'
import { t } from '../../shared/i18n/current'
import { rich } from './i18n/rich'
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

/** Shown only when the hardware id cannot be read: its own chunk, with the catalogue it names the vendor from. */
const ErrorNotice = laterPart(() => import('./ErrorNotice').then((m) => m.ErrorNotice))
export const preloadErrorNotice = ErrorNotice.preload

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
        <h3 id="hardware-heading">{t('window.hardware.heading')}</h3>
        <span className="hardware-actions">
          {!showOverride && (
            <button
              type="button"
              className="button-small"
              aria-label={t('window.hardware.change.label')}
              aria-controls={overrideId}
              aria-expanded={false}
              onClick={onOpen}
            >
              {t('window.hardware.change')}
            </button>
          )}
          {reading.status === 'ready' && (
            <CopyButton
              label={t('window.actions.copy')}
              ariaLabel={t('window.hardware.copy.label')}
              text={() => reading.info.id}
              fallbackLabel={t('window.hardware.copy.fallback')}
              small
            />
          )}
        </span>
      </div>
      {reading.status === 'loading' && <p className="hint">{t('window.hardware.reading')}</p>}
      {reading.status === 'ready' && (
        <p className="hardware-id-line">
          <span className="visually-hidden">{overridden ? t('window.hardware.not-sent') : t('window.hardware.will-be-sent')} </span>
          <code className="hardware-id">{inGroupsOfFour(reading.info.id)}</code>{' '}
          {/* Where the id comes from sits on the id's own line, so the heading and its buttons keep one row in every language. */}
          <span className="hint">
            {overridden ? t('window.hardware.own.not-sent') : t('window.hardware.own')}{' '}
            {rich(
              'window.hardware.fingerprint',
              { fingerprint: hardwareIdFingerprint(reading.info.id) },
              { b: (children) => <strong className="mono">{children}</strong> }
            )}
          </span>
        </p>
      )}
      {reading.status === 'unavailable' && <ErrorNotice.Component fallback={null} error={reading.error} />}
      <div id={overrideId} hidden={!showOverride}>
        {overridden && (
          <p className="notice">
            {rich(
              'window.hardware.override.notice',
              { id: displayText(override.trim()) },
              {
                hw: (children) => (
                  <code className="hardware-id">
                    <bdi>{children}</bdi>
                  </code>
                )
              }
            )}
          </p>
        )}
        {reading.status === 'ready' && <p className="hint">{t('window.hardware.how-read', { description: reading.info.description })}</p>}
        <TextField
          id="field-hardware-id-override"
          label={t('window.hardware.override')}
          registration={registration}
          error={error}
          monospace
          hint={reading.status === 'unavailable' ? t('window.hardware.override.hint.required') : t('window.hardware.override.hint')}
        />
      </div>
    </section>
  )
}
