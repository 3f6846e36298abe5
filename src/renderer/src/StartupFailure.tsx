import { useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import type { AppError } from '../../shared/errors'
import { hardwareIdFingerprint, inGroupsOfFour } from '../../shared/helpdesk/hardware-id-format'
import { makeReference } from '../../shared/helpdesk/reference'
import { buildStartupDiagnostics } from './diagnostics'
import { ErrorView } from './ErrorView'
import { useLogTail } from './log-tail'
import { useServices } from './services'

/**
 * The app could not start (most often its configuration): what went wrong, the facts a
 * helpdesk asks for (version, OS, this PC's hardware id), the log's last lines and its
 * folder, Copy diagnostics, and a "Try again" that makes the app read its configuration again.
 */
export function StartupFailure({ error, onRetry }: { error: AppError; onRetry: () => void }) {
  const { api } = useServices()
  const facts = useQuery({ queryKey: ['startup-facts'], queryFn: () => api.getStartupFacts() })
  const known = facts.data?.ok ? facts.data.value : null
  // The reference the main process logged the failed start under.
  const reference = useMemo(() => error.reference ?? makeReference(error), [error])
  const log = useLogTail()
  const diagnostics = () => buildStartupDiagnostics({ facts: known, error, reference, at: new Date(), log })
  return (
    <>
      <ErrorView error={error} reference={reference} diagnostics={diagnostics} onRetry={onRetry} logsButton />
      <section className="card startup-facts" aria-labelledby="startup-facts-heading">
        <h3 id="startup-facts-heading">For the helpdesk</h3>
        <dl className="facts">
          <dt>Version</dt>
          <dd>{known ? `${known.name} ${known.version}` : 'unknown'}</dd>
          <dt>System</dt>
          <dd>{known?.os ?? 'unknown'}</dd>
          <dt>Hardware id</dt>
          <dd>
            {known?.hardwareId ? (
              <>
                <code className="hardware-id">{inGroupsOfFour(known.hardwareId.id)}</code> · fingerprint{' '}
                <strong className="mono">{hardwareIdFingerprint(known.hardwareId.id)}</strong>
              </>
            ) : (
              'could not be read'
            )}
          </dd>
          <dt>Log file</dt>
          <dd>{log ? <code className="log-file">{log.file}</code> : 'could not be read'}</dd>
        </dl>
        {log && log.lines.length > 0 && (
          <details className="log-tail">
            <summary>Last lines of the log</summary>
            <pre aria-label="Last lines of the log">{log.lines.join('\n')}</pre>
          </details>
        )}
      </section>
    </>
  )
}
