import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import { flushSync } from 'react-dom'
import { useForm, useWatch, type FieldErrors as FormErrors, type Resolver } from 'react-hook-form'
import type { SsoProgress } from '../../shared/api'
import { browserGrant, FIELD_ORDER, type FieldErrors, type FormField, type FormValues, type HardwareReading, type PreparedAttempt } from './form-model'
import { FIELD_HINTS } from './field-hints'
import { loadFormCheck } from './later/chunks'
import { useErrorsReworded } from './i18n/use-errors-reworded'
import { HardwareIdPanel } from './HardwareIdPanel'
import { MethodChoice, MethodChooser } from './MethodChooser'
import { ProgressPanel } from './ProgressPanel'
import { TextField } from './TextField'
import { useWarmUp } from './use-warm-up'
import { t } from '../../shared/i18n/current'

export type InitialFocus = 'first-control' | 'submit' | FormField

interface DeactivationFormProps {
  defaultValues: FormValues
  hardware: HardwareReading
  busy: boolean
  /** The running attempt signs in through the browser. */
  ssoBusy: boolean
  progress: SsoProgress | null
  initialFocus?: InitialFocus | undefined
  initialErrors?: FieldErrors | undefined
  onSubmit: (attempt: PreparedAttempt, values: FormValues) => void
  onCancelSso: () => void
}

/** Field errors for react-hook-form; a form-level error is reported by onValid instead (RHF drops root errors on submit). */
function toFormErrors(errors: FieldErrors): FormErrors<FormValues> {
  const out: FormErrors<FormValues> = {}
  for (const field of FIELD_ORDER) {
    const message = errors[field]
    if (message !== undefined) out[field] = { type: 'validate', message }
  }
  return out
}

