/** The four ways a person proves they may deactivate the bundle licence. */
export type LoginMethod = 'license-key' | 'user' | 'sso-token' | 'sso-code'

export type Credentials =
  | { method: 'license-key'; licenseKey: string }
  | { method: 'user'; username: string; password: string }
  | { method: 'sso-token'; idToken: string; customerAccountCode: string }
  /** `redirectUri`: the redirect URI the code was issued for; the License API redeems the code with it. */
  | { method: 'sso-code'; code: string; customerAccountCode: string; redirectUri?: string }

/** A validated deactivation request (see validation.ts), before it becomes the wire body. */
export interface DeactivationRequest {
  /** The bundle's short code. */
  product: string
  hardwareId: string
  /** Picks one licence when a user has several. */
  licenseId?: number
  credentials: Credentials
}

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

export const LOGIN_METHOD_LABELS: Record<LoginMethod, string> = {
  'license-key': 'Licence key',
  user: 'Username and password',
  'sso-token': 'Company sign-in with an ID token',
  'sso-code': 'Company sign-in in the browser'
}
