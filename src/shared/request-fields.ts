import * as z from 'zod/mini'
import { hasControlCharacters } from './control-characters'

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

/** Every field of a request, by the name a person sees. */
export const FIELD_LABELS: Record<TextField | 'licenseId' | 'credentials' | 'request', string> = {
  product: 'Bundle code',
  hardwareId: 'Hardware id',
  licenseId: 'Licence id',
  licenseKey: 'Licence key',
  username: 'Username',
  password: 'Password',
  idToken: 'ID token',
  code: 'Sign-in code',
  customerAccountCode: 'Customer account code',
  redirectUri: 'Redirect URI',
  credentials: 'Login method',
  request: 'Request'
}

const text = (field: TextField) =>
  z.string({ error: `${FIELD_LABELS[field]} is required.` }).check(
    z.refine((v) => v.trim().length > 0, `${FIELD_LABELS[field]} is required.`),
    z.refine((v) => v.length <= FIELD_LIMITS[field], `${FIELD_LABELS[field]} is longer than ${FIELD_LIMITS[field]} characters.`),
    z.refine((v) => !hasControlCharacters(v), `${FIELD_LABELS[field]} contains control characters.`)
  )

/** Identifiers are sent as typed, minus surrounding spaces; passwords are sent exactly. */
const trimmed = (field: TextField) =>
  z.pipe(
    text(field),
    z.transform((v: string) => v.trim())
  )

const REDIRECT_URI = 'The redirect URI must be the http(s) address the sign-in returned to.'

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
  redirectUri: z
    .string({ error: REDIRECT_URI })
    .check(z.refine((v) => v.length <= FIELD_LIMITS.redirectUri && /^https?:\/\//i.test(v) && URL.canParse(v), REDIRECT_URI))
}

const WHOLE_NUMBER = 'Licence id must be a whole number.'

/** A licence id, as a number or as the digits a person typed. */
export const licenseIdField = z.pipe(
  z.union([z.number(), z.pipe(z.string().check(z.trim(), z.regex(/^\d+$/, WHOLE_NUMBER)), z.transform(Number))], {
    error: WHOLE_NUMBER
  }),
  z
    .number()
    .check(
      z.refine(Number.isInteger, WHOLE_NUMBER),
      z.positive('Licence id must be a positive number.'),
      z.maximum(Number.MAX_SAFE_INTEGER, 'Licence id is too large.')
    )
)
