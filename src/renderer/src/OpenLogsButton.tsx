import { useState } from 'react'
import { useServices } from './services'

/** "Open logs folder": the log's folder in the system's file manager; says so when it could not be opened. */
export function OpenLogsButton() {
  const { api } = useServices()
  const [problem, setProblem] = useState('')
  const open = async () => {
    setProblem('')
    try {
      const opened = await api.openLogsFolder()
      if (!opened.ok) setProblem(`${opened.error.explanation} ${opened.error.action}`)
    } catch {
      setProblem('The logs folder could not be opened.')
    }
  }
  return (
    <>
      <button type="button" className="button-secondary" onClick={() => void open()}>
        Open logs folder
      </button>
      <span role="status" className="logs-status">
        {problem}
      </span>
    </>
  )
}
