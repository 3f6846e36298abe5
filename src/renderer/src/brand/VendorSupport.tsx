import { sendsToVendor } from '../../../shared/errors/vendor-contact'
import { CopyButton } from '../CopyButton'
import { OutsideText } from '../OutsideText'
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
        Vendor’s support:{' '}
        <strong className="support-address">
          <OutsideText text={support.address} />
        </strong>
      </p>
      <CopyButton small label="Copy" ariaLabel="Copy support address" text={() => support.address} fallbackLabel="Support address" />
    </div>
  )
}
