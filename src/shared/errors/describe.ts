import { ERROR_CATALOGUE, type KnownErrorCode } from './catalogue'
import type { AppError, CatalogueEntry } from './types'

export const isKnownErrorCode = (code: string): code is KnownErrorCode => Object.prototype.hasOwnProperty.call(ERROR_CATALOGUE, code)

interface Details {
  /** The HTTP status actually received, when it differs from the catalogue's. */
  status?: number
  serverMessage?: string
  field?: string
  explanation?: string
}

function withDetails(code: string, base: Omit<CatalogueEntry, 'exit'>, details: Details): AppError {
  const error: AppError = { code, family: base.family, status: base.status, title: base.title, explanation: base.explanation, action: base.action }
  if (base.sandboxOnly) error.sandboxOnly = true
  if (details.status !== undefined) error.status = details.status
  if (details.serverMessage !== undefined) error.serverMessage = details.serverMessage
  if (details.field !== undefined) error.field = details.field
  if (details.explanation !== undefined) error.explanation = details.explanation
  return error
}

/** The detail an entry's explanation names, typed by the entry; never for entries that name none. */
export type DetailOf<C extends KnownErrorCode> = (typeof ERROR_CATALOGUE)[C] extends { explain: (detail: infer D) => string } ? D : never

type DetailsOf<C extends KnownErrorCode> = [DetailOf<C>] extends [never] ? Details : Omit<Details, 'explanation'> & { detail?: DetailOf<C> }

/**
 * The typed error for one of the catalogue's codes; a misspelt code does not compile. An entry
 * that names a detail takes it as `detail`, typed by the entry, and words the explanation itself.
 */
export function describeError<C extends KnownErrorCode>(code: C, details: DetailsOf<C> = {}): AppError {
  const entry: CatalogueEntry = ERROR_CATALOGUE[code]
  const detail = 'detail' in details ? details.detail : undefined
  const explanation = detail !== undefined && entry.explain ? (entry.explain as (d: DetailOf<C>) => string)(detail) : undefined
  return withDetails(code, entry, explanation === undefined ? details : { ...details, explanation })
}

/**
 * The typed error for a code a server answered with: a known code gets its catalogue entry,
 * an unknown one keeps its code and the server's own message.
 */
export function describeServerError(code: string, details: Omit<Details, 'explanation'> = {}): AppError {
  if (isKnownErrorCode(code)) return describeError(code, details)
  return withDetails(
    code,
    {
      family: 'server',
      status: details.status ?? 0,
      title: 'The licence server refused the request',
      explanation: details.serverMessage ?? 'The server answered with an error this app does not know.',
      action: 'Contact the software vendor’s support and quote the code shown below.'
    },
    details
  )
}
