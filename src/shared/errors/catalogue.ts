import { t, translator } from '../i18n/current'
import type { MessageKey, MessageParams } from '../i18n/message-params'
import type { LoginMethod } from '../request'
import type { CaseWords, CatalogueEntry, ErrorFamily } from './types'

/*
 * Every word of the catalogue is in the `errors` message files (src/locales/<language>/errors.json):
 * `<code>.title`, `<code>.explanation`, `<code>.action`, `<code>.<case>.explanation` and so on. An
 * entry here holds what is the same in every language (family, status, mnemonic, exit group) and
 * reads its words from the translator each time they are asked for, so they are always in the
 * language the process speaks at that moment.
 */

/** A message key that takes no values. */
type PlainKey = { [K in MessageKey]: [MessageParams[K]] extends [never] ? K : never }[MessageKey]

/** The names whose words are `errors.<name>.title`, `.explanation` and `.action`. */
type WordedName = { [K in MessageKey]: K extends `errors.${infer C}.title` ? C : never }[MessageKey]
type EntryName = Exclude<WordedName, 'success'>

/** The words the catalogue names by a key it builds from an entry's name and a case (a test checks each one exists). */
const say = (key: string): string => t(`errors.${key}` as PlainKey)

/** Each entry's name, for the helpers below that add words to it. */
const NAMES = new WeakMap<CatalogueEntry, EntryName>()
function nameOf(e: CatalogueEntry): EntryName {
  const name = NAMES.get(e)
  if (name === undefined) throw new Error('A catalogue entry made without entry().')
  return name
}

/** An entry; for the CLI a network-family error is a network failure, any other a refusal, unless marked below. */
/** `mnemonic`: the entry's letters in a reference, chosen by hand (see `CatalogueEntry.mnemonic`). */
function entry(name: EntryName, family: ErrorFamily, status: number, mnemonic: string): CatalogueEntry {
  const made: CatalogueEntry = {
    mnemonic,
    family,
    exit: family === 'network' ? 'network' : 'refused',
    status,
    get title() {
      return t(`errors.${name}.title` as const)
    },
    get explanation() {
      return t(`errors.${name}.explanation` as const)
    },
    get action() {
      return t(`errors.${name}.action` as const)
    }
  }
  NAMES.set(made, name)
  return made
}

/*
 * The helpers below mark an entry in place (a spread would read its words before any language is
 * loaded).
 */

/** Raised before anything is sent: bad input or configuration, no hardware id, busy, an unusable request file. */
const beforeSending = <E extends CatalogueEntry>(e: E): E => Object.assign(e, { exit: 'invalid' as const, onThisPc: true as const })

/** The browser sign-in ended without a code or token: the License API was not asked to deactivate. */
const signInIncomplete = <E extends CatalogueEntry>(e: E): E => Object.assign(e, { exit: 'ssoIncomplete' as const, onThisPc: true as const })

/** Nothing was sent to a licence server (for entries that are not `beforeSending`). */
const nothingSent = <E extends CatalogueEntry>(e: E): E => Object.assign(e, { onThisPc: true as const })

/** An answer whose HTTP status is its own, whatever it is: the error carries it (status 0 here). */
const withAnswersStatus = <E extends CatalogueEntry>(e: E): E => Object.assign(e, { statusVaries: true as const })

/** The command line was stopped by a signal (Ctrl+C, SIGTERM) before it finished. */
const stoppedBySignal = <E extends CatalogueEntry>(e: E): E => Object.assign(e, { exit: 'interrupted' as const })

/** A failure inside the app itself. */
const insideTheApp = <E extends CatalogueEntry>(e: E): E => Object.assign(e, { exit: 'unexpected' as const })

/** An answer only the built-in sandbox gives; the vendor's docs name no code for the case. */
const sandboxOnly = <E extends CatalogueEntry>(e: E): E => Object.assign(e, { sandboxOnly: true as const })

