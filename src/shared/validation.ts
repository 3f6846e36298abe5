import * as z from 'zod/mini'
import { hasControlCharacters } from './control-characters'
import { describeError } from './errors'
import { failure, success, type Outcome } from './outcome'
import type { Credentials, DeactivationRequest } from './request'

/** A flat form of the request, as a form, the CLI or IPC provides it. */
export interface DeactivationInput {
  product?: unknown
  hardwareId?: unknown
  licenseId?: unknown
  licenseKey?: unknown
  username?: unknown
  password?: unknown
  idToken?: unknown
  code?: unknown
  customerAccountCode?: unknown
}

export const FIELD_LIMITS = {
  product: 128,
  hardwareId: 256,
  licenseKey: 256,
  username: 320,
  password: 1024,
  idToken: 16384,
  code: 4096,
  customerAccountCode: 128
} as const

export const FIELD_LABELS: Record<keyof DeactivationInput, string> = {
  product: 'Bundle code',
  hardwareId: 'Hardware id',
  licenseId: 'Licence id',
  licenseKey: 'Licence key',
  username: 'Username',
  password: 'Password',
  idToken: 'ID token',
  code: 'Sign-in code',
  customerAccountCode: 'Customer account code'
}

export type TextField = keyof typeof FIELD_LIMITS

const text = (field: TextField) =>
  z.string({ error: `${FIELD_LABELS[field]} is required.` }).check(
    z.refine((v) => v.trim().length > 0, `${FIELD_LABELS[field]} is required.`),
    z.refine((v) => v.length <= FIELD_LIMITS[field], `${FIELD_LABELS[field]} is longer than ${FIELD_LIMITS[field]} characters.`),
    z.refine((v) => !hasControlCharacters(v), `${FIELD_LABELS[field]} contains control characters.`)
  )

/** Identifiers are sent as typed, minus surrounding spaces; passwords are sent exactly. */
const trimmed = (field: TextField) => z.pipe(text(field), z.transform((v: string) => v.trim()))

/** One schema per field, built once: identifiers trimmed, the password kept exactly. */
const FIELD_SCHEMAS = Object.fromEntries(
  (Object.keys(FIELD_LIMITS) as TextField[]).map((field) => [field, field === 'password' ? text(field) : trimmed(field)])
) as Record<TextField, ReturnType<typeof text> | ReturnType<typeof trimmed>>

/** One text field by the same rules as a full request (identifiers trimmed); the error names the field. */
export function validateTextField(field: TextField, value: unknown): Outcome<string> {
  const parsed = FIELD_SCHEMAS[field].safeParse(value)
  return parsed.success ? success(parsed.data) : firstIssue(parsed, field)
}

const WHOLE_NUMBER = 'Licence id must be a whole number.'
const licenseId = z.pipe(
  z.union([z.number(), z.pipe(z.string().check(z.trim(), z.regex(/^\d+$/, WHOLE_NUMBER)), z.transform(Number))], {
    error: WHOLE_NUMBER
  }),
  z.number().check(
    z.refine(Number.isInteger, WHOLE_NUMBER),
    z.positive('Licence id must be a positive number.'),
    z.maximum(Number.MAX_SAFE_INTEGER, 'Licence id is too large.')
  )
)

const CREDENTIAL_SETS = {
  'license-key': ['licenseKey'],
  user: ['username', 'password'],
  'sso-token': ['idToken', 'customerAccountCode'],
  'sso-code': ['code', 'customerAccountCode']
} as const
const CREDENTIAL_FIELDS = ['licenseKey', 'username', 'password', 'idToken', 'code', 'customerAccountCode'] as const

const present = (v: unknown) => v !== undefined && v !== null && !(typeof v === 'string' && v === '')

function invalid(field: string, message: string): Outcome<never> {
  return failure(describeError('invalid_input', { field, explanation: `${message} Nothing was sent.` }))
}

function firstIssue(result: { error: { issues: readonly { message: string }[] } }, field: string): Outcome<never> {
  return invalid(field, result.error.issues[0]?.message ?? `${field} is not valid.`)
}

/** Decides which credential set the input carries; mixed or absent sets are errors. */
function pickMethod(input: DeactivationInput): Outcome<Credentials['method']> {
  const given = CREDENTIAL_FIELDS.filter((f) => present(input[f]))
  if (given.length === 0) {
    return invalid('credentials', 'Give a licence key, a username and password, or a company sign-in.')
  }
  const matches = (Object.keys(CREDENTIAL_SETS) as Credentials['method'][]).filter((m) => {
    const set: readonly string[] = CREDENTIAL_SETS[m]
    return given.every((f) => set.includes(f)) && (m !== 'sso-token' || given.includes('idToken')) && (m !== 'sso-code' || given.includes('code'))
  })
  if (matches.length === 1) return success(matches[0]!)
  if (given.length === 1 && given[0] === 'customerAccountCode') {
    return invalid('credentials', 'A customer account code needs an ID token or a sign-in code with it.')
  }
  return invalid('credentials', `Use one login method at a time; these fields belong to different methods: ${given.map((f) => FIELD_LABELS[f]).join(', ')}.`)
}

/** Checks a request before any network call. The typed error names the field at fault. */
export function validateDeactivation(raw: unknown): Outcome<DeactivationRequest> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return invalid('request', 'The request is not an object.')
  const input = raw as DeactivationInput

  const product = FIELD_SCHEMAS.product.safeParse(input.product)
  if (!product.success) return firstIssue(product, 'product')
  const hardwareId = FIELD_SCHEMAS.hardwareId.safeParse(input.hardwareId)
  if (!hardwareId.success) return firstIssue(hardwareId, 'hardwareId')

  let parsedLicenseId: number | undefined
  if (present(input.licenseId)) {
    const id = licenseId.safeParse(input.licenseId)
    if (!id.success) return firstIssue(id, 'licenseId')
    parsedLicenseId = id.data
  }

  const method = pickMethod(input)
  if (!method.ok) return method
  const fields: readonly TextField[] = CREDENTIAL_SETS[method.value]
  const values: Partial<Record<TextField, string>> = {}
  for (const field of fields) {
    const parsed = FIELD_SCHEMAS[field].safeParse(input[field])
    if (!parsed.success) return firstIssue(parsed, field)
    values[field] = parsed.data
  }

  const credentials = buildCredentials(method.value, values)
  const request: DeactivationRequest = { product: product.data, hardwareId: hardwareId.data, credentials }
  if (parsedLicenseId !== undefined) request.licenseId = parsedLicenseId
  return success(request)
}

function buildCredentials(method: Credentials['method'], v: Partial<Record<TextField, string>>): Credentials {
  const get = (f: TextField) => v[f] as string
  switch (method) {
    case 'license-key':
      return { method, licenseKey: get('licenseKey') }
    case 'user':
      return { method, username: get('username'), password: get('password') }
    case 'sso-token':
      return { method, idToken: get('idToken'), customerAccountCode: get('customerAccountCode') }
    case 'sso-code':
      return { method, code: get('code'), customerAccountCode: get('customerAccountCode') }
  }
}
