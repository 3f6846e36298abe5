import * as z from 'zod/mini'
import type { LanguageRequest, OfflineRequestContent } from '../../shared/api'
import { isLanguage } from '../../shared/i18n/languages'
import { describeError } from '../../shared/errors'
import { t } from '../../shared/i18n/current'
import { failure, success, type Outcome } from '../../shared/outcome'
import {
  deactivationRequestSchema,
  offlineRequestSchema,
  ssoSignInRequestSchema,
  type DeactivationRequest,
  type OfflineRequest,
  type SsoSignInRequest
} from '../../shared/request'
import { invalidRequest } from '../../shared/validation'
import {
  pcLicencesRequestSchema,
  seatCheckRequestSchema,
  userLicencesRequestSchema,
  type PcLicencesRequest,
  type SeatCheckRequest,
  type UserLicencesRequest
} from '../../shared/licences-on-pc'
import { MAX_REQUEST_FILE_BYTES } from '../engine/offline/request-file'

/*
 * Checks at the IPC boundary: exactly one payload, checked by the same schema the form and
 * the engine use (a plain object, known keys only, every field within its rules).
 */

/** A request file's text: the engine checks its 64 KiB in bytes; no more characters than that can hold it. */
const offlineRequestContent = z.strictObject({
  content: z.string({ error: () => t('shell.request.file-form') }).check(z.maxLength(MAX_REQUEST_FILE_BYTES, { error: () => t('shell.request.file-too-long') }))
}) satisfies z.ZodMiniType<OfflineRequestContent>

interface Schema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: Parameters<typeof invalidRequest>[0] } }
}

function parseSingle<T>(schema: Schema<T>, args: readonly unknown[]): Outcome<T> {
  if (args.length !== 1) {
    return failure(describeError('invalid_input', { field: 'request', detail: { problem: t('shell.request.one-object'), nothing: 'sent' } }))
  }
  const parsed = schema.safeParse(args[0])
  return parsed.success ? success(parsed.data) : failure(invalidRequest(parsed.error.issues))
}

export const parseDeactivateArgs = (args: readonly unknown[]): Outcome<DeactivationRequest> => parseSingle(deactivationRequestSchema, args)

export const parseSsoDeactivateArgs = (args: readonly unknown[]): Outcome<SsoSignInRequest> => parseSingle(ssoSignInRequestSchema, args)

export const parseOfflineRequestArgs = (args: readonly unknown[]): Outcome<OfflineRequest> => parseSingle(offlineRequestSchema, args)

export const parseOfflineContentArgs = (args: readonly unknown[]): Outcome<OfflineRequestContent> => parseSingle(offlineRequestContent, args)

export const parsePcLicencesArgs = (args: readonly unknown[]): Outcome<PcLicencesRequest> => parseSingle(pcLicencesRequestSchema, args)

export const parseSeatCheckArgs = (args: readonly unknown[]): Outcome<SeatCheckRequest> => parseSingle(seatCheckRequestSchema, args)

export const parseUserLicencesArgs = (args: readonly unknown[]): Outcome<UserLicencesRequest> => parseSingle(userLicencesRequestSchema, args)

/** Calls without a payload take none; anything sent along is refused, not ignored. */
export function parseNoArgs(args: readonly unknown[]): Outcome<null> {
  return args.length === 0 || (args.length === 1 && args[0] === undefined)
    ? success(null)
    : failure(describeError('invalid_input', { field: 'request', detail: { problem: t('shell.request.no-data'), nothing: 'sent' } }))
}

const languageRequestSchema = z.strictObject({
  language: z.string({ error: () => t('shell.request.language-form') }).check(z.refine(isLanguage, { error: () => t('shell.request.language-unknown') }))
})

/** The language the window asks for: one of the app's (whether the vendor allows it is the language choice's to say). */
export const parseLanguageArgs = (args: readonly unknown[]): Outcome<LanguageRequest> => parseSingle(languageRequestSchema as Schema<LanguageRequest>, args)
