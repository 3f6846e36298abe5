import { useState } from 'react'
import { useServices } from './services'

/** Says the app runs on the sandbox, and puts its licences back as seeded on request. */
export function SandboxBanner() {
  const { api } = useServices()
  const [said, setSaid] = useState('')
  const reset = async () => {
    const answer = await api.resetSandbox().catch(() => null)
    setSaid(answer?.ok ? 'Sandbox reset: every licence is back as it started, this PC activated again.' : 'The sandbox could not be reset.')
  }
  return (
    <div className="sandbox-banner">
      <p>Sandbox: test licences</p>
      <button type="button" className="button-secondary button-small" aria-label="Reset sandbox" onClick={() => void reset()}>
        Reset
      </button>
      <p role="status" className="sandbox-said">
        {said}
      </p>
    </div>
  )
}
