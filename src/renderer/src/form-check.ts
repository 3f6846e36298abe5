import type { Credentials, DeactivationRequest, SsoSignInRequest } from '../../shared/request'
import { deactivationRequestSchema, ssoSignInRequestSchema } from '../../shared/request'
import { requestIssues } from '../../shared/validation'
import {
  browserGrant,
  formFieldFor,
  hardwareLoadingMessage,
  hardwareRequiredMessage,
  overrideDescription,
  type FieldErrors,
  type FormValues,
  type HardwareReading,
  type PrepareResult,
  type SentHardwareId
} from './form-model'

/*
 * The form's check with the request schema: its own chunk (with the schema library), loaded
 * when the form is first checked or the window is idle, not before the form is drawn.
 */

/** The credentials the chosen method's fields spell, as typed (the schema trims and checks them); none when the browser sign-in yields them. */
function typedCredentials(values: FormValues): Credentials | undefined {
  switch (values.method) {
    case 'license-key':
      return { method: 'license-key', licenseKey: values.licenseKey }
    case 'user':
      return { method: 'user', username: values.username, password: values.password }
    case 'sso-token':
      return values.idTokenViaBrowser ? undefined : { method: 'sso-token', idToken: values.idToken, customerAccountCode: values.customerAccountCode }
    case 'sso-code':
      return undefined
  }
}

/**
 * Checks the form with the request schema the engine uses, and reports every field at fault at
 * once: a direct request with its credentials, or a browser sign-in (its code or token comes later).
 */
export function prepareAttempt(values: FormValues, hardware: HardwareReading): PrepareResult {
  const errors: FieldErrors = {}
  const override = values.hardwareIdOverride !== ''
  let hardwareId: string | undefined
  if (override) hardwareId = values.hardwareIdOverride
  else if (hardware.status === 'ready') hardwareId = hardware.info.id
  else errors.hardwareIdOverride = hardware.status === 'loading' ? hardwareLoadingMessage() : hardwareRequiredMessage()
  const target = {
    product: values.product,
    ...(hardwareId === undefined ? {} : { hardwareId }),
    ...(values.licenseId === '' ? {} : { licenseId: values.licenseId })
  }
  const grant = browserGrant(values)
  const parsed =
    grant === null
      ? deactivationRequestSchema.safeParse({ ...target, credentials: typedCredentials(values) })
      : ssoSignInRequestSchema.safeParse({ ...target, customerAccountCode: values.customerAccountCode, grant })
  if (!parsed.success) {
    for (const issue of requestIssues(parsed.error.issues)) {
      const field = formFieldFor(issue.field)
      if (field === undefined) errors.form ??= issue.message
      else errors[field] ??= issue.message
    }
  }
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors }
  const sent: SentHardwareId =
    !override && hardware.status === 'ready' ? hardware.info : { id: parsed.data.hardwareId ?? '', source: 'override', description: overrideDescription() }
  // This PC's own id is left for the engine to read; only an override travels with the request.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- dropped from the request on purpose
  const { hardwareId: _checked, ...withoutPcId } = parsed.data
  const input = override ? parsed.data : withoutPcId
  return {
    ok: true,
    attempt:
      grant === null
        ? { kind: 'direct', method: values.method, hardware: sent, input: input as DeactivationRequest }
        : { kind: 'sso', method: values.method, hardware: sent, input: input as SsoSignInRequest }
  }
}
