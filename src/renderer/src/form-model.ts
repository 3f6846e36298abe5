import type { AppError } from '../../shared/errors'
import type { HardwareIdInfo } from '../../shared/api'
import type { BundleOnPc } from '../../shared/licences-on-pc'
import {
  deactivationRequestSchema,
  ssoSignInRequestSchema,
  type Credentials,
  type DeactivationRequest,
  type LoginMethod,
  type SsoGrant,
  type SsoSignInRequest
} from '../../shared/request'
import { requestIssues } from '../../shared/validation'
import type { RememberedFields } from './remembered-fields'
import { t } from '../../shared/i18n/current'

export const LOGIN_METHODS: readonly LoginMethod[] = ['license-key', 'user', 'sso-code', 'sso-token']

export interface FormValues {
  method: LoginMethod
  product: string
  licenseKey: string
  username: string
  password: string
  customerAccountCode: string
  idToken: string
  /** With the ID-token method: let the browser sign-in fetch the token instead of pasting one. */
  idTokenViaBrowser: boolean
  hardwareIdOverride: string
  licenseId: string
}

export type FormField = Exclude<keyof FormValues, 'method' | 'idTokenViaBrowser'>
export type FieldErrors = Partial<Record<FormField | 'form', string>>

/** The order fields appear in on screen: the first error in this order receives focus. */
export const FIELD_ORDER: readonly FormField[] = [
  'product',
  'licenseKey',
  'username',
  'password',
  'customerAccountCode',
  'idToken',
  'hardwareIdOverride',
  'licenseId'
]

export type HardwareReading = { status: 'loading' } | { status: 'ready'; info: HardwareIdInfo } | { status: 'unavailable'; error: AppError }

/** The hardware id a request carries, and why. */
export type SentHardwareId = HardwareIdInfo

export type PreparedAttempt =
  | { kind: 'direct'; method: LoginMethod; hardware: SentHardwareId; input: DeactivationRequest }
  | { kind: 'sso'; method: LoginMethod; hardware: SentHardwareId; input: SsoSignInRequest }

export type PrepareResult = { ok: true; attempt: PreparedAttempt } | { ok: false; errors: FieldErrors }

export const overrideDescription = (): string => t('window.hardware.override.typed')
export const hardwareLoadingMessage = (): string => t('window.hardware.still-reading')
export const hardwareRequiredMessage = (): string => t('window.hardware.unreadable')

/** Credentials and PC-specific fields: empty at start and after each deactivation. */
const BLANK_ATTEMPT_FIELDS = {
  licenseKey: '',
  username: '',
  password: '',
  idToken: '',
  idTokenViaBrowser: false,
  hardwareIdOverride: '',
  licenseId: ''
} as const satisfies Partial<FormValues>

export function initialValues(defaults: { product: string; customerAccountCode: string }, remembered: RememberedFields): FormValues {
  return {
    method: remembered.method ?? 'license-key',
    product: remembered.product ?? defaults.product,
    customerAccountCode: remembered.customerAccountCode ?? defaults.customerAccountCode,
    ...BLANK_ATTEMPT_FIELDS
  }
}

/** The values a retry starts from: everything as typed, except the password. */
export const valuesForRetry = (values: FormValues): FormValues => ({ ...values, password: '' })

/** The values a fresh deactivation starts from: no credentials, no PC-specific override. */
export const valuesForNext = (values: FormValues): FormValues => ({ ...values, ...BLANK_ATTEMPT_FIELDS })

/** Which grant the browser sign-in uses, or null when no browser is involved. */
export function browserGrant(values: Pick<FormValues, 'method' | 'idTokenViaBrowser'>): SsoGrant | null {
  if (values.method === 'sso-code') return 'code'
  if (values.method === 'sso-token' && values.idTokenViaBrowser) return 'token'
  return null
}

type TypedCredential = 'licenseKey' | 'username' | 'password' | 'idToken' | 'customerAccountCode'

/** The credential fields the person types for the chosen method. */
export function typedCredentialFields(values: Pick<FormValues, 'method' | 'idTokenViaBrowser'>): readonly TypedCredential[] {
  switch (values.method) {
    case 'license-key':
      return ['licenseKey']
    case 'user':
      return ['username', 'password']
    case 'sso-code':
      return ['customerAccountCode']
    case 'sso-token':
      return values.idTokenViaBrowser ? ['customerAccountCode'] : ['customerAccountCode', 'idToken']
  }
}

const FORM_FIELD_OF: Partial<Record<string, FormField>> = {
  product: 'product',
  hardwareId: 'hardwareIdOverride',
  licenseId: 'licenseId',
  licenseKey: 'licenseKey',
  username: 'username',
  password: 'password',
  idToken: 'idToken',
  customerAccountCode: 'customerAccountCode'
}

/** The form field an engine or validation error names, if it is one of ours. */
export const formFieldFor = (field: string | undefined): FormField | undefined => (field === undefined ? undefined : FORM_FIELD_OF[field])

const NOTHING_SENT = / Nothing was sent\.$/
export const fieldMessage = (error: AppError): string => error.explanation.replace(NOTHING_SENT, '')

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

/** What "Deactivate…" in "Licences on this PC" fills in: the bundle, the login method, the licence and, for a user, who. */
export interface FormPrefill {
  product: string
  method: LoginMethod
  licenseId: string
  username?: string
  customerAccountCode?: string
  /** The hardware id the view checked, when it was not this PC's. */
  hardwareIdOverride?: string
  /** The licence as the view named it ("licence key ••••-USE"): the notice above the form repeats it. */
  licenceWords: string
}

/** The bundle's licence as the form takes it: a key licence by its key, a customer account's user by company sign-in, another user by username. */
export function prefillFromBundle(bundle: BundleOnPc, licenceWords: string, override?: string): FormPrefill {
  const base = {
    product: bundle.bundle,
    licenseId: String(bundle.licenceId),
    licenceWords,
    ...(override === undefined ? {} : { hardwareIdOverride: override })
  }
  const holder = bundle.holder
  if (holder.kind === 'key') return { ...base, method: 'license-key' }
  if (holder.customerAccount !== null) return { ...base, method: 'sso-code', customerAccountCode: holder.customerAccount }
  return { ...base, method: 'user', username: holder.email }
}

/** The form's values with a prefill applied: no credential is carried over from before. */
export function valuesWithPrefill(values: FormValues, prefill: FormPrefill): FormValues {
  return {
    ...valuesForNext(values),
    product: prefill.product,
    method: prefill.method,
    licenseId: prefill.licenseId,
    ...(prefill.username === undefined ? {} : { username: prefill.username }),
    ...(prefill.customerAccountCode === undefined ? {} : { customerAccountCode: prefill.customerAccountCode }),
    ...(prefill.hardwareIdOverride === undefined ? {} : { hardwareIdOverride: prefill.hardwareIdOverride })
  }
}

/** Where the person continues after a prefill: the one thing left to type, or the button. */
export function focusAfterPrefill(prefill: FormPrefill): FormField | 'submit' {
  if (prefill.method === 'license-key') return 'licenseKey'
  if (prefill.method === 'user') return 'password'
  return 'submit'
}
