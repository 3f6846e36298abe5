import { useQuery } from '@tanstack/react-query'
import type { DeactivationResult } from '../../shared/api'
import { codeLine } from './code-line'
import { t } from '../../shared/i18n/current'
import { rich } from './i18n/rich'
import { useServices } from './services'
import { answered } from './unexpected-failure'
import { seatCheckKey } from './kept-answers'

/** A key or a username can check the deactivation again; a company sign-in's code or token works once. */
const checkable = (result: DeactivationResult): boolean => result.method === 'license-key' || result.method === 'user'

interface SeatCheckLineProps {
  result: DeactivationResult
  /** Opens "Licences on this PC" for the hardware id the deactivation used. */
  onShowPcLicences?: (() => void) | undefined
}

/**
 * Right after the success: asks the licence server (check_bundle) whether it still lists the bundle
 * on that hardware id, and says what it answered. A company sign-in cannot be reused for the
 * check: the line says so, and points to "Licences on this PC" instead.
 */
export function SeatCheckLine({ result, onShowPcLicences }: SeatCheckLineProps) {
  const { api } = useServices()
  const query = useQuery({
    queryKey: seatCheckKey(result),
    queryFn: () => answered(api.checkSeatFree({ product: result.product, hardwareId: result.hardwareId })),
    enabled: checkable(result),
    staleTime: Infinity
  })
  const seeWhatIsActive = onShowPcLicences && (
    <button type="button" className="button-small" onClick={onShowPcLicences}>
      {t('views.actions.see-active')}
    </button>
  )
  const checkAgain = (
    <button type="button" className="button-small" onClick={() => void query.refetch()}>
      {t('views.actions.check-again')}
    </button>
  )

  if (!checkable(result)) {
    return (
      <div className="seat-check">
        <p>{t('views.seat-check.needs-sign-in')}</p>
        {seeWhatIsActive}
      </div>
    )
  }
  const answer = query.isFetching ? undefined : query.data
  return (
    <div className={`seat-check${answer?.ok === true && answer.value.state === 'still-active' ? ' notice notice-error' : ''}`} role="status">
      {answer === undefined && <p>{t('views.seat-check.asking')}</p>}
      {answer?.ok === true && answer.value.state === 'free' && <p>{rich('views.seat-check.free', undefined)}</p>}
      {answer?.ok === true && answer.value.state === 'still-active' && (
        <>
          <p>
            <strong>{t('views.seat-check.still-listed')}</strong>
          </p>
          <p>{t('views.seat-check.still-listed.advice')}</p>
          {checkAgain}
        </>
      )}
      {answer?.ok === false && (
        <>
          <p>{t('views.seat-check.failed', { title: answer.error.title, action: answer.error.action })}</p>
          <p className="code-line">{codeLine(answer.error)}</p>
          {checkAgain}
        </>
      )}
    </div>
  )
}