/** An entry whose action names a part of the window (a field, the override): `<name>.command-line.action` is how a command-line user does it. */
function onCommandLine<E extends CatalogueEntry>(e: E): E {
  const name = nameOf(e)
  return Object.defineProperty(e, 'commandLineAction', { enumerable: true, get: () => say(`${name}.command-line.action`) })
}

/** An entry worded from a detail the caller gives, typed: the explanation, and the action where it depends on the detail too. */
const withDetail = <D>(
  e: CatalogueEntry,
  explain: (detail: D) => string,
  advise: (detail: D) => string = () => e.action
): CatalogueEntry & { explain: (detail: D) => string; advise: (detail: D) => string } => Object.assign(e, { explain, advise })

/** What a case has beside its explanation (`<name>.<case>.explanation`): its own action (`<name>.<case>.action`), and what it shows. */
interface CaseSpec {
  action?: true
  networkWorks?: true
}

function caseWords(name: EntryName, which: string, spec: CaseSpec): CaseWords {
  const words: CaseWords = {
    get explanation() {
      return say(`${name}.${which}.explanation`)
    }
  }
  if (spec.action) Object.defineProperty(words, 'action', { enumerable: true, get: () => say(`${name}.${which}.action`) })
  if (spec.networkWorks) words.networkWorks = true
  return words
}

/** An entry with other words for cases the caller names as `{ [key]: case }`; without a detail, the entry's own words stand. */
function withCases<K extends string, C extends string>(e: CatalogueEntry, key: K, specs: Record<C, CaseSpec>) {
  const name = nameOf(e)
  const cases = Object.fromEntries(Object.entries<CaseSpec>(specs).map(([which, spec]) => [which, caseWords(name, which, spec)])) as Record<C, CaseWords>
  const worded = withDetail(
    e,
    (d: Record<K, C>) => cases[d[key]].explanation,
    (d: Record<K, C>) => cases[d[key]].action ?? e.action
  )
  return Object.assign(worded, { cases, caseOf: (d: Record<K, C>): CaseWords => cases[d[key]] })
}

/** A request file refused before sending: the plain words (or its case's, `<name>.<case>.explanation`), then the technical reason, for the helpdesk. */
function fileRefusal<C extends string = never>(e: CatalogueEntry, cases: readonly C[] = []) {
  const name = nameOf(e)
  const known = new Set<string>(cases)
  return withDetail(e, (d: { reason: string; case?: C }) =>
    t('errors.file-refusal.with-reason', {
      explanation: d.case !== undefined && known.has(d.case) ? say(`${name}.${d.case}.explanation`) : e.explanation,
      reason: d.reason
    })
  )
}

/**
 * No server at all, in the CLI: how to try the app against the built-in sandbox; or a bad value
 * the user gave as a command-line option, which the user corrects.
 */
export type ConfigAdvice = { kind: 'cli-sandbox' } | { kind: 'given-option' }

/** The servers other than the License API an error can be met with: the error's explanation, worded as met while asking it. */
export const WHILE_ASKING = {
  'oauth-token-server': (explanation: string): string => t('errors.while-asking.oauth-token-server', { explanation })
} as const

/**
 * invalid_input on the command line: the options to correct, named; the help when the problem
 * names no option (the entry's command-line action).
 */
export const COMMAND_LINE_INPUT_ACTION = {
  correct: (options: string): string => t('errors.invalid_input.command-line.correct', { options }),
  get seeHelp(): string {
    return t('errors.invalid_input.command-line.action')
  }
}

/** What did not happen because of an input problem, as the explanation's last sentence says it. */
export type NothingDone = 'sent' | 'written' | 'changed'

/*
 * Words that speak of a change a call may have made. A read (what is active on a PC, a user's
 * licences, the check after a deactivation) changes nothing: `WORDS_ON_A_READ` pairs each such
 * message with its words for a read (read-advice.ts applies them).
 */
