import type { LoginMethod } from '../request'
import type { CaseWords, CatalogueEntry, ErrorFamily, HelpdeskWords } from './types'

/** An entry's reference mnemonic (chosen by hand, see `CatalogueEntry.mnemonic`) and the helpdesk's words. */
type Helpdesk = HelpdeskWords & { mnemonic: string }

/** An entry; for the CLI a network-family error is a network failure, any other a refusal, unless marked below. */
const entry = (family: ErrorFamily, status: number, title: string, explanation: string, action: string, helpdesk: Helpdesk): CatalogueEntry => {
  const { mnemonic, ...words } = helpdesk
  return { mnemonic, family, exit: family === 'network' ? 'network' : 'refused', status, title, explanation, action, helpdesk: words }
}

/** Raised before anything is sent: bad input or configuration, no hardware id, busy, an unusable request file. */
const beforeSending = <E extends CatalogueEntry>(e: E): E => ({ ...e, exit: 'invalid', onThisPc: true })

/** The browser sign-in ended without a code or token: the License API was not asked to deactivate. */
const signInIncomplete = <E extends CatalogueEntry>(e: E): E => ({ ...e, exit: 'ssoIncomplete', onThisPc: true })

/** Nothing was sent to a licence server (for entries that are not `beforeSending`). */
const nothingSent = <E extends CatalogueEntry>(e: E): E => ({ ...e, onThisPc: true })

/** An answer whose HTTP status is its own, whatever it is: the error carries it (status 0 here). */
const withAnswersStatus = <E extends CatalogueEntry>(e: E): E => ({ ...e, statusVaries: true })

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
const sandboxOnly = (e: CatalogueEntry): CatalogueEntry => ({ ...e, sandboxOnly: true })

/** The words for a licence not found after a company sign-in, whichever grant it used. */
const COMPANY_ACCOUNT: CaseWords = {
  explanation: 'You signed in, but no licence of this bundle belongs to the account you signed in with.',
  action: 'Check the bundle code, and that you signed in with the right company account: "Use another account" signs in afresh.'
}

const ASK_VENDOR = 'Contact the software vendor’s support and quote the code shown below.'
const CHECK_SETUP =
  'The app’s connection settings are wrong. Ask your IT department or the software vendor to check the API key and shared key the app is configured with.'

// ── the helpdesk's words shared by several entries ──
const SETUP_SAY = 'This is a problem with how the app is set up, not with your licence or your PC. Nothing was changed on your licence.'
const NEXT_SETUP =
  'Pass the ticket, with the diagnostics, to whoever set up the app (the customer’s IT department, or the software vendor for its own installer): the caller cannot correct the app’s settings.'
const NEXT_VENDOR =
  'If it still fails, the caller presses Copy diagnostics (on the command line: runs it again with --json) and sends it with the reference to the software vendor’s support.'
