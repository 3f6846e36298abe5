import type { LoginMethod } from '../request'
import { describeError } from './describe'
import type { AppError } from './types'

/**
 * The error in its entry's words for the login method the person used, where the entry has
 * such words (`license_not_found`): the same code, status and server message.
 */
export function adviseForMethod(error: AppError, method: LoginMethod): AppError {
  if (error.code !== 'license_not_found') return error
  const { status, serverMessage, field } = error
  return describeError('license_not_found', {
    status,
    ...(serverMessage !== undefined ? { serverMessage } : {}),
    ...(field !== undefined ? { field } : {}),
    detail: { method }
  })
}
