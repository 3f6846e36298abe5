import { useState } from 'react'
import { useServices } from './services'
import { t } from '../../shared/i18n/current'

/** "Open logs folder": the log's folder in the system's file manager; says so when it could not be opened. */
export function OpenLogsButton() {
  const { api } = useServices()
  const [problem, setProblem] = useState('')
  const open = async () => {
    setProblem('')
    try {
      const opened = await api.openLogsFolder()
      if (!opened.ok) setProblem(t('views.logs.problem', { explanation: opened.error.explanation, action: opened.error.action }))
    } catch {
      setProblem(t('views.logs.failed'))
    }
  }
  return (
    <>
      <button type="button" className="button-secondary" onClick={() => void open()}>
        {t('views.logs.open')}
      </button>
      <span role="status" className="logs-status">
        {problem}
      </span>
    </>
  )
}
