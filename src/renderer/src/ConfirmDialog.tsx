import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import { t } from '../../shared/i18n/current'
import { rich } from './i18n/rich'
import { hardwareIdFingerprint, inGroupsOfFour } from '../../shared/helpdesk/hardware-id-format'
import { methodLabel } from '../../shared/method-label'
import type { UserLicenceChoice } from '../../shared/licences-on-pc'
import type { PreparedAttempt } from './form-model'
import { LicenceChoiceList } from './LicenceChoiceList'

/** The signed-in user's licences of the bundle, asked for before the dialog's Deactivate (username and password only). */
export type LicenceChoices = { status: 'asking' } | { status: 'ready'; licences: UserLicenceChoice[] }

interface ConfirmDialogProps {
  attempt: PreparedAttempt
  /** Absent: nothing to choose. Several licences: the person picks one before Deactivate. */
  choices?: LicenceChoices | null | undefined
  /** `licenseId`: the licence picked, when there was a choice. */
  onConfirm: (licenseId?: number) => void
  onCancel: () => void
}

/** The licence to preselect: the one this PC holds, when exactly one of them is. */
function preselected(choices: LicenceChoices | null | undefined): number | undefined {
  if (choices?.status !== 'ready') return undefined
  const here = choices.licences.filter((l) => l.onThisPc === true)
  return here.length === 1 ? here[0]!.licenceId : undefined
}

/** A modal <dialog>: focus starts on Cancel, Tab stays inside, Escape cancels, and Cancel returns focus to the opener. */
export function ConfirmDialog({ attempt, choices, onConfirm, onCancel }: ConfirmDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null)
  const [picked, setPicked] = useState<number | undefined>(undefined)
  const choosing = choices?.status === 'ready' && choices.licences.length > 1
  const chosen = choosing ? (picked ?? preselected(choices)) : undefined
  const asking = choices?.status === 'asking'
  const cancelRef = useRef<HTMLButtonElement>(null)
  const opener = useRef(document.activeElement instanceof HTMLElement ? document.activeElement : null)

  useEffect(() => {
    const dialog = dialogRef.current
    if (dialog === null) return
    if (!dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal()
      else dialog.setAttribute('open', '')
    }
    cancelRef.current?.focus()
    return () => {
      if (dialog.open) dialog.close()
    }
  }, [])

  const close = () => {
    const dialog = dialogRef.current
    if (dialog?.open) dialog.close()
  }
  const cancel = () => {
    close()
    opener.current?.focus()
    onCancel()
  }
  const confirm = () => {
    if (asking || (choosing && chosen === undefined)) return
    close()
    onConfirm(chosen)
  }

  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault()
      cancel()
      return
    }
    if (event.key !== 'Tab') return
    // A radio group is one stop: any of its radios stands for the group at either end.
    const focusable = Array.from(event.currentTarget.querySelectorAll<HTMLElement>('input:not([disabled]), button:not([disabled])'))
    const first = focusable[0]
    const last = focusable[focusable.length - 1]
    if (first === undefined || last === undefined) return
    const active = document.activeElement
    const atFirst = active === first || (first instanceof HTMLInputElement && active instanceof HTMLInputElement && active.name === first.name)
    if (event.shiftKey && atFirst) {
      event.preventDefault()
      last.focus()
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault()
      first.focus()
    }
  }

  const { hardware, input } = attempt
  const overridden = hardware.source === 'override'
  // As the form shows it: in groups of four, with the fingerprint a helpdesk compares by voice.
  const idValues = { id: inGroupsOfFour(hardware.id), fingerprint: hardwareIdFingerprint(hardware.id) }
  const idTags = {
    hw: (children: ReactNode) => <code className="hardware-id">{children}</code>,
    b: (children: ReactNode) => <strong className="mono">{children}</strong>
  }
  return (
    <dialog
      ref={dialogRef}
      className="confirm"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-body"
      aria-modal="true"
      onKeyDown={onKeyDown}
      onCancel={(event) => {
        event.preventDefault()
        cancel()
      }}
    >
      <h2 id="confirm-title">{overridden ? t('views.confirm.title.override') : t('views.confirm.title')}</h2>
      <div id="confirm-body">
        <p>{overridden ? rich('views.confirm.override', idValues, idTags) : rich('views.confirm.this-pc', idValues, idTags)}</p>
        <p>{rich(overridden ? 'views.confirm.bundle.override' : 'views.confirm.bundle', { bundle: input.product })}</p>
        <p>{t('views.confirm.seat')}</p>
        <p className="hint">
          {attempt.kind === 'sso'
            ? t('views.confirm.method.sso', { method: methodLabel(attempt.method) })
            : t('views.confirm.method', { method: methodLabel(attempt.method) })}
        </p>
        {asking && (
          <p role="status" className="hint">
            {t('views.confirm.looking-up')}
          </p>
        )}
      </div>
      {choosing && <LicenceChoiceList licences={choices.licences} chosen={chosen} onChoose={setPicked} />}
      <div className="actions">
        <button type="button" className="button-danger" onClick={confirm} disabled={asking || (choosing && chosen === undefined)}>
          {t('views.confirm.deactivate')}
        </button>
        <button type="button" className="button-secondary" ref={cancelRef} onClick={cancel}>
          {t('views.actions.cancel')}
        </button>
      </div>
    </dialog>
  )
}
