import type { LoginMethod } from '../request'
import { ERROR_CATALOGUE, type KnownErrorCode } from './catalogue'
import type { AppError, CatalogueEntry } from './types'

type Advice = Pick<CatalogueEntry, 'explanation' | 'action'>

const COMPANY_ACCOUNT: Advice = {
  explanation: 'You signed in, but no licence of this bundle belongs to the account you signed in with.',
  action: 'Check the bundle code, and that you signed in with the right company account: "Use another account" signs in afresh.'
}

/** Where the catalogue's words fit every method, these say it for the method the person used. */
export const METHOD_ADVICE: Partial<Record<KnownErrorCode, Partial<Record<LoginMethod, Advice>>>> = {
  license_not_found: {
    'license-key': {
      explanation: 'No licence of this bundle has the licence key you entered.',
      action: 'Check the licence key character by character (the server may treat upper and lower case as different), and that it belongs to this bundle.'
    },
    user: {
      explanation: 'No licence of this bundle matches that username and password.',
      action: 'Check the email (username) and the password — the password is case-sensitive — and that the licence belongs to this bundle.'
    },
    'sso-code': COMPANY_ACCOUNT,
    'sso-token': COMPANY_ACCOUNT
  }
}

/** The error with the advice for the method used, where the catalogue's own words were kept. */
export function adviseForMethod(error: AppError, method: LoginMethod): AppError {
  const advice = METHOD_ADVICE[error.code as KnownErrorCode]?.[method]
  const catalogue = ERROR_CATALOGUE[error.code as KnownErrorCode] as CatalogueEntry | undefined
  if (advice === undefined || catalogue === undefined || error.explanation !== catalogue.explanation) return error
  return { ...error, ...advice }
}
