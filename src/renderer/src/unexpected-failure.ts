import type { AppError } from '../../shared/errors'
import { failure, type Outcome } from '../../shared/outcome'
import { laterWordsReady } from './i18n/window-language'

/** When an IPC call itself rejects instead of answering with an Outcome: the catalogue and its words are loaded for it. */
export async function unexpectedFailure(): Promise<AppError> {
  const [{ describeError }] = await Promise.all([import('../../shared/errors'), laterWordsReady()])
  return describeError('app_no_answer')
}

/** A call's answer, or the app's own "no answer" failure when the call rejects instead. */
export const answered = <T>(call: Promise<Outcome<T>>): Promise<Outcome<T>> => call.catch(async () => failure<T>(await unexpectedFailure()))