export const WORDS_ON_A_READ: ReadonlyArray<readonly [PlainKey, PlainKey]> = [
  ['errors.internal_error.explanation', 'errors.internal_error.on-read.explanation'],
  ['errors.timeout.explanation', 'errors.timeout.on-read.explanation'],
  ['errors.timeout.pc-online.explanation', 'errors.timeout.pc-online.on-read.explanation'],
  ['errors.connection_reset.explanation', 'errors.connection_reset.on-read.explanation'],
  ['errors.unexpected_response.explanation', 'errors.unexpected_response.on-read.explanation'],
  ['errors.unexpected_response.action', 'errors.unexpected_response.on-read.action'],
  ['errors.response_too_large.explanation', 'errors.response_too_large.on-read.explanation'],
  ['errors.response_too_large.action', 'errors.response_too_large.on-read.action'],
  ['errors.app_internal_error.explanation', 'errors.app_internal_error.on-read.explanation'],
  ['errors.app_internal_error.action', 'errors.app_internal_error.on-read.action'],
  ['errors.app_no_answer.explanation', 'errors.app_no_answer.on-read.explanation']
]

/**
 * Every error the License API, the network or this app can produce.
 * Server codes are LicenseSpring's; transport and app codes are this app's own.
 */
export const ERROR_CATALOGUE = {
  // ── deactivate_bundle exceptions (seed page) ──
  unknown_product: entry('unknown_product', 'product', 400, 'BNK'),
  product_not_bundle: entry('product_not_bundle', 'product', 400, 'SNG'),
  // Worded for the login method used, where the caller knows it (see method-advice.ts).
  license_not_found: withCases(entry('license_not_found', 'credentials', 400, 'WRNG'), 'method', {
    'license-key': { action: true },
    user: { action: true },
    'sso-code': { action: true },
    'sso-token': { action: true }
  } satisfies Record<LoginMethod, CaseSpec>),
  license_not_active: entry('license_not_active', 'licence', 400, 'NACT'),
  device_not_found: onCommandLine(entry('device_not_found', 'device', 400, 'DNF')),
  missing_headers: entry('missing_headers', 'setup', 400, 'HDRS'),
  // ── authorization (§2) ──
  authorization_invalid_headers: entry('authorization_invalid_headers', 'setup', 400, 'ATHX'),
  authorization_missing_params: entry('authorization_missing_params', 'setup', 400, 'APRM'),
  hmac_required: entry('hmac_required', 'setup', 400, 'HMAC'),
  invalid_api_key: entry('invalid_api_key', 'setup', 400, 'NKEY'),
  revoked_api_key: entry('revoked_api_key', 'setup', 400, 'RVKD'),
  read_only_api_key: entry('read_only_api_key', 'setup', 400, 'NWRT'),
  api_key_product_not_allowed: entry('api_key_product_not_allowed', 'setup', 400, 'DENY'),
  date_header_diff: entry('date_header_diff', 'clock', 400, 'WTCH'),
  signature_mismatch: entry('signature_mismatch', 'setup', 401, 'SHRD'),
  oauth_token_expired: entry('oauth_token_expired', 'setup', 401, 'TKEX'),
  oauth_token_malformed: entry('oauth_token_malformed', 'setup', 401, 'TKMF'),
  oauth_token_request_failed: entry('oauth_token_request_failed', 'setup', 401, 'TKRQ'),
  // ── general (§3) ──
  validation_error: entry('validation_error', 'input', 400, 'VDN'),
  missing_hardware_id: onCommandLine(entry('missing_hardware_id', 'input', 400, 'NHW')),
  license_key_required: onCommandLine(entry('license_key_required', 'credentials', 400, 'KEYS')),
  missing_parameters: entry('missing_parameters', 'input', 400, 'MSNG'),
  invalid_json: entry('invalid_json', 'server', 400, 'JSN'),
  not_found: entry('not_found', 'setup', 404, 'ADDR'),
  internal_error: entry('internal_error', 'server', 500, 'CRSH'),
  disabled_product: entry('disabled_product', 'product', 400, 'DBN'),
  archived_product: entry('archived_product', 'product', 400, 'ARCH'),
  license_not_enabled: entry('license_not_enabled', 'licence', 400, 'DSA'),
  blacklisted: entry('blacklisted', 'licence', 400, 'BAN'),
  license_expired: sandboxOnly(entry('license_expired', 'licence', 400, 'EXP')),
  license_activated_max_times: entry('license_activated_max_times', 'licence', 400, 'MAX'),
  // ── SSO, server side ──
  customer_account_not_found: entry('customer_account_not_found', 'sso', 400, 'ACCT'),
  sso_not_enabled: sandboxOnly(entry('sso_not_enabled', 'sso', 400, 'SSNE')),
  sso_code_invalid: sandboxOnly(entry('sso_code_invalid', 'sso', 400, 'SCEX')),
  // Worded for a sign-in on a port the app chose, where the caller knows it (service.ts).
  sso_redirect_uri_mismatch: sandboxOnly(withCases(entry('sso_redirect_uri_mismatch', 'sso', 400, 'RTRN'), 'redirect', { 'port-chosen': { action: true } })),
  sso_token_invalid: sandboxOnly(entry('sso_token_invalid', 'sso', 400, 'STKN')),
  sso_user_not_found: sandboxOnly(entry('sso_user_not_found', 'credentials', 400, 'SACC')),
  // ── network and transport (this app's own) ──
  // Where the client can tell whether this PC's network works, the words say so (map-transport.ts).
  cannot_connect_to_server: withCases(entry('cannot_connect_to_server', 'network', 0, 'CNX'), 'reach', {
    refused: { action: true, networkWorks: true },
    'pc-online': { action: true }
  }),
  // Where the resolver says which way it failed, the words say it too; otherwise they name both.
  dns_failure: withCases(entry('dns_failure', 'network', 0, 'NAME'), 'resolver', {
    'no-such-name': { action: true, networkWorks: true },
    'no-name-server': { action: true }
  }),
  timeout: withCases(entry('timeout', 'network', 0, 'TMX'), 'reach', { 'pc-online': { action: true } }),
  tls_failure: entry('tls_failure', 'network', 0, 'CERT'),
  connection_reset: entry('connection_reset', 'network', 0, 'RST'),
  proxy_failure: entry('proxy_failure', 'network', 0, 'PRXY'),
  pc_offline: entry('pc_offline', 'network', 0, 'NNET'),
  proxy_auth_required: entry('proxy_auth_required', 'network', 407, 'PXPW'),
  network_error: entry('network_error', 'network', 0, 'NWK'),
  too_many_requests: entry('too_many_requests', 'server', 429, 'MANY'),
  server_unavailable: entry('server_unavailable', 'server', 503, 'SVDN'),
  empty_error_body: withAnswersStatus(entry('empty_error_body', 'server', 0, 'SHH')),
  non_json_error_body: withAnswersStatus(entry('non_json_error_body', 'server', 0, 'GRBG')),
  html_error_body: withAnswersStatus(withCases(entry('html_error_body', 'network', 0, 'WEB'), 'answer', { redirect: {} })),
  unexpected_response: entry('unexpected_response', 'server', 200, 'QRK'),
  response_too_large: entry('response_too_large', 'server', 200, 'HGE'),
  // ── the reads (§10): what a PC holds, a user's licences, the check after a deactivation ──
  response_signature_invalid: withCases(entry('response_signature_invalid', 'server', 200, 'SGNX'), 'problem', { missing: {} }),
  seat_check_unavailable: beforeSending(entry('seat_check_unavailable', 'input', 0, 'CHKX')),
  // ── this app ──
  invalid_input: onCommandLine(
    beforeSending(
      withDetail(entry('invalid_input', 'input', 0, 'CHK'), (d: { problem: string; nothing: NothingDone }) =>
        t('errors.invalid_input.with-problem.explanation', { problem: d.problem, nothing: d.nothing })
      )
    )
  ),
  prefill_link_invalid: beforeSending(
    withDetail(entry('prefill_link_invalid', 'input', 0, 'PFX'), (d: { problem: string }) =>
      t('errors.prefill_link_invalid.with-problem.explanation', { problem: d.problem })
    )
  ),
  hardware_id_unavailable: onCommandLine(beforeSending(withDetail(entry('hardware_id_unavailable', 'input', 0, 'HWX'), (d: { problem: string }) => d.problem))),
  config_invalid: beforeSending(
    withDetail(
      entry('config_invalid', 'setup', 0, 'CFG'),
      /** The problem names the setting; `example` is what a valid value of it looks like. */
      (d: { problem: string; example?: string; advice?: ConfigAdvice }) =>
        d.example === undefined ? d.problem : t('errors.config_invalid.with-example.explanation', { problem: d.problem, example: d.example }),
      (d) =>
        d.advice?.kind === 'cli-sandbox'
          ? t('errors.config_invalid.cli-sandbox.action')
          : d.advice?.kind === 'given-option'
            ? t('errors.config_invalid.given-option.action')
            : t('errors.config_invalid.action')
    )
  ),
  help_page_not_opened: nothingSent(
    insideTheApp(
      withDetail(entry('help_page_not_opened', 'setup', 0, 'HPG'), (d: { configured: boolean }) =>
        d.configured ? t('errors.help_page_not_opened.explanation') : t('errors.help_page_not_opened.not-configured.explanation')
      )
    )
  ),
  busy: beforeSending(entry('busy', 'input', 0, 'BSY')),
  ipc_forbidden: nothingSent(entry('ipc_forbidden', 'setup', 0, 'FRBD')),
  sandbox_start_failed: nothingSent(entry('sandbox_start_failed', 'setup', 0, 'SBX')),
  app_internal_error: insideTheApp(entry('app_internal_error', 'server', 0, 'APP')),
  interrupted: stoppedBySignal(
    withCases(entry('interrupted', 'network', 0, 'STPD'), 'stage', { 'nothing-sent': {}, 'signing-in': {}, 'request-sent': { action: true } })
  ),
  app_no_answer: entry('app_no_answer', 'server', 0, 'APNA'),
  // ── crashes and the log (src/main/electron/crash-handling.ts, the window's "Open logs folder") ──
  window_crashed: insideTheApp(withCases(entry('window_crashed', 'server', 0, 'WCR'), 'reason', { oom: { action: true }, killed: {} })),
  helper_process_stopped: insideTheApp(entry('helper_process_stopped', 'server', 0, 'PRCS')),
  app_unexpected_error: insideTheApp(entry('app_unexpected_error', 'server', 0, 'ZAP')),
  logs_unavailable: withCases(entry('logs_unavailable', 'setup', 0, 'RCRD'), 'task', { read: {}, open: { action: true } }),
  // ── offline deactivation (request files, §7 of the License API) ──
  missing_content: entry('missing_content', 'input', 400, 'EMPT'),
  offline_file_too_large: beforeSending(fileRefusal(entry('offline_file_too_large', 'input', 0, 'FAT'))),
  offline_file_wrong_type: beforeSending(fileRefusal(entry('offline_file_wrong_type', 'input', 0, 'NREQ'), ['empty', 'hostile', 'activation-request'])),
  offline_file_truncated: beforeSending(fileRefusal(entry('offline_file_truncated', 'input', 0, 'TRNC'))),
  offline_save_failed: beforeSending(withCases(entry('offline_save_failed', 'input', 0, 'SAVE'), 'reason', { 'file-exists': { action: true } })),
  // Sandbox-only codes: the vendor documents that changed and replayed files are refused, and a minimum
  // schema version setting, not the codes it answers with.
  offline_request_tampered: sandboxOnly(entry('offline_request_tampered', 'input', 400, 'STMP')),
  offline_request_replayed: sandboxOnly(entry('offline_request_replayed', 'input', 400, 'AGN')),
  offline_request_expired: sandboxOnly(entry('offline_request_expired', 'input', 400, 'DATE')),
  offline_request_schema_too_old: sandboxOnly(entry('offline_request_schema_too_old', 'input', 400, 'VERS')),
  // ── SSO browser flow (this app's own) ──
  sso_cancelled: signInIncomplete(withCases(entry('sso_cancelled', 'sso', 0, 'CANC'), 'where', { 'provider-page': {} })),
  sso_timeout: signInIncomplete(entry('sso_timeout', 'sso', 0, 'BRTM')),
  sso_replaced: signInIncomplete(entry('sso_replaced', 'sso', 0, 'NEWR')),
  sso_state_mismatch: signInIncomplete(entry('sso_state_mismatch', 'sso', 0, 'STAT')),
  sso_access_denied: signInIncomplete(entry('sso_access_denied', 'sso', 0, 'NAY')),
  sso_provider_error: signInIncomplete(entry('sso_provider_error', 'sso', 0, 'PVDR')),
  sso_invalid_callback: signInIncomplete(entry('sso_invalid_callback', 'sso', 0, 'NCDE')),
  sso_port_in_use: signInIncomplete(
    withDetail(
      entry('sso_port_in_use', 'sso', 0, 'PRT'),
      /** `address` is host:port; `localhost` lists the addresses localhost stands for, when the redirect names it; `cause` is the system's error code. */
      (d: { address: string; localhost?: readonly string[]; cause: string }) => {
        const { address, cause } = d
        if (d.localhost === undefined) {
          return cause === 'EADDRINUSE'
            ? t('errors.sso_port_in_use.busy.explanation', { address })
            : t('errors.sso_port_in_use.not-listening.explanation', { address, cause })
        }
        const localhost = translator().formatList(d.localhost)
        return cause === 'EADDRINUSE'
          ? t('errors.sso_port_in_use.busy-localhost.explanation', { address, localhost })
          : t('errors.sso_port_in_use.not-listening-localhost.explanation', { address, localhost, cause })
      }
    )
  ),
  sso_redirect_not_loopback: signInIncomplete(withCases(entry('sso_redirect_not_loopback', 'setup', 0, 'AWAY'), 'problem', { 'no-redirect-uri': {} })),
  sso_browser_failed: signInIncomplete(entry('sso_browser_failed', 'sso', 0, 'BRWS')),
  sso_unsafe_url: signInIncomplete(entry('sso_unsafe_url', 'setup', 0, 'RSKY'))
} as const satisfies Record<string, CatalogueEntry>

export type KnownErrorCode = keyof typeof ERROR_CATALOGUE

/**
 * An error code the License API answered with that this catalogue does not know: its own code
 * and the server's message are shown with these words; its reference reads `VNDR`.
 */
export const UNKNOWN_SERVER_ERROR: CatalogueEntry = entry('unknown-server-code', 'server', 0, 'VNDR')

/** The explanation of an unknown server code that came without a message. */
export const unknownServerErrorWithoutMessage = (): string => t('errors.unknown-server-code.no-message.explanation')

/** A success as the helpdesk reads it, and its reference mnemonic (`LM-YES-200-…`, `LM-YES-PC-…`); its words for the helpdesk are in helpdesk-words.ts. */
export const SUCCESS = {
  mnemonic: 'YES',
  get title(): string {
    return t('errors.success.title')
  },
  get explanation(): string {
    return t('errors.success.explanation')
  }
} as const satisfies { mnemonic: string; title: string; explanation: string }
