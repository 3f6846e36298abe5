import type { AppError } from './errors'

/** What crosses IPC and leaves every engine call: never a thrown error. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: AppError }

export const success = <T>(value: T): Outcome<T> => ({ ok: true, value })
export const failure = <T = never>(error: AppError): Outcome<T> => ({ ok: false, error })
