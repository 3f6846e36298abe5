import type { KnownErrorCode } from './catalogue'
import type { HelpdeskWords } from './types'

/*
 * The helpdesk's words for every result: what to say to the caller, what to check, and the
 * next step (src/shared/errors/types.ts, HelpdeskWords), written for an agent on the phone.
 * One entry per catalogue code (the type refuses a missing one), plus the success and a server
 * code the app does not know. They live beside the catalogue rather than in its entries so that
 * only the helpdesk's readers (license-manager explain, the helpdesk guide) carry them: the
 * window's and the main process's bundles stay as they were.
 */

// Words several results share.
const SETUP_SAY = 'This is a problem with how the app is set up, not with your licence or your PC. Nothing was changed on your licence.'
const NEXT_SETUP =
  'Pass the ticket, with the diagnostics, to whoever set up the app (the customer’s IT department, or the software vendor for its own installer): the caller cannot correct the app’s settings.'
const NEXT_VENDOR =
  'If it still fails, the caller presses Copy diagnostics (on the command line: runs it again with --json) and sends it with the reference to the software vendor’s support.'
const NEXT_IT = 'If it still fails, pass the ticket to the caller’s IT department with the diagnostics: their Network cause line names what failed.'
const NEXT_OFFLINE =
  'If this PC cannot go online, free the seat without internet: the caller writes a request file under “This PC has no internet” and uploads it from any computer with internet (see the offline walkthrough).'

