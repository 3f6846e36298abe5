import { useQueryClient } from '@tanstack/react-query'
import { useRef, useState } from 'react'
import { usePrefill } from './use-prefill'
import type { AppInfo } from '../../shared/api'
import type { UserLicencesRequestInput } from '../../shared/licences-on-pc'
import type { LicenceChoices } from './ConfirmDialog'
import { DeactivationForm, type InitialFocus } from './DeactivationForm'
import { laterPart } from './later/later-part'
import { loadDiagnostics, loadedDiagnostics } from './later/chunks'
import {
  fieldMessage,
  focusAfterPrefill,
  formFieldFor,
  hardwareRequiredMessage,
  initialValues,
  valuesForNext,
  valuesForRetry,
  valuesWithPrefill,
  type FieldErrors,
  type FormPrefill,
  type FormValues,
  type PreparedAttempt
} from './form-model'
import { lastPcCheck, seatCheckOf } from './kept-answers'
import { useHardwareReading } from './queries'
import { loadRememberedFields, rememberFields } from './remembered-fields'
import { useServices } from './services'
import type { OfflinePrefill } from './offline/offline-model'
import { useDeactivation } from './use-deactivation'
import type { AppError } from '../../shared/errors'
import { t } from '../../shared/i18n/current'

/** What follows a click on "Deactivate": its own chunks, loaded once the form is drawn and the window is idle. */
const ConfirmDialog = laterPart(() => import('./ConfirmDialog').then((m) => m.ConfirmDialog))
const SuccessView = laterPart(() => Promise.all([import('./SuccessView'), loadDiagnostics()]).then(([m]) => m.SuccessView))
const ErrorView = laterPart(() => Promise.all([import('./ErrorView'), loadDiagnostics()]).then(([m]) => m.ErrorView))

/** Loads what follows a click on "Deactivate" ahead of need. */
export const preloadResults = (): Promise<unknown> => Promise.all([ConfirmDialog.preload(), SuccessView.preload(), ErrorView.preload()])

interface FormMount {
  /** A new key mounts a fresh form, filled from `values`. */
  key: number
  focus?: InitialFocus
  errors?: FieldErrors
}

