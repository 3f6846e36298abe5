import { t, type MessageKey } from '../i18n/current'
import { ERROR_CATALOGUE, type KnownErrorCode } from './catalogue'
import type { HelpdeskWords } from './types'

/*
 * The helpdesk's words for every result: what to say to the caller, what to check, and the
 * next step (src/shared/errors/types.ts, HelpdeskWords), written for an agent on the phone.
 * One set per catalogue code, plus the success and a server code the app does not know; their
 * text is in the message files (src/locales/<language>/helpdesk.json, `result.<id>.<part>`,
 * or `shared.<name>.<part>` where several results say the same). They live beside the
 * catalogue rather than in its entries so that only the helpdesk's readers (license-manager
 * explain, the helpdesk guide) carry them: the window's and the main process's bundles stay as
 * they were.
 */

/** A result the helpdesk has words for: a catalogue code, a success, or a server code the app does not know. */
export type HelpdeskResult = KnownErrorCode | 'success' | 'unknown-server-code'
type Part = keyof HelpdeskWords

/** The results that say what others say too, by part: the name of the shared message. */
const SHARED = {
  missing_headers: { say: 'setup', next: 'setup' },
  authorization_invalid_headers: { say: 'setup', check: 'authorization', next: 'setup' },
  authorization_missing_params: { say: 'setup', check: 'authorization', next: 'setup' },
  hmac_required: { say: 'setup', next: 'setup' },
  invalid_api_key: { say: 'setup', next: 'setup' },
  revoked_api_key: { say: 'setup', next: 'setup' },
  read_only_api_key: { say: 'setup', next: 'setup' },
  signature_mismatch: { say: 'setup', next: 'setup' },
  oauth_token_expired: { next: 'setup' },
  oauth_token_malformed: { say: 'setup', next: 'setup' },
  oauth_token_request_failed: { say: 'setup', next: 'setup' },
  validation_error: { next: 'vendor' },
  missing_hardware_id: { next: 'vendor' },
  missing_parameters: { next: 'vendor' },
  invalid_json: { next: 'vendor' },
  not_found: { say: 'setup', next: 'setup' },
  internal_error: { next: 'vendor' },
  sso_code_invalid: { next: 'vendor' },
  sso_token_invalid: { next: 'vendor' },
  too_many_requests: { next: 'vendor' },
  empty_error_body: { next: 'vendor' },
  non_json_error_body: { next: 'vendor' },
  unexpected_response: { next: 'vendor' },
  response_too_large: { next: 'vendor' },
  help_page_not_opened: { check: 'default-browser' },
  ipc_forbidden: { next: 'vendor' },
  app_internal_error: { next: 'vendor' },
  app_no_answer: { next: 'vendor' },
  window_crashed: { next: 'log' },
  helper_process_stopped: { next: 'log' },
  app_unexpected_error: { next: 'log' },
  offline_file_too_large: { next: 'no-request-file' },
  offline_file_wrong_type: { next: 'no-request-file' },
  offline_request_tampered: { next: 'vendor' },
  sso_invalid_callback: { next: 'vendor' },
  sso_browser_failed: { check: 'default-browser' },
  sso_unsafe_url: { next: 'vendor' },
  'unknown-server-code': { next: 'vendor' }
} as const satisfies { readonly [R in HelpdeskResult]?: Readonly<Partial<Record<Part, string>>> }

type Shared = typeof SHARED
type KeyOf<R extends HelpdeskResult, P extends Part> = R extends keyof Shared
  ? P extends keyof Shared[R]
    ? `helpdesk.shared.${Shared[R][P] & string}.${P}`
    : `helpdesk.result.${R}.${P}`
  : `helpdesk.result.${R}.${P}`

/** The message of each part of each result's words. */
type WordKey = KeyOf<HelpdeskResult, Part>

/**
 * Every result has its words: a catalogue code (or a shared name) without its message in the
 * English helpdesk.json makes this type name the missing key, and the build fails.
 */
type NoneMissing<Missing extends never> = Missing
export type EveryResultHasItsWords = NoneMissing<Exclude<WordKey, MessageKey>>

function keyOf(result: HelpdeskResult, part: Part): WordKey {
  const shared = (SHARED as Readonly<Partial<Record<HelpdeskResult, Readonly<Partial<Record<Part, string>>>>>>)[result]?.[part]
  return (shared === undefined ? `helpdesk.result.${result}.${part}` : `helpdesk.shared.${shared}.${part}`) as WordKey
}

/** A result's words, each read in the language spoken when it is asked for. */
const wordsOf = (result: HelpdeskResult): HelpdeskWords => ({
  get say() {
    return t(keyOf(result, 'say'))
  },
  get check() {
    return t(keyOf(result, 'check'))
  },
  get next() {
    return t(keyOf(result, 'next'))
  }
})

/** What to say, check and do next, per catalogue code. */
export const HELPDESK_WORDS = Object.fromEntries((Object.keys(ERROR_CATALOGUE) as KnownErrorCode[]).map((code) => [code, wordsOf(code)])) as Readonly<
  Record<KnownErrorCode, HelpdeskWords>
>

/** A success (`LM-YES-…`). */
export const SUCCESS_WORDS: HelpdeskWords = wordsOf('success')

/** A code the License API answered with that the catalogue does not know (`LM-VNDR-…`). */
export const UNKNOWN_SERVER_CODE_WORDS: HelpdeskWords = wordsOf('unknown-server-code')

/** The message keys of a result's words (for tests that check each one exists and is used). */
export const helpdeskWordKeys = (result: HelpdeskResult): Readonly<Record<Part, WordKey>> => ({
  say: keyOf(result, 'say'),
  check: keyOf(result, 'check'),
  next: keyOf(result, 'next')
})