/** What to say, check and do next, per catalogue code. */
export const HELPDESK_WORDS = {
  unknown_product: {
    say: 'The licence server does not know that bundle code. Please read me the bundle code from your licence email, letter by letter.',
    check:
      'The bundle code is the bundle’s short code (such as office-suite), not its display name: compare it with the order. The Bundle line of the diagnostics shows what was sent.',
    next: 'With the right code the caller presses Try again. If the code from the order is refused too, send the diagnostics to the software vendor’s support: the bundle may have been renamed.'
  },
  product_not_bundle: {
    say: 'That code belongs to a single product, not to the bundle it is part of. Please look in your licence email for the bundle’s code.',
    check: 'Which bundle holds the product the caller named: the order or the vendor’s portal lists bundle codes.',
    next: 'With the bundle code the caller presses Try again. A licence for a single product cannot be freed with this app: refer the caller to the vendor’s support.'
  },
  license_not_found: {
    say: 'The server found no licence of this bundle for what you entered. Let us check it together: the licence key exactly as in your email, or the email address and password of your licence account.',
    check:
      'The login method in the diagnostics; for a key, its last four characters (Licence key: ••••0001) against the order; for a user, the Username line; the bundle code. After a company sign-in: which account the caller signed in with.',
    next: 'If the key or account is right and still not found, send the diagnostics to the software vendor’s support: the licence may belong to another bundle or customer.'
  },
  license_not_active: {
    say: 'This licence is not active anywhere, so there is no seat on this PC to free. You can activate it on the new PC straight away.',
    check: 'That the caller expected the licence to be in use; the bundle and the last four characters of the licence key in the diagnostics.',
    next: 'If the product on this PC still says it is licensed, send the diagnostics to the software vendor’s support.'
  },
  device_not_found: {
    say: 'The licence is not active on the hardware id this app sent. Either the seat is already free, or the licensed program uses a different hardware id. Please open the licensed program and read me the hardware id it shows.',
    check:
      'Compare the fingerprint of the id the program shows with the fingerprint of the id sent: in the diagnostics (“Hardware id in groups … fingerprint …”), or on the command line with license-manager hardware-id. Different: the caller presses Try again (the cursor lands in Hardware id override), pastes the program’s id and deactivates again. The same: the seat is already free.',
    next: 'If the same id answers this again, the seat is free: the caller activates on the new PC. If that activation finds no free seat, send the diagnostics to the software vendor’s support.'
  },
  missing_headers: {
    say: SETUP_SAY,
    check:
      'Whether the app’s configuration (its config.json or LM_* variables) changed recently; whether a proxy between the PC and the server removes headers (try another network).',
    next: NEXT_SETUP
  },
  authorization_invalid_headers: {
    say: SETUP_SAY,
    check: 'The app version and the Server line of the diagnostics; whether a proxy rewrites the app’s requests (try another network).',
    next: NEXT_SETUP
  },
  authorization_missing_params: {
    say: SETUP_SAY,
    check: 'The app version and the Server line of the diagnostics; whether a proxy rewrites the app’s requests (try another network).',
    next: NEXT_SETUP
  },
  hmac_required: {
    say: SETUP_SAY,
    check: 'The authorization scheme the app is configured with (auth.scheme in its configuration).',
    next: NEXT_SETUP
  },
  invalid_api_key: {
    say: SETUP_SAY,
    check:
      'The API key the app is configured with (config.json or LM_API_KEY) against the vendor’s portal, and the Server line: a sandbox or test key sent to a real server gives this.',
    next: NEXT_SETUP
  },
  revoked_api_key: {
    say: SETUP_SAY,
    check: 'Whether the vendor revoked API keys recently: the app needs a configuration with a current key.',
    next: NEXT_SETUP
  },
  read_only_api_key: {
    say: SETUP_SAY,
    check: 'The API key’s permissions in the vendor’s portal: deactivating needs a key that may change licences.',
    next: NEXT_SETUP
  },
  api_key_product_not_allowed: {
    say: 'Let us check the bundle code first: please read it to me from your licence email.',
    check: 'The bundle code in the diagnostics against the order. If it is right, the app’s API key is limited to other bundles.',
    next: 'If the bundle code is right, ask the software vendor to allow the app’s API key for this bundle.'
  },
  date_header_diff: {
    say: 'Your computer’s clock is off by more than 15 minutes, and the server refuses requests from a PC whose clock is that far off. Please open the date and time settings, turn on “Set time automatically” and check the time zone.',
    check: 'The Time and Time zone lines of the diagnostics against the real time: a wrong time zone behind a clock that looks right is the usual cause.',
    next: 'Once the clock is right the caller presses Try again. If the PC may not change its clock (a company policy), pass the ticket to the caller’s IT department.'
  },
  signature_mismatch: {
    say: SETUP_SAY,
    check:
      'That the shared key the app is configured with (LM_SHARED_KEY or its configuration) belongs to its API key: the two were probably copied from different key pairs.',
    next: NEXT_SETUP
  },
  oauth_token_expired: {
    say: 'Please press Try again. If it happens again, the problem is in how the app is set up, not with your licence or your PC.',
    check: 'Whether it happens again right away; the OAuth token server in the app’s configuration.',
    next: NEXT_SETUP
  },
  oauth_token_malformed: {
    say: SETUP_SAY,
    check: 'The OAuth token server and client the app is configured with (auth.scheme oauth).',
    next: NEXT_SETUP
  },
  oauth_token_request_failed: {
    say: SETUP_SAY,
    check:
      'The OAuth client id and secret and the token server address in the app’s configuration; the Network cause line when the token server could not be reached at all.',
    next: NEXT_SETUP
  },
  validation_error: {
    say: 'The server did not accept the form of something you entered. Let us go through the fields together.',
    check: 'The Server message and Field lines of the diagnostics name the field the server refused.',
    next: NEXT_VENDOR
  },
  missing_hardware_id: {
    say: 'The server says it received no hardware id. Please read me the hardware id the app shows under “Hardware id”.',
    check:
      'That the Hardware id line of the diagnostics is not empty; with an override, that it is the id the licensed program shows. A proxy that changes requests can drop it too.',
    next: NEXT_VENDOR
  },
  license_key_required: {
    say: 'This bundle is freed with its licence key. Please choose “With a licence key” and type the key from your licence email.',
    check: 'That the caller has the licence key (order email, vendor’s portal): a username or a company sign-in cannot free this bundle.',
    next: 'Without the key, the caller’s licence administrator or the vendor’s portal can show it.'
  },
  missing_parameters: {
    say: 'Something the server needs was not sent. Let us go through each field together.',
    check: 'The Server message line of the diagnostics names what was missing.',
    next: NEXT_VENDOR
  },
  invalid_json: {
    say: 'The server could not read what the app sent. This is nothing you did.',
    check: 'Whether a proxy or security program on the caller’s network changes requests (try another network); the app version.',
    next: NEXT_VENDOR
  },
  not_found: {
    say: SETUP_SAY,
    check: 'The Server line of the diagnostics: a License API address normally ends in /api/v4/.',
    next: NEXT_SETUP
  },
  internal_error: {
    say: 'The licence server had a problem on its side. Please wait a few minutes and press Try again; trying again is safe.',
    check: 'Whether other callers report the same right now (an outage); the time in the diagnostics.',
    next: NEXT_VENDOR
  },
  disabled_product: {
    say: 'The vendor has disabled this bundle, so its licences cannot be changed at the moment. This is not a problem with your PC.',
    check: 'That the bundle code is the one the caller owns.',
    next: 'Send the diagnostics to the software vendor’s support: only the vendor can enable the bundle or free the seat.'
  },
  archived_product: {
    say: 'The vendor has archived this bundle, so its licences cannot be changed any more. This is not a problem with your PC.',
    check: 'That the bundle code is the one the caller owns (an old bundle may have a successor).',
    next: 'Send the diagnostics to the software vendor’s support: only the vendor can free the seat.'
  },
  license_not_enabled: {
    say: 'Your licence has been disabled by the vendor or by your licence administrator, so it cannot be changed from here.',
    check: 'Who administers the caller’s licences: their company or the vendor.',
    next: 'The licence administrator or the vendor enables the licence; then the caller presses Try again.'
  },
  blacklisted: {
    say: 'The vendor has blocked this PC on your licence, so its seat cannot be changed from here.',
    check: 'The hardware id fingerprint in the diagnostics, and whether an override was used (the Hardware id source line).',
    next: 'Send the diagnostics to the software vendor’s support: only the vendor can lift the block or free the seat.'
  },
  license_expired: {
    say: 'Your licence has expired, and the server no longer changes its seats.',
    check: 'The licence’s end date, with the caller’s licence administrator or in the vendor’s portal.',
    next: 'The licence administrator or the vendor renews the licence or frees the seat; then the caller presses Try again.'
  },
  license_activated_max_times: {
    say: 'Every seat of your licence is in use. A seat has to be freed on another device first.',
    check: 'Which devices hold the seats (the vendor’s portal). This answer normally comes when activating, not when deactivating.',
    next: 'Deactivate the licence on a device the caller no longer uses, then activate here; if that device is gone, the vendor can free its seat.'
  },
  customer_account_not_found: {
    say: 'The licence server does not know that customer account code. Please check it with your licence administrator: it is your company’s short code with the vendor.',
    check: 'The customer account code in the diagnostics against the one the vendor gave the company.',
    next: 'With the right code the caller presses Try again. A helpdesk link with account=… fills the code in for the caller.'
  },
  sso_not_enabled: {
    say: 'Your company account is not set up for company sign-in. Please use your licence key or username instead, if you have one.',
    check: 'Whether the caller’s company uses single sign-on with the vendor; the customer account code in the diagnostics.',
    next: 'The caller’s licence administrator asks the vendor to set up single sign-on, or the caller uses another login method.'
  },
  sso_code_invalid: {
    say: 'The sign-in expired or was used twice. Please sign in again and confirm straight away.',
    check: 'Whether the caller waited long between signing in and confirming, or used the browser’s Back button.',
    next: NEXT_VENDOR
  },
  sso_redirect_uri_mismatch: {
    say: 'The sign-in came back to an address the sign-in service did not expect. Please start it again from the app.',
    check: 'Whether the caller opened the sign-in link in another browser or on another computer; whether it happens every time.',
    next: 'If it happens every time, send the diagnostics to the software vendor’s support: the sign-in return address registered for the app needs checking.'
  },
  sso_token_invalid: {
    say: 'The ID token was not accepted. Please get a fresh one by signing in again, or tick “Get the ID token from a browser sign-in instead”.',
    check: 'The customer account code; that the token is fresh and unused (tokens work once and expire quickly).',
    next: NEXT_VENDOR
  },
  sso_user_not_found: {
    say: 'You signed in, but the account you signed in with holds no licence of this bundle. Please press “Use another account” and sign in with the account that holds the licence.',
    check: 'The account the caller signed in with (the company sign-in page shows it) and the bundle code.',
    next: 'If the right account holds none either, the caller’s licence administrator checks who holds the licence.'
  },
  cannot_connect_to_server: {
    say: 'The app could not reach the licence server. Do other websites open on this PC?',
    check:
      'The explanation the caller reads: “answered but refused the connection” means this PC’s network works and the server is down or its address is wrong; otherwise it may be this PC’s network. The Network cause and Server lines of the diagnostics.',
    next: 'Server down: try again later. Address wrong: pass the ticket to whoever set up the app. This PC without internet: free the seat with a request file (“This PC has no internet”).'
  },
  dns_failure: {
    say: 'The app could not find the licence server’s address. Do other websites open on this PC?',
    check:
      'The explanation: “no server has this name” means the server address is mistyped and this PC’s network works; “no name server could be asked” means this PC has no working network. The Server line of the diagnostics.',
    next: 'Address wrong: pass the ticket to whoever set up the app. No network: connect, or free the seat with a request file (“This PC has no internet”).'
  },
  timeout: {
    say: 'The server did not answer in time. Please press Try again; that is safe: if the first attempt freed the seat, the server now answers that this PC is not activated.',
    check: 'Whether the caller is on a slow or filtered network (VPN, hotel, mobile); the Network cause line of the diagnostics.',
    next: 'If it keeps timing out, try another network or free the seat with a request file; if other callers time out too, the server is down: tell the software vendor’s support.'
  },
  tls_failure: {
    say: 'A secure connection to the licence server could not be made. This usually comes from a company proxy or antivirus that inspects secure connections.',
    check:
      'The Network cause line names the certificate problem (such as CERT_HAS_EXPIRED or SELF_SIGNED_CERT_IN_CHAIN); whether the PC is on a company network; the PC’s date (a wrong date makes certificates look invalid).',
    next: 'Pass the ticket to the caller’s IT department to let the licence server through the inspection, or have the caller try from another network.'
  },
  connection_reset: {
    say: 'The connection was cut before the answer arrived. Please press Try again; that is safe.',
    check: 'Whether it happens again; a VPN or an unstable Wi-Fi.',
    next: 'If it keeps happening, try another network, or free the seat with a request file (“This PC has no internet”).'
  },
  proxy_failure: {
    say: 'Your network’s proxy did not let the app through to the licence server.',
    check: 'Whether the PC uses a proxy (company network); the Network cause line of the diagnostics.',
    next: 'Pass the ticket to the caller’s IT department to let the licence server through the proxy, or free the seat with a request file.'
  },
  pc_offline: {
    say: 'Your PC has no network connection right now. Please connect to Wi-Fi or a cable and try again. If this PC cannot go online, I will walk you through freeing the seat with a request file.',
    check: 'Whether this PC may ever go online (machines in labs or factories often may not).',
    next: NEXT_OFFLINE
  },
  proxy_auth_required: {
    say: 'Your network’s proxy asks for a sign-in that the app cannot give, so nothing reached the licence server.',
    check: 'That the caller is on a company network whose proxy asks for a password.',
    next: 'Pass the ticket to the caller’s IT department to let the app reach the licence server without a proxy sign-in; or use another network, or free the seat with a request file.'
  },
  network_error: {
    say: 'The request failed on the network before an answer came. Please check your connection and press Try again.',
    check: 'The Network cause line of the diagnostics names what failed.',
    next: NEXT_IT
  },
  too_many_requests: {
    say: 'The server asked the app to slow down. Please wait a minute, then press Try again once.',
    check: 'Whether the caller (or a script) tried many times in a row.',
    next: NEXT_VENDOR
  },
  server_unavailable: {
    say: 'The licence server is unavailable for the moment. Please try again in a few minutes.',
    check: 'Whether other callers report the same (an outage or maintenance).',
    next: 'If it lasts, tell the software vendor’s support. The caller can also write a request file now and upload it once the server is back.'
  },
  empty_error_body: {
    say: 'The server reported a failure without saying what it was. Please try again later.',
    check: 'The HTTP status in the reference (its third part).',
    next: NEXT_VENDOR
  },
  non_json_error_body: {
    say: 'The server reported a failure in a form the app cannot read. Please try again later.',
    check: 'The HTTP status in the reference; whether a proxy answers for the server (try another network).',
    next: NEXT_VENDOR
  },
  html_error_body: {
    say: 'A web page answered instead of the licence server: often a hotel or guest Wi-Fi sign-in page, or a company firewall. If your browser shows a sign-in page for the network, please sign in there first.',
    check:
      'Whether the caller is on a guest or hotel network (a sign-in page) or a company network; the HTTP status in the reference (301 or 302: a redirect).',
    next: 'After signing in to the network the caller presses Try again. On a company network, pass the ticket to the IT department to let the licence server through.'
  },
  unexpected_response: {
    say: 'The server answered, but not the way the app expects, so it is not certain yet whether the seat was freed. Please press Try again: if the seat is free, the app will say this PC is not activated.',
    check: 'Whether a proxy or security program answers for the server (try another network).',
    next: NEXT_VENDOR
  },
  response_too_large: {
    say: 'The server’s answer was far larger than any real answer, so it is not certain whether the seat was freed. Please try again later: if the seat is free, the app will say this PC is not activated.',
    check: 'Whether a proxy or captive portal answers for the server (try another network).',
    next: NEXT_VENDOR
  },
  invalid_input: {
    say: 'Something you entered is missing or not in the right form, and the app marks the field. Nothing was sent.',
    check: 'The field the app marks and its hint; on the command line, the option the message names.',
    next: 'If the caller cannot see what is wrong, read the field’s hint aloud; on the command line, license-manager --help lists every option.'
  },
  prefill_link_invalid: {
    say: 'The link I sent could not be used, so nothing was filled in. Please fill in the form yourself, or I will send you a new link.',
    check: 'The link takes only product, method and account; a link with anything else (a key, a password) is refused whole.',
    next: 'Send a new link built as the helpdesk kit shows (license-manager://deactivate?product=…&method=…).'
  },
  hardware_id_unavailable: {
    say: 'The app could not read this PC’s hardware id. Please open the licensed program and read me the hardware id it shows; we will paste it into the app.',
    check: 'The explanation says what failed; the fingerprint of the program’s id once it is pasted.',
    next: 'The caller pastes the program’s id into Hardware id override (on the command line: --hardware-id). If the program shows none either, send the diagnostics to the software vendor’s support.'
  },
  config_invalid: {
    say: 'The app is not set up correctly on this PC, so it cannot do its work. Nothing was sent.',
    check:
      'The explanation names the setting at fault and what a valid value looks like (config.json or an LM_* variable). The start-up screen’s diagnostics hold the version and this PC’s hardware id.',
    next: NEXT_SETUP + ' Once it is fixed, Try again reads the configuration again without restarting the app.'
  },
  help_page_not_opened: {
    say: 'The app could not open the help page in your browser. Please open your browser and type the address shown.',
    check: 'Whether the PC has a default browser.',
    next: 'Nothing about the licence depends on it. When no address is shown, the app has no help page configured.'
  },
  busy: {
    say: 'A deactivation is still running. Please wait for it to finish before starting another.',
    check: 'Whether the window shows a spinner or waits for the browser (Cancel sign-in stops a sign-in).',
    next: 'If nothing seems to run, the caller closes and reopens the app.'
  },
  ipc_forbidden: {
    say: 'The app refused a request that did not come from its own window. Please close the app and open it again.',
    check: 'Whether the caller runs a modified copy of the app, or a program that injects into other programs.',
    next: NEXT_VENDOR
  },
  sandbox_start_failed: {
    say: 'The app’s built-in practice server could not start. This copy has no real licence server set up, so it could not free a real licence anyway.',
    check:
      'That the caller runs the vendor’s installer and not a test copy (the window would show the banner “Sandbox: test licences”); a security program may block connections inside the PC (127.0.0.1).',
    next: 'A copy without a licence server cannot free a real seat: have the caller install the vendor’s own build.'
  },
  app_internal_error: {
    say: 'Something went wrong inside the app, so it is not certain whether the seat was freed. Please press Try again: if it was freed, the app will say this PC is not activated.',
    check: 'The app version; whether it happens again.',
    next: NEXT_VENDOR
  },
  app_no_answer: {
    say: 'The app’s background part did not answer. Please close the app, open it again and try once more.',
    check: 'Whether it happens again after the restart.',
    next: NEXT_VENDOR
  },
  missing_content: {
    say: 'The server received an empty upload. Please choose the request file again (it ends in .req) and upload it.',
    check: 'The file’s size: a request file has a few hundred bytes; that the caller chose the file and not a shortcut to it.',
    next: 'If the file itself is empty, write a new request file on the PC without internet.'
  },
  offline_file_too_large: {
    say: 'This file is much larger than a request file. Please choose the file ending in .req that License Manager wrote on the PC without internet.',
    check: 'The file’s name (such as office-suite-1a2b3c4d-deactivate.req) and size (a few hundred bytes).',
    next: 'If no .req file can be found, write a new one on the PC without internet.'
  },
  offline_file_wrong_type: {
    say: 'This is not a deactivation request file. Please look for the file ending in .req that License Manager wrote on the PC without internet.',
    check: 'The explanation says what the file is instead: empty, an offline activation request, or something else altogether.',
    next: 'If no .req file can be found, write a new one on the PC without internet.'
  },
  offline_file_truncated: {
    say: 'The request file is cut off: it was not copied completely. Please copy it again from the PC without internet, or write a new one there.',
    check: 'The file’s size against the original; a USB stick pulled out too early cuts files.',
    next: 'Write a new request file on the PC without internet and upload that one.'
  },
  offline_save_failed: {
    say: 'The app could not save the file where you chose. Please choose another folder, such as Documents or a USB stick.',
    check: 'Whether the folder is read-only, full or gone; the explanation says when a file of that name already exists.',
    next: 'Choose another folder (on the command line, another --out path).'
  },
  offline_request_tampered: {
    say: 'The licence server says the request file was changed, or was signed with keys it does not know. Please write a new request file on the PC without internet and upload it unchanged.',
    check: 'That the file was written by the same vendor’s app as the one uploading it (a test copy signs with test keys).',
    next: NEXT_VENDOR
  },
  offline_request_replayed: {
    say: 'This request file was uploaded before, so the seat it names is already free. Nothing more is needed for this file.',
    check: 'Whether the caller uploaded the same file twice (the Request id on the upload screen).',
    next: 'The caller activates on the new PC. If the licence still shows the seat taken, send the diagnostics to the software vendor’s support.'
  },
  offline_request_expired: {
    say: 'The request file is too old, or dated in the future because the clock of the PC that wrote it was wrong. Please write a new request file and upload it soon after.',
    check: 'The Written date on the upload screen against today; the clock of the PC that wrote the file.',
    next: 'Set that PC’s date and time right, write a new file and upload it the same day.'
  },
  sso_cancelled: {
    say: 'The sign-in was cancelled, so nothing was changed. Press Try again when you are ready.',
    check: 'Whether the caller meant to cancel, or the company sign-in page showed a problem first (a wrong password, then Cancel).',
    next: 'If the company sign-in keeps failing, the caller’s IT department checks their account.'
  },
  sso_timeout: {
    say: 'The sign-in in the browser was not finished in time, so nothing was changed. Please press Try again and finish signing in in the browser window that opens.',
    check: 'Whether the browser opened at all (perhaps behind other windows), or the caller signed in in another browser.',
    next: 'If the browser never comes back to the app, use “Copy sign-in link” while the app waits and paste the link into the default browser.'
  },
  sso_replaced: {
    say: 'A newer sign-in was started, so this one stopped. Please finish the newest sign-in in your browser.',
    check: 'Whether the caller pressed the button twice or runs two copies of the app.',
    next: 'The caller closes the extra browser tabs and starts once more.'
  },
  sso_state_mismatch: {
    say: 'The browser came back with the answer of another sign-in, so the app ignored it for your safety. Please start again from the app and use only the browser tab it opens.',
    check: 'Whether the caller used an old tab or a bookmark of the sign-in page.',
    next: 'If it happens again with a fresh tab, send the diagnostics to the software vendor’s support.'
  },
  sso_access_denied: {
    say: 'Your company’s sign-in refused access, or the access request was declined. Please sign in with an account that may use this product.',
    check: 'Which account the caller used; whether the company limits who may use the app.',
    next: 'The caller’s IT department grants the account access to the app in the company’s sign-in service.'
  },
  sso_provider_error: {
    say: 'Your company’s sign-in reported an error. Please try once more.',
    check: 'The Server message line of the diagnostics (the sign-in service’s own error).',
    next: 'Pass the error to the caller’s IT department (they run the company’s sign-in service), with the diagnostics.'
  },
  sso_invalid_callback: {
    say: 'The browser came back without the sign-in result. Please start the sign-in again.',
    check: 'Whether a browser extension or a security program changes the address the browser comes back to.',
    next: NEXT_VENDOR
  },
  sso_port_in_use: {
    say: 'Another program is using the connection the app needs for the sign-in. Please close any other copy of License Manager, then try again.',
    check: 'The explanation names the address and port; another copy of the app is the usual cause.',
    next: 'If no other copy runs, restarting the PC frees the port; otherwise pass the ticket to the caller’s IT department.'
  },
  sso_redirect_not_loopback: {
    say: 'Company sign-in is not set up for this app yet. Please use your licence key or username instead, if you have one.',
    check: 'The vendor’s sign-in set-up: the return address must be on this PC (http://127.0.0.1 or http://localhost).',
    next: 'Send the diagnostics to the software vendor’s support to register a return address on this PC for the app.'
  },
  sso_browser_failed: {
    say: 'The app could not open your web browser. Please press “Copy sign-in link”, paste the link into your browser’s address bar and sign in there.',
    check: 'Whether the PC has a default browser.',
    next: 'If the link cannot be copied either, the command line prints it: license-manager deactivate --sso --no-browser with the same bundle and customer account.'
  },
  offline_request_schema_too_old: {
    say: 'The licence server accepts only request files in the current format, and this one is in an older format. Please write a new request file with License Manager on the PC without internet and upload that one.',
    check: 'The Format line on the upload screen (older, schema 1), and which program wrote the file (the Written by line).',
    next: 'If the caller must use an older program to write files, ask the software vendor whether it can accept older request files.'
  },
  interrupted: {
    say: 'The command was stopped before it finished. Please run it again; the answer then says where the licence stands.',
    check: 'The explanation: it says whether the request had already gone to the licence server when the command was stopped.',
    next: 'If the request had gone out, run the same command again or look at the licence with license-manager status.'
  },
  response_signature_invalid: {
    say: 'The app could not trust the licence server’s answer, so it did not use it. Nothing was changed. Please try again on another network.',
    check: 'Whether the caller is behind a proxy or security software that changes answers; whether the app was set up with the vendor’s current public key.',
    next: 'If it happens on every network, send the diagnostics to whoever set up the app, to check its public key setting, or to the software vendor’s support.'
  },
  seat_check_unavailable: {
    say: 'The app can no longer check that deactivation from here. Please open “Licences on this PC” to see what this PC holds now.',
    check: 'What “Licences on this PC” lists for the bundle.',
    next: 'If the bundle is still listed there, deactivate it again from that view.'
  },
  window_crashed: {
    say: 'The window stopped working. Please press “Reload the window”, then check whether the licence is still active on this PC.',
    check: 'The reference the crash message showed, and the app’s log (Open logs folder) at that time.',
    next: 'If it keeps happening, send the log and the diagnostics to the software vendor’s support.'
  },
  helper_process_stopped: {
    say: 'Part of the app stopped and was started again by itself. If the window looks wrong, please reload it and try again.',
    check: 'Whether a deactivation failed at that moment (its own reference), and the app’s log.',
    next: 'If it keeps happening, send the log and the diagnostics to the software vendor’s support.'
  },
  app_unexpected_error: {
    say: 'The app ran into an unexpected problem. Please reload the window and check whether the licence is still active on this PC.',
    check: 'The reference, and the app’s log (Open logs folder) at that time.',
    next: 'If it keeps happening, send the log and the diagnostics to the software vendor’s support.'
  },
  logs_unavailable: {
    say: 'The app could not read or open its log. Please copy the diagnostics and send them without the log lines.',
    check: 'Whether the log folder named in the diagnostics exists and can be read.',
    next: 'The log is not needed to free a seat: carry on with the caller’s task.'
  },
  sso_unsafe_url: {
    say: 'The sign-in address the server gave is not safe to open, so the app stopped. Nothing was changed.',
    check: 'The Server line of the diagnostics: a real licence server gives an https sign-in address.',
    next: NEXT_VENDOR
  }
} as const satisfies Record<KnownErrorCode, HelpdeskWords>

/** A success (`LM-YES-…`). */
export const SUCCESS_WORDS: HelpdeskWords = {
  say: 'That worked. If the seat was freed, start the program on the new PC and activate it there with the same licence.',
  check:
    'The status part of the reference: 200 means the licence server confirmed; PC means nothing was sent yet, so after writing a request file the seat is still taken until the file is uploaded.',
  next: 'Nothing more after a 200. After a request file was written (PC), the caller uploads it from a computer with internet: under “Upload a request file” or at the vendor’s customer portal.'
}

/** A code the License API answered with that the catalogue does not know (`LM-VNDR-…`). */
export const UNKNOWN_SERVER_CODE_WORDS: HelpdeskWords = {
  say: 'The licence server refused the request with an error this app does not know. Please read me the code shown under the message.',
  check: 'The Code and Server message lines of the diagnostics: the server’s own code and words, which the vendor’s support can look up.',
  next: NEXT_VENDOR
}
