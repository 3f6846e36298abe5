import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react'
import type { AppError } from '../../shared/errors'
import type { Prefill } from '../../shared/helpdesk/prefill-link'
import { displayText } from '../../shared/display-text'
import { loadReferences } from './later/chunks'
import { methodLabel } from '../../shared/method-label'
import { EXPLANATION_MAX_LENGTH } from './shown-lengths'
import { OutsideText } from './OutsideText'
import { ReferenceLine } from './ReferenceLine'
import { useServices } from './services'
import { t, translator } from '../../shared/i18n/current'

type Notice = { kind: 'filled'; prefill: Prefill } | { kind: 'refused'; error: AppError; reference: string }

/**
 * Takes the helpdesk link's prefill at start and whenever a link arrives, hands it to
 * `apply` (never while a deactivation runs) and returns the notice saying what happened.
 */
export function usePrefill(busy: boolean, apply: (prefill: Prefill) => void): ReactNode {
  const { api } = useServices()
  const [notice, setNotice] = useState<Notice | null>(null)
  const latest = useRef({ busy, apply })
  useLayoutEffect(() => {
    latest.current = { busy, apply }
  })

  useEffect(() => {
    let live = true
    const take = async () => {
      if (latest.current.busy) return
      const answer = await api.takePrefill().catch(() => null)
      const refused: Notice | null =
        answer?.ok === false ? { kind: 'refused', error: answer.error, reference: (await loadReferences()).makeReference(answer.error) } : null
      if (!live || answer === null) return
      if (!answer.ok) {
        setNotice(refused)
        return
      }
      if (answer.value === null) return
      latest.current.apply(answer.value)
      setNotice({ kind: 'filled', prefill: answer.value })
    }
    void take()
    const stop = api.onPrefillArrived(() => void take())
    return () => {
      live = false
      stop()
    }
  }, [api])

  if (notice === null) return null
  if (notice.kind === 'refused') {
    return (
      <div className="notice notice-error" role="alert">
        <p>
          <strong>{notice.error.title}</strong>
        </p>
        <p>
          <OutsideText text={notice.error.explanation} max={EXPLANATION_MAX_LENGTH} />
        </p>
        <p>{notice.error.action}</p>
        <ReferenceLine reference={notice.reference} />
      </div>
    )
  }
  const { product, method, account } = notice.prefill
  const parts = [
    product !== undefined ? t('window.prefill.link.bundle', { bundle: displayText(product, 128) }) : null,
    method !== undefined ? methodLabel(method) : null,
    account !== undefined ? t('window.prefill.link.account', { account: displayText(account, 128) }) : null
  ].filter((p): p is string => p !== null)
  return (
    <p className="notice" role="status">
      {parts.length > 0
        ? t('window.prefill.link', { details: translator().formatList(parts, { type: 'unit', style: 'short' }) })
        : t('window.prefill.link.nothing')}
    </p>
  )
}
