import { useQueryClient } from '@tanstack/react-query'
import { useRef, useState, type SyntheticEvent } from 'react'
import type { AppInfo } from '../../../shared/api'
import { inGroupsOfFour } from '../../../shared/helpdesk/hardware-id-format'
import { describeHolder, noActivationTime, SIGNATURE_WORDS } from '../../../shared/licence-words'
import { CopyButton } from '../CopyButton'
import { buildPcLicencesDiagnostics } from '../diagnostics'
import { ErrorNotice } from '../ErrorNotice'
import { prefillFromBundle, type FormPrefill } from '../form-model'
import { useHardwareReading } from '../queries'
import { useFocusOnMount } from '../use-focus-on-mount'
import { BundleCard } from './BundleCard'
import { t } from '../../../shared/i18n/current'
import { rich } from '../i18n/rich'
import { usePcLicences } from './pc-licences-query'
import { lastPcCheck } from '../kept-answers'

interface PcLicencesViewProps {
  appInfo: AppInfo
  /** A hardware id to check instead of this PC's (the one a failed deactivation used). */
  initialOverride?: string | undefined
  /** "Deactivate…": back to the form, filled in for that licence. */
  onDeactivate: (prefill: FormPrefill) => void
}

/**
 * "Licences on this PC": what the licence server has active on this PC's hardware id (or another
 * one a helpdesk agent types), read when the view opens and on "Check again". Nothing is changed here.
 */
export function PcLicencesView({ appInfo, initialOverride, onDeactivate }: PcLicencesViewProps) {
  const [override, setOverride] = useState(initialOverride)
  const [typed, setTyped] = useState('')
  const otherIdRef = useRef<HTMLDetailsElement>(null)
  const headingRef = useFocusOnMount<HTMLHeadingElement>()
  const queryClient = useQueryClient()
  const machine = useHardwareReading()
  const query = usePcLicences(override)
  const answer = query.isFetching ? undefined : query.data
  const checkedId = answer?.ok ? answer.value.hardwareId : (override ?? (machine.status === 'ready' ? machine.info.id : undefined))

  const checkOther = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault()
    const id = typed.trim()
    setOverride(id === '' ? undefined : id)
    if (otherIdRef.current) otherIdRef.current.open = false
    headingRef.current?.focus()
  }

  return (
    <section className="card pc-licences" aria-labelledby="pc-licences-heading">
      <h2 id="pc-licences-heading" tabIndex={-1} ref={headingRef}>
        {t('views.pc.heading')}
      </h2>
      <p className="hint">
        {checkedId === undefined
          ? t('views.pc.lead', { target: override === undefined ? 'this_pc' : 'override' })
          : rich(
              'views.pc.lead.with-id',
              { target: override === undefined ? 'this_pc' : 'override', id: inGroupsOfFour(checkedId) },
              { hw: (children) => <code className="hardware-id">{children}</code> }
            )}
      </p>

      {answer === undefined && (
        <p role="status" className="notice">
          {t('views.pc.asking')}
        </p>
      )}
      {answer?.ok === false && <ErrorNotice error={answer.error} />}
      {answer?.ok === true && answer.value.bundles.length === 0 && (
        <div role="status" className="notice">
          <p>{rich('views.pc.none', { id: inGroupsOfFour(answer.value.hardwareId) }, { hw: (children) => <code className="hardware-id">{children}</code> })}</p>
          <p>{t('views.pc.none.hint')}</p>
        </div>
      )}
      {answer?.ok === true && answer.value.bundles.length > 0 && (
        <>
          <p role="status" className="visually-hidden">
            {t('views.pc.count', { count: answer.value.bundles.length })}
          </p>
          <ul className="bundle-list">
            {answer.value.bundles.map((b) => (
              <li key={`${b.bundle}-${b.licenceId}`}>
                <BundleCard bundle={b} onDeactivate={() => onDeactivate(prefillFromBundle(b, describeHolder(b.holder), override))} />
              </li>
            ))}
          </ul>
          <p className="hint">{noActivationTime()}</p>
        </>
      )}
      {answer?.ok === true && <p className="hint">{SIGNATURE_WORDS[answer.value.signatures]}</p>}

      <div className="actions">
        <button type="button" className="button-primary" onClick={() => void query.refetch()} disabled={query.isFetching}>
          {t('views.actions.check-again')}
        </button>
        <CopyButton
          label={t('views.actions.copy-diagnostics')}
          text={() => buildPcLicencesDiagnostics({ app: appInfo, check: lastPcCheck(queryClient), at: new Date() })}
          fallbackLabel={t('views.actions.diagnostics')}
          disabled={answer === undefined}
        />
      </div>

      <details className="advanced" ref={otherIdRef}>
        <summary>{t('views.pc.other')}</summary>
        <form className="other-id" aria-label={t('views.pc.other')} onSubmit={checkOther}>
          <div className="field">
            <label htmlFor="field-check-hardware-id">{t('views.pc.other.field')}</label>
            <p id="field-check-hardware-id-hint" className="hint">
              {t('views.pc.other.hint')}
            </p>
            <input
              id="field-check-hardware-id"
              className="mono"
              aria-describedby="field-check-hardware-id-hint"
              autoComplete="off"
              spellCheck={false}
              value={typed}
              onChange={(event) => setTyped(event.target.value)}
            />
          </div>
          <button type="submit" className="button-secondary">
            {t('views.pc.other.check')}
          </button>
        </form>
      </details>
    </section>
  )
}
