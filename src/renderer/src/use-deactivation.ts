import { useMutation } from '@tanstack/react-query'
import { useRef, useState } from 'react'
import type { DeactivationResult, LicenseManagerApi, LogTail, SsoProgress } from '../../shared/api'
import { failure, type Outcome } from '../../shared/outcome'
import { laterWordsReady } from './i18n/window-language'
import { loadLogTail } from './later/chunks'
import type { PreparedAttempt } from './form-model'
import { useServices } from './services'
import { unexpectedFailure } from './unexpected-failure'

export interface AttemptResult {
  outcome: Outcome<DeactivationResult>
  /** When the outcome arrived. */
  at: Date
  /** What the person reads to the helpdesk, shown with the result and written into the diagnostics: the one the log holds it under. */
  reference: string
  /** The log's last lines once the outcome arrived (for the diagnostics); null when unavailable. */
  log: LogTail | null
}

async function run(api: LicenseManagerApi, attempt: PreparedAttempt, onProgress: (p: SsoProgress) => void): Promise<Outcome<DeactivationResult>> {
  try {
    if (attempt.kind === 'direct') return await api.deactivate(attempt.input)
    const stopListening = api.onSsoProgress(onProgress)
    try {
      return await api.deactivateWithSso(attempt.input)
    } finally {
      stopListening()
    }
  } catch {
    return failure(await unexpectedFailure())
  }
}

/** One deactivation at a time; SSO progress is followed only while its attempt runs. */
export function useDeactivation() {
  const { api } = useServices()
  const [progress, setProgress] = useState<SsoProgress | null>(null)
  const running = useRef(false)
  const mutation = useMutation({
    mutationFn: async (attempt: PreparedAttempt): Promise<AttemptResult> => {
      setProgress(null)
      try {
        const outcome = await run(api, attempt, setProgress)
        const at = new Date()
        const { readLogTail, referenceOf } = await loadLogTail()
        // A failure may be answered with a field's message (its words the catalogue's): loaded before it is shown.
        if (!outcome.ok) await laterWordsReady()
        return { outcome, at, reference: referenceOf(outcome), log: await readLogTail(api) }
      } finally {
        running.current = false
      }
    }
  })
  /** Starts an attempt; returns false, doing nothing, while another one runs. */
  const start = (attempt: PreparedAttempt): boolean => {
    if (running.current) return false
    running.current = true
    mutation.mutate(attempt)
    return true
  }
  return { start, reset: mutation.reset, busy: mutation.isPending, result: mutation.data, progress }
}
