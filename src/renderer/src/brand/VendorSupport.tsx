import { sendsToVendor } from '../../../shared/errors/vendor-contact'
import { CopyButton } from '../CopyButton'
import { displayText } from '../../../shared/display-text'
import { t } from '../../../shared/i18n/current'
import { rich } from '../i18n/rich'
import { useWindowBrand } from './brand-context'

/**
 * Under an error whose advice sends the person to the vendor: the vendor's support address, when
 * one is configured, with a button that copies it (the window opens no mail program or page itself).
 */
export function VendorSupport({ code }: { code: string }) {
  const support = useWindowBrand()?.support ?? null
  if (support === null || !sendsToVendor(code)) return null
  return (
    <div className="vendor-support">
      <p>
        {rich(
          'views.support.line',
          { address: displayText(support.address) },
          {
            b: (children) => (
              <strong className="support-address">
                <bdi>{children}</bdi>
              </strong>
            )
          }
        )}
      </p>
      <CopyButton
        small
        label={t('window.actions.copy')}
        ariaLabel={t('views.support.copy.label')}
        text={() => support.address}
        fallbackLabel={t('views.support.fallback')}
      />
    </div>
  )
}
