import { ERROR_CATALOGUE, type KnownErrorCode } from './catalogue'
import type { AppError } from './types'

export const isKnownErrorCode = (code: string): code is KnownErrorCode =>
  Object.prototype.hasOwnProperty.call(ERROR_CATALOGUE, code)

interface Details {
  /** The HTTP status actually received, when it differs from the catalogue's. */
  status?: number
  serverMessage?: string
  field?: string
  explanation?: string
}

/** Builds the typed error for a code; an unknown server code keeps its code and message. */
export function describeError(code: string, details: Details = {}): AppError {
  const base = isKnownErrorCode(code)
    ? ERROR_CATALOGUE[code]
    : {
        family: 'server' as const,
        status: details.status ?? 0,
        title: 'The licence server refused the request',
        explanation: details.serverMessage ?? 'The server answered with an error this app does not know.',
        action: 'Contact the software vendor’s support and quote the code shown below.'
      }
  const error: AppError = { code, ...base }
  if (details.status !== undefined) error.status = details.status
  if (details.serverMessage !== undefined) error.serverMessage = details.serverMessage
  if (details.field !== undefined) error.field = details.field
  if (details.explanation !== undefined) error.explanation = details.explanation
  return error
}
