import { deviceLicenceObjects, licenceFields, productDetails, signBody, type ProductIds, type SignedAnswer } from './activation-answer'
import { mayUseProduct, type Principal } from './auth'
import { checkAuthorizationMethod, findCandidates, notFound, resolveProduct, type BundleServiceDeps } from './bundle-service'
import { accept, MESSAGES, refuse, refuseDocumented, reject, type Answer, type Refusal } from './refusal'
import type { BundleCredential } from './request-body'
import type { SeedBehaviour } from './seed'
import type { ResponseSigner } from './signing'
import { licenseRefusal, type StoredLicense } from './store'

/*
 * The License API's documented reads (license-api.md §10), answered from the store: device_licenses,
 * check_bundle, user_licenses, customer_license_users. Each takes only its documented query
 * parameters, each once; answers carry the v2 signature header, and licence objects tied to a
 * device their v1 signature. Nothing here changes a licence.
 */
export type ReadName = 'device_licenses' | 'check_bundle' | 'user_licenses' | 'customer_license_users'

/** Device metadata check_bundle takes (the docs' optional parameters, and the node SDK's `channel`). */
const DEVICE_METADATA = ['env', 'os_ver', 'hostname', 'os_hostname', 'ip', 'ip_local', 'app_ver', 'sdk_ver', 'mac_address', 'channel'] as const

/** Each read's parameters: the docs' pages, and what the official node SDK sends. */
const PARAMETERS: Record<ReadName, readonly string[]> = {
  device_licenses: ['hardware_id'],
  check_bundle: ['hardware_id', 'product', 'license_key', 'username', 'license_id', 'include_expired_features', ...DEVICE_METADATA],
  user_licenses: ['product', 'username', 'password', 'id_token', 'code', 'customer_account_code', 'redirect_uri'],
  customer_license_users: ['product', 'customer', 'bundle_code']
}

/** The longest value of each parameter (as the bodies of the other calls allow). */
const MAX_LENGTH: Record<string, number> = { id_token: 16384, code: 4096, redirect_uri: 2048, password: 1024, hardware_id: 1024, username: 320, customer: 320 }
const DEFAULT_MAX_LENGTH = 256
/** Device metadata may be empty: an SDK that cannot tell sends "". */
const MAY_BE_EMPTY = new Set<string>(DEVICE_METADATA)

export interface ReadDeps extends BundleServiceDeps {
  signer: ResponseSigner
  productId: ProductIds
  now: () => number
  behaviour: Pick<SeedBehaviour, 'hardwareIdsTreatedAsMissing' | 'deviceLicensesWhenNone'>
}

/** The query's values by name, once checked: only known names, each once, none empty or too long. */
type Query = Partial<Record<string, string>>

function readQuery(name: ReadName, params: URLSearchParams): Answer<Query> {
  const known = PARAMETERS[name]
  const names = [...new Set(params.keys())]
  const unknown = names.filter((n) => !known.includes(n))
  if (unknown.length > 0) return reject(refuse('validation_error', MESSAGES.unknown_parameters(unknown)))
  const query: Query = Object.create(null) as Query
  for (const n of names) {
    const values = params.getAll(n)
    if (values.length > 1) return reject(refuse('validation_error', `Parameter "${n}" must be given once`))
    const value = values[0]!
    if (value.trim() === '' && !MAY_BE_EMPTY.has(n)) return reject(refuse('validation_error', `Parameter "${n}" must not be empty`))
    const max = MAX_LENGTH[n] ?? DEFAULT_MAX_LENGTH
    if (value.length > max) return reject(refuse('validation_error', `Parameter "${n}" must be at most ${max} characters`))
    query[n] = value
  }
  return accept(query)
}

const missing = (names: string[]): Refusal => refuse('missing_parameters', MESSAGES.missing_parameters(names))

/** The hardware id, required; one the seed treats as missing is answered as absent. */
function hardwareIdOf(query: Query, deps: ReadDeps): Answer<string> {
  const id = query['hardware_id']
  if (id === undefined || deps.behaviour.hardwareIdsTreatedAsMissing.includes(id)) return reject(refuse('missing_hardware_id', MESSAGES.missing_hardware_id))
  return accept(id)
}

/** The bundle licence objects the device holds through each licence, in store order. */
async function objectsOn(deps: ReadDeps, licences: readonly StoredLicense[], hardwareId: string) {
  const now = deps.now()
  const lists = await Promise.all(
    licences.map((license) => deviceLicenceObjects(deps.signer, { license, hardwareId, timesActivated: license.devices.size }, deps.productId, now))
  )
  return lists.flat()
}