const NEXT_IT = 'If it still fails, pass the ticket to the caller’s IT department with the diagnostics: their Network cause line names what failed.'
const NEXT_OFFLINE =
  'If this PC cannot go online, free the seat without internet: the caller writes a request file under “This PC has no internet” and uploads it from any computer with internet (see the offline walkthrough).'

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
    {
      mnemonic: 'BNK',
      say: 'The licence server does not know that bundle code. Please read me the bundle code from your licence email, letter by letter.',
      check:
        'The bundle code is the bundle’s short code (such as office-suite), not its display name: compare it with the order. The Bundle line of the diagnostics shows what was sent.',
      next: 'With the right code the caller presses Try again. If the code from the order is refused too, send the diagnostics to the software vendor’s support: the bundle may have been renamed.'
    }
  ),
  product_not_bundle: entry(
    'product',
    400,
    'That product is not a bundle',
    'The code you entered belongs to a single product, not to a bundle. This tool frees bundle licences only.',
    'Enter the code of the bundle that contains the product.',
    {
      mnemonic: 'SNG',
      say: 'That code belongs to a single product, not to the bundle it is part of. Please look in your licence email for the bundle’s code.',
      check: 'Which bundle holds the product the caller named: the order or the vendor’s portal lists bundle codes.',
      next: 'With the bundle code the caller presses Try again. A licence for a single product cannot be freed with this app: refer the caller to the vendor’s support.'
    }
  ),
  // Worded for the login method used, where the caller knows it (see method-advice.ts).
  license_not_found: withCases(
    entry(
      'credentials',
      400,
      'Licence not found',
      'No licence of this bundle matches the licence key, user or sign-in you gave.',
      'Check the licence key or the account for typing mistakes, and make sure it belongs to this bundle.',
      {
        mnemonic: 'WRNG',
        say: 'The server found no licence of this bundle for what you entered. Let us check it together: the licence key exactly as in your email, or the email address and password of your licence account.',
        check:
          'The login method in the diagnostics; for a key, its last four characters (Licence key: ••••0001) against the order; for a user, the Username line; the bundle code. After a company sign-in: which account the caller signed in with.',
        next: 'If the key or account is right and still not found, send the diagnostics to the software vendor’s support: the licence may belong to another bundle or customer.'
      }
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
    {
      mnemonic: 'NACT',
      say: 'This licence is not active anywhere, so there is no seat on this PC to free. You can activate it on the new PC straight away.',
      check: 'That the caller expected the licence to be in use; the bundle and the last four characters of the licence key in the diagnostics.',
      next: 'If the product on this PC still says it is licensed, send the diagnostics to the software vendor’s support.'
    }
  ),
  device_not_found: onCommandLine(
    entry(
      'device',
      400,
      'This PC is not activated on that licence',
      'The licence has no active device with this hardware id: it was already deactivated, or it was activated with another hardware id.',
      'If the product shows a different hardware id, paste it in the hardware id override and try again. Otherwise the seat is already free.',
      {
        mnemonic: 'DNF',
        say: 'The licence is not active on the hardware id this app sent. Either the seat is already free, or the licensed program uses a different hardware id. Please open the licensed program and read me the hardware id it shows.',
        check:
          'Compare the fingerprint of the id the program shows with the fingerprint of the id sent: in the diagnostics (“Hardware id in groups … fingerprint …”), or on the command line with license-manager hardware-id. Different: the caller presses Try again (the cursor lands in Hardware id override), pastes the program’s id and deactivates again. The same: the seat is already free.',
        next: 'If the same id answers this again, the seat is free: the caller activates on the new PC. If that activation finds no free seat, send the diagnostics to the software vendor’s support.'
      }
    ),
    'If the product shows a different hardware id, give it with --hardware-id and try again. Otherwise the seat is already free.'
  ),
  missing_headers: entry('setup', 400, 'The request was incomplete', 'The server did not receive the date or the authorization it requires.', CHECK_SETUP, {
    mnemonic: 'HDRS',
    say: SETUP_SAY,
    check:
      'Whether the app’s configuration (its config.json or LM_* variables) changed recently; whether a proxy between the PC and the server removes headers (try another network).',
    next: NEXT_SETUP
  }),

  // ── authorization (§2) ──
  authorization_invalid_headers: entry(
    'setup',
    400,
    'The app’s authorization was not understood',
    'The server could not read the app’s Authorization header.',
    CHECK_SETUP,
    {
      mnemonic: 'ATHX',
      say: SETUP_SAY,
      check: 'The app version and the Server line of the diagnostics; whether a proxy rewrites the app’s requests (try another network).',
      next: NEXT_SETUP
    }
  ),
  authorization_missing_params: entry(
    'setup',
    400,
    'The app’s authorization was incomplete',
    'The Authorization header lacks one of algorithm, headers, signature or API key.',
    CHECK_SETUP,
    {
      mnemonic: 'APRM',
      say: SETUP_SAY,
      check: 'The app version and the Server line of the diagnostics; whether a proxy rewrites the app’s requests (try another network).',
      next: NEXT_SETUP
    }
  ),
  hmac_required: entry('setup', 400, 'Unsupported signing method', 'The server only accepts requests signed with hmac-sha256.', CHECK_SETUP, {
    mnemonic: 'HMAC',
    say: SETUP_SAY,
    check: 'The authorization scheme the app is configured with (auth.scheme in its configuration).',
    next: NEXT_SETUP
  }),
  invalid_api_key: entry('setup', 400, 'The app’s API key is not recognised', 'The server does not know the API key the app is configured with.', CHECK_SETUP, {
    mnemonic: 'NKEY',
    say: SETUP_SAY,
    check:
      'The API key the app is configured with (config.json or LM_API_KEY) against the vendor’s portal, and the Server line: a sandbox or test key sent to a real server gives this.',
    next: NEXT_SETUP
  }),
  revoked_api_key: entry('setup', 400, 'The app’s API key was revoked', 'The vendor has revoked the API key this app uses.', CHECK_SETUP, {
    mnemonic: 'RVKD',
    say: SETUP_SAY,
    check: 'Whether the vendor revoked API keys recently: the app needs a configuration with a current key.',
    next: NEXT_SETUP
  }),
  read_only_api_key: entry(
    'setup',
    400,
    'The app’s API key is read-only',
    'The API key this app uses may not change licences, so it cannot deactivate.',
    CHECK_SETUP,
    {
      mnemonic: 'NWRT',
      say: SETUP_SAY,
      check: 'The API key’s permissions in the vendor’s portal: deactivating needs a key that may change licences.',
      next: NEXT_SETUP
    }
  ),
  api_key_product_not_allowed: entry(
    'setup',
    400,
    'The app may not manage this bundle',
    'The app’s API key has no access to the bundle you entered.',
    'Check the bundle code. If it is right, ask the vendor to allow this API key for the bundle.',
    {
      mnemonic: 'DENY',
      say: 'Let us check the bundle code first: please read it to me from your licence email.',
      check: 'The bundle code in the diagnostics against the order. If it is right, the app’s API key is limited to other bundles.',
      next: 'If the bundle code is right, ask the software vendor to allow the app’s API key for this bundle.'
    }
  ),
  date_header_diff: entry(
    'clock',
    400,
    'Your computer’s clock is wrong',
    'The server refuses requests whose time differs from its own by more than 15 minutes, and this PC’s clock is off by more than that.',
    'Set the date, time and time zone correctly (turn on “Set time automatically”), then try again.',
    {
      mnemonic: 'WTCH',
      say: 'Your computer’s clock is off by more than 15 minutes, and the server refuses requests from a PC whose clock is that far off. Please open the date and time settings, turn on “Set time automatically” and check the time zone.',
      check: 'The Time and Time zone lines of the diagnostics against the real time: a wrong time zone behind a clock that looks right is the usual cause.',
      next: 'Once the clock is right the caller presses Try again. If the PC may not change its clock (a company policy), pass the ticket to the caller’s IT department.'
    }
  ),
  signature_mismatch: entry(
    'setup',
    401,
    'The app’s shared key is wrong',
    'The request signature did not match: the shared key the app is configured with does not belong to its API key.',
    CHECK_SETUP,
    {
      mnemonic: 'SHRD',
      say: SETUP_SAY,
      check:
        'That the shared key the app is configured with (LM_SHARED_KEY or its configuration) belongs to its API key: the two were probably copied from different key pairs.',
      next: NEXT_SETUP
    }
  ),
  oauth_token_expired: entry(
    'setup',
    401,
    'The app’s access token expired',
    'The app’s OAuth access token expired and could not be renewed.',
    'Try again. If it keeps happening, ' + CHECK_SETUP.charAt(0).toLowerCase() + CHECK_SETUP.slice(1),
    {
      mnemonic: 'TKEX',
      say: 'Please press Try again. If it happens again, the problem is in how the app is set up, not with your licence or your PC.',
      check: 'Whether it happens again right away; the OAuth token server in the app’s configuration.',
      next: NEXT_SETUP
    }
  ),
  oauth_token_malformed: entry('setup', 401, 'The app’s access token was refused', 'The server could not read the app’s OAuth access token.', CHECK_SETUP, {
    mnemonic: 'TKMF',
    say: SETUP_SAY,
    check: 'The OAuth token server and client the app is configured with (auth.scheme oauth).',
    next: NEXT_SETUP
  }),
  oauth_token_request_failed: entry(
    'setup',
    401,
    'The app could not get an access token',
    'The OAuth token server refused the app’s client id and secret, or did not answer usefully.',
    CHECK_SETUP,
    {
      mnemonic: 'TKRQ',
      say: SETUP_SAY,
      check:
        'The OAuth client id and secret and the token server address in the app’s configuration; the Network cause line when the token server could not be reached at all.',
      next: NEXT_SETUP
    }
  ),

  // ── general (§3) ──
  validation_error: entry(
    'input',
    400,
    'The server rejected the request',
    'Some field of the request did not have the form the server expects.',
    'Check what you entered. The server’s own message is shown below.',
    {
      mnemonic: 'VDN',
      say: 'The server did not accept the form of something you entered. Let us go through the fields together.',
      check: 'The Server message and Field lines of the diagnostics name the field the server refused.',
      next: NEXT_VENDOR
    }
  ),
  missing_hardware_id: onCommandLine(
    entry(
      'input',
      400,
      'The hardware id did not reach the server',
      'The server says the request had no hardware id, so it cannot tell which PC to free.',
      'Check the hardware id shown in the app (or paste the one the licensed product shows into the override) and try again.',
      {
        mnemonic: 'NHW',
        say: 'The server says it received no hardware id. Please read me the hardware id the app shows under “Hardware id”.',
        check:
          'That the Hardware id line of the diagnostics is not empty; with an override, that it is the id the licensed program shows. A proxy that changes requests can drop it too.',
        next: NEXT_VENDOR
      }
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
      {
        mnemonic: 'KEYS',
        say: 'This bundle is freed with its licence key. Please choose “With a licence key” and type the key from your licence email.',
        check: 'That the caller has the licence key (order email, vendor’s portal): a username or a company sign-in cannot free this bundle.',
        next: 'Without the key, the caller’s licence administrator or the vendor’s portal can show it.'
      }
    ),
    'Give the key of the licence on this PC with --license-key (instead of --username or --sso) and try again.'
  ),
  missing_parameters: entry(
    'input',
    400,
    'Information is missing',
    'The server says a required field was not sent.',
    'Fill in every required field and try again.',
    {
      mnemonic: 'MSNG',
      say: 'Something the server needs was not sent. Let us go through each field together.',
      check: 'The Server message line of the diagnostics names what was missing.',
      next: NEXT_VENDOR
    }
  ),
  invalid_json: entry(
    'server',
    400,
    'The server could not read the request',
    'The request body was not valid JSON. This is a fault in the app or something between it and the server.',
    ASK_VENDOR,
    {
      mnemonic: 'JSN',
      say: 'The server could not read what the app sent. This is nothing you did.',
      check: 'Whether a proxy or security program on the caller’s network changes requests (try another network); the app version.',
      next: NEXT_VENDOR
    }
  ),
  not_found: entry(
    'setup',
    404,
    'The server address is wrong',
    'The server has no License API at the address the app is configured with.',
    'Check the server URL in the app’s configuration (it normally ends in /api/v4/).',
    { mnemonic: 'ADDR', say: SETUP_SAY, check: 'The Server line of the diagnostics: a License API address normally ends in /api/v4/.', next: NEXT_SETUP }
  ),
  internal_error: entry(
    'server',
    500,
    'The licence server had a problem',
    'The server failed while handling the request. The licence may be unchanged.',
    'Wait a few minutes and try again. If it keeps happening, ' + ASK_VENDOR.charAt(0).toLowerCase() + ASK_VENDOR.slice(1),
    {
      mnemonic: 'CRSH',
      say: 'The licence server had a problem on its side. Please wait a few minutes and press Try again; trying again is safe.',
      check: 'Whether other callers report the same right now (an outage); the time in the diagnostics.',
      next: NEXT_VENDOR
    }
  ),
  disabled_product: entry('product', 400, 'The bundle is disabled', 'The vendor has disabled this bundle, so its licences cannot be changed.', ASK_VENDOR, {
    mnemonic: 'DBN',
    say: 'The vendor has disabled this bundle, so its licences cannot be changed at the moment. This is not a problem with your PC.',
    check: 'That the bundle code is the one the caller owns.',
    next: 'Send the diagnostics to the software vendor’s support: only the vendor can enable the bundle or free the seat.'
  }),
  archived_product: entry('product', 400, 'The bundle is archived', 'The vendor has archived this bundle, so its licences cannot be changed.', ASK_VENDOR, {
    mnemonic: 'ARCH',
    say: 'The vendor has archived this bundle, so its licences cannot be changed any more. This is not a problem with your PC.',
    check: 'That the bundle code is the one the caller owns (an old bundle may have a successor).',
    next: 'Send the diagnostics to the software vendor’s support: only the vendor can free the seat.'
  }),
  license_not_enabled: entry(
    'licence',
    400,
    'The licence is disabled',
    'The vendor or your administrator has disabled this licence, so it cannot be changed.',
    'Ask your licence administrator or the vendor to enable it.',
    {
      mnemonic: 'DSA',
      say: 'Your licence has been disabled by the vendor or by your licence administrator, so it cannot be changed from here.',
      check: 'Who administers the caller’s licences: their company or the vendor.',
      next: 'The licence administrator or the vendor enables the licence; then the caller presses Try again.'
    }
  ),
  blacklisted: entry(
    'licence',
    400,
    'This device is blocked',
    'The vendor has blocked this PC (its hardware id) on the licence, so its seat cannot be changed from here.',
    ASK_VENDOR,
    {
      mnemonic: 'BAN',
      say: 'The vendor has blocked this PC on your licence, so its seat cannot be changed from here.',
      check: 'The hardware id fingerprint in the diagnostics, and whether an override was used (the Hardware id source line).',
      next: 'Send the diagnostics to the software vendor’s support: only the vendor can lift the block or free the seat.'
    }
  ),
  license_expired: sandboxOnly(
    entry(
      'licence',
      400,
      'The licence has expired',
      'The licence was valid for a limited time, and that time is over, so its seats can no longer be changed.',
      'Ask your licence administrator or the vendor to renew the licence, or to free the seat for you.',
      {
        mnemonic: 'EXP',
        say: 'Your licence has expired, and the server no longer changes its seats.',
        check: 'The licence’s end date, with the caller’s licence administrator or in the vendor’s portal.',
        next: 'The licence administrator or the vendor renews the licence or frees the seat; then the caller presses Try again.'
      }
    )
  ),
  license_activated_max_times: entry(
    'licence',
    400,
    'No free seats',
    'The licence is already active on as many devices as it allows.',
    'Deactivate it on another device first.',
    {
      mnemonic: 'MAX',
      say: 'Every seat of your licence is in use. A seat has to be freed on another device first.',
      check: 'Which devices hold the seats (the vendor’s portal). This answer normally comes when activating, not when deactivating.',
      next: 'Deactivate the licence on a device the caller no longer uses, then activate here; if that device is gone, the vendor can free its seat.'
    }
  ),

  // ── SSO, server side ──
  customer_account_not_found: entry(
    'sso',
    400,
    'Unknown company account',
    'The server has no customer account with the code you entered.',
    'Check the customer account code with your licence administrator.',
    {
      mnemonic: 'ACCT',
      say: 'The licence server does not know that customer account code. Please check it with your licence administrator: it is your company’s short code with the vendor.',
      check: 'The customer account code in the diagnostics against the one the vendor gave the company.',
      next: 'With the right code the caller presses Try again. A helpdesk link with account=… fills the code in for the caller.'
    }
  ),
  sso_not_enabled: sandboxOnly(
    entry(
      'sso',
      400,
      'Company sign-in is not set up',
      'This customer account has no single sign-on configured.',
      'Use another login method, or ask your licence administrator to set up single sign-on.',
      {
        mnemonic: 'SSNE',
        say: 'Your company account is not set up for company sign-in. Please use your licence key or username instead, if you have one.',
        check: 'Whether the caller’s company uses single sign-on with the vendor; the customer account code in the diagnostics.',
        next: 'The caller’s licence administrator asks the vendor to set up single sign-on, or the caller uses another login method.'
      }
    )
  ),
  sso_code_invalid: sandboxOnly(
    entry(
      'sso',
      400,
      'The sign-in expired or was already used',
      'The one-time code from your company sign-in was refused: codes last a short time and work once.',
      'Sign in again and deactivate straight away.',
      {
        mnemonic: 'SCEX',
        say: 'The sign-in expired or was used twice. Please sign in again and confirm straight away.',
        check: 'Whether the caller waited long between signing in and confirming, or used the browser’s Back button.',
        next: NEXT_VENDOR
      }
    )
  ),
  sso_redirect_uri_mismatch: sandboxOnly(
    entry(
      'sso',
      400,
      'The sign-in came back to another address',
      'The one-time code from your company sign-in was issued for another return address than the one sent with it, so the sign-in service refused it.',
      'Sign in again from the app. If it keeps happening, ' + ASK_VENDOR.charAt(0).toLowerCase() + ASK_VENDOR.slice(1),
      {
        mnemonic: 'RTRN',
        say: 'The sign-in came back to an address the sign-in service did not expect. Please start it again from the app.',
        check: 'Whether the caller opened the sign-in link in another browser or on another computer; whether it happens every time.',
        next: 'If it happens every time, send the diagnostics to the software vendor’s support: the sign-in return address registered for the app needs checking.'
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
      {
        mnemonic: 'STKN',
        say: 'The ID token was not accepted. Please get a fresh one by signing in again, or tick “Get the ID token from a browser sign-in instead”.',
        check: 'The customer account code; that the token is fresh and unused (tokens work once and expire quickly).',
        next: NEXT_VENDOR
      }
    )
  ),
  sso_user_not_found: sandboxOnly(
    entry(
      'credentials',
      400,
      'Your account has no licence here',
      'You signed in, but no licence of this bundle belongs to your account.',
      'Check that you signed in with the right account and entered the right bundle.',
      {
        mnemonic: 'SACC',
        say: 'You signed in, but the account you signed in with holds no licence of this bundle. Please press “Use another account” and sign in with the account that holds the licence.',
        check: 'The account the caller signed in with (the company sign-in page shows it) and the bundle code.',
        next: 'If the right account holds none either, the caller’s licence administrator checks who holds the licence.'
      }
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
      {
        mnemonic: 'CNX',
        say: 'The app could not reach the licence server. Do other websites open on this PC?',
        check:
          'The explanation the caller reads: “answered but refused the connection” means this PC’s network works and the server is down or its address is wrong; otherwise it may be this PC’s network. The Network cause and Server lines of the diagnostics.',
        next: 'Server down: try again later. Address wrong: pass the ticket to whoever set up the app. This PC without internet: free the seat with a request file (“This PC has no internet”).'
      }
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
      {
        mnemonic: 'NAME',
        say: 'The app could not find the licence server’s address. Do other websites open on this PC?',
        check:
          'The explanation: “no server has this name” means the server address is mistyped and this PC’s network works; “no name server could be asked” means this PC has no working network. The Server line of the diagnostics.',
        next: 'Address wrong: pass the ticket to whoever set up the app. No network: connect, or free the seat with a request file (“This PC has no internet”).'
      }
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
      'No complete answer arrived before the time limit. The licence may or may not have been deactivated.',
      'Try again; a second attempt is safe. If it keeps happening, check your connection or proxy.',
      {
        mnemonic: 'TMX',
        say: 'The server did not answer in time. Please press Try again; that is safe: if the first attempt freed the seat, the server now answers that this PC is not activated.',
        check: 'Whether the caller is on a slow or filtered network (VPN, hotel, mobile); the Network cause line of the diagnostics.',
        next: 'If it keeps timing out, try another network or free the seat with a request file; if other callers time out too, the server is down: tell the software vendor’s support.'
      }
    ),
    'reach',
    {
      'pc-online': {
        explanation:
          'No complete answer arrived before the time limit, although this PC has a network connection: the licence server or the way to it is slow or down. The licence may or may not have been deactivated.',
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
    {
      mnemonic: 'CERT',
      say: 'A secure connection to the licence server could not be made. This usually comes from a company proxy or antivirus that inspects secure connections.',
      check:
        'The Network cause line names the certificate problem (such as CERT_HAS_EXPIRED or SELF_SIGNED_CERT_IN_CHAIN); whether the PC is on a company network; the PC’s date (a wrong date makes certificates look invalid).',
      next: 'Pass the ticket to the caller’s IT department to let the licence server through the inspection, or have the caller try from another network.'
    }
  ),
  connection_reset: entry(
    'network',
    0,
    'The connection was cut',
    'The connection closed before the server’s answer was complete. The licence may or may not have been deactivated.',
    'Try again; a second attempt is safe.',
    {
      mnemonic: 'RST',
      say: 'The connection was cut before the answer arrived. Please press Try again; that is safe.',
      check: 'Whether it happens again; a VPN or an unstable Wi-Fi.',
      next: 'If it keeps happening, try another network, or free the seat with a request file (“This PC has no internet”).'
    }
  ),
  proxy_failure: entry(
    'network',
    0,
    'The proxy refused the connection',
    'The proxy this PC uses did not let the request through.',
    'Check the proxy settings with your IT department.',
    {
      mnemonic: 'PRXY',
      say: 'Your network’s proxy did not let the app through to the licence server.',
      check: 'Whether the PC uses a proxy (company network); the Network cause line of the diagnostics.',
      next: 'Pass the ticket to the caller’s IT department to let the licence server through the proxy, or free the seat with a request file.'
    }
  ),
  pc_offline: entry(
    'network',
    0,
    'This PC is offline',
    'The operating system reports that this PC has no network connection, so the request could not be sent.',
    'Connect to the internet (Wi-Fi, cable or mobile hotspot), then try again.',
    {
      mnemonic: 'NNET',
      say: 'Your PC has no network connection right now. Please connect to Wi-Fi or a cable and try again. If this PC cannot go online, I will walk you through freeing the seat with a request file.',
      check: 'Whether this PC may ever go online (machines in labs or factories often may not).',
      next: NEXT_OFFLINE
    }
  ),
  proxy_auth_required: entry(
    'network',
    407,
    'The proxy asks for a user name and password',
    'This PC reaches the internet through a proxy that wants you to sign in to it. The app cannot sign in to a proxy, so the request did not reach the licence server.',
    'Ask your IT department to let the app reach the licence server through the proxy without signing in, or use a network without this proxy.',
    {
      mnemonic: 'PXPW',
      say: 'Your network’s proxy asks for a sign-in that the app cannot give, so nothing reached the licence server.',
      check: 'That the caller is on a company network whose proxy asks for a password.',
      next: 'Pass the ticket to the caller’s IT department to let the app reach the licence server without a proxy sign-in; or use another network, or free the seat with a request file.'
    }
  ),
  network_error: entry('network', 0, 'Network error', 'The request failed before an answer arrived.', 'Check your internet connection and try again.', {
    mnemonic: 'NWK',
    say: 'The request failed on the network before an answer came. Please check your connection and press Try again.',
    check: 'The Network cause line of the diagnostics names what failed.',
    next: NEXT_IT
  }),
  too_many_requests: entry('server', 429, 'Too many requests', 'The server asked the app to slow down.', 'Wait a minute and try again.', {
    mnemonic: 'MANY',
    say: 'The server asked the app to slow down. Please wait a minute, then press Try again once.',
    check: 'Whether the caller (or a script) tried many times in a row.',
    next: NEXT_VENDOR
  }),
  server_unavailable: entry(
    'server',
    503,
    'The licence server is unavailable',
    'The server answered that it cannot handle requests right now.',
    'Wait a few minutes and try again.',
    {
      mnemonic: 'SVDN',
      say: 'The licence server is unavailable for the moment. Please try again in a few minutes.',
      check: 'Whether other callers report the same (an outage or maintenance).',
      next: 'If it lasts, tell the software vendor’s support. The caller can also write a request file now and upload it once the server is back.'
    }
  ),
  empty_error_body: withAnswersStatus(
    entry(
      'server',
      0,
      'The server gave an empty error',
      'The server reported a failure but said nothing about it.',
      'Try again later. If it keeps happening, ' + ASK_VENDOR.charAt(0).toLowerCase() + ASK_VENDOR.slice(1),
      {
        mnemonic: 'SHH',
        say: 'The server reported a failure without saying what it was. Please try again later.',
        check: 'The HTTP status in the reference (its third part).',
        next: NEXT_VENDOR
      }
    )
  ),
  non_json_error_body: withAnswersStatus(
    entry(
      'server',
      0,
      'The server gave an unreadable error',
      'The server reported a failure in a form the app cannot read.',
      'Try again later. If it keeps happening, ' + ASK_VENDOR.charAt(0).toLowerCase() + ASK_VENDOR.slice(1),
      {
        mnemonic: 'GRBG',
        say: 'The server reported a failure in a form the app cannot read. Please try again later.',
        check: 'The HTTP status in the reference; whether a proxy answers for the server (try another network).',
        next: NEXT_VENDOR
      }
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
        {
          mnemonic: 'WEB',
          say: 'A web page answered instead of the licence server: often a hotel or guest Wi-Fi sign-in page, or a company firewall. If your browser shows a sign-in page for the network, please sign in there first.',
          check:
            'Whether the caller is on a guest or hotel network (a sign-in page) or a company network; the HTTP status in the reference (301 or 302: a redirect).',
          next: 'After signing in to the network the caller presses Try again. On a company network, pass the ticket to the IT department to let the licence server through.'
        }
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
  unexpected_response: entry(
    'server',
    200,
    'The server gave an unexpected answer',
    'The server answered “success” but not with the confirmation the app expects, so it is not certain the seat was freed.',
    'Try again: if the seat was freed, the server will answer that this PC is not activated.',
    {
      mnemonic: 'QRK',
      say: 'The server answered, but not the way the app expects, so it is not certain yet whether the seat was freed. Please press Try again: if the seat is free, the app will say this PC is not activated.',
      check: 'Whether a proxy or security program answers for the server (try another network).',
      next: NEXT_VENDOR
    }
  ),
  response_too_large: entry(
    'server',
    200,
    'The server’s answer was far too large',
    'The answer was larger than any answer the licence server gives (1 MB), so the app stopped reading it. Something between this PC and the server may have answered instead. It is not certain whether the licence changed.',
    'Try again later: if the seat was already freed, the server will answer that this PC is not activated. If it keeps happening, ' +
      ASK_VENDOR.charAt(0).toLowerCase() +
      ASK_VENDOR.slice(1),
    {
      mnemonic: 'HGE',
      say: 'The server’s answer was far larger than any real answer, so it is not certain whether the seat was freed. Please try again later: if the seat is free, the app will say this PC is not activated.',
      check: 'Whether a proxy or captive portal answers for the server (try another network).',
      next: NEXT_VENDOR
    }
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
          {
            mnemonic: 'CHK',
            say: 'Something you entered is missing or not in the right form, and the app marks the field. Nothing was sent.',
            check: 'The field the app marks and its hint; on the command line, the option the message names.',
            next: 'If the caller cannot see what is wrong, read the field’s hint aloud; on the command line, license-manager --help lists every option.'
          }
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
        {
          mnemonic: 'PFX',
          say: 'The link I sent could not be used, so nothing was filled in. Please fill in the form yourself, or I will send you a new link.',
          check: 'The link takes only product, method and account; a link with anything else (a key, a password) is refused whole.',
          next: 'Send a new link built as the helpdesk kit shows (license-manager://deactivate?product=…&method=…).'
        }
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
          {
            mnemonic: 'HWX',
            say: 'The app could not read this PC’s hardware id. Please open the licensed program and read me the hardware id it shows; we will paste it into the app.',
            check: 'The explanation says what failed; the fingerprint of the program’s id once it is pasted.',
            next: 'The caller pastes the program’s id into Hardware id override (on the command line: --hardware-id). If the program shows none either, send the diagnostics to the software vendor’s support.'
          }
        ),
        (d: { problem: string }) => d.problem
      )
    ),
    'Give the hardware id that the licensed product shows with --hardware-id.'
  ),
  config_invalid: beforeSending(
    withDetail(
      entry('setup', 0, 'The app is not configured correctly', 'The app’s configuration file or environment is incomplete or invalid.', SETTING_ACTION, {
        mnemonic: 'CFG',
        say: 'The app is not set up correctly on this PC, so it cannot do its work. Nothing was sent.',
        check:
          'The explanation names the setting at fault and what a valid value looks like (config.json or an LM_* variable). The start-up screen’s diagnostics hold the version and this PC’s hardware id.',
        next: NEXT_SETUP + ' Once it is fixed, Try again reads the configuration again without restarting the app.'
      }),
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
          {
            mnemonic: 'HPG',
            say: 'The app could not open the help page in your browser. Please open your browser and type the address shown.',
            check: 'Whether the PC has a default browser.',
            next: 'Nothing about the licence depends on it. When no address is shown, the app has no help page configured.'
          }
        ),
        (d: { configured: boolean }) =>
          d.configured ? 'The app asked your system to open its web browser, and it did not.' : 'No help page is configured for this app.'
      )
    )
  ),
  busy: beforeSending(
    entry('input', 0, 'Already working', 'Another deactivation is still running.', 'Wait for it to finish.', {
      mnemonic: 'BSY',
      say: 'A deactivation is still running. Please wait for it to finish before starting another.',
      check: 'Whether the window shows a spinner or waits for the browser (Cancel sign-in stops a sign-in).',
      next: 'If nothing seems to run, the caller closes and reopens the app.'
    })
  ),
  ipc_forbidden: nothingSent(
    entry(
      'setup',
      0,
      'The request did not come from the app’s window',
      'A call to the licence engine came from outside the app’s window and was refused. Nothing was sent.',
      'Close and reopen the app. If it keeps happening, ' + ASK_VENDOR.charAt(0).toLowerCase() + ASK_VENDOR.slice(1),
      {
        mnemonic: 'FRBD',
        say: 'The app refused a request that did not come from its own window. Please close the app and open it again.',
        check: 'Whether the caller runs a modified copy of the app, or a program that injects into other programs.',
        next: NEXT_VENDOR
      }
    )
  ),
  sandbox_start_failed: nothingSent(
    entry(
      'setup',
      0,
      'The built-in sandbox could not start',
      'No licence server is configured, so the app uses its built-in practice server, and that server could not start on this PC.',
      'Restart the app. If it keeps happening, a security program may be blocking connections inside this PC (127.0.0.1): ask your IT department.',
      {
        mnemonic: 'SBX',
        say: 'The app’s built-in practice server could not start. This copy has no real licence server set up, so it could not free a real licence anyway.',
        check:
          'That the caller runs the vendor’s installer and not a test copy (the window would show the banner “Sandbox: test licences”); a security program may block connections inside the PC (127.0.0.1).',
        next: 'A copy without a licence server cannot free a real seat: have the caller install the vendor’s own build.'
      }
    )
  ),
  app_internal_error: insideTheApp(
    entry(
      'server',
      0,
      'The app ran into a problem',
      'Something failed inside the app before a clear answer was known, so it is not certain whether the licence changed.',
      'Try again: if the seat was already freed, the server will answer that this PC is not activated. If it keeps happening, ' +
        ASK_VENDOR.charAt(0).toLowerCase() +
        ASK_VENDOR.slice(1),
      {
        mnemonic: 'APP',
        say: 'Something went wrong inside the app, so it is not certain whether the seat was freed. Please press Try again: if it was freed, the app will say this PC is not activated.',
        check: 'The app version; whether it happens again.',
        next: NEXT_VENDOR
      }
    )
  ),

  app_no_answer: entry(
    'server',
    0,
    'The app did not answer',
    'The window got no answer from the app’s background process. The licence may be unchanged.',
    'Close the app, open it again and retry. If it keeps happening, contact support and include the diagnostics.',
    {
      mnemonic: 'APNA',
      say: 'The app’s background part did not answer. Please close the app, open it again and try once more.',
      check: 'Whether it happens again after the restart.',
      next: NEXT_VENDOR
    }
  ),

  // ── offline deactivation (request files, §7 of the License API) ──
  missing_content: entry(
    'input',
    400,
    'The request file is empty',
    'The licence server received an upload without any request file content.',
    'Choose the request file written on the PC without internet (it ends in .req) and upload it again.',
    {
      mnemonic: 'EMPT',
      say: 'The server received an empty upload. Please choose the request file again (it ends in .req) and upload it.',
      check: 'The file’s size: a request file has a few hundred bytes; that the caller chose the file and not a shortcut to it.',
      next: 'If the file itself is empty, write a new request file on the PC without internet.'
    }
  ),
  offline_file_too_large: beforeSending(
    fileRefusal(
      entry(
        'input',
        0,
        'This file is too large to be a request file',
        'Request files are small (a few hundred bytes); this file is larger than 64 KiB, so it was not read. Nothing was sent.',
        'Choose the .req file that License Manager wrote on the PC without internet.',
        {
          mnemonic: 'FAT',
          say: 'This file is much larger than a request file. Please choose the file ending in .req that License Manager wrote on the PC without internet.',
          check: 'The file’s name (such as office-suite-1a2b3c4d-deactivate.req) and size (a few hundred bytes).',
          next: 'If no .req file can be found, write a new one on the PC without internet.'
        }
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
        {
          mnemonic: 'NREQ',
          say: 'This is not a deactivation request file. Please look for the file ending in .req that License Manager wrote on the PC without internet.',
          check: 'The explanation says what the file is instead: empty, an offline activation request, or something else altogether.',
          next: 'If no .req file can be found, write a new one on the PC without internet.'
        }
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
        {
          mnemonic: 'TRNC',
          say: 'The request file is cut off: it was not copied completely. Please copy it again from the PC without internet, or write a new one there.',
          check: 'The file’s size against the original; a USB stick pulled out too early cuts files.',
          next: 'Write a new request file on the PC without internet and upload that one.'
        }
      )
    )
  ),
  offline_file_tampered: beforeSending(
    entry(
      'input',
      0,
      'The request file was changed',
      'The file’s signature does not match its content: something in it was edited after it was written, so it cannot be trusted. Nothing was sent.',
      'Do not edit request files. Write a new request file on the PC without internet and upload that one.',
      {
        mnemonic: 'TMPR',
        say: 'The request file was changed after it was written, so it cannot be trusted. Please write a new one on the PC without internet and upload it unchanged.',
        check: 'Whether the caller opened the file in an editor and saved it (even saving can change it).',
        next: 'If a fresh, untouched file is refused too, send the diagnostics to the software vendor’s support: the two PCs’ apps may be set up with different keys.'
      }
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
        {
          mnemonic: 'SAVE',
          say: 'The app could not save the file where you chose. Please choose another folder, such as Documents or a USB stick.',
          check: 'Whether the folder is read-only, full or gone; the explanation says when a file of that name already exists.',
          next: 'Choose another folder (on the command line, another --out path).'
        }
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
  // Sandbox-only codes: the vendor documents that tampered and replayed files are refused, not the codes it answers with.
  offline_request_tampered: entry(
    'input',
    400,
    'The licence server found the request file changed',
    'The server checked the file’s signature and it does not match: the file was edited after it was written, or it was signed with other keys than the server knows.',
    'Write a new request file on the PC without internet and upload that one, unchanged.',
    {
      mnemonic: 'STMP',
      say: 'The licence server says the request file was changed, or was signed with keys it does not know. Please write a new request file on the PC without internet and upload it unchanged.',
      check: 'That the file was written by the same vendor’s app as the one uploading it (a test copy signs with test keys).',
      next: NEXT_VENDOR
    }
  ),
  offline_request_replayed: entry(
    'input',
    400,
    'This request file was already used',
    'Each request file works once, and this one has been uploaded before, so the seat it names was already freed by that upload.',
    'Nothing more is needed for this file. To free the seat again (after a new activation), write a new request file on that PC.',
    {
      mnemonic: 'AGN',
      say: 'This request file was uploaded before, so the seat it names is already free. Nothing more is needed for this file.',
      check: 'Whether the caller uploaded the same file twice (the Request id on the upload screen).',
      next: 'The caller activates on the new PC. If the licence still shows the seat taken, send the diagnostics to the software vendor’s support.'
    }
  ),
  offline_request_expired: entry(
    'input',
    400,
    'The request file is too old or dated in the future',
    'The server accepts request files for a limited time after they are written, and this file’s date is outside that time (or the clock of the PC that wrote it was wrong).',
    'Write a new request file on the PC without internet (check its date and time first) and upload it soon after.',
    {
      mnemonic: 'DATE',
      say: 'The request file is too old, or dated in the future because the clock of the PC that wrote it was wrong. Please write a new request file and upload it soon after.',
      check: 'The Written date on the upload screen against today; the clock of the PC that wrote the file.',
      next: 'Set that PC’s date and time right, write a new file and upload it the same day.'
    }
  ),

  // ── SSO browser flow (this app's own) ──
  sso_cancelled: signInIncomplete(
    withCases(
      entry('sso', 0, 'Sign-in cancelled', 'You cancelled the sign-in. Nothing was changed.', 'Start again when you are ready.', {
        mnemonic: 'CANC',
        say: 'The sign-in was cancelled, so nothing was changed. Press Try again when you are ready.',
        check: 'Whether the caller meant to cancel, or the company sign-in page showed a problem first (a wrong password, then Cancel).',
        next: 'If the company sign-in keeps failing, the caller’s IT department checks their account.'
      }),
      'where',
      {
        'provider-page': { explanation: 'You cancelled on your company’s sign-in page. Nothing was changed.' }
      }
    )
  ),
  sso_timeout: signInIncomplete(
    entry(
      'sso',
      0,
      'The sign-in took too long',
      'The browser did not come back to the app in time. Nothing was changed.',
      'Start again and finish signing in in the browser window that opens.',
      {
        mnemonic: 'BRTM',
        say: 'The sign-in in the browser was not finished in time, so nothing was changed. Please press Try again and finish signing in in the browser window that opens.',
        check: 'Whether the browser opened at all (perhaps behind other windows), or the caller signed in in another browser.',
        next: 'If the browser never comes back to the app, use “Copy sign-in link” while the app waits and paste the link into the default browser.'
      }
    )
  ),
  sso_replaced: signInIncomplete(
    entry('sso', 0, 'A newer sign-in started', 'This sign-in was replaced by a newer attempt.', 'Finish the newest sign-in in your browser.', {
      mnemonic: 'NEWR',
      say: 'A newer sign-in was started, so this one stopped. Please finish the newest sign-in in your browser.',
      check: 'Whether the caller pressed the button twice or runs two copies of the app.',
      next: 'The caller closes the extra browser tabs and starts once more.'
    })
  ),
  sso_state_mismatch: signInIncomplete(
    entry(
      'sso',
      0,
      'The sign-in answer did not match',
      'The browser returned an answer that does not belong to this sign-in, so it was ignored for your safety.',
      'Start the sign-in again from the app, and use only the browser tab it opens.',
      {
        mnemonic: 'STAT',
        say: 'The browser came back with the answer of another sign-in, so the app ignored it for your safety. Please start again from the app and use only the browser tab it opens.',
        check: 'Whether the caller used an old tab or a bookmark of the sign-in page.',
        next: 'If it happens again with a fresh tab, send the diagnostics to the software vendor’s support.'
      }
    )
  ),
  sso_access_denied: signInIncomplete(
    entry(
      'sso',
      0,
      'Sign-in was refused',
      'Your company’s sign-in page refused access, or you declined it.',
      'Sign in with an account that has access, or ask your administrator.',
      {
        mnemonic: 'NAY',
        say: 'Your company’s sign-in refused access, or the access request was declined. Please sign in with an account that may use this product.',
        check: 'Which account the caller used; whether the company limits who may use the app.',
        next: 'The caller’s IT department grants the account access to the app in the company’s sign-in service.'
      }
    )
  ),
  sso_provider_error: signInIncomplete(
    entry(
      'sso',
      0,
      'Your company sign-in reported an error',
      'The identity provider ended the sign-in with an error.',
      'Try again. If it keeps happening, show the code below to your administrator.',
      {
        mnemonic: 'PVDR',
        say: 'Your company’s sign-in reported an error. Please try once more.',
        check: 'The Server message line of the diagnostics (the sign-in service’s own error).',
        next: 'Pass the error to the caller’s IT department (they run the company’s sign-in service), with the diagnostics.'
      }
    )
  ),
  sso_invalid_callback: signInIncomplete(
    entry('sso', 0, 'The browser sent an incomplete answer', 'The browser came back without a sign-in code or token.', 'Start the sign-in again.', {
      mnemonic: 'NCDE',
      say: 'The browser came back without the sign-in result. Please start the sign-in again.',
      check: 'Whether a browser extension or a security program changes the address the browser comes back to.',
      next: NEXT_VENDOR
    })
  ),
  sso_port_in_use: signInIncomplete(
    withDetail(
      entry(
        'sso',
        0,
        'The sign-in port is busy',
        'The app must listen on the port the vendor registered for sign-in, and another program is using it.',
        'Close the other program (or another copy of this app) and try again.',
        {
          mnemonic: 'PRT',
          say: 'Another program is using the connection the app needs for the sign-in. Please close any other copy of License Manager, then try again.',
          check: 'The explanation names the address and port; another copy of the app is the usual cause.',
          next: 'If no other copy runs, restarting the PC frees the port; otherwise pass the ticket to the caller’s IT department.'
        }
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
        {
          mnemonic: 'AWAY',
          say: 'Company sign-in is not set up for this app yet. Please use your licence key or username instead, if you have one.',
          check: 'The vendor’s sign-in set-up: the return address must be on this PC (http://127.0.0.1 or http://localhost).',
          next: 'Send the diagnostics to the software vendor’s support to register a return address on this PC for the app.'
        }
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
      {
        mnemonic: 'BRWS',
        say: 'The app could not open your web browser. Please press “Copy sign-in link”, paste the link into your browser’s address bar and sign in there.',
        check: 'Whether the PC has a default browser.',
        next: 'If the link cannot be copied either, the command line prints it: license-manager deactivate --sso --no-browser with the same bundle and customer account.'
      }
    )
  ),
  sso_unsafe_url: signInIncomplete(
    entry(
      'setup',
      0,
      'The sign-in address is not safe to open',
      'The server gave a sign-in address that is not https (or a loopback address for the sandbox), so the app did not open it.',
      ASK_VENDOR,
      {
        mnemonic: 'RSKY',
        say: 'The sign-in address the server gave is not safe to open, so the app stopped. Nothing was changed.',
        check: 'The Server line of the diagnostics: a real licence server gives an https sign-in address.',
        next: NEXT_VENDOR
      }
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
  'The server answered with an error this app does not know.',
  ASK_VENDOR,
  {
    mnemonic: 'VNDR',
    say: 'The licence server refused the request with an error this app does not know. Please read me the code shown under the message.',
    check: 'The Code and Server message lines of the diagnostics: the server’s own code and words, which the vendor’s support can look up.',
    next: NEXT_VENDOR
  }
)

/** What a success means for the helpdesk, and its reference mnemonic (`LM-YES-200-…`, `LM-YES-PC-…`). */
export const SUCCESS = {
  mnemonic: 'YES',
  title: 'Licence deactivated (or another success)',
  explanation:
    'The app did what was asked. With a status (200) the licence server confirmed it: the seat is free on the hardware id named (or, after “activate”, taken). With PC no server was asked: the hardware id was read, or a request file was written, and that seat is freed only when the file is uploaded.',
  helpdesk: {
    say: 'That worked. If the seat was freed, start the program on the new PC and activate it there with the same licence.',
    check:
      'The status part of the reference: 200 means the licence server confirmed; PC means nothing was sent yet, so after writing a request file the seat is still taken until the file is uploaded.',
    next: 'Nothing more after a 200. After a request file was written (PC), the caller uploads it from a computer with internet: under “Upload a request file” or at the vendor’s customer portal.'
  }
} as const satisfies { mnemonic: string; title: string; explanation: string; helpdesk: HelpdeskWords }
