import type * as z from 'zod/mini'
import { describeError, type AppError, type NothingDone } from './errors'
import { t } from './i18n/current'
import { failure, success, type Outcome } from './outcome'
import {
  deactivationRequestSchema,
  offlineRequestSchema,
  ssoSignInRequestSchema,
  type DeactivationRequest,
  type OfflineRequest,
  type SsoSignInRequest
} from './request'

/** One problem of a request: the field at fault (its own name, e.g. `licenseKey`), where it sits, and what is wrong. */
export interface RequestIssue {
  field: string
  path: readonly PropertyKey[]
  message: string
}

type Issues = readonly z.core.$ZodIssue[]

/** Every problem the schema found, in the order of the request's fields, each in words a person understands. */
export function requestIssues(issues: Issues): RequestIssue[] {
  return issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') {
      const field = issue.keys[0] ?? 'request'
      return { field, path: [...issue.path, field], message: t('common.request.unknown-field', { field }) }
    }
    const leaf = issue.path.at(-1)
    const field = typeof leaf === 'string' ? (leaf === 'method' ? 'credentials' : leaf) : 'request'
    if (issue.path.length === 0 && issue.code === 'invalid_type') return { field, path: [], message: t('common.request.not-object') }
    return { field, path: issue.path, message: issue.message }
  })
}

/** The typed error for the first problem; the window shows the others beside their fields. */
export function invalidRequest(issues: Issues, nothing: NothingDone = 'sent'): AppError {
  const first = requestIssues(issues)[0] ?? { field: 'request', message: t('common.request.invalid') }
  return describeError('invalid_input', { field: first.field, detail: { problem: first.message, nothing } })
}

function check<T>(schema: z.ZodMiniType<T>, raw: unknown, nothing?: NothingDone): Outcome<T> {
  const parsed = schema.safeParse(raw)
  return parsed.success ? success(parsed.data) : failure(invalidRequest(parsed.error.issues, nothing))
}

/** Checks a deactivation request before any network call. */
export const validateDeactivation = (raw: unknown): Outcome<DeactivationRequest> => check(deactivationRequestSchema, raw)

/** Checks a browser sign-in request before the browser opens. */
export const validateSsoSignIn = (raw: unknown): Outcome<SsoSignInRequest> => check(ssoSignInRequestSchema, raw)

/** Checks an offline request before a request file is written. */
export const validateOfflineRequest = (raw: unknown): Outcome<OfflineRequest> => check(offlineRequestSchema, raw, 'written')
