import { useLayoutEffect, useRef, useState } from 'react'
import { flushSync } from 'react-dom'
import { useForm, useWatch, type FieldErrors as FormErrors, type Resolver } from 'react-hook-form'
import type { OfflineRequest } from '../../../shared/request'
import type { HardwareReading } from '../form-model'
import { useErrorsReworded } from '../i18n/use-errors-reworded'
import { FIELD_HINTS } from '../field-hints'
import { HardwareIdPanel } from '../HardwareIdPanel'
import { TextField } from '../TextField'
import { t } from '../../../shared/i18n/current'
import { OFFLINE_FIELD_ORDER, prepareOfflineRequest, type OfflineFormValues } from './offline-model'

interface OfflineRequestFormProps {
  defaultValues: OfflineFormValues
  hardware: HardwareReading
  busy: boolean
  onSubmit: (input: OfflineRequest, values: OfflineFormValues) => void
}

/** Writes a request file for a PC without internet: licence key or username only. */
export function OfflineRequestForm({ defaultValues, hardware, busy, onSubmit }: OfflineRequestFormProps) {
  const hardwareRef = useRef(hardware)
  // The resolver reads the latest hardware id when the form is validated, not when it rendered.
  useLayoutEffect(() => {
    hardwareRef.current = hardware
  })
  const resolver: Resolver<OfflineFormValues> = (values) => {
    const prepared = prepareOfflineRequest(values, hardwareRef.current)
    if (prepared.ok) return { values, errors: {} }
    const errors: FormErrors<OfflineFormValues> = {}
    for (const field of OFFLINE_FIELD_ORDER) {
      const message = prepared.errors[field]
      if (message !== undefined) errors[field] = { type: 'validate', message }
    }
    return { values: {}, errors }
  }
  const form = useForm<OfflineFormValues>({
    defaultValues,
    resolver,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    shouldFocusError: false
  })
  const { register, handleSubmit, control, formState, setFocus, clearErrors } = form
  useErrorsReworded(form)
  const { errors } = formState
  const [method, override] = useWatch({ control, name: ['method', 'hardwareIdOverride'] })

  const onValid = (values: OfflineFormValues) => {
    if (busy) return
    const prepared = prepareOfflineRequest(values, hardwareRef.current)
    if (prepared.ok) onSubmit(prepared.input, values)
  }
  const [hardwareOpen, setHardwareOpen] = useState(false)
  const focusField = (field: keyof OfflineFormValues) => {
    if (field === 'hardwareIdOverride') flushSync(() => setHardwareOpen(true))
    setFocus(field)
  }
  const onInvalid = (invalid: FormErrors<OfflineFormValues>) => {
    const first = OFFLINE_FIELD_ORDER.find((field) => invalid[field] !== undefined)
    if (first !== undefined) focusField(first)
  }
  const methodRegistration = register('method', { onChange: () => clearErrors() })
  const textProps = (field: keyof OfflineFormValues) => ({ registration: register(field), error: errors[field]?.message })

  return (
    <form className="card" aria-labelledby="offline-heading" noValidate onSubmit={(event) => void handleSubmit(onValid, onInvalid)(event)}>
      <h2 id="offline-heading">{t('views.offline.heading')}</h2>
      <p className="lead hint">{t('views.offline.lead')}</p>
      <fieldset className="plain" disabled={busy}>
        <fieldset className="methods">
          <legend>{t('window.method.legend')}</legend>
          <div className="method">
            <input type="radio" id="offline-method-license-key" value="license-key" {...methodRegistration} />
            <label htmlFor="offline-method-license-key">{t('common.method-choice.license-key')}</label>
          </div>
          <div className="method">
            <input type="radio" id="offline-method-user" value="user" aria-describedby="offline-method-user-hint" {...methodRegistration} />
            <label htmlFor="offline-method-user">{t('views.offline.method.user')}</label>
            <span id="offline-method-user-hint" className="hint method-hint">
              {t('views.offline.method.user.hint')}
            </span>
          </div>
        </fieldset>
        <details className="notice offline-sso-note">
          <summary>{t('views.offline.sso-note.summary')}</summary>
          <p>{t('views.offline.sso-note')}</p>
        </details>
        <TextField id="offline-field-product" label={t('window.field.product')} hint={t('views.offline.product.hint')} {...textProps('product')} />
        {method === 'license-key' && (
          <TextField
            id="offline-field-license-key"
            label={t('window.field.license-key')}
            hint={FIELD_HINTS.licenseKey}
            monospace
            {...textProps('licenseKey')}
          />
        )}
        {method === 'user' && <TextField id="offline-field-username" label={t('window.field.username')} autoComplete="username" {...textProps('username')} />}
        <HardwareIdPanel
          reading={hardware}
          override={override}
          registration={register('hardwareIdOverride')}
          error={errors.hardwareIdOverride?.message}
          open={hardwareOpen}
          onOpen={() => focusField('hardwareIdOverride')}
        />
      </fieldset>
      <div className="actions">
        <button type="submit" className="button-primary" disabled={busy} aria-busy={busy || undefined}>
          {t('views.offline.save')}
        </button>
      </div>
      {busy && (
        <p role="status" className="progress">
          {t('views.offline.saving')}
        </p>
      )}
    </form>
  )
}
