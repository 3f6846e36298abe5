import { useState, type MouseEvent } from 'react'
import { displayText } from '../../shared/display-text'
import { useServices } from './services'
import { t } from '../../shared/i18n/current'

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
    setNotOpened(
      answer?.ok ? null : t('views.help.not-opened', { problem: answer?.error.explanation ?? t('views.help.not-opened.default'), url: displayText(url, 2000) })
    )
  }
  return (
    <div className="vendor-help">
      <p>
        <a href={url} onClick={(event) => void open(event)}>
          {t('views.help.link')}
        </a>{' '}
        <span className="hint">{t('views.help.hint')}</span>
      </p>
      <p role="status" className="vendor-help-said">
        {notOpened}
      </p>
    </div>
  )
}
