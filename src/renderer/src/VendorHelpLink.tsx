import { useState, type MouseEvent } from 'react'
import { displayText } from '../../shared/display-text'
import { useServices } from './services'

/**
 * The vendor's help page, when configured: opened in the system browser by the app (which
 * opens only the configured address), never inside the window.
 */
export function VendorHelpLink({ url }: { url: string }) {
  const { api } = useServices()
  const [notOpened, setNotOpened] = useState<string | null>(null)
  const open = async (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault()
    const answer = await api.openHelp().catch(() => null)
    setNotOpened(answer?.ok ? null : `${answer?.error.explanation ?? 'The help page did not open.'} The address is ${displayText(url, 2000)}`)
  }
  return (
    <div className="vendor-help">
      <p>
        <a href={url} onClick={(event) => void open(event)}>
          Where do I find my licence key or bundle code?
        </a>{' '}
        <span className="hint">The vendor’s help page, in your browser.</span>
      </p>
      <p role="status" className="vendor-help-said">
        {notOpened}
      </p>
    </div>
  )
}
