import { ERROR_CATALOGUE, isKnownErrorCode, type AppError, type ExitGroup } from '../shared/errors'

/** The CLI's exit codes (documented in --help). */
export const EXIT = {
  success: 0,
  unexpected: 1,
  invalid: 2,
  refused: 3,
  network: 4,
  ssoIncomplete: 5,
  /** 128 + the signal's number, as shells report a process a signal ended: 130 for Ctrl+C (SIGINT). */
  interrupted: 130
} as const satisfies Record<ExitGroup | 'success', number>

/** The signals the CLI stops on, and the exit code of a stop by each (128 + its number). */
export const EXIT_ON_SIGNAL = { SIGINT: 130, SIGTERM: 143 } as const

export type StopSignal = keyof typeof EXIT_ON_SIGNAL

/** Each catalogue entry names its exit group; a code the catalogue does not know is a License API answer. */
export function exitCodeFor(error: Pick<AppError, 'code'>): number {
  return EXIT[isKnownErrorCode(error.code) ? ERROR_CATALOGUE[error.code].exit : 'refused']
}
