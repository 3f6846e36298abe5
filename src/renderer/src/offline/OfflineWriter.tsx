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
import { initialOfflineValues, type OfflineFormValues, type OfflinePrefill } from './offline-model'

/** The "This PC has no internet" path: the form, the native save dialog, then what happens next. */
export function OfflineWriter({ appInfo, prefill }: { appInfo: AppInfo; prefill?: OfflinePrefill | undefined }) {
  const { api } = useServices()
  const hardware = useHardwareReading()
  const [values, setValues] = useState<OfflineFormValues>(() => initialOfflineValues(appInfo.defaultProduct, prefill))
  const [formKey, setFormKey] = useState(0)
  const save = useMutation({
    mutationFn: async (input: OfflineRequest): Promise<Outcome<OfflineRequestSaved>> => {
      try {
        return await api.saveOfflineRequest(input)
      } catch {
        return failure(unexpectedFailure())
      }
    }
  })
  const backToForm = () => {
    save.reset()
    setFormKey((k) => k + 1)
  }

  const outcome = save.data
  if (outcome && !outcome.ok) return <ErrorView error={outcome.error} onRetry={backToForm} />
  if (outcome?.ok && outcome.value.saved) {
    return (
      <OfflineSavedView
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
          Saving was cancelled: no file was written.
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
