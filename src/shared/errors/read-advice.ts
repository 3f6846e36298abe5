import { WORDS_ON_A_READ } from './catalogue'
import type { AppError } from './types'

const onARead = (text: string): string => WORDS_ON_A_READ.reduce((out, [change, read]) => out.split(change).join(read), text)

/**
 * The error in the words for a call that only reads (what a PC holds, a user's licences, the
 * check after a deactivation): where the entry's words speak of a licence that may have changed,
 * the catalogue's words for a read. Same code, status and server message.
 */
export function adviseForRead(error: AppError): AppError {
  return { ...error, explanation: onARead(error.explanation), action: onARead(error.action) }
}
