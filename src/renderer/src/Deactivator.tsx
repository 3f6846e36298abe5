import { useState } from 'react'
import { usePrefill } from './use-prefill'
import type { AppInfo } from '../../shared/api'
import { ConfirmDialog } from './ConfirmDialog'
import { DeactivationForm, type InitialFocus } from './DeactivationForm'
import { buildDiagnostics } from './diagnostics'
import { ErrorView } from './ErrorView'
import {
  fieldMessage,
  formFieldFor,
  HARDWARE_REQUIRED_MESSAGE,
  initialValues,
  valuesForNext,
  valuesForRetry,
  type FieldErrors,
  type FormValues,
  type PreparedAttempt
} from './form-model'
import { useHardwareReading } from './queries'
import { loadRememberedFields, rememberFields } from './remembered-fields'
import { useServices } from './services'
import { SuccessView } from './SuccessView'
import type { OfflinePrefill } from './offline/offline-model'
import { useDeactivation } from './use-deactivation'
import type { AppError } from '../../shared/errors'

interface FormMount {
  /** A new key mounts a fresh form, filled from `values`. */
  key: number
  focus?: InitialFocus
  errors?: FieldErrors
}

/** Where "Try again" sends the person, and what it marks, for an error from the engine. */
function retryTarget(error: AppError, method: FormValues['method']): Omit<FormMount, 'key'> {
  if (error.code === 'hardware_id_unavailable') {
    return { focus: 'hardwareIdOverride', errors: { hardwareIdOverride: HARDWARE_REQUIRED_MESSAGE } }
  }
  // The message points to the override: the seat is active under another hardware id.
  if (error.code === 'device_not_found') return { focus: 'hardwareIdOverride' }
  const field = error.family === 'input' ? formFieldFor(error.field) : undefined
  if (field !== undefined) return { focus: field, errors: { [field]: fieldMessage(error) } }
  return { focus: method === 'user' ? 'password' : 'submit' }
}

/** What the offline form can take over from a failed online attempt (no password, no token). */
function offlinePrefillFrom(values: FormValues): OfflinePrefill {
  const prefill: OfflinePrefill = { product: values.product, hardwareIdOverride: values.hardwareIdOverride }
  if (values.method === 'user') return { ...prefill, method: 'user', username: values.username }
  return values.method === 'license-key' ? { ...prefill, method: 'license-key', licenseKey: values.licenseKey } : prefill
}

interface DeactivatorProps {
  appInfo: AppInfo
  /** Opens the "This PC has no internet" path, filled from the failed attempt. */
  onWriteOffline?: (prefill: OfflinePrefill) => void
}

export function Deactivator({ appInfo, onWriteOffline }: DeactivatorProps) {
  const { api, storage } = useServices()
  const hardware = useHardwareReading()
  const deactivation = useDeactivation()
  const [values, setValues] = useState<FormValues>(() =>
    initialValues({ product: appInfo.defaultProduct, customerAccountCode: appInfo.defaultCustomerAccount }, loadRememberedFields(storage))
  )
  const [formMount, setFormMount] = useState<FormMount>({ key: 0 })
  const [confirming, setConfirming] = useState<PreparedAttempt | null>(null)
  const [attempt, setAttempt] = useState<PreparedAttempt | null>(null)
  /** "Use another account" was chosen: the next browser sign-in asks the provider for a fresh one. */
  const [freshSignIn, setFreshSignIn] = useState(false)

  const submit = (prepared: PreparedAttempt, submitted: FormValues) => {
    if (deactivation.busy) return
    setValues(valuesForRetry(submitted))
    setConfirming(prepared)
  }
  const confirm = () => {
    if (confirming === null) return
    setConfirming(null)
    const started: PreparedAttempt =
      confirming.kind === 'sso' && freshSignIn ? { ...confirming, input: { ...confirming.input, freshSignIn: true } } : confirming
    if (!deactivation.start(started)) return
    setFreshSignIn(false)
    setAttempt(started)
    rememberFields(storage, { product: values.product, customerAccountCode: values.customerAccountCode, method: values.method })
  }
  const remount = (next: Omit<FormMount, 'key'>) => {
    deactivation.reset()
    setAttempt(null)
    setFormMount((mount) => ({ key: mount.key + 1, ...next }))
  }
  // A helpdesk link only fills fields in: the person still checks them and submits.
  const prefill = usePrefill(deactivation.busy, (filled) => {
    setConfirming(null)
    setValues((current) => ({
      ...valuesForNext(current),
      ...(filled.product !== undefined ? { product: filled.product } : {}),
      ...(filled.method !== undefined ? { method: filled.method } : {}),
      ...(filled.account !== undefined ? { customerAccountCode: filled.account } : {})
    }))
    remount({ focus: 'first-control' })
  })

  const result = deactivation.result
  if (result && attempt) {
    const thisPc = hardware.status === 'ready' ? hardware.info : null
    const diagnostics = () => buildDiagnostics({ app: appInfo, attempt, outcome: result.outcome, at: result.at, reference: result.reference, thisPc })
    if (result.outcome.ok) {
      const onNext = () => {
        setValues(valuesForNext(values))
        remount({ focus: 'first-control' })
      }
      return (
        <SuccessView
          result={result.outcome.value}
          overridden={attempt.hardware.source === 'override'}
          reference={result.reference}
          diagnostics={diagnostics}
          onNext={onNext}
        />
      )
    }
    const error = result.outcome.error
    // A transport failure (the network family) may mean this PC is offline, unless its cause shows the network works.
    const offer = error.family === 'network' && error.networkWorks !== true && onWriteOffline ? () => onWriteOffline(offlinePrefillFrom(values)) : undefined
    return (
      <ErrorView
        error={error}
        reference={result.reference}
        diagnostics={diagnostics}
        onRetry={() => remount(retryTarget(error, values.method))}
        onUseAnotherAccount={
          attempt.kind === 'sso'
            ? () => {
                setFreshSignIn(true)
                remount({ focus: 'submit' })
              }
            : undefined
        }
        onWriteOffline={offer}
        ssoAttempt={attempt.kind === 'sso' || attempt.method === 'sso-token'}
      />
    )
  }

  return (
    <>
      {prefill}
      <DeactivationForm
        key={formMount.key}
        defaultValues={values}
        hardware={hardware}
        busy={deactivation.busy}
        ssoBusy={deactivation.busy && attempt?.kind === 'sso'}
        progress={deactivation.progress}
        initialFocus={formMount.focus}
        initialErrors={formMount.errors}
        onSubmit={submit}
        onCancelSso={() => void api.cancelSso().catch(() => undefined)}
      />
      {confirming && <ConfirmDialog attempt={confirming} onConfirm={confirm} onCancel={() => setConfirming(null)} />}
    </>
  )
}