/** Where "Try again" sends the person, and what it marks, for an error from the engine. */
function retryTarget(error: AppError, method: FormValues['method']): Omit<FormMount, 'key'> {
  if (error.code === 'hardware_id_unavailable') {
    return { focus: 'hardwareIdOverride', errors: { hardwareIdOverride: hardwareRequiredMessage() } }
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
  /** "Deactivate…" in "Licences on this PC" chose this licence: the form starts filled in for it. */
  prefill?: FormPrefill | undefined
  /** Opens "Licences on this PC", for the override the attempt used (absent: this PC). */
  onShowPcLicences?: (override?: string) => void
}

/** The user's licences of the bundle are asked for when a username and password deactivate without a licence id. */
function licenceLookup(prepared: PreparedAttempt): UserLicencesRequestInput | null {
  if (prepared.kind !== 'direct' || prepared.input.licenseId !== undefined) return null
  const { credentials, product, hardwareId } = prepared.input
  if (credentials.method !== 'user') return null
  return { product, credentials, ...(hardwareId === undefined ? {} : { hardwareId }) }
}

const overrideOf = (attempt: PreparedAttempt): string | undefined => (attempt.hardware.source === 'override' ? attempt.hardware.id : undefined)

/** The message's choice of what the person still has to do after "Deactivate…" filled the form in. */
const PREFILL_NEXT: Record<FormPrefill['method'], string> = {
  'license-key': 'licence_key',
  user: 'user',
  'sso-code': 'sso_code',
  'sso-token': 'sso_token'
}

export function Deactivator({ appInfo, onWriteOffline, prefill: fromView, onShowPcLicences }: DeactivatorProps) {
  const { api, storage } = useServices()
  const queryClient = useQueryClient()
  const hardware = useHardwareReading()
  const deactivation = useDeactivation()
  const [values, setValues] = useState<FormValues>(() => {
    const start = initialValues({ product: appInfo.defaultProduct, customerAccountCode: appInfo.defaultCustomerAccount }, loadRememberedFields(storage))
    return fromView ? valuesWithPrefill(start, fromView) : start
  })
  const [formMount, setFormMount] = useState<FormMount>(() => (fromView ? { key: 0, focus: focusAfterPrefill(fromView) } : { key: 0 }))
  const [confirming, setConfirming] = useState<PreparedAttempt | null>(null)
  const [choices, setChoices] = useState<LicenceChoices | null>(null)
  /** Which lookup of the user's licences is current: an answer for an earlier one is dropped. */
  const lookups = useRef(0)
  const [attempt, setAttempt] = useState<PreparedAttempt | null>(null)
  /** "Use another account" was chosen: the next browser sign-in asks the provider for a fresh one. */
  const [freshSignIn, setFreshSignIn] = useState(false)

  const submit = (prepared: PreparedAttempt, submitted: FormValues) => {
    if (deactivation.busy) return
    setValues(valuesForRetry(submitted))
    setConfirming(prepared)
    const lookup = licenceLookup(prepared)
    const asked = ++lookups.current
    setChoices(lookup === null ? null : { status: 'asking' })
    if (lookup === null) return
    // Only a choice among several licences changes the dialog; any failure leaves it as it is (the deactivation will say what is wrong).
    const answered = (next: LicenceChoices | null) => {
      if (lookups.current === asked) setChoices(next)
    }
    api.getUserLicences(lookup).then(
      (answer) => answered(answer.ok && answer.value.licences.length > 1 ? { status: 'ready', licences: answer.value.licences } : null),
      () => answered(null)
    )
  }
  const cancelConfirm = () => {
    lookups.current++
    setChoices(null)
    setConfirming(null)
  }
  const confirm = (licenseId?: number) => {
    if (confirming === null) return
    lookups.current++
    setChoices(null)
    setConfirming(null)
    const picked: PreparedAttempt =
      licenseId !== undefined && confirming.kind === 'direct' ? { ...confirming, input: { ...confirming.input, licenseId } } : confirming
    const started: PreparedAttempt = picked.kind === 'sso' && freshSignIn ? { ...picked, input: { ...picked.input, freshSignIn: true } } : picked
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
    cancelConfirm()
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
    // The result views load the diagnostics' chunk with their own.
    const diagnostics = () =>
      loadedDiagnostics().buildDiagnostics({
        app: appInfo,
        attempt,
        outcome: result.outcome,
        at: result.at,
        reference: result.reference,
        thisPc,
        pcCheck: lastPcCheck(queryClient),
        seatCheck: result.outcome.ok ? seatCheckOf(queryClient, result.outcome.value) : null,
        log: result.log
      })
    const showPcLicences = onShowPcLicences ? () => onShowPcLicences(overrideOf(attempt)) : undefined
    if (result.outcome.ok) {
      const onNext = () => {
        setValues(valuesForNext(values))
        remount({ focus: 'first-control' })
      }
      return (
        <SuccessView.Component
          fallback={null}
          result={result.outcome.value}
          overridden={attempt.hardware.source === 'override'}
          reference={result.reference}
          diagnostics={diagnostics}
          onNext={onNext}
          onShowPcLicences={showPcLicences}
        />
      )
    }
    const error = result.outcome.error
    // A transport failure (the network family) may mean this PC is offline, unless its cause shows the network works.
    const offer = error.family === 'network' && error.networkWorks !== true && onWriteOffline ? () => onWriteOffline(offlinePrefillFrom(values)) : undefined
    return (
      <ErrorView.Component
        fallback={null}
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
        onSeeWhatIsActive={error.code === 'device_not_found' ? showPcLicences : undefined}
        ssoAttempt={attempt.kind === 'sso' || attempt.method === 'sso-token'}
        logsButton
      />
    )
  }

  return (
    <>
      {prefill}
      {fromView && formMount.key === 0 && (
        <p className="notice" role="status">
          {t('window.prefill.from-view', { method: PREFILL_NEXT[fromView.method], bundle: fromView.product, licence: fromView.licenceWords })}
        </p>
      )}
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
      {confirming && <ConfirmDialog.Component fallback={null} attempt={confirming} choices={choices} onConfirm={confirm} onCancel={cancelConfirm} />}
    </>
  )
}