export function DeactivationForm(props: DeactivationFormProps) {
  const { hardware, busy } = props
  const hardwareRef = useRef(hardware)
  // The resolver reads the latest hardware id when the form is validated, not when it rendered.
  useLayoutEffect(() => {
    hardwareRef.current = hardware
  })
  const formRef = useRef<HTMLFormElement>(null)
  const advancedRef = useRef<HTMLDetailsElement>(null)
  const submitRef = useRef<HTMLButtonElement>(null)
  const formErrorRef = useRef<HTMLParagraphElement>(null)
  const [hardwareOpen, setHardwareOpen] = useState(props.initialFocus === 'hardwareIdOverride')

  const resolver: Resolver<FormValues> = async (values) => {
    const { prepareAttempt } = await loadFormCheck()
    const prepared = prepareAttempt(values, hardwareRef.current)
    const errors = prepared.ok ? {} : toFormErrors(prepared.errors)
    return Object.keys(errors).length === 0 ? { values, errors: {} } : { values: {}, errors }
  }
  const form = useForm<FormValues>({
    defaultValues: props.defaultValues,
    resolver,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    shouldFocusError: false
  })
  const { register, handleSubmit, control, formState, setError, setFocus, clearErrors } = form
  useErrorsReworded(form)
  const { errors } = formState
  const [method, idTokenViaBrowser, override, product] = useWatch({ control, name: ['method', 'idTokenViaBrowser', 'hardwareIdOverride', 'product'] })
  useWarmUp(product)
  const viaBrowser = browserGrant({ method, idTokenViaBrowser }) !== null

  const focusField = (field: FormField) => {
    if (field === 'licenseId' && advancedRef.current) advancedRef.current.open = true
    if (field === 'hardwareIdOverride') flushSync(() => setHardwareOpen(true))
    setFocus(field)
  }

  const licenseIdError = errors.licenseId?.message
  useEffect(() => {
    if (licenseIdError !== undefined && advancedRef.current) advancedRef.current.open = true
  }, [licenseIdError])

  useEffect(() => {
    if ((props.defaultValues.licenseId !== '' || props.defaultValues.method === 'sso-token') && advancedRef.current) advancedRef.current.open = true
    for (const [field, message] of Object.entries(props.initialErrors ?? {})) {
      setError(field === 'form' ? 'root.form' : (field as FormField), { type: 'server', message })
    }
    const focus = props.initialFocus
    if (focus === 'first-control') formRef.current?.querySelector<HTMLInputElement>('input[name="method"]:checked')?.focus()
    else if (focus === 'submit') submitRef.current?.focus()
    else if (focus !== undefined) focusField(focus)
    // eslint-disable-next-line react-hooks/exhaustive-deps -- runs once, when a retry or a fresh start mounts the form
  }, [])

  const onValid = async (values: FormValues) => {
    if (busy) return
    const { prepareAttempt } = await loadFormCheck()
    const prepared = prepareAttempt(values, hardwareRef.current)
    if (prepared.ok) props.onSubmit(prepared.attempt, values)
    else {
      setError('root.form', { type: 'validate', message: prepared.errors.form ?? t('window.form.check-input') })
      requestAnimationFrame(() => formErrorRef.current?.focus())
    }
  }
  const onInvalid = (invalid: FormErrors<FormValues>) => {
    const first = FIELD_ORDER.find((field) => invalid[field] !== undefined)
    if (first !== undefined) focusField(first)
  }

  const fieldError = (field: FormField) => errors[field]?.message
  const textProps = (field: FormField) => ({ registration: register(field), error: fieldError(field) })

  return (
    <form ref={formRef} className="card" aria-labelledby="form-heading" noValidate onSubmit={(event) => void handleSubmit(onValid, onInvalid)(event)}>
      {/* The task bar's "Deactivate online" already says it on screen; the heading names the form. */}
      <h2 id="form-heading" className="visually-hidden">
        {t('window.form.heading')}
      </h2>
      <fieldset className="plain" disabled={busy}>
        <MethodChooser registration={register('method', { onChange: () => clearErrors() })} />
        <TextField id="field-product" label={t('window.field.product')} hint={FIELD_HINTS.product} {...textProps('product')} />

        {method === 'license-key' && (
          <TextField id="field-license-key" label={t('window.field.license-key')} hint={FIELD_HINTS.licenseKey} monospace {...textProps('licenseKey')} />
        )}
        {method === 'user' && (
          <div className="field-pair">
            <TextField id="field-username" label={t('window.field.username')} hint={FIELD_HINTS.username} autoComplete="username" {...textProps('username')} />
            <TextField
              id="field-password"
              label={t('window.field.password')}
              hint={FIELD_HINTS.password}
              type="password"
              autoComplete="current-password"
              {...textProps('password')}
            />
          </div>
        )}
        {(method === 'sso-code' || method === 'sso-token') && (
          <TextField
            id="field-customer-account-code"
            label={t('window.field.customer-account-code')}
            hint={FIELD_HINTS.customerAccountCode}
            {...textProps('customerAccountCode')}
          />
        )}
        {method === 'sso-token' && (
          <>
            {!idTokenViaBrowser && (
              <TextField
                id="field-id-token"
                label={t('window.field.id-token')}
                multiline
                monospace
                hint={t('window.field.id-token.hint')}
                {...textProps('idToken')}
              />
            )}
            <div className="check">
              <input type="checkbox" id="field-id-token-via-browser" {...register('idTokenViaBrowser', { onChange: () => clearErrors('idToken') })} />
              <label htmlFor="field-id-token-via-browser">{t('window.field.id-token-via-browser')}</label>
            </div>
          </>
        )}

        <HardwareIdPanel
          reading={hardware}
          override={override}
          registration={register('hardwareIdOverride')}
          error={fieldError('hardwareIdOverride')}
          open={hardwareOpen}
          onOpen={() => focusField('hardwareIdOverride')}
        />

        <details className="advanced" ref={advancedRef}>
          <summary>{t('window.form.advanced')}</summary>
          <MethodChoice method="sso-token" registration={register('method', { onChange: () => clearErrors() })} />
          <TextField
            id="field-license-id"
            label={t('window.field.license-id')}
            inputMode="numeric"
            hint={t('window.field.license-id.hint')}
            {...textProps('licenseId')}
          />
        </details>
      </fieldset>

      {errors.root?.form?.message && (
        <p className="form-error" role="alert" tabIndex={-1} ref={formErrorRef}>
          {errors.root.form.message}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button-primary" ref={submitRef} disabled={busy} aria-busy={busy || undefined}>
          {viaBrowser ? t('window.form.submit.sign-in') : t('window.form.submit.deactivate')}
        </button>
      </div>
      <ProgressPanel busy={busy} sso={props.ssoBusy} progress={props.progress} onCancelSso={props.onCancelSso} />
    </form>
  )
}
