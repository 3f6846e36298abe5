import { accept, MESSAGES, refuse, reject, type Answer } from './refusal'

/** The credential set of an activate/deactivate call (exactly one per request). */
export type BundleCredential =
  | { kind: 'license-key'; licenseKey: string }
  /** Password absent: deactivation when the seed's behaviour ignores it (the SDKs send the username alone). */
  | { kind: 'user'; username: string; password?: string | undefined }
  | { kind: 'sso-token'; idToken: string; customerAccountCode: string }
  /** `redirectUri`: the redirect URI the client says the code was issued for (the node SDK's `redirect_uri`). */
  | { kind: 'sso-code'; code: string; customerAccountCode: string; redirectUri?: string }

export type BundleAction = 'activate' | 'deactivate'

export interface BundleCall {
  action: BundleAction
  hardwareId: string
  product: string
  licenseId?: number | undefined
  credential: BundleCredential
}

/** What the seed's behaviour decides about bodies. */
export interface BundleBodyRules {
  /** Deactivation by username needs the password too (the seed page's type); false: the username alone. */
  deactivationPasswordRequired: boolean
  /** Hardware ids answered as missing (sandbox-only setting). */
  hardwareIdsTreatedAsMissing: ReadonlySet<string>
}

/** The seed's default behaviour: the password is checked, no hardware id is treated as missing. */
export const DEFAULT_BODY_RULES: BundleBodyRules = { deactivationPasswordRequired: true, hardwareIdsTreatedAsMissing: new Set() }

type FieldRule =
  { type: 'string'; max: number; mayBeEmpty?: true } | { type: 'url'; max: number } | { type: 'integer' } | { type: 'boolean' } | { type: 'object' }

const text = (max: number): FieldRule => ({ type: 'string', max })
/** Device metadata: an SDK that cannot tell (e.g. no VM info) sends an empty string. */
const metadata = (max: number): FieldRule => ({ type: 'string', max, mayBeEmpty: true })

/**
 * Fields of both bodies: the seed page's type, the device metadata and `variables` that the docs
 * and the official SDKs send (license-api.md §4–§5), and the SDK's `redirect_uri` with a code.
 */
const COMMON_FIELDS: Record<string, FieldRule> = {
  hardware_id: text(1024),
  product: text(128),
  license_key: text(256),
  username: text(320),
  password: text(1024),
  id_token: text(16384),
  code: text(4096),
  customer_account_code: text(128),
  redirect_uri: { type: 'url', max: 2048 },
  license_id: { type: 'integer' },
  sdk_ver: metadata(256),
  is_vm: { type: 'boolean' },
  vm_info: metadata(1024),
  os_ver: metadata(256),
  hostname: metadata(256),
  os_hostname: metadata(256),
  ip: metadata(64),
  ip_local: metadata(64),
  app_ver: metadata(256),
  mac_address: metadata(64),
  variables: { type: 'object' }
}

/** deactivate_bundle also takes `bundle_code` (the node SDK's deactivate schema). */
const DEACTIVATION_FIELDS: Record<string, FieldRule> = { ...COMMON_FIELDS, bundle_code: text(128) }

const TYPE_NAMES = {
  string: 'a string',
  url: 'an absolute http(s) URL',
  integer: 'an integer',
  boolean: 'a boolean',
  object: 'an object'
} as const

function checkField(name: string, value: unknown, rule: FieldRule): string | null {
  switch (rule.type) {
    case 'string':
      if (typeof value !== 'string') return `Field "${name}" must be ${TYPE_NAMES.string}`
      if (value.trim() === '' && !rule.mayBeEmpty) return `Field "${name}" must not be empty`
      if (value.length > rule.max) return `Field "${name}" must be at most ${rule.max} characters`
      return null
    case 'url': {
      if (typeof value !== 'string') return `Field "${name}" must be ${TYPE_NAMES.string}`
      if (value.length > rule.max) return `Field "${name}" must be at most ${rule.max} characters`
      const url = URL.canParse(value) ? new URL(value) : undefined
      return url && (url.protocol === 'http:' || url.protocol === 'https:') ? null : `Field "${name}" must be ${TYPE_NAMES.url}`
    }
    case 'integer':
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) return `Field "${name}" must be ${TYPE_NAMES.integer}`
      if (value <= 0) return `Field "${name}" must be a positive integer`
      return null
    case 'boolean':
      return typeof value === 'boolean' ? null : `Field "${name}" must be ${TYPE_NAMES.boolean}`
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value) ? null : `Field "${name}" must be ${TYPE_NAMES.object}`
  }
}

const CREDENTIAL_SETS = 'license_key; username and password; id_token and customer_account_code; or code and customer_account_code'

/**
 * Parses and validates an activate/deactivate body: the intent of the seed page's type —
 * exactly one credential set, hardware_id and product required, nothing unknown.
 * `null` counts as absent.
 */
