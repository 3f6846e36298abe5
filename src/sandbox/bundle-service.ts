import { mayUseProduct, type Principal } from './auth'
import { accept, MESSAGES, refuse, reject, type Answer } from './refusal'
import type { BundleAction, BundleCall, BundleCredential } from './request-body'
import type { SeedProduct } from './seed'
import type { SingleUse } from './single-use'
import type { SsoAuthority } from './sso-authority'
import type { SandboxStore, StoredLicense } from './store'

export interface BundleServiceDeps {
  store: SandboxStore
  /** The identity side, when one is attached. */
  sso: () => SsoAuthority | null
  /** SSO tokens already presented; null when the seed lets a token be presented again. */
  spentTokens: SingleUse | null
}

/** A licence that took part in a call, frozen at the moment of the change. */
export interface BundleOutcome {
  license: StoredLicense
  hardwareId: string
  /** Devices on the licence right after the change. */
  timesActivated: number
}

/** Refuses products the principal may not use, unknown products, non-bundles and unavailable bundles. */
export function resolveProduct(store: SandboxStore, principal: Principal, code: string, { bundleOnly }: { bundleOnly: boolean }): Answer<SeedProduct> {
  if (!mayUseProduct(principal, code)) return reject(refuse('api_key_product_not_allowed', MESSAGES.api_key_product_not_allowed))
  const product = store.product(code)
  if (!product) return reject(refuse('unknown_product', MESSAGES.unknown_product))
  if (bundleOnly && product.kind !== 'bundle') return reject(refuse('product_not_bundle', MESSAGES.product_not_bundle(code)))
  if (product.status === 'disabled') return reject(refuse('disabled_product', MESSAGES.disabled_product))
  if (product.status === 'archived') return reject(refuse('archived_product', MESSAGES.archived_product))
  return accept(product)
}

/** Runs activate_bundle or deactivate_bundle; the store check-and-write happens with no await inside. */
export async function runBundleCall(deps: BundleServiceDeps, principal: Principal, call: BundleCall): Promise<Answer<BundleOutcome>> {
  const product = resolveProduct(deps.store, principal, call.product, { bundleOnly: true })
  if (!product.ok) return product
  const method = checkAuthorizationMethod(product.value, call.credential)
  if (!method.ok) return method
  const candidates = await findCandidates(deps, product.value.code, call.credential)
  if (!candidates.ok) return candidates
  const matching = call.licenseId === undefined ? candidates.value : candidates.value.filter((l) => deps.store.licenseById(call.licenseId!) === l)
  const license = choose(matching, call.action, call.hardwareId)
  if (!license) return reject(notFound(call.credential))

  const changed = call.action === 'activate' ? deps.store.activateDevice(license, call.hardwareId) : deps.store.deactivateDevice(license, call.hardwareId)
  if ('code' in changed) return reject(changed)
  return accept({ license, hardwareId: call.hardwareId, timesActivated: changed.timesActivated })
}

/** A key-based bundle takes only a licence key (license_key_required otherwise). */
export function checkAuthorizationMethod(bundle: SeedProduct, credential: BundleCredential): Answer<null> {
  if (bundle.authorizationMethod === 'license-key' && credential.kind !== 'license-key')
    return reject(refuse('license_key_required', MESSAGES.license_key_required))
  return accept(null)
}

export const notFound = (credential: BundleCredential) =>
  refuse('license_not_found', credential.kind === 'license-key' ? MESSAGES.license_not_found_key : MESSAGES.license_not_found_user)

export async function findCandidates(deps: BundleServiceDeps, bundle: string, credential: BundleCredential): Promise<Answer<readonly StoredLicense[]>> {
  const { store } = deps
  switch (credential.kind) {
    case 'license-key': {
      const license = store.licenseByKey(bundle, credential.licenseKey)
      return license ? accept([license]) : reject(notFound(credential))
    }
    case 'user': {
      const { password } = credential
      const found = store.licensesOfUser(bundle, credential.username).filter((l) => password === undefined || l.user?.password === password)
      return found.length > 0 ? accept(found) : reject(notFound(credential))
    }
    case 'sso-code':
    case 'sso-token': {
      const accountCode = credential.customerAccountCode
      const account = store.customerAccount(accountCode)
      if (!account) return reject(refuse('customer_account_not_found', MESSAGES.customer_account_not_found))
      const authority = deps.sso()
      if (!account.sso?.enabled || !authority) return reject(refuse('sso_not_enabled', MESSAGES.sso_not_enabled))
      if (credential.kind === 'sso-token' && deps.spentTokens && !deps.spentTokens.firstPresentation(credential.idToken))
        return reject(refuse('sso_token_invalid', MESSAGES.sso_token_used))
      const identity = await authority.identify(
        credential.kind === 'sso-code'
          ? { kind: 'code', code: credential.code, ...(credential.redirectUri ? { redirectUri: credential.redirectUri } : {}) }
          : { kind: 'token', token: credential.idToken },
        accountCode
      )
      if (!identity.ok) return reject(identity.refusal)
      const found = store.licensesOfUser(bundle, identity.value.email).filter((l) => l.user?.customerAccount === accountCode)
      return found.length > 0 ? accept(found) : reject(refuse('sso_user_not_found', MESSAGES.sso_user_not_found))
    }
  }
}

/** A user may hold several licences: take the one this device is on, else one with a free seat. */
function choose(candidates: readonly StoredLicense[], action: BundleAction, hardwareId: string): StoredLicense | undefined {
  const holding = candidates.find((l) => l.devices.has(hardwareId))
  if (holding || action === 'deactivate') return holding ?? candidates[0]
  return candidates.find((l) => l.enabled && l.active && l.devices.size < l.maxActivations) ?? candidates[0]
}
