import { t } from '../i18n/current'
import { WORDS_ON_A_READ } from './catalogue'
import type { AppError } from './types'

/** Each message that speaks of a change, in this language, with its words for a read; the longest first, so none is cut by a shorter one. */
const readWords = (): Array<[string, string]> =>
  WORDS_ON_A_READ.map(([change, read]): [string, string] => [t(change), t(read)]).sort(([a], [b]) => b.length - a.length)

const onARead = (text: string, words: ReadonlyArray<[string, string]>): string => words.reduce((out, [change, read]) => out.split(change).join(read), text)

/**
 * The error in the words for a call that only reads (what a PC holds, a user's licences, the
 * check after a deactivation): where the entry's words speak of a licence that may have changed,
 * the catalogue's words for a read. Same code, status and server message.
 */
export function adviseForRead(error: AppError): AppError {
  const words = readWords()
  return { ...error, explanation: onARead(error.explanation, words), action: onARead(error.action, words) }
}
