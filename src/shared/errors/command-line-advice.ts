import { ERROR_CATALOGUE } from './catalogue'
import { isKnownErrorCode } from './describe'
import type { AppError, CatalogueEntry } from './types'

/**
 * The error as the command line shows it: where the entry's action names a part of the window
 * (a highlighted field, the hardware id override), the entry's command-line action instead. An
 * action worded for one case of the entry (a detail's own advice) is kept.
 */
export function adviseForCommandLine(error: AppError): AppError {
  if (!isKnownErrorCode(error.code)) return error
  const entry: CatalogueEntry = ERROR_CATALOGUE[error.code]
  if (entry.commandLineAction === undefined || error.action !== entry.action) return error
  return { ...error, action: entry.commandLineAction }
}
