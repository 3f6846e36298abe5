import type { LoginMethod } from '../request'
import type { CaseWords, CatalogueEntry, ErrorFamily } from './types'

/** An entry; for the CLI a network-family error is a network failure, any other a refusal, unless marked below. */
/** `mnemonic`: the entry's letters in a reference, chosen by hand (see `CatalogueEntry.mnemonic`). */
const entry = (family: ErrorFamily, status: number, title: string, explanation: string, action: string, mnemonic: string): CatalogueEntry => ({
  mnemonic,
  family,
  exit: family === 'network' ? 'network' : 'refused',
  status,
  title,
  explanation,
  action
})

/** Raised before anything is sent: bad input or configuration, no hardware id, busy, an unusable request file. */
const beforeSending = <E extends CatalogueEntry>(e: E): E => ({ ...e, exit: 'invalid', onThisPc: true })

/** The browser sign-in ended without a code or token: the License API was not asked to deactivate. */
const signInIncomplete = <E extends CatalogueEntry>(e: E): E => ({ ...e, exit: 'ssoIncomplete', onThisPc: true })

/** Nothing was sent to a licence server (for entries that are not `beforeSending`). */
const nothingSent = <E extends CatalogueEntry>(e: E): E => ({ ...e, onThisPc: true })

/** An answer whose HTTP status is its own, whatever it is: the error carries it (status 0 here). */
const withAnswersStatus = <E extends CatalogueEntry>(e: E): E => ({ ...e, statusVaries: true })

/** The command line was stopped by a signal (Ctrl+C, SIGTERM) before it finished. */
const stoppedBySignal = <E extends CatalogueEntry>(e: E): E => ({ ...e, exit: 'interrupted' })

/** A failure inside the app itself. */
const insideTheApp = <E extends CatalogueEntry>(e: E): E => ({ ...e, exit: 'unexpected' })

/** An entry whose action names a part of the window (a field, the override): `action` is how a command-line user does it. */
const onCommandLine = <E extends CatalogueEntry>(e: E, action: string): E => ({ ...e, commandLineAction: action })

/** An entry worded from a detail the caller gives, typed: the explanation, and the action where it depends on the detail too. */
const withDetail = <D>(
  e: CatalogueEntry,
  explain: (detail: D) => string,
  advise: (detail: D) => string = () => e.action
): CatalogueEntry & { explain: (detail: D) => string; advise: (detail: D) => string } => ({ ...e, explain, advise })

/** An entry with other words for cases the caller names as `{ [key]: case }`; without a detail, the entry's own words stand. */
const withCases = <K extends string, C extends string>(e: CatalogueEntry, key: K, cases: Record<C, CaseWords>) => ({
  ...withDetail(
    e,
    (d: Record<K, C>) => cases[d[key]].explanation,
    (d: Record<K, C>) => cases[d[key]].action ?? e.action
  ),
  cases,
  caseOf: (d: Record<K, C>): CaseWords => cases[d[key]]
})

/** A request file refused before sending: the plain words (or its case's), then the technical reason, for the helpdesk. */
const fileRefusal = <C extends string = never>(e: CatalogueEntry, cases: Record<C, string> = {} as Record<C, string>) =>
  withDetail(e, (d: { reason: string; case?: C }) => `${d.case === undefined ? e.explanation : cases[d.case]} (${d.reason})`)

/** What to do about a configuration problem, where the setting at fault decides it. */
/**
 * No server at all, in the CLI: how to try the app against the built-in sandbox; or a bad value
 * the user gave as a command-line option, which the user corrects.
 */
export type ConfigAdvice = { kind: 'cli-sandbox' } | { kind: 'given-option' }

/** A setting is wrong: whoever set the app up corrects it (the explanation names it and a valid value). */
const SETTING_ACTION = 'Ask whoever set up this app (your IT department or the software vendor) to correct the setting named above, then try again.'

/** The servers other than the License API an error can be met with; the error's explanation then starts by naming it. */
export const WHILE_ASKING = {
  'oauth-token-server': 'While asking the OAuth token server for an access token:'
} as const

/**
 * invalid_input on the command line: the options to correct, named; the help when the problem
 * names no option (the entry's command-line action).
 */
export const COMMAND_LINE_INPUT_ACTION = {
  correct: (options: string) => `Correct ${options} and try again.`,
  seeHelp: 'Check the command and its options with "license-manager --help", then try again.'
} as const

/** What did not happen because of an input problem, as the explanation's last sentence says it. */
export type NothingDone = 'sent' | 'written' | 'changed'

/** An answer only the built-in sandbox gives; the vendor's docs name no code for the case. */
const sandboxOnly = <E extends CatalogueEntry>(e: E): E => ({ ...e, sandboxOnly: true })

/** The words for a licence not found after a company sign-in, whichever grant it used. */
const COMPANY_ACCOUNT: CaseWords = {
  explanation: 'You signed in, but no licence of this bundle belongs to the account you signed in with.',
  action: 'Check the bundle code, and that you signed in with the right company account: "Use another account" signs in afresh.'
}

const ASK_VENDOR = 'Contact the software vendor’s support and quote the code shown below.'

/*
 * Sentences that speak of a change a call may have made. A read (what is active on a PC, a
 * user's licences, the check after a deactivation) changes nothing: `WORDS_ON_A_READ` gives each
 * one's words for a read (read-advice.ts applies them).
 */
