import { describeError } from '../shared/errors'
import { failure, success, type Outcome } from '../shared/outcome'
import type { Credentials, LoginMethod } from '../shared/request'
import { fieldLabel } from '../shared/request-fields'
import { t } from '../shared/i18n/current'
import { listOfNames } from '../shared/licence-words'

/** The credential options of `deactivate`, by the request field each one fills. */
export interface CredentialOptions {
  licenseKey?: string | undefined
  username?: string | undefined
  password?: string | undefined
  idToken?: string | undefined
  code?: string | undefined
  customerAccountCode?: string | undefined
  redirectUri?: string | undefined
}

type CredentialField = Exclude<keyof CredentialOptions, 'redirectUri'>

/** The options each login method is given with on the command line. */
const METHOD_OPTIONS: Record<LoginMethod, readonly CredentialField[]> = {
  'license-key': ['licenseKey'],
  user: ['username', 'password'],
  'sso-token': ['idToken', 'customerAccountCode'],
  'sso-code': ['code', 'customerAccountCode']
}

const METHODS = Object.keys(METHOD_OPTIONS) as LoginMethod[]
const ALL_FIELDS: readonly CredentialField[] = ['licenseKey', 'username', 'password', 'idToken', 'code', 'customerAccountCode']
/** A customer account alone names no method: the token or the code does. */
const NAMED_BY: Partial<Record<LoginMethod, CredentialField>> = { 'sso-token': 'idToken', 'sso-code': 'code' }

const given = (value: string | undefined): value is string => value !== undefined && value !== ''

const refuse = (field: string, problem: string): Outcome<never> => failure(describeError('invalid_input', { field, detail: { problem, nothing: 'sent' } }))

/**
 * The credentials the options spell, with their method made explicit: the options given must
 * all belong to one method (and name it: `--id-token` or `--code` with `--customer-account`).
 * The values themselves are checked by the request schema, as every caller's are.
 */
export function credentialsFromOptions(options: CredentialOptions): Outcome<Credentials> {
  const present = ALL_FIELDS.filter((f) => given(options[f]))
  if (present.length === 0) return refuse('credentials', t('cli.problem.no-method'))
  const methods = METHODS.filter((m) => present.every((f) => METHOD_OPTIONS[m].includes(f)) && (!(m in NAMED_BY) || present.includes(NAMED_BY[m]!)))
  if (methods.length !== 1) {
    if (present.length === 1 && present[0] === 'customerAccountCode') {
      return refuse('credentials', t('cli.problem.customer-account-alone'))
    }
    return refuse('credentials', t('cli.problem.mixed-methods', { fields: listOfNames(present.map((f) => fieldLabel(f))) }))
  }
  const method = methods[0]!
  const credentials: Record<string, string> = { method }
  // A missing value of the method is left out for the schema to name.
  for (const field of METHOD_OPTIONS[method]) if (options[field] !== undefined) credentials[field] = options[field]
  if (given(options.redirectUri)) {
    if (method !== 'sso-code') return refuse('redirectUri', t('cli.problem.redirect-uri-without-code'))
    credentials['redirectUri'] = options.redirectUri
  }
  // Shaped for the method; a value left out is named by the schema when the engine checks the request.
  return success(credentials as Credentials)
}
