import { t } from './i18n/current'
import * as z from 'zod/mini'
import { fields, licenseIdField } from './request-fields'

/*
 * The deactivation request: the one definition of a valid request. The form checks what was
 * typed with it, the IPC handler checks the window's payload with it, the engine checks every
 * caller's request with it, and the CLI and request files build on its parts.
 */

const licenseKeyCredentials = z.strictObject({ method: z.literal('license-key'), licenseKey: fields.licenseKey })
const userCredentials = z.strictObject({ method: z.literal('user'), username: fields.username, password: fields.password })
const ssoTokenCredentials = z.strictObject({ method: z.literal('sso-token'), idToken: fields.idToken, customerAccountCode: fields.customerAccountCode })
/** `redirectUri`: the redirect URI the code was issued for; the License API redeems the code with it. */
const ssoCodeCredentials = z.strictObject({
  method: z.literal('sso-code'),
  code: fields.code,
  customerAccountCode: fields.customerAccountCode,
  redirectUri: z.optional(fields.redirectUri)
})

const NO_METHOD = () => t('common.request.no-method')

export const credentialsSchema = z.discriminatedUnion('method', [licenseKeyCredentials, userCredentials, ssoTokenCredentials, ssoCodeCredentials], {
  error: NO_METHOD
})

/** Where the request goes and for which PC; absent hardware id → this PC's. */
const target = {
  /** The bundle's short code. */
  product: fields.product,
  /** A helpdesk override; absent → this PC's id. */
  hardwareId: z.optional(fields.hardwareId),
  /** Picks one licence when a user has several. */
  licenseId: z.optional(licenseIdField)
}

/** A deactivation request: the bundle, optionally the PC and the licence, and one set of credentials. */
export const deactivationRequestSchema = z.strictObject({ ...target, credentials: credentialsSchema })

/** A browser sign-in, then a deactivation with what it yields: the request without its credentials yet. */
export const ssoSignInRequestSchema = z.strictObject({
  ...target,
  customerAccountCode: fields.customerAccountCode,
  grant: z.enum(['code', 'token'], { error: () => t('common.request.grant') }),
  /** "Use another account": the provider asks for a fresh sign-in (`prompt=login`) instead of reusing its session. */
  freshSignIn: z.optional(z.boolean({ error: () => t('common.request.fresh-sign-in') }))
})

/** A request file's credentials are missing: the licence key or the username is asked for. */
export const noOfflineCredentials = (): string => t('common.request.no-offline-credentials')

/** A request file for a PC without internet: a licence key, or a username without a password (a file never holds one). */
export const offlineRequestSchema = z.strictObject({
  product: fields.product,
  hardwareId: z.optional(fields.hardwareId),
  credentials: z.discriminatedUnion('method', [licenseKeyCredentials, z.strictObject({ method: z.literal('user'), username: fields.username })], {
    error: noOfflineCredentials
  })
})

export type Credentials = z.output<typeof credentialsSchema>
/** The four ways a person proves they may deactivate the bundle licence. */
export type LoginMethod = Credentials['method']
/** A checked deactivation request (identifiers trimmed, the licence id a number). */
export type DeactivationRequest = z.output<typeof deactivationRequestSchema>
/** A deactivation request as a caller sends it, before the schema checks it (the licence id may still be text). */
export type DeactivationRequestInput = z.input<typeof deactivationRequestSchema>
export type SsoSignInRequest = z.output<typeof ssoSignInRequestSchema>
export type SsoSignInRequestInput = z.input<typeof ssoSignInRequestSchema>
/** `code` is the authorization-code grant; `token` the implicit grant (ID token). */
export type SsoGrant = SsoSignInRequest['grant']
export type OfflineRequest = z.output<typeof offlineRequestSchema>
export type OfflineCredentials = OfflineRequest['credentials']
/** Login methods a request file can carry; the SSO methods need the identity provider online. */
export type OfflineLoginMethod = OfflineCredentials['method']

/** A request ready for the wire: the hardware id is known. */
export type ResolvedRequest = DeactivationRequest & { hardwareId: string }

/** The JSON body of POST /api/v4/deactivate_bundle (and activate_bundle). */
export interface BundleRequestBody {
  hardware_id: string
  product: string
  license_key?: string
  username?: string
  password?: string
  id_token?: string
  code?: string
  customer_account_code?: string
  redirect_uri?: string
  license_id?: number
  sdk_ver?: string
}