const MAYBE_DEACTIVATED = 'The licence may or may not have been deactivated.'
const MAYBE_UNCHANGED = 'The licence may be unchanged.'
const NOT_CERTAIN_CHANGED = 'It is not certain whether the licence changed.'
const NOT_CERTAIN_AFTER_FAILURE = 'Something failed inside the app before a clear answer was known, so it is not certain whether the licence changed.'
const NOT_CERTAIN_FREED = 'The server answered “success” but not with the confirmation the app expects, so it is not certain the seat was freed.'
const RETRY_WILL_TELL = 'Try again: if the seat was freed, the server will answer that this PC is not activated.'
const RETRY_LATER_WILL_TELL = 'Try again later: if the seat was already freed, the server will answer that this PC is not activated.'
const RETRY_ALREADY_FREED = 'Try again: if the seat was already freed, the server will answer that this PC is not activated.'
const NOTHING_CHANGED_ON_A_READ = 'Nothing was changed: the app only asked the licence server what is active.'

export const WORDS_ON_A_READ: ReadonlyArray<readonly [string, string]> = [
  [MAYBE_DEACTIVATED, NOTHING_CHANGED_ON_A_READ],
  [MAYBE_UNCHANGED, NOTHING_CHANGED_ON_A_READ],
  [NOT_CERTAIN_CHANGED, NOTHING_CHANGED_ON_A_READ],
  [NOT_CERTAIN_AFTER_FAILURE, `Something failed inside the app before a clear answer was known. ${NOTHING_CHANGED_ON_A_READ}`],
  [
    NOT_CERTAIN_FREED,
    `The server answered “success” but not with the list of licences the app expects, so the app cannot say what is active. ${NOTHING_CHANGED_ON_A_READ}`
  ],
  [RETRY_WILL_TELL, 'Try again later.'],
  [RETRY_LATER_WILL_TELL, 'Try again later.'],
  [RETRY_ALREADY_FREED, 'Try again.']
]
const CHECK_SETUP =
  'The app’s connection settings are wrong. Ask your IT department or the software vendor to check the API key and shared key the app is configured with.'

/**
 * Every error the License API, the network or this app can produce.
 * Server codes are LicenseSpring's; transport and app codes are this app's own.
 */