/** GET device_licenses?hardware_id=: every licence the device is active on, whatever its state, that the caller's key may see. */
async function deviceLicenses(deps: ReadDeps, principal: Principal, query: Query): Promise<Answer<SignedAnswer>> {
  const hardwareId = hardwareIdOf(query, deps)
  if (!hardwareId.ok) return hardwareId
  const held = deps.store.licenses().filter((l) => l.devices.has(hardwareId.value) && mayUseProduct(principal, l.bundle.code))
  if (held.length === 0 && deps.behaviour.deviceLicensesWhenNone === 'device_not_found') return reject(refuse('device_not_found', MESSAGES.device_not_found))
  return accept(await signBody(deps.signer, await objectsOn(deps, held, hardwareId.value)))
}

/** GET check_bundle: the bundle licence (by key or username, optionally its id) must be active on the device. */
async function checkBundle(deps: ReadDeps, principal: Principal, query: Query): Promise<Answer<SignedAnswer>> {
  const hardwareId = hardwareIdOf(query, deps)
  if (!hardwareId.ok) return hardwareId
  if (query['product'] === undefined) return reject(missing(['product']))
  const key = query['license_key']
  const username = query['username']
  if (key !== undefined && username !== undefined) return reject(refuse('validation_error', 'Send either license_key or username, not both'))
  if (key === undefined && username === undefined) return reject(missing(['license_key or username']))
  const licenseId = query['license_id']
  if (licenseId !== undefined && !/^[1-9]\d{0,15}$/.test(licenseId))
    return reject(refuse('validation_error', 'Parameter "license_id" must be a positive integer'))
  const expired = query['include_expired_features']
  if (expired !== undefined && expired !== 'true' && expired !== 'false')
    return reject(refuse('validation_error', 'Parameter "include_expired_features" must be true or false'))

  const product = resolveProduct(deps.store, principal, query['product'], { bundleOnly: true })
  if (!product.ok) return product
  const credential: BundleCredential = key !== undefined ? { kind: 'license-key', licenseKey: key } : { kind: 'user', username: username! }
  const method = checkAuthorizationMethod(product.value, credential)
  if (!method.ok) return method
  const candidates = await findCandidates(deps, product.value.code, credential)
  if (!candidates.ok) return candidates
  const wanted = licenseId === undefined ? candidates.value : candidates.value.filter((l) => deps.store.licenseById(Number(licenseId)) === l)
  if (wanted.length === 0) return reject(notFound(credential))
  const license = wanted.find((l) => l.devices.has(hardwareId.value))
  // A check is answered for a device the licence holds; an expired licence is answered too (is_expired says it).
  if (!license) {
    const refusal = licenseRefusal(wanted[0]!, hardwareId.value, Number.NEGATIVE_INFINITY)
    return reject(refusal ?? refuse('device_not_found', MESSAGES.device_not_found))
  }
  const refusal = licenseRefusal(license, hardwareId.value, Number.NEGATIVE_INFINITY)
  if (refusal) return reject(refusal)
  return accept(await signBody(deps.signer, await objectsOn(deps, [license], hardwareId.value)))
}

/** The user object beside each licence of user_licenses. */
const userObject = (license: StoredLicense) => ({
  id: license.user!.id,
  email: license.user!.email,
  first_name: '',
  last_name: '',
  phone_number: '',
  is_initial_password: false,
  max_activations: license.maxActivations,
  total_activations: license.devices.size
})

/** GET user_licenses: a user's licences of a user-based product, after the user's own credentials check out. */
async function userLicenses(deps: ReadDeps, principal: Principal, query: Query): Promise<Answer<SignedAnswer>> {
  if (query['product'] === undefined) return reject(missing(['product']))
  const credential = userCredential(query)
  if (!credential.ok) return credential
  const product = resolveProduct(deps.store, principal, query['product'], { bundleOnly: false })
  if (!product.ok) return product
  if (product.value.authorizationMethod === 'license-key')
    return reject(refuseDocumented('invalid_product_auth_method', 400, MESSAGES.invalid_product_auth_method('license-key')))
  const found = await findCandidates(deps, product.value.code, credential.value)
  if (!found.ok) return found
  const now = deps.now()
  const items = found.value.map((license) => ({
    license: { id: license.id, ...licenceFields(license, license.devices.size, now), product_details: productDetails(license, license.bundle, deps.productId) },
    user: userObject(license)
  }))
  return accept(await signBody(deps.signer, items))
}

