import type { AppError, NothingDone } from '../../shared/errors'
import type { HardwareIdInfo } from '../../shared/api'
import type { BundleOnPc } from '../../shared/licences-on-pc'
import type { DeactivationRequest, LoginMethod, SsoGrant, SsoSignInRequest } from '../../shared/request'
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

const NOTHING_DONE: readonly NothingDone[] = ['sent', 'written', 'changed']

/**
 * An input error's problem alone, to show beside its field: the explanation without the
 * sentence saying nothing was sent (as the catalogue words it in the window's language, which the
 * main process speaks too).
 */
export function fieldMessage(error: AppError): string {
  for (const nothing of NOTHING_DONE) {
    const tail = t('errors.invalid_input.with-problem.explanation', { problem: '', nothing })
    if (tail.trim() !== '' && error.explanation.endsWith(tail)) return error.explanation.slice(0, -tail.length).trimEnd()
  }
  return error.explanation
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
