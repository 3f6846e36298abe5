import { useState } from 'react'
import { t } from '../../shared/i18n/current'
import { useServices } from './services'

/** Says the app runs on the sandbox, and puts its licences back as seeded on request. */
export function SandboxBanner() {
  const { api } = useServices()
  const [said, setSaid] = useState('')
  const reset = async () => {
    const answer = await api.resetSandbox().catch(() => null)
    setSaid(answer?.ok ? t('window.sandbox.reset.done') : t('window.sandbox.reset.failed'))
  }
  return (
    <div className="sandbox-banner">
      <p>{t('window.sandbox.banner')}</p>
      <button type="button" className="button-secondary button-small" aria-label={t('window.sandbox.reset.label')} onClick={() => void reset()}>
        {t('window.sandbox.reset')}
      </button>
      <p role="status" className="sandbox-said">
        {said}
      </p>
    </div>
  )
}
