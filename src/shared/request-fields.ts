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

/** The fields a problem can name: the text fields, the licence id, the login method and the request as a whole. */
export type FieldName = TextField | 'licenseId' | 'credentials' | 'request'

const LABEL_KEYS = {
  product: 'common.field.product',
  hardwareId: 'common.field.hardware-id',
  licenseId: 'common.field.licence-id',
  licenseKey: 'common.field.licence-key',
  username: 'common.field.username',
  password: 'common.field.password',
  idToken: 'common.field.id-token',
  code: 'common.field.code',
  customerAccountCode: 'common.field.customer-account-code',
  redirectUri: 'common.field.redirect-uri',
  credentials: 'common.field.credentials',
  request: 'common.field.request'
} as const satisfies Record<FieldName, MessageKey>

/** A field of a request, by the name a person sees. */
export const fieldLabel = (field: FieldName): string => t(LABEL_KEYS[field])

/** "Hardware id is longer than 256 characters.": the one wording of a value over its field's limit. */
export const tooLong = (field: TextField): string => t('common.field.too-long', { field: fieldLabel(field), limit: FIELD_LIMITS[field] })

/*
 * The schemas' messages are worded when a value is checked (each is a function), so they are in
 * the language spoken then, not in the one of the moment the module was loaded.
 */
const required = (field: TextField) => () => t('common.field.required', { field: fieldLabel(field) })

/* A schema's own `error` words every problem of its checks that has none of its own. */
const text = (field: TextField) =>
  z.string({ error: required(field) }).check(
    z.refine((v) => v.trim().length > 0),
    z.refine((v) => v.length <= FIELD_LIMITS[field], { error: () => tooLong(field) }),
    z.refine((v) => !hasControlCharacters(v), { error: () => t('common.field.control-characters', { field: fieldLabel(field) }) })
  )

/** Identifiers are sent as typed, minus surrounding spaces; passwords are sent exactly. */
const trimmed = (field: TextField) =>
  z.pipe(
    text(field),
    z.transform((v: string) => v.trim())
  )

const REDIRECT_URI = () => t('common.field.redirect-uri.invalid')

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
  redirectUri: z.string({ error: REDIRECT_URI }).check(z.refine((v) => v.length <= FIELD_LIMITS.redirectUri && /^https?:\/\//i.test(v) && URL.canParse(v)))
}

const WHOLE_NUMBER = () => t('common.field.licence-id.whole-number')

/** A licence id, as a number or as the digits a person typed. */
export const licenseIdField = z.pipe(
  z.union([z.number(), z.pipe(z.string().check(z.trim(), z.regex(/^\d+$/)), z.transform(Number))], {
    error: WHOLE_NUMBER
  }),
  z
    .number()
    .check(
      z.refine(Number.isInteger, { error: WHOLE_NUMBER }),
      z.positive({ error: () => t('common.field.licence-id.positive') }),
      z.maximum(Number.MAX_SAFE_INTEGER, { error: () => t('common.field.licence-id.too-large') })
    )
)
