import { z } from 'zod'
import type { DeactivateInput, OfflineRequestContent, OfflineRequestInput, SsoDeactivateInput } from '../../shared/api'
import { describeError } from '../../shared/errors'
import { failure, success, type Outcome } from '../../shared/outcome'
import { FIELD_LABELS, FIELD_LIMITS } from '../../shared/validation'
import { MAX_REQUEST_FILE_BYTES } from '../engine/offline/request-file'

/*
 * Shape checks at the IPC boundary: a plain object, known keys only, strings only,
 * bounded lengths. Whether the values make a valid request (empty fields, mixed
 * login methods, a numeric licence id) is the engine's `validateDeactivation`.
 */

const LICENSE_ID_LIMIT = 32

const bounded = (max: number) => z.string().max(max)
const optionalBounded = (max: number) => bounded(max).optional()

const deactivateInput = z.strictObject({
  product: bounded(FIELD_LIMITS.product),
  hardwareId: optionalBounded(FIELD_LIMITS.hardwareId),
  licenseId: optionalBounded(LICENSE_ID_LIMIT),
  licenseKey: optionalBounded(FIELD_LIMITS.licenseKey),
  username: optionalBounded(FIELD_LIMITS.username),
  password: optionalBounded(FIELD_LIMITS.password),
  idToken: optionalBounded(FIELD_LIMITS.idToken),
  customerAccountCode: optionalBounded(FIELD_LIMITS.customerAccountCode)
}) satisfies z.ZodType<DeactivateInput>

const ssoDeactivateInput = z.strictObject({
  product: bounded(FIELD_LIMITS.product),
  customerAccountCode: bounded(FIELD_LIMITS.customerAccountCode),
  grant: z.enum(['code', 'token']),
  hardwareId: optionalBounded(FIELD_LIMITS.hardwareId),
  licenseId: optionalBounded(LICENSE_ID_LIMIT),
  freshSignIn: z.optional(z.boolean())
}) satisfies z.ZodType<SsoDeactivateInput>

const offlineRequestInput = z.strictObject({
  product: bounded(FIELD_LIMITS.product),
  hardwareId: optionalBounded(FIELD_LIMITS.hardwareId),
  licenseKey: optionalBounded(FIELD_LIMITS.licenseKey),
  username: optionalBounded(FIELD_LIMITS.username)
}) satisfies z.ZodType<OfflineRequestInput>

/** A request file's text: the engine checks its 64 KiB in bytes; no more characters than that can hold it. */
const offlineRequestContent = z.strictObject({ content: bounded(MAX_REQUEST_FILE_BYTES) }) satisfies z.ZodType<OfflineRequestContent>

const FIELD_NAMES: Record<string, string> = { ...FIELD_LABELS, grant: 'Sign-in type', content: 'Request file' }

function rejected(error: z.ZodError): Outcome<never> {
  const issue = error.issues[0]
  const key = issue?.code === 'unrecognized_keys' ? issue.keys[0] : issue?.path[0]
  const field = typeof key === 'string' ? key : 'request'
  const label = FIELD_NAMES[field] ?? field
  const why =
    issue?.code === 'unrecognized_keys'
      ? `The request has a field the app does not know (${field}).`
      : issue?.code === 'too_big'
        ? `${label} is too long.`
        : issue?.code === 'invalid_type' && field === 'request'
          ? 'The request is not an object.'
          : `${label} is not in the expected form.`
  return failure(describeError('invalid_input', { field, explanation: `${why} Nothing was sent.` }))
}

function parseSingle<T>(schema: z.ZodType<T>, args: readonly unknown[]): Outcome<T> {
  if (args.length !== 1) {
    return failure(describeError('invalid_input', { field: 'request', explanation: 'The request must be exactly one object. Nothing was sent.' }))
  }
  const parsed = schema.safeParse(args[0])
  return parsed.success ? success(parsed.data) : rejected(parsed.error)
}

export const parseDeactivateArgs = (args: readonly unknown[]): Outcome<DeactivateInput> => parseSingle(deactivateInput, args)

export const parseSsoDeactivateArgs = (args: readonly unknown[]): Outcome<SsoDeactivateInput> => parseSingle(ssoDeactivateInput, args)

export const parseOfflineRequestArgs = (args: readonly unknown[]): Outcome<OfflineRequestInput> => parseSingle(offlineRequestInput, args)

export const parseOfflineContentArgs = (args: readonly unknown[]): Outcome<OfflineRequestContent> => parseSingle(offlineRequestContent, args)

/** Calls without a payload take none; anything sent along is refused, not ignored. */
export function parseNoArgs(args: readonly unknown[]): Outcome<null> {
  return args.length === 0 || (args.length === 1 && args[0] === undefined)
    ? success(null)
    : failure(describeError('invalid_input', { field: 'request', explanation: 'This call takes no data. Nothing was sent.' }))
}
