import { useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import type { AppError } from '../../shared/errors'
import { hardwareIdFingerprint, inGroupsOfFour } from '../../shared/helpdesk/hardware-id-format'
import { makeReference } from '../../shared/helpdesk/reference'
import { buildStartupDiagnostics } from './diagnostics'
import { ErrorView } from './ErrorView'
import { useLogTail } from './log-tail'
import { useServices } from './services'
import { t } from '../../shared/i18n/current'
import { rich } from './i18n/rich'

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
        <h3 id="startup-facts-heading">{t('views.startup.heading')}</h3>
        <dl className="facts">
          <dt>{t('views.startup.version')}</dt>
          <dd>{known ? t('views.startup.version.value', { product: known.name, version: known.version }) : t('views.startup.unknown')}</dd>
          <dt>{t('views.startup.system')}</dt>
          <dd>{known?.os ?? t('views.startup.unknown')}</dd>
          <dt>{t('views.facts.hardware-id')}</dt>
          <dd>
            {known?.hardwareId
              ? rich(
                  'views.hardware.id-and-fingerprint',
                  { id: inGroupsOfFour(known.hardwareId.id), fingerprint: hardwareIdFingerprint(known.hardwareId.id) },
                  { hw: (children) => <code className="hardware-id">{children}</code>, b: (children) => <strong className="mono">{children}</strong> }
                )
              : t('views.startup.unreadable')}
          </dd>
          <dt>{t('views.startup.log-file')}</dt>
          <dd>{log ? <code className="log-file">{log.file}</code> : t('views.startup.unreadable')}</dd>
        </dl>
        {log && log.lines.length > 0 && (
          <details className="log-tail">
            <summary>{t('views.startup.log-tail')}</summary>
            <pre aria-label={t('views.startup.log-tail')}>{log.lines.join('\n')}</pre>
          </details>
        )}
      </section>
    </>
  )
}
