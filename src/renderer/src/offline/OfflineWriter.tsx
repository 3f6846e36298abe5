import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import type { AppInfo, OfflineRequestSaved } from '../../../shared/api'
import type { OfflineRequest } from '../../../shared/request'
import { failure, type Outcome } from '../../../shared/outcome'
import { ErrorView } from '../ErrorView'
import { useHardwareReading } from '../queries'
import { useServices } from '../services'
import { unexpectedFailure } from '../unexpected-failure'
import { OfflineRequestForm } from './OfflineRequestForm'
import { OfflineSavedView } from './OfflineSavedView'
import { t } from '../../../shared/i18n/current'
import { makeReference } from '../../../shared/helpdesk/reference'
import { initialOfflineValues, type OfflineFormValues, type OfflinePrefill } from './offline-model'

/** The "This PC has no internet" path: the form, the native save dialog, then what happens next. */
export function OfflineWriter({ appInfo, prefill }: { appInfo: AppInfo; prefill?: OfflinePrefill | undefined }) {
  const { api } = useServices()
  const hardware = useHardwareReading()
  const [values, setValues] = useState<OfflineFormValues>(() => initialOfflineValues(appInfo.defaultProduct, prefill))
  const [formKey, setFormKey] = useState(0)
  const save = useMutation({
    mutationFn: async (input: OfflineRequest): Promise<{ outcome: Outcome<OfflineRequestSaved>; reference: string }> => {
      let outcome: Outcome<OfflineRequestSaved>
      try {
        outcome = await api.saveOfflineRequest(input)
      } catch {
        outcome = failure(await unexpectedFailure())
      }
      // Nothing is sent to a server: a written file's reference says PC, as the command line's does.
      return { outcome, reference: makeReference(outcome.ok ? { success: 'this-pc' } : outcome.error) }
    }
  })
  const backToForm = () => {
    save.reset()
    setFormKey((k) => k + 1)
  }

  const outcome = save.data?.outcome
  const reference = save.data?.reference
  if (outcome && !outcome.ok) return <ErrorView error={outcome.error} {...(reference !== undefined ? { reference } : {})} onRetry={backToForm} />
  if (outcome?.ok && outcome.value.saved) {
    return (
      <OfflineSavedView
        reference={reference}
        path={outcome.value.path}
        summary={outcome.value.summary}
        onDone={() => {
          setValues((v) => ({ ...v, licenseKey: '', username: '', hardwareIdOverride: '' }))
          backToForm()
        }}
      />
    )
  }
  return (
    <>
      {outcome?.ok && !outcome.value.saved && (
        <p role="status" className="notice">
          {t('views.offline.cancelled')}
        </p>
      )}
      <OfflineRequestForm
        key={formKey}
        defaultValues={values}
        hardware={hardware}
        busy={save.isPending}
        onSubmit={(input, submitted) => {
          setValues(submitted)
          save.mutate(input)
        }}
      />
    </>
  )
}