export function readBundleBody(raw: string, action: BundleAction, rules: BundleBodyRules = DEFAULT_BODY_RULES): Answer<BundleCall> {
  if (raw.trim() === '') return reject(refuse('missing_parameters', MESSAGES.missing_parameters(['hardware_id', 'product'])))
  let body: unknown
  try {
    body = JSON.parse(raw)
  } catch {
    return reject(refuse('invalid_json', 'The request body is not valid JSON'))
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return reject(refuse('validation_error', 'The request body must be a JSON object'))

  const known = action === 'activate' ? COMMON_FIELDS : DEACTIVATION_FIELDS
  const fields = Object.create(null) as Record<string, unknown>
  const unknown: string[] = []
  for (const [name, value] of Object.entries(body)) {
    if (!Object.prototype.hasOwnProperty.call(known, name)) unknown.push(name)
    else if (value !== null) fields[name] = value
  }
  if (unknown.length > 0) return reject(refuse('validation_error', `Unknown field${unknown.length > 1 ? 's' : ''}: ${unknown.map((n) => `"${n}"`).join(', ')}`))

  const hardwareId = fields['hardware_id']
  if (hardwareId === undefined || (typeof hardwareId === 'string' && hardwareId.trim() === ''))
    return reject(refuse('missing_hardware_id', MESSAGES.missing_hardware_id))
  for (const name in fields) {
    const problem = checkField(name, fields[name], known[name]!)
    if (problem) return reject(refuse('validation_error', problem))
  }
  if (rules.hardwareIdsTreatedAsMissing.has(hardwareId as string)) return reject(refuse('missing_hardware_id', MESSAGES.missing_hardware_id))
  if (!('product' in fields)) return reject(refuse('missing_parameters', MESSAGES.missing_parameters(['product'])))

  const passwordRequired = action === 'activate' || rules.deactivationPasswordRequired
  const credential = pickCredential(fields as Record<string, string | undefined>, passwordRequired)
  if (!credential.ok) return credential
  return accept({
    action,
    hardwareId: fields['hardware_id'] as string,
    product: fields['product'] as string,
    licenseId: fields['license_id'] as number | undefined,
    credential: credential.value
  })
}

function pickCredential(f: Record<string, string | undefined>, passwordRequired: boolean): Answer<BundleCredential> {
  const leads = (['license_key', 'username', 'id_token', 'code'] as const).filter((name) => f[name] !== undefined)
  if (leads.length > 1) return reject(refuse('validation_error', `Send exactly one credential set, not ${leads.join(' and ')} together`))
  const stray = (allowed: readonly string[]) =>
    (['password', 'customer_account_code', 'redirect_uri'] as const).filter((name) => f[name] !== undefined && !allowed.includes(name))
  const mixed = (lead: string, extra: string[]) =>
    reject(refuse('validation_error', `Field "${extra[0]}" does not belong with "${lead}": send exactly one credential set`))

  const lead = leads[0]
  if (lead === undefined) {
    if (f['password'] !== undefined) return reject(refuse('missing_parameters', MESSAGES.missing_parameters(['username'])))
    if (f['customer_account_code'] !== undefined || f['redirect_uri'] !== undefined)
      return reject(refuse('missing_parameters', MESSAGES.missing_parameters(['id_token or code'])))
    return reject(refuse('missing_parameters', `${MESSAGES.missing_parameters(['credentials'])} (send ${CREDENTIAL_SETS})`))
  }
  switch (lead) {
    case 'license_key': {
      const extra = stray([])
      return extra.length > 0 ? mixed('license_key', extra) : accept({ kind: 'license-key', licenseKey: f['license_key']! })
    }
    case 'username': {
      const extra = stray(['password'])
      if (extra.length > 0) return mixed('username', extra)
      if (f['password'] === undefined && passwordRequired) return reject(refuse('missing_parameters', MESSAGES.missing_parameters(['password'])))
      return accept({ kind: 'user', username: f['username']!, ...(passwordRequired ? { password: f['password'] } : {}) })
    }
    case 'id_token':
    case 'code': {
      const extra = stray(lead === 'code' ? ['customer_account_code', 'redirect_uri'] : ['customer_account_code'])
      if (extra.length > 0) return mixed(lead, extra)
      const account = f['customer_account_code']
      if (account === undefined) return reject(refuse('missing_parameters', MESSAGES.missing_parameters(['customer_account_code'])))
      const redirectUri = f['redirect_uri']
      return accept(
        lead === 'code'
          ? { kind: 'sso-code', code: f['code']!, customerAccountCode: account, ...(redirectUri === undefined ? {} : { redirectUri }) }
          : { kind: 'sso-token', idToken: f['id_token']!, customerAccountCode: account }
      )
    }
  }
}

/** The call as a server that drops `redirect_uri` would run it: a code is then redeemed with the registered redirect URI. */
export function withoutRedirectUri(call: BundleCall): BundleCall {
  if (call.credential.kind !== 'sso-code' || call.credential.redirectUri === undefined) return call
  const { code, customerAccountCode } = call.credential
  return { ...call, credential: { kind: 'sso-code', code, customerAccountCode } }
}
