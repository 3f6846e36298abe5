import { describeError } from '../errors'
import { t } from '../i18n/current'
import { failure, success, type Outcome } from '../outcome'
import type { LoginMethod } from '../request'
import { FIELD_LIMITS } from '../request-fields'

/**
 * The helpdesk's link, `license-manager://deactivate?product=…&method=…&account=…`: it
 * opens the app with the form filled in. It only prefills (the person still checks and
 * submits), so it carries no secret: any other parameter refuses the whole link.
 */
export const PREFILL_SCHEME = 'license-manager'
export const PREFILL_ACTION = 'deactivate'

export interface Prefill {
  product?: string
  method?: LoginMethod
  /** Customer account code, for company sign-in. */
  account?: string
}

const MAX_LINK_LENGTH = 2048
const METHODS: readonly LoginMethod[] = ['license-key', 'user', 'sso-code', 'sso-token']
/** Bundle and customer account codes: letters, digits and . _ - (LicenseSpring's short codes). */
const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/
const PARAMETERS = ['product', 'method', 'account'] as const

const invalid = (field: string, problem: string) => failure(describeError('prefill_link_invalid', { field, detail: { problem } }))

/** Checks each field of a parsed query; values are never quoted back (a link may hold anything). */
export function validatePrefill(params: URLSearchParams): Outcome<Prefill> {
  const prefill: Prefill = {}
  for (const name of new Set(params.keys())) {
    if (!(PARAMETERS as readonly string[]).includes(name)) {
      return invalid('link', t('shell.prefill.unknown-parameter', { parameters: PARAMETERS.join(', ') }))
    }
    if (params.getAll(name).length > 1) return invalid(name, t('shell.prefill.repeated', { name }))
  }
  const product = params.get('product')
  if (product !== null) {
    if (!CODE.test(product) || product.length > FIELD_LIMITS.product) return invalid('product', t('shell.prefill.product', { max: FIELD_LIMITS.product }))
    prefill.product = product
  }
  const method = params.get('method')
  if (method !== null) {
    if (!(METHODS as readonly string[]).includes(method)) return invalid('method', t('shell.prefill.method', { methods: METHODS.join(', ') }))
    prefill.method = method as LoginMethod
  }
  const account = params.get('account')
  if (account !== null) {
    if (!CODE.test(account) || account.length > FIELD_LIMITS.customerAccountCode)
      return invalid('account', t('shell.prefill.account', { max: FIELD_LIMITS.customerAccountCode }))
    prefill.account = account
  }
  return success(prefill)
}

/** Parses `license-manager://deactivate?…`; anything else is refused. */
export function parsePrefillLink(link: string): Outcome<Prefill> {
  if (link.length > MAX_LINK_LENGTH) return invalid('link', t('shell.prefill.too-long', { max: MAX_LINK_LENGTH }))
  let url: URL
  try {
    url = new URL(link)
  } catch {
    return invalid('link', t('shell.prefill.not-address'))
  }
  const noPath = /^\/*$/.test(url.pathname)
  if (url.protocol !== `${PREFILL_SCHEME}:` || url.hostname.toLowerCase() !== PREFILL_ACTION || !noPath || url.username || url.password || url.port) {
    return invalid('link', t('shell.prefill.wrong-start', { start: `${PREFILL_SCHEME}://${PREFILL_ACTION}?` }))
  }
  if (url.hash !== '') return invalid('link', t('shell.prefill.fragment'))
  return validatePrefill(url.searchParams)
}

/** Builds the link for these fields (the helpdesk's side; also what the docs show). */
export function prefillLink(prefill: Prefill): string {
  const params = new URLSearchParams()
  for (const name of PARAMETERS) {
    const value = prefill[name]
    if (value !== undefined) params.set(name, value)
  }
  return `${PREFILL_SCHEME}://${PREFILL_ACTION}?${params.toString()}`
}
