import { ERROR_CATALOGUE, isKnownErrorCode, type AppError, type ExitGroup } from '../shared/errors'

/** The CLI's exit codes (documented in --help). */
export const EXIT = {
  success: 0,
  unexpected: 1,
  invalid: 2,
  refused: 3,
  network: 4,
  ssoIncomplete: 5
} as const satisfies Record<ExitGroup | 'success', number>

/** Each catalogue entry names its exit group; a code the catalogue does not know is a License API answer. */
export function exitCodeFor(error: Pick<AppError, 'code'>): number {
  return EXIT[isKnownErrorCode(error.code) ? ERROR_CATALOGUE[error.code].exit : 'refused']
}
