import { useId } from 'react'
import type { BundleOnPc } from '../../../shared/licences-on-pc'
import { t } from '../../../shared/i18n/current'
import { describeBundle, describeHolder, describeLicenceState, describeProducts, describeSeats, describeValidity } from '../../../shared/licence-words'

interface BundleCardProps {
  bundle: BundleOnPc
  onDeactivate: () => void
}

/** One bundle active on the hardware id: its licence, products, seats and dates, and the way to free it. */
export function BundleCard({ bundle, onDeactivate }: BundleCardProps) {
  const headingId = useId()
  const state = describeLicenceState(bundle)
  return (
    <article className="bundle-card" aria-labelledby={headingId}>
      <div className="bundle-card-head">
        <h3 id={headingId}>{describeBundle(bundle)}</h3>
        <button type="button" className="button-small" aria-describedby={headingId} onClick={onDeactivate}>
          {t('views.bundle.deactivate')}
        </button>
      </div>
      <dl className="facts facts-compact">
        <dt>{t('views.bundle.licence')}</dt>
        <dd>{describeHolder(bundle.holder)}</dd>
        <dt>{t('views.bundle.products')}</dt>
        <dd>{describeProducts(bundle.products) ?? t('views.bundle.products.unnamed')}</dd>
        <dt>{t('views.bundle.seats')}</dt>
        <dd>{describeSeats(bundle.seats)}</dd>
        <dt>{t('views.bundle.valid')}</dt>
        <dd>{describeValidity(bundle)}</dd>
        {state !== null && (
          <>
            <dt>{t('views.bundle.state')}</dt>
            <dd>{state}</dd>
          </>
        )}
      </dl>
    </article>
  )
}