export const ERROR_CATALOGUE = {
  // ── deactivate_bundle exceptions (seed page) ──
  unknown_product: entry(
    'product',
    400,
    'Unknown bundle code',
    'The server has no product with the bundle code you entered.',
    'Check the bundle code (it is the bundle’s short code, not its display name) and try again.',
    'BNK'
  ),
  product_not_bundle: entry(
    'product',
    400,
    'That product is not a bundle',
    'The code you entered belongs to a single product, not to a bundle. This tool frees bundle licences only.',
    'Enter the code of the bundle that contains the product.',
    'SNG'
  ),
  // Worded for the login method used, where the caller knows it (see method-advice.ts).
  license_not_found: withCases(
    entry(
      'credentials',
      400,
      'Licence not found',
      'No licence of this bundle matches the licence key, user or sign-in you gave.',
      'Check the licence key or the account for typing mistakes, and make sure it belongs to this bundle.',
      'WRNG'
    ),
    'method',
    {
      'license-key': {
        explanation: 'No licence of this bundle has the licence key you entered.',
        action: 'Check the licence key character by character — capital and small letters are different — and that it belongs to this bundle.'
      },
      user: {
        explanation: 'No licence of this bundle matches that username and password.',
        action: 'Check the email (username) and the password — the password is case-sensitive — and that the licence belongs to this bundle.'
      },
      'sso-code': COMPANY_ACCOUNT,
      'sso-token': COMPANY_ACCOUNT
    } satisfies Record<LoginMethod, CaseWords>
  ),
  license_not_active: entry(
    'licence',
    400,
    'The licence is not active',
    'The licence exists but has not been activated, so there is no seat to free.',
    'Nothing needs to be done on this PC. If you expected it to be active, contact the vendor.',
    'NACT'
  ),
  device_not_found: onCommandLine(
    entry(
      'device',
      400,
      'This PC is not activated on that licence',
      'The licence has no active device with this hardware id: it was already deactivated, or it was activated with another hardware id.',
      'If the product shows a different hardware id, paste it in the hardware id override and try again. Otherwise the seat is already free.',
      'DNF'
    ),
    'If the product shows a different hardware id, give it with --hardware-id and try again. Otherwise the seat is already free. To see what this hardware id holds, run `license-manager status` (with the same --hardware-id, if you gave one).'
  ),
  missing_headers: entry(
    'setup',
    400,
    'The request was incomplete',
    'The server did not receive the date or the authorization it requires.',
    CHECK_SETUP,
    'HDRS'
  ),

  // ── authorization (§2) ──
  authorization_invalid_headers: entry(
    'setup',
    400,
    'The app’s authorization was not understood',
    'The server could not read the app’s Authorization header.',
    CHECK_SETUP,
    'ATHX'
  ),
  authorization_missing_params: entry(
    'setup',
    400,
    'The app’s authorization was incomplete',
    'The Authorization header lacks one of algorithm, headers, signature or API key.',
    CHECK_SETUP,
    'APRM'
  ),
  hmac_required: entry('setup', 400, 'Unsupported signing method', 'The server only accepts requests signed with hmac-sha256.', CHECK_SETUP, 'HMAC'),
  invalid_api_key: entry(
    'setup',
    400,
    'The app’s API key is not recognised',
    'The server does not know the API key the app is configured with.',
    CHECK_SETUP,
    'NKEY'
  ),
  revoked_api_key: entry('setup', 400, 'The app’s API key was revoked', 'The vendor has revoked the API key this app uses.', CHECK_SETUP, 'RVKD'),
  read_only_api_key: entry(
    'setup',
    400,
    'The app’s API key is read-only',
    'The API key this app uses may not change licences, so it cannot deactivate.',
    CHECK_SETUP,
    'NWRT'
  ),
  api_key_product_not_allowed: entry(
    'setup',
    400,
    'The app may not manage this bundle',
    'The app’s API key has no access to the bundle you entered.',
    'Check the bundle code. If it is right, ask the vendor to allow this API key for the bundle.',
    'DENY'
  ),
  date_header_diff: entry(
    'clock',
    400,
    'Your computer’s clock is wrong',
    'The server refuses requests whose time differs from its own by more than 15 minutes, and this PC’s clock is off by more than that.',
    'Set the date, time and time zone correctly (turn on “Set time automatically”), then try again.',
    'WTCH'
  ),
  signature_mismatch: entry(
    'setup',
    401,
    'The app’s shared key is wrong',
    'The request signature did not match: the shared key the app is configured with does not belong to its API key.',
    CHECK_SETUP,
    'SHRD'
  ),
  oauth_token_expired: entry(
    'setup',
    401,
    'The app’s access token expired',
    'The app’s OAuth access token expired and could not be renewed.',
    'Try again. If it keeps happening, ' + CHECK_SETUP.charAt(0).toLowerCase() + CHECK_SETUP.slice(1),
    'TKEX'
  ),
  oauth_token_malformed: entry(
    'setup',
    401,
    'The app’s access token was refused',
    'The server could not read the app’s OAuth access token.',
    CHECK_SETUP,
    'TKMF'
  ),
  oauth_token_request_failed: entry(
    'setup',
    401,
    'The app could not get an access token',
    'The OAuth token server refused the app’s client id and secret, or did not answer usefully.',
    CHECK_SETUP,
    'TKRQ'
  ),

  // ── general (§3) ──
  validation_error: entry(
    'input',
    400,
    'The server rejected the request',
    'Some field of the request did not have the form the server expects.',
    'Check what you entered. The server’s own message is shown below.',
    'VDN'
  ),
  missing_hardware_id: onCommandLine(
    entry(
      'input',
      400,
      'The hardware id did not reach the server',
      'The server says the request had no hardware id, so it cannot tell which PC to free.',
      'Check the hardware id shown in the app (or paste the one the licensed product shows into the override) and try again.',
      'NHW'
    ),
    'Check the hardware id that "license-manager hardware-id" prints (or give the one the licensed product shows with --hardware-id) and try again.'
  ),
  license_key_required: onCommandLine(
    entry(
      'credentials',
      400,
      'This bundle needs a licence key',
      'The licences of this bundle are freed with their licence key, not with a username or a company sign-in.',
      'Choose “With a licence key”, enter the key of the licence on this PC and try again.',
      'KEYS'
    ),
    'Give the key of the licence on this PC with --license-key (instead of --username or --sso) and try again.'
  ),
  missing_parameters: entry(
    'input',
    400,
    'Information is missing',
    'The server says a required field was not sent.',
    'Fill in every required field and try again.',
    'MSNG'
  ),
  invalid_json: entry(
    'server',
    400,
    'The server could not read the request',
    'The request body was not valid JSON. This is a fault in the app or something between it and the server.',
    ASK_VENDOR,
    'JSN'
  ),
  not_found: entry(
    'setup',
    404,
    'The server address is wrong',
    'The server has no License API at the address the app is configured with.',
    'Check the server URL in the app’s configuration (it normally ends in /api/v4/).',
    'ADDR'
  ),
  internal_error: entry(
    'server',
    500,
    'The licence server had a problem',
    `The server failed while handling the request. ${MAYBE_UNCHANGED}`,
    'Wait a few minutes and try again. If it keeps happening, ' + ASK_VENDOR.charAt(0).toLowerCase() + ASK_VENDOR.slice(1),
    'CRSH'
  ),
  disabled_product: entry(
    'product',
    400,
    'The bundle is disabled',
    'The vendor has disabled this bundle, so its licences cannot be changed.',
    ASK_VENDOR,
    'DBN'
  ),
  archived_product: entry(
    'product',
    400,
    'The bundle is archived',
    'The vendor has archived this bundle, so its licences cannot be changed.',
    ASK_VENDOR,
    'ARCH'
  ),
  license_not_enabled: entry(
    'licence',
    400,
    'The licence is disabled',
    'The vendor or your administrator has disabled this licence, so it cannot be changed.',
    'Ask your licence administrator or the vendor to enable it.',
    'DSA'
  ),
  blacklisted: entry(
    'licence',
    400,
    'This device is blocked',
    'The vendor has blocked this PC (its hardware id) on the licence, so its seat cannot be changed from here.',
    ASK_VENDOR,
    'BAN'
  ),
  license_expired: sandboxOnly(
    entry(
      'licence',
      400,
      'The licence has expired',
      'The licence was valid for a limited time, and that time is over, so its seats can no longer be changed.',
      'Ask your licence administrator or the vendor to renew the licence, or to free the seat for you.',
      'EXP'
    )
  ),
  license_activated_max_times: entry(
    'licence',
    400,
    'No free seats',
    'The licence is already active on as many devices as it allows.',
    'Deactivate it on another device first.',
    'MAX'
  ),

  // ── SSO, server side ──
  customer_account_not_found: entry(
    'sso',
    400,
    'Unknown company account',
    'The server has no customer account with the code you entered.',
    'Check the customer account code with your licence administrator.',
    'ACCT'
  ),
  sso_not_enabled: sandboxOnly(
    entry(
      'sso',
      400,
      'Company sign-in is not set up',
      'This customer account has no single sign-on configured.',
      'Use another login method, or ask your licence administrator to set up single sign-on.',
      'SSNE'
    )
  ),
  sso_code_invalid: sandboxOnly(
    entry(
      'sso',
      400,
      'The sign-in expired or was already used',
      'The one-time code from your company sign-in was refused: codes last a short time and work once.',
      'Sign in again and deactivate straight away.',
      'SCEX'
    )
  ),
  // Worded for a sign-in on a port the app chose, where the caller knows it (service.ts).
  sso_redirect_uri_mismatch: sandboxOnly(
    withCases(
      entry(
        'sso',
        400,
        'The sign-in came back to another address',
        'The one-time code from your company sign-in was issued for another return address than the one sent with it, so the sign-in service refused it.',
        'Sign in again from the app. If it keeps happening, ' + ASK_VENDOR.charAt(0).toLowerCase() + ASK_VENDOR.slice(1),
        'RTRN'
      ),
      'redirect',
      {
        'port-chosen': {
          explanation:
            'The vendor registered a sign-in return address without a port, so the app picked a free port on this PC and told the licence server which one. The server redeemed the code with the registered address instead, so the sign-in service refused it. This will happen on every try.',
          action:
            'Ask the software vendor to register a return address with a fixed port for this app (for example http://127.0.0.1:3333/callback) in its company sign-in settings. Until then, use another login method.'
        }
      }
    )
  ),
  sso_token_invalid: sandboxOnly(
    entry(
      'sso',
      400,
      'The ID token was refused',
      'The token is not one the server accepts: it is malformed, expired, already used, or issued for another account.',
      'Get a fresh token by signing in again, and check the customer account code.',
      'STKN'
    )
  ),
  sso_user_not_found: sandboxOnly(
    entry(
      'credentials',
      400,
      'Your account has no licence here',
      'You signed in, but no licence of this bundle belongs to your account.',
      'Check that you signed in with the right account and entered the right bundle.',
      'SACC'
    )
  ),

  // ── network and transport (this app's own) ──
  // Where the client can tell whether this PC's network works, the words say so (map-transport.ts).
  cannot_connect_to_server: withCases(
    entry(
      'network',
      0,
      'Cannot reach the licence server',
      'No connection could be made: the server is down, the address is wrong, or no network route leads to it.',
      'If other websites open on this PC, the licence server is down or its address is wrong: try again in a few minutes, or ask whoever set up this app to check the server address.',
      'CNX'
    ),
    'reach',
    {
      // ECONNREFUSED: something at the server's address answered, and refused.
      refused: {
        networkWorks: true,
        explanation:
          'Something at the licence server’s address answered but refused the connection: this PC’s network works, and the licence service there is down, or the address or port is wrong.',
        action: 'Try again in a few minutes. If it keeps happening, tell whoever set up this app that the licence server is not accepting connections.'
      },
      // The system says this PC has a network connection (which does not prove the internet is reachable).
      'pc-online': {
        explanation:
          'No connection could be made to the licence server, although this PC has a network connection: the server or the way to it is probably down, or its address is wrong.',
        action:
          'Try again in a few minutes. If other websites open on this PC and it keeps happening, tell whoever set up this app that the licence server cannot be reached.'
      }
    }
  ),
  // Where the resolver says which way it failed, the words say it too; otherwise they name both.
  dns_failure: withCases(
    entry(
      'network',
      0,
      'The server’s name could not be found',
      'The server’s host name did not resolve. You may be offline, or the address is mistyped.',
      'Check your internet connection and the server address.',
      'NAME'
    ),
    'resolver',
    {
      // ENOTFOUND: a name server answered.
      'no-such-name': {
        networkWorks: true,
        explanation: 'The name server answered that no server has this name: this PC reaches the network, and the server address is probably mistyped.',
        action: 'Ask whoever set up this app to check the server address.'
      },
      // EAI_AGAIN: no name server answered.
      'no-name-server': {
        explanation: 'No name server could be asked for the server’s address: this PC is probably offline, or its network is not working.',
        action: 'Check your internet connection (Wi-Fi, cable or VPN), then try again.'
      }
    }
  ),
  timeout: withCases(
    entry(
      'network',
      0,
      'The server did not answer in time',
      `No complete answer arrived before the time limit. ${MAYBE_DEACTIVATED}`,
      'Try again; a second attempt is safe. If it keeps happening, check your connection or proxy.',
      'TMX'
    ),
    'reach',
    {
      'pc-online': {
        explanation: `No complete answer arrived before the time limit, although this PC has a network connection: the licence server or the way to it is slow or down. ${MAYBE_DEACTIVATED}`,
        action:
          'Try again in a few minutes; a second attempt is safe. If it keeps happening, the licence server may be down: contact the software vendor’s support.'
      }
    }
  ),
  tls_failure: entry(
    'network',
    0,
    'A secure connection could not be made',
    'The server’s certificate was not trusted. A company proxy or antivirus that inspects HTTPS can cause this.',
    'Ask your IT department to allow the licence server, or try from another network.',
    'CERT'
  ),
  connection_reset: entry(
    'network',
    0,
    'The connection was cut',
    `The connection closed before the server’s answer was complete. ${MAYBE_DEACTIVATED}`,
    'Try again; a second attempt is safe.',
    'RST'
  ),
  proxy_failure: entry(
    'network',
    0,
    'The proxy refused the connection',
    'The proxy this PC uses did not let the request through.',
    'Check the proxy settings with your IT department.',
    'PRXY'
  ),
  pc_offline: entry(
    'network',
    0,
    'This PC is offline',
    'The operating system reports that this PC has no network connection, so the request could not be sent.',
    'Connect to the internet (Wi-Fi, cable or mobile hotspot), then try again.',
    'NNET'
  ),
  proxy_auth_required: entry(
    'network',
    407,
    'The proxy asks for a user name and password',
    'This PC reaches the internet through a proxy that wants you to sign in to it. The app cannot sign in to a proxy, so the request did not reach the licence server.',
    'Ask your IT department to let the app reach the licence server through the proxy without signing in, or use a network without this proxy.',
    'PXPW'
  ),
  network_error: entry('network', 0, 'Network error', 'The request failed before an answer arrived.', 'Check your internet connection and try again.', 'NWK'),
  too_many_requests: entry('server', 429, 'Too many requests', 'The server asked the app to slow down.', 'Wait a minute and try again.', 'MANY'),
  server_unavailable: entry(
    'server',
    503,
    'The licence server is unavailable',
    'The server answered that it cannot handle requests right now.',
    'Wait a few minutes and try again.',
    'SVDN'
  ),
  empty_error_body: withAnswersStatus(
    entry(
      'server',
      0,
      'The server gave an empty error',
      'The server reported a failure but said nothing about it.',
      'Try again later. If it keeps happening, ' + ASK_VENDOR.charAt(0).toLowerCase() + ASK_VENDOR.slice(1),
      'SHH'
    )
  ),
  non_json_error_body: withAnswersStatus(
    entry(
      'server',
      0,
      'The server gave an unreadable error',
      'The server reported a failure in a form the app cannot read.',
      'Try again later. If it keeps happening, ' + ASK_VENDOR.charAt(0).toLowerCase() + ASK_VENDOR.slice(1),
      'GRBG'
    )
  ),
  html_error_body: withAnswersStatus(
    withCases(
      entry(
        'network',
        0,
        'A web page answered instead of the licence server',
        'Something between this PC and the server — a proxy, firewall or captive portal — answered with a web page.',
        'Sign in to the network if it asks you to, or ask your IT department to allow the licence server.',
        'WEB'
      ),
      'answer',
      {
        redirect: {
          explanation:
            'The answer was a redirect to another address, not the License API: a proxy, firewall or captive portal may have intercepted the request.'
        }
      }
    )
  ),
  unexpected_response: entry('server', 200, 'The server gave an unexpected answer', NOT_CERTAIN_FREED, RETRY_WILL_TELL, 'QRK'),
  response_too_large: entry(
    'server',
    200,
    'The server’s answer was far too large',
    `The answer was larger than any answer the licence server gives (1 MB), so the app stopped reading it. Something between this PC and the server may have answered instead. ${NOT_CERTAIN_CHANGED}`,
    `${RETRY_LATER_WILL_TELL} If it keeps happening, ` + ASK_VENDOR.charAt(0).toLowerCase() + ASK_VENDOR.slice(1),
    'HGE'
  ),

  // ── the reads (§10): what a PC holds, a user's licences, the check after a deactivation ──
  response_signature_invalid: withCases(
    entry(
      'server',
      200,
      'The licence server’s answer could not be trusted',
      'The answer’s signature does not match the software vendor’s public key the app is configured with: it was changed on the way, or it did not come from the vendor’s licence server. The app did not use it. Nothing was changed.',
      'Try again on another network. If it keeps happening, ask whoever set up this app to check its public key setting, or ' +
        ASK_VENDOR.charAt(0).toLowerCase() +
        ASK_VENDOR.slice(1),
      'SGNX'
    ),
    'problem',
    {
      missing: {
        explanation:
          'The answer carries no signature, although the app is configured with the software vendor’s public key to check one. The app did not use it. Nothing was changed.'
      }
    }
  ),
  seat_check_unavailable: beforeSending(
    entry(
      'input',
      0,
      'This deactivation cannot be checked from here',
      'The app checks a deactivation with the licence key or username it was made with, and keeps them in memory only for a few minutes after a deactivation made in this window. Nothing was sent.',
      'Open “Licences on this PC” to see what this PC holds now.',
      'CHKX'
    )
  ),

  // ── this app ──
  invalid_input: onCommandLine(
    beforeSending(
      withDetail(
        entry(
          'input',
          0,
          'Please check what you entered',
          'A field is missing, empty or not in the expected form. Nothing was sent.',
          'Correct the highlighted field and try again.',
          'CHK'
        ),
        (d: { problem: string; nothing: NothingDone }) => `${d.problem} Nothing was ${d.nothing}.`
      )
    ),
    COMMAND_LINE_INPUT_ACTION.seeHelp
  ),
  prefill_link_invalid: beforeSending(
    withDetail(
      entry(
        'input',
        0,
        'The support link could not be used',
        'The link that opened the app is not in the expected form, so nothing was filled in.',
        'Fill in the form yourself, or ask the helpdesk for a new link.',
        'PFX'
      ),
      (d: { problem: string }) => `${d.problem} Nothing was filled in.`
    )
  ),
  hardware_id_unavailable: onCommandLine(
    beforeSending(
      withDetail(
        entry(
          'input',
          0,
          'This PC’s hardware id could not be read',
          'The app could not read a reliable machine id from the operating system.',
          'Paste the hardware id that the licensed product shows in the override field.',
          'HWX'
        ),
        (d: { problem: string }) => d.problem
      )
    ),
    'Give the hardware id that the licensed product shows with --hardware-id.'
  ),
  config_invalid: beforeSending(
    withDetail(
      entry('setup', 0, 'The app is not configured correctly', 'The app’s configuration file or environment is incomplete or invalid.', SETTING_ACTION, 'CFG'),
      /** The problem names the setting; `example` is what a valid value of it looks like. */
      (d: { problem: string; example?: string; advice?: ConfigAdvice }) =>
        d.example === undefined ? d.problem : `${d.problem} A valid value looks like ${d.example}.`,
      (d) =>
        d.advice?.kind === 'cli-sandbox'
          ? 'For a local try-out start the sandbox with `npm run sandbox`, then set LM_API_URL, LM_API_KEY and LM_SHARED_KEY to the values it prints (or pass --api-url, --api-key and --shared-key).'
          : d.advice?.kind === 'given-option'
            ? 'Correct the option named above and try again.'
            : SETTING_ACTION
    )
  ),
  help_page_not_opened: nothingSent(
    insideTheApp(
      withDetail(
        entry(
          'setup',
          0,
          'The help page did not open',
          'The app asked your system to open its web browser, and it did not.',
          'Open your web browser yourself and go to the address shown.',
          'HPG'
        ),
        (d: { configured: boolean }) =>
          d.configured ? 'The app asked your system to open its web browser, and it did not.' : 'No help page is configured for this app.'
      )
    )
  ),
  busy: beforeSending(entry('input', 0, 'Already working', 'Another deactivation is still running.', 'Wait for it to finish.', 'BSY')),
  ipc_forbidden: nothingSent(
    entry(
      'setup',
      0,
      'The request did not come from the app’s window',
      'A call to the licence engine came from outside the app’s window and was refused. Nothing was sent.',
      'Close and reopen the app. If it keeps happening, ' + ASK_VENDOR.charAt(0).toLowerCase() + ASK_VENDOR.slice(1),
      'FRBD'
    )
  ),
  sandbox_start_failed: nothingSent(
    entry(
      'setup',
      0,
      'The built-in sandbox could not start',
      'No licence server is configured, so the app uses its built-in practice server, and that server could not start on this PC.',
      'Restart the app. If it keeps happening, a security program may be blocking connections inside this PC (127.0.0.1): ask your IT department.',
      'SBX'
    )
  ),
  app_internal_error: insideTheApp(
    entry(
      'server',
      0,
      'The app ran into a problem',
      NOT_CERTAIN_AFTER_FAILURE,
      `${RETRY_ALREADY_FREED} If it keeps happening, ` + ASK_VENDOR.charAt(0).toLowerCase() + ASK_VENDOR.slice(1),
      'APP'
    )
  ),

  interrupted: stoppedBySignal(
    withCases(
      entry(
        'network',
        0,
        'Stopped before the end',
        'The command was stopped (Ctrl+C or a stop signal) before it sent anything to the licence server. Nothing was changed.',
        'Run the command again when you are ready.',
        'STPD'
      ),
      'stage',
      {
        'nothing-sent': {
          explanation: 'The command was stopped (Ctrl+C or a stop signal) before it sent anything to the licence server. Nothing was changed.'
        },
        'signing-in': {
          explanation: 'The command was stopped while it waited for the browser sign-in, so nothing was sent to the licence server. Nothing was changed.'
        },
        'request-sent': {
          explanation:
            'The command was stopped after its request had gone to the licence server and before the answer came, so it is not known whether the server carried it out.',
          action:
            'Run the same command again: the answer then says where the licence stands (for a deactivation, an answer that this PC is not activated means the seat was freed).'
        }
      }
    )
  ),

  app_no_answer: entry(
    'server',
    0,
    'The app did not answer',
    `The window got no answer from the app’s background process. ${MAYBE_UNCHANGED}`,
    'Close the app, open it again and retry. If it keeps happening, contact support and include the diagnostics.',
    'APNA'
  ),

  // ── crashes and the log (src/main/electron/crash-handling.ts, the window's "Open logs folder") ──
  window_crashed: insideTheApp(
    withCases(
      entry(
        'server',
        0,
        'The window stopped working',
        'The part of License Manager that draws the window stopped unexpectedly. If a deactivation was running, it is not certain whether the licence changed.',
        'Reload the window and check the licence again. If it keeps happening, give the helpdesk the reference below: the app’s log holds the details.',
        'WCR'
      ),
      'reason',
      {
        oom: {
          explanation:
            'The part of License Manager that draws the window ran out of memory. If a deactivation was running, it is not certain whether the licence changed.',
          action: 'Close other programs, then reload the window. If it keeps happening, give the helpdesk the reference below.'
        },
        killed: {
          explanation:
            'The part of License Manager that draws the window was ended by another program (or the system). If a deactivation was running, it is not certain whether the licence changed.'
        }
      }
    )
  ),
  helper_process_stopped: insideTheApp(
    entry(
      'server',
      0,
      'Part of the app stopped and was restarted',
      'A helper process of License Manager (graphics or network) stopped unexpectedly. The app starts it again by itself; the window may have stopped drawing or lost a connection meanwhile.',
      'If the window looks wrong or a deactivation failed with a network error, reload the window and try again. If it keeps happening, give the helpdesk the reference below.',
      'PRCS'
    )
  ),
  app_unexpected_error: insideTheApp(
    entry(
      'server',
      0,
      'The app ran into an unexpected problem',
      'Something failed in License Manager’s background process. If a deactivation was running, it is not certain whether the licence changed.',
      'Reload the window and check the licence again. If it keeps happening, give the helpdesk the reference below: the app’s log holds the details.',
      'ZAP'
    )
  ),
  logs_unavailable: withCases(
    entry(
      'setup',
      0,
      'The log could not be read',
      'License Manager could not read its log file on this PC.',
      'Give the helpdesk the reference shown, and the diagnostics without the log lines.',
      'RCRD'
    ),
    'task',
    {
      read: { explanation: 'License Manager could not read its log file on this PC.' },
      open: {
        explanation: 'The folder that holds License Manager’s log could not be opened in the file manager.',
        action: 'Open the folder named under “Last lines of the log” yourself, or copy the diagnostics, which include the last lines.'
      }
    }
  ),

  // ── offline deactivation (request files, §7 of the License API) ──
  missing_content: entry(
    'input',
    400,
    'The request file is empty',
    'The licence server received an upload without any request file content.',
    'Choose the request file written on the PC without internet (it ends in .req) and upload it again.',
    'EMPT'
  ),
  offline_file_too_large: beforeSending(
    fileRefusal(
      entry(
        'input',
        0,
        'This file is too large to be a request file',
        'Request files are small (a few hundred bytes); this file is larger than 64 KiB, so it was not read. Nothing was sent.',
        'Choose the .req file that License Manager wrote on the PC without internet.',
        'FAT'
      )
    )
  ),
  offline_file_wrong_type: beforeSending(
    fileRefusal(
      entry(
        'input',
        0,
        'This is not a deactivation request file',
        'The file is not a deactivation request written by License Manager or a LicenseSpring SDK. Nothing was sent.',
        'Choose the .req file that License Manager wrote on the PC without internet.',
        'NREQ'
      ),
      {
        empty: 'The file is empty, so it is not a request file. Nothing was sent.',
        hostile: 'The file holds data that a request file never has, so it was not read. Nothing was sent.',
        'activation-request': 'This is an offline activation request, not a deactivation request. Nothing was sent.'
      }
    )
  ),
  offline_file_truncated: beforeSending(
    fileRefusal(
      entry(
        'input',
        0,
        'The request file is incomplete',
        'The file ends too early: it was cut off while being copied or saved. Nothing was sent.',
        'Copy the file from the PC without internet again, or write a new request file there.',
        'TRNC'
      )
    )
  ),
  offline_save_failed: beforeSending(
    withCases(
      entry(
        'input',
        0,
        'The request file could not be saved',
        'The app could not write the file where you chose (the folder may be missing, read-only or full). Nothing was saved.',
        'Choose another folder, such as your Documents folder or a USB stick, and try again.',
        'SAVE'
      ),
      'reason',
      {
        'file-exists': {
          explanation: 'A file with that name already exists, and it was left as it is. Nothing was written.',
          action: 'Give another file name, or move the existing file away, and try again.'
        }
      }
    )
  ),
  // Sandbox-only codes: the vendor documents that changed and replayed files are refused, and a minimum
  // schema version setting, not the codes it answers with.
  offline_request_tampered: sandboxOnly(
    entry(
      'input',
      400,
      'The licence server found the request file changed',
      'The server checked the file’s signature and it does not match: the file was edited after it was written, or it was signed with other keys than the server knows.',
      'Write a new request file on the PC without internet and upload that one, unchanged.',
      'STMP'
    )
  ),
  offline_request_replayed: sandboxOnly(
    entry(
      'input',
      400,
      'This request file was already used',
      'Each request file works once, and this one has been uploaded before, so the seat it names was already freed by that upload.',
      'Nothing more is needed for this file. To free the seat again (after a new activation), write a new request file on that PC.',
      'AGN'
    )
  ),
  offline_request_expired: sandboxOnly(
    entry(
      'input',
      400,
      'The request file is too old or dated in the future',
      'The server accepts request files for a limited time after they are written, and this file’s date is outside that time (or the clock of the PC that wrote it was wrong).',
      'Write a new request file on the PC without internet (check its date and time first) and upload it soon after.',
      'DATE'
    )
  ),
  offline_request_schema_too_old: sandboxOnly(
    entry(
      'input',
      400,
      'The request file is in an older format than the server accepts',
      'The vendor’s licence server accepts only request files in the current format (schema version 2), and this file is in the older format 1, written by an older LicenseSpring SDK.',
      'Write a new request file with License Manager on the PC without internet (it writes the current format) and upload that one, or ask the vendor to accept older request files.',
      'VERS'
    )
  ),

  // ── SSO browser flow (this app's own) ──
  sso_cancelled: signInIncomplete(
    withCases(entry('sso', 0, 'Sign-in cancelled', 'You cancelled the sign-in. Nothing was changed.', 'Start again when you are ready.', 'CANC'), 'where', {
      'provider-page': { explanation: 'You cancelled on your company’s sign-in page. Nothing was changed.' }
    })
  ),
  sso_timeout: signInIncomplete(
    entry(
      'sso',
      0,
      'The sign-in took too long',
      'The browser did not come back to the app in time. Nothing was changed.',
      'Start again and finish signing in in the browser window that opens.',
      'BRTM'
    )
  ),
  sso_replaced: signInIncomplete(
    entry('sso', 0, 'A newer sign-in started', 'This sign-in was replaced by a newer attempt.', 'Finish the newest sign-in in your browser.', 'NEWR')
  ),
  sso_state_mismatch: signInIncomplete(
    entry(
      'sso',
      0,
      'The sign-in answer did not match',
      'The browser returned an answer that does not belong to this sign-in, so it was ignored for your safety.',
      'Start the sign-in again from the app, and use only the browser tab it opens.',
      'STAT'
    )
  ),
  sso_access_denied: signInIncomplete(
    entry(
      'sso',
      0,
      'Sign-in was refused',
      'Your company’s sign-in page refused access, or you declined it.',
      'Sign in with an account that has access, or ask your administrator.',
      'NAY'
    )
  ),
  sso_provider_error: signInIncomplete(
    entry(
      'sso',
      0,
      'Your company sign-in reported an error',
      'The identity provider ended the sign-in with an error.',
      'Try again. If it keeps happening, show the code below to your administrator.',
      'PVDR'
    )
  ),
  sso_invalid_callback: signInIncomplete(
    entry('sso', 0, 'The browser sent an incomplete answer', 'The browser came back without a sign-in code or token.', 'Start the sign-in again.', 'NCDE')
  ),
  sso_port_in_use: signInIncomplete(
    withDetail(
      entry(
        'sso',
        0,
        'The sign-in port is busy',
        'The app must listen on the port the vendor registered for sign-in, and another program is using it.',
        'Close the other program (or another copy of this app) and try again.',
        'PRT'
      ),
      /** `address` is host:port; `localhost` lists the addresses localhost stands for, when the redirect names it; `cause` is the system's error code. */
      (d: { address: string; localhost?: readonly string[]; cause: string }) => {
        const where = d.localhost === undefined ? d.address : `${d.address} (one of the addresses of localhost, ${d.localhost.join(' and ')})`
        return d.cause === 'EADDRINUSE'
          ? `The app must listen on ${where}, the address the vendor registered for sign-in, and another program is using it.`
          : `The app could not listen on ${where} for the sign-in answer (${d.cause}).`
      }
    )
  ),
  sso_redirect_not_loopback: signInIncomplete(
    withCases(
      entry(
        'setup',
        0,
        'Company sign-in is set up for another kind of app',
        'The vendor’s sign-in sends the browser to an address that is not this PC, so the app cannot receive the answer.',
        'Ask the vendor to register a loopback redirect URI (http://127.0.0.1 or http://localhost) for this app.',
        'AWAY'
      ),
      'problem',
      { 'no-redirect-uri': { explanation: 'The sign-in address from the server does not say where the browser should come back to.' } }
    )
  ),
  sso_browser_failed: signInIncomplete(
    entry(
      'sso',
      0,
      'The browser could not be opened',
      'The app could not open your web browser for the sign-in.',
      'Copy the sign-in link and open it in your browser yourself.',
      'BRWS'
    )
  ),
  sso_unsafe_url: signInIncomplete(
    entry(
      'setup',
      0,
      'The sign-in address is not safe to open',
      'The server gave a sign-in address that is not https (or a loopback address for the sandbox), so the app did not open it.',
      ASK_VENDOR,
      'RSKY'
    )
  )
} as const satisfies Record<string, CatalogueEntry>

