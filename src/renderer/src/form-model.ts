import type { AppError } from '../../shared/errors'
import type { DeactivateInput, HardwareIdInfo, SsoDeactivateInput, SsoGrant } from '../../shared/api'
import type { Credentials, DeactivationRequest, LoginMethod } from '../../shared/request'
import { FIELD_LABELS, validateDeactivation, type DeactivationInput } from '../../shared/validation'
import type { RememberedFields } from './remembered-fields'

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

export type HardwareReading =
  | { status: 'loading' }
  | { status: 'ready'; info: HardwareIdInfo }
  | { status: 'unavailable'; error: AppError }

/** The hardware id a request carries, and why. */
export type SentHardwareId = HardwareIdInfo

export type PreparedAttempt =
  | { kind: 'direct'; method: LoginMethod; hardware: SentHardwareId; input: DeactivateInput }
  | { kind: 'sso'; method: LoginMethod; hardware: SentHardwareId; input: SsoDeactivateInput }

export type PrepareResult = { ok: true; attempt: PreparedAttempt } | { ok: false; errors: FieldErrors }

export const OVERRIDE_DESCRIPTION = 'Typed into the hardware id override'
export const HARDWARE_LOADING_MESSAGE = 'This PC’s hardware id is still being read. Wait a moment, or enter a hardware id override.'
export const HARDWARE_REQUIRED_MESSAGE = 'This PC’s hardware id could not be read, so a hardware id override is required.'

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

type ValidationField = keyof DeactivationInput

/** Values that pass validation, standing in for a field already reported or filled in later by the browser sign-in. */
const STAND_IN: Record<ValidationField, string> = {
  product: 'x',
  hardwareId: 'x',
  licenseId: '1',
  licenseKey: 'x',
  username: 'x',
  password: 'x',
  idToken: 'x',
  code: 'x',
  customerAccountCode: 'x'
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
export const formFieldFor = (field: string | undefined): FormField | undefined =>
  field === undefined ? undefined : FORM_FIELD_OF[field]

const NOTHING_SENT = / Nothing was sent\.$/
export const fieldMessage = (error: AppError): string => error.explanation.replace(NOTHING_SENT, '')

/** At most one round per validated field, plus one to confirm. */
const MAX_ROUNDS = Object.keys(STAND_IN).length + 1

/**
 * Checks the form with the engine's own rules (validateDeactivation) and reports every field at
 * fault, not just the first: each reported field is replaced by a valid stand-in and checked again.
 */
export function prepareAttempt(values: FormValues, hardware: HardwareReading): PrepareResult {
  const errors: FieldErrors = {}
  const override = values.hardwareIdOverride !== ''
  const input: Partial<Record<ValidationField, string>> = { product: values.product }
  if (values.licenseId !== '') input.licenseId = values.licenseId
  if (override) input.hardwareId = values.hardwareIdOverride
  else if (hardware.status === 'ready') input.hardwareId = hardware.info.id
  else {
    errors.hardwareIdOverride = hardware.status === 'loading' ? HARDWARE_LOADING_MESSAGE : HARDWARE_REQUIRED_MESSAGE
    input.hardwareId = STAND_IN.hardwareId
  }
  const typed = typedCredentialFields(values)
  for (const field of typed) input[field] = values[field]
  const grant = browserGrant(values)
  if (grant === 'code') input.code = STAND_IN.code
  if (grant === 'token') input.idToken = STAND_IN.idToken

  for (let round = 0; round < MAX_ROUNDS; round++) {
    const outcome = validateDeactivation(input)
    if (outcome.ok) {
      if (Object.keys(errors).length > 0) return { ok: false, errors }
      const pcId = hardware.status === 'ready' ? hardware.info : null
      return { ok: true, attempt: toAttempt(outcome.value, values, grant, override ? null : pcId) }
    }
    const { field } = outcome.error
    const missing = field === 'credentials' ? typed.filter((f) => values[f] === '') : []
    const targets: string[] = field === 'credentials' ? missing : [field ?? '']
    const formFields = targets.map(formFieldFor)
    if (targets.length === 0 || formFields.some((f) => f === undefined)) {
      errors.form = fieldMessage(outcome.error)
      return { ok: false, errors }
    }
    targets.forEach((target, i) => {
      const formField = formFields[i] as FormField
      errors[formField] ??= field === 'credentials' ? `${FIELD_LABELS[target as ValidationField]} is required.` : fieldMessage(outcome.error)
      input[target as ValidationField] = STAND_IN[target as ValidationField]
    })
  }
  errors.form ??= 'Check what you entered.'
  return { ok: false, errors }
}

function toAttempt(request: DeactivationRequest, values: FormValues, grant: SsoGrant | null, pcId: HardwareIdInfo | null): PreparedAttempt {
  const hardware: SentHardwareId = pcId ?? { id: request.hardwareId, source: 'override', description: OVERRIDE_DESCRIPTION }
  const common: Pick<DeactivateInput, 'product' | 'hardwareId' | 'licenseId'> = { product: request.product }
  if (pcId === null) common.hardwareId = request.hardwareId
  if (request.licenseId !== undefined) common.licenseId = String(request.licenseId)
  const credentials = request.credentials
  if (grant !== null) {
    const customerAccountCode = 'customerAccountCode' in credentials ? credentials.customerAccountCode : ''
    return { kind: 'sso', method: values.method, hardware, input: { ...common, customerAccountCode, grant } }
  }
  return { kind: 'direct', method: values.method, hardware, input: { ...common, ...credentialInput(credentials) } }
}

function credentialInput(credentials: Credentials): Partial<DeactivateInput> {
  switch (credentials.method) {
    case 'license-key':
      return { licenseKey: credentials.licenseKey }
    case 'user':
      return { username: credentials.username, password: credentials.password }
    case 'sso-token':
      return { idToken: credentials.idToken, customerAccountCode: credentials.customerAccountCode }
    case 'sso-code':
      return { customerAccountCode: credentials.customerAccountCode }
  }
}