/** user_licenses' credential sets: username and password, id_token or code with customer_account_code. */
function userCredential(query: Query): Answer<BundleCredential> {
  const leads = (['username', 'id_token', 'code'] as const).filter((n) => query[n] !== undefined)
  if (leads.length > 1) return reject(refuse('validation_error', `Send exactly one credential set, not ${leads.join(' and ')} together`))
  const account = query['customer_account_code']
  const redirectUri = query['redirect_uri']
  const lead = leads[0]
  if (lead === undefined) return reject(missing(['username and password, id_token or code']))
  switch (lead) {
    case 'username':
      if (account !== undefined || redirectUri !== undefined)
        return reject(refuse('validation_error', 'customer_account_code and redirect_uri belong with id_token or code'))
      if (query['password'] === undefined) return reject(missing(['password']))
      return accept({ kind: 'user', username: query['username']!, password: query['password'] })
    case 'id_token':
    case 'code':
      if (query['password'] !== undefined) return reject(refuse('validation_error', 'password belongs with username'))
      if (account === undefined) return reject(missing(['customer_account_code']))
      if (lead === 'id_token') {
        if (redirectUri !== undefined) return reject(refuse('validation_error', 'redirect_uri belongs with code'))
        return accept({ kind: 'sso-token', idToken: query['id_token']!, customerAccountCode: account })
      }
      if (redirectUri !== undefined && !/^https?:\/\//i.test(redirectUri))
        return reject(refuse('validation_error', 'Parameter "redirect_uri" must be an absolute http(s) URL'))
      return accept({ kind: 'sso-code', code: query['code']!, customerAccountCode: account, ...(redirectUri === undefined ? {} : { redirectUri }) })
  }
}

/** GET customer_license_users: the license users of a customer (by email) on a user-based product. */
async function customerLicenseUsers(deps: ReadDeps, principal: Principal, query: Query): Promise<Answer<SignedAnswer>> {
  const absent = ['product', 'customer'].filter((n) => query[n] === undefined)
  if (absent.length > 0) return reject(missing(absent))
  const product = resolveProduct(deps.store, principal, query['product']!, { bundleOnly: false })
  if (!product.ok) return product
  if (product.value.authorizationMethod === 'license-key')
    return reject(refuseDocumented('invalid_product_auth_method', 400, MESSAGES.invalid_product_auth_method('license-key')))
  const customer = query['customer']!.toLowerCase()
  const licences = deps.store.licensesOfBundle(product.value.code).filter((l) => l.user?.email.toLowerCase() === customer)
  if (licences.length === 0) return reject(refuseDocumented('customer_does_not_exist', 400, MESSAGES.customer_does_not_exist))
  const account = licences[0]!.user!.customerAccount
  const answer = {
    company: { id: 1 },
    customer: {
      email: licences[0]!.user!.email,
      first_name: '',
      last_name: '',
      company_name: '',
      phone: '',
      reference: '',
      address: '',
      postcode: '',
      city: '',
      country: '',
      state: '',
      customer_account: account === undefined ? null : { code: account },
      metadata: {}
    },
    users: licences.map((l) => ({
      email: l.user!.email,
      first_name: '',
      last_name: '',
      phone_number: '',
      is_active: l.enabled && l.active,
      is_initial_password: false,
      initial_password: '',
      license_id: l.id,
      max_activations: l.maxActivations,
      total_activations: l.devices.size,
      order_id: l.id,
      order_store_id: `sandbox-order-${l.id}`
    }))
  }
  return accept(await signBody(deps.signer, answer))
}

const READS: Record<ReadName, (deps: ReadDeps, principal: Principal, query: Query) => Promise<Answer<SignedAnswer>>> = {
  device_licenses: deviceLicenses,
  check_bundle: checkBundle,
  user_licenses: userLicenses,
  customer_license_users: customerLicenseUsers
}

/** Answers one read for an authenticated caller: its query checked first, then the store asked. */
export async function answerRead(deps: ReadDeps, name: ReadName, principal: Principal, rawQuery: string): Promise<Answer<SignedAnswer>> {
  const query = readQuery(name, new URLSearchParams(rawQuery))
  if (!query.ok) return query
  return READS[name](deps, principal, query.value)
}
