import { ERROR_CATALOGUE, type KnownErrorCode } from './catalogue'
import type { AppError, CatalogueEntry } from './types'

export const isKnownErrorCode = (code: string): code is KnownErrorCode =>
  Object.prototype.hasOwnProperty.call(ERROR_CATALOGUE, code)

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

/** The typed error for one of the catalogue's codes; a misspelt code does not compile. */
export function describeError(code: KnownErrorCode, details: Details = {}): AppError {
  return withDetails(code, ERROR_CATALOGUE[code], details)
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
