import * as z from 'zod/mini'
import { hasControlCharacters } from './control-characters'
import { t, type MessageKey } from './i18n/current'

/** The longest value each field of a request may hold. */
export const FIELD_LIMITS = {
  product: 128,
  hardwareId: 256,
  licenseKey: 256,
  username: 320,
  password: 1024,
  idToken: 16384,
  code: 4096,
  customerAccountCode: 128,
  redirectUri: 2048
} as const

export type TextField = keyof typeof FIELD_LIMITS

type LabelledField = TextField | 'licenseId' | 'credentials' | 'request'

const LABEL_KEYS = {
  product: 'errors.field.product',
  hardwareId: 'errors.field.hardware-id',
  licenseId: 'errors.field.licence-id',
  licenseKey: 'errors.field.licence-key',
  username: 'errors.field.username',
  password: 'errors.field.password',
  idToken: 'errors.field.id-token',
  code: 'errors.field.code',
  customerAccountCode: 'errors.field.customer-account-code',
  redirectUri: 'errors.field.redirect-uri',
  credentials: 'errors.field.credentials',
  request: 'errors.field.request'
} as const satisfies Record<LabelledField, MessageKey>

/** Every field of a request, by the name a person sees, in the language spoken when it is read. */
export const FIELD_LABELS: Readonly<Record<LabelledField, string>> = Object.defineProperties(
  {},
  Object.fromEntries(Object.entries(LABEL_KEYS).map(([field, key]) => [field, { enumerable: true, get: () => t(key) }]))
) as Record<LabelledField, string>

const text = (field: TextField) =>
  z.string({ error: () => t('errors.field.required', { field: FIELD_LABELS[field] }) }).check(
    z.refine((v) => v.trim().length > 0, { error: () => t('errors.field.required', { field: FIELD_LABELS[field] }) }),
    z.refine((v) => v.length <= FIELD_LIMITS[field], { error: () => t('errors.field.too-long', { field: FIELD_LABELS[field], limit: FIELD_LIMITS[field] }) }),
    z.refine((v) => !hasControlCharacters(v), { error: () => t('errors.field.control-characters', { field: FIELD_LABELS[field] }) })
  )

/** Identifiers are sent as typed, minus surrounding spaces; passwords are sent exactly. */
const trimmed = (field: TextField) =>
  z.pipe(
    text(field),
    z.transform((v: string) => v.trim())
  )

const REDIRECT_URI = { error: () => t('errors.field.redirect-uri.invalid') }

/** One schema per text field: identifiers trimmed, the password kept exactly. */
export const fields = {
  product: trimmed('product'),
  hardwareId: trimmed('hardwareId'),
  licenseKey: trimmed('licenseKey'),
  username: trimmed('username'),
  password: text('password'),
  idToken: trimmed('idToken'),
  code: trimmed('code'),
  customerAccountCode: trimmed('customerAccountCode'),
  /** The redirect URI a code obtained elsewhere was issued for: an http(s) address. */
  redirectUri: z.string(REDIRECT_URI).check(z.refine((v) => v.length <= FIELD_LIMITS.redirectUri && /^https?:\/\//i.test(v) && URL.canParse(v), REDIRECT_URI))
}

const WHOLE_NUMBER = { error: () => t('errors.field.licence-id.whole-number') }

/** A licence id, as a number or as the digits a person typed. */
export const licenseIdField = z.pipe(
  z.union([z.number(), z.pipe(z.string().check(z.trim(), z.regex(/^\d+$/, WHOLE_NUMBER)), z.transform(Number))], WHOLE_NUMBER),
  z
    .number()
    .check(
      z.refine(Number.isInteger, WHOLE_NUMBER),
      z.positive({ error: () => t('errors.field.licence-id.positive') }),
      z.maximum(Number.MAX_SAFE_INTEGER, { error: () => t('errors.field.licence-id.too-large') })
    )
)
