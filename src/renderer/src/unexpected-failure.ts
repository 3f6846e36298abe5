import { describeError, type AppError } from '../../shared/errors'

/** When an IPC call itself rejects instead of answering with an Outcome. */
export const unexpectedFailure = (): AppError => describeError('app_no_answer')