export type KnownErrorCode = keyof typeof ERROR_CATALOGUE

/**
 * An error code the License API answered with that this catalogue does not know: its own code
 * and the server's message are shown with these words; its reference reads `VNDR`.
 */
export const UNKNOWN_SERVER_ERROR: CatalogueEntry = entry(
  'server',
  0,
  'The licence server refused the request',
  'The server answered with an error code this app does not know, so the app cannot explain it: only the server’s own message below says what went wrong.',
  ASK_VENDOR,
  'VNDR'
)

/** The explanation of an unknown server code that came without a message. */
export const UNKNOWN_SERVER_ERROR_WITHOUT_MESSAGE =
  'The server answered with an error code this app does not know, and no message, so the app cannot say what went wrong.'

/** A success as the helpdesk reads it, and its reference mnemonic (`LM-YES-200-…`, `LM-YES-PC-…`); its words for the helpdesk are in helpdesk-words.ts. */
export const SUCCESS = {
  mnemonic: 'YES',
  title: 'Licence deactivated (or another success)',
  explanation:
    'The app did what was asked. With a status (200) the licence server confirmed it: the seat is free on the hardware id named (or, after “activate”, taken). With PC no server was asked: the hardware id was read, or a request file was written, and that seat is freed only when the file is uploaded.'
} as const satisfies { mnemonic: string; title: string; explanation: string }
