import { arch, platform, release } from 'node:os'
import { parseArgs, type ParseArgsConfig } from 'node:util'
import packageJson from '../../package.json'
import type { SsoProgress } from '../shared/api'
import { adviseForCommandLine, COMMAND_LINE_INPUT_ACTION, describeError, type AppError, type NothingDone } from '../shared/errors'
import type { SupportContact } from '../shared/brand/brand-info'
import { failure, success, type Outcome } from '../shared/outcome'
import { CONFIG_ENV, describeServer, isServerConfig, loadConfig, type ConfigEnv, type SettingNames } from '../main/engine/config'
import { createHardwareIdSource } from '../main/engine/hardware-id'
import { isLoopbackHostname } from '../common/loopback'
import type { NetworkCheck } from '../main/engine/network-check'
import type { DeactivationRequestInput } from '../shared/request'
import { createLicenseService, type LicenseService } from '../main/engine/service'
import { secretScrubber } from '../main/engine/errors/scrub-secrets'
import { displayText } from '../shared/display-text'
import { makeReference } from '../shared/helpdesk/reference'
import { explainReference, formatExplanation } from './explain'
import { EXIT, EXIT_ON_SIGNAL, exitCodeFor, type StopSignal } from './exit-codes'
import { uploadRequestFile, writeRequestFile } from './offline-commands'
import { argumentName, credentialOptions, flagOf, suggestFlag } from './flags'
import { formatActivation, formatDeactivation, formatError, formatHardwareId, formatPcLicences, formatUpload, formatWrittenRequest, jsonLine } from './output'
import { credentialsFromOptions } from './request-from-flags'
import { commandLineLanguage } from './language'
import { setTranslator, t, translator, type MessageKey, type MessageParams } from '../shared/i18n/current'
import { translatorFromFiles } from './message-files'
import { isLanguage, LANGUAGE_NAMES, LANGUAGES, matchLanguage } from '../shared/i18n/languages'
import { configSecrets, createCliLog, type CliLog } from './log-option'
import { labelled } from './output'

/** The message files the command line words its output with (pages: the browser sign-in's, served by its listener). */
const CLI_DOMAINS = ['common', 'errors', 'cli', 'pages', 'helpdesk'] as const

/** Everything the CLI touches outside itself, so tests can run it in-process. */
export interface CliIo {
  env: ConfigEnv
  stdout(text: string): void
  stderr(text: string): void
  readStdin(): Promise<string>
  fetch: typeof fetch
  openExternal: (url: string) => Promise<void>
  /** Calls `handler` on Ctrl+C (SIGINT) or SIGTERM, with its name (absent: SIGINT); returns a function that stops listening. */
  onInterrupt(handler: (signal?: StopSignal) => void): () => void
  /** Replaces this PC's machine id (tests). */
  machineId?: () => string
  /** After a failed connection: does this PC have a network at all (its network interfaces)? */
  isOnline?: NetworkCheck
  /** Asks for a password without echo; absent when stdin is not a terminal. */
  promptPassword?: (question: string) => Promise<string | undefined>
}

/** A message that takes no values. */
type PlainKey = { [K in MessageKey]: [MessageParams[K]] extends [never] ? K : never }[MessageKey]

/** A row of a --help table: what is typed (never translated), and the message saying what it does. */
type HelpRow = readonly [typed: string, words: PlainKey | 'cli.help.options.lang']

/** Rows whose words start in `column`; a message's further lines start there too. */
function helpRows(rows: readonly HelpRow[], column: number): string {
  const words = ([, key]: HelpRow): string => (key === 'cli.help.options.lang' ? t(key, { languages: languageChoices() }) : t(key))
  return rows
    .map((row) => {
      const [first = '', ...rest] = words(row).split('\n')
      const typed = row[0]
      return [`  ${typed.padEnd(column - 1)} ${first}`.trimEnd(), ...rest.map((line) => `  ${' '.repeat(column)}${line}`)].join('\n')
    })
    .join('\n')
}

/** A paragraph of the help: its lines as the message breaks them, each indented. */
const helpParagraph = (text: string, indent = ''): string =>
  text
    .split('\n')
    .map((line) => indent + line)
    .join('\n')

const USAGE = [
  'license-manager deactivate --product <bundle> <credentials> [options]',
  'license-manager activate --product <bundle> <credentials> [options]',
  'license-manager status [--hardware-id <id>] [--json]',
  'license-manager hardware-id [--hardware-id <id>] [--json]',
  'license-manager deactivate-offline --product <bundle> (--license-key <key> | --username <user>)',
  '                                   [--hardware-id <id>] --out <file> [--json]',
  'license-manager upload-offline <file> [--json]',
  'license-manager explain <reference> [--json]',
  'license-manager --help | --version'
]

const OFFLINE_ROWS: readonly HelpRow[] = [
  ['deactivate-offline', 'cli.help.offline.deactivate-offline'],
  ['upload-offline <file>', 'cli.help.offline.upload-offline']
]

const CREDENTIAL_ROWS: readonly HelpRow[] = [
  ['--license-key <key>', 'cli.help.credentials.license-key'],
  ['--username <user> --password <pw>', 'cli.help.credentials.username'],
  ['--id-token <token> --customer-account <c>', 'cli.help.credentials.id-token'],
  ['--code <code> --customer-account <c>', 'cli.help.credentials.code'],
  ['  [--redirect-uri <uri>]', 'cli.help.credentials.redirect-uri'],
  ['--sso --customer-account <c> [--implicit]', 'cli.help.credentials.sso']
]

const OPTION_ROWS: readonly HelpRow[] = [
  ['--product <code>', 'cli.help.options.product'],
  ['--license-id <n>', 'cli.help.options.license-id'],
  ['--hardware-id <id>', 'cli.help.options.hardware-id'],
  ['--api-url <url>', 'cli.help.options.api-url'],
  ['--api-key <key>', 'cli.help.options.api-key'],
  ['--shared-key <key>', 'cli.help.options.shared-key'],
  ['--config <file>', 'cli.help.options.config'],
  ['--timeout-ms <n>', 'cli.help.options.timeout-ms'],
  ['--out <file>', 'cli.help.options.out'],
  ['--json', 'cli.help.options.json'],
  ['--log-file <path>', 'cli.help.options.log-file'],
  ['--lang <language>', 'cli.help.options.lang'],
  ['-h, --help', 'cli.help.options.help'],
  ['--version', 'cli.help.options.version']
]

const EXIT_ROWS: readonly HelpRow[] = [
  [String(EXIT.success), 'cli.help.exit.success'],
  [String(EXIT.unexpected), 'cli.help.exit.unexpected'],
  [String(EXIT.invalid), 'cli.help.exit.invalid'],
  [String(EXIT.refused), 'cli.help.exit.refused'],
  [String(EXIT.network), 'cli.help.exit.network'],
  [String(EXIT.ssoIncomplete), 'cli.help.exit.sso-incomplete']
]

/** "en (English), de (Deutsch), …": the languages --lang takes, each named in itself. */
const languageChoices = (): string =>
  translator().formatList(
    LANGUAGES.map((language) => `${language} (${LANGUAGE_NAMES[language]})`),
    { type: 'disjunction' }
  )

/** The help text, naming the product as the vendor names it, in the language the run speaks. */
export function helpText(productName: string): string {
  return `${t('cli.help.title', { product: productName })}

${t('cli.help.usage')}
${USAGE.map((line) => `  ${line}`).join('\n')}

${t('cli.help.offline.heading')}
${helpRows(OFFLINE_ROWS, 24)}

${helpParagraph(t('cli.help.status'), '  ')}

${helpParagraph(t('cli.help.activate'), '  ')}

${t('cli.help.credentials.heading')}
${helpRows(CREDENTIAL_ROWS, 42)}

${t('cli.help.options.heading')}
${helpRows(OPTION_ROWS, 24)}

${helpParagraph(t('cli.help.server'))}

${helpParagraph(t('cli.help.reference'))}
${helpRows([['explain <reference>', 'cli.help.explain']], 24)}

${t('cli.help.exit.heading')}
${helpRows(EXIT_ROWS, 3)}
${helpRows([[`${EXIT_ON_SIGNAL.SIGINT}, ${EXIT_ON_SIGNAL.SIGTERM}`, 'cli.help.exit.interrupted']], 10)}
`
}

/** The help in the language the run speaks, with the app's own name. */
export const help = (): string => helpText(packageJson.productName)

const OPTIONS = {
  product: { type: 'string' },
  'license-key': { type: 'string' },
  username: { type: 'string' },
  password: { type: 'string' },
  'password-stdin': { type: 'boolean' },
  'id-token': { type: 'string' },
  code: { type: 'string' },
  'redirect-uri': { type: 'string' },
  'customer-account': { type: 'string' },
  sso: { type: 'boolean' },
  implicit: { type: 'boolean' },
  'no-browser': { type: 'boolean' },
  'license-id': { type: 'string' },
  'hardware-id': { type: 'string' },
  'api-url': { type: 'string' },
  'api-key': { type: 'string' },
  'shared-key': { type: 'string' },
  config: { type: 'string' },
  'timeout-ms': { type: 'string' },
  out: { type: 'string' },
  json: { type: 'boolean' },
  'log-file': { type: 'string' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' }
} as const satisfies ParseArgsConfig['options']

type Flags = {
  [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K]['type'] extends 'string' ? string : boolean
}

/** Flags that stand for an environment variable, so a config error can name the flag the user typed. */
const FLAG_FOR_ENV: Array<[keyof Flags, string]> = [
  ['api-url', CONFIG_ENV.apiUrl],
  ['api-key', CONFIG_ENV.apiKey],
  ['shared-key', CONFIG_ENV.sharedKey],
  ['timeout-ms', CONFIG_ENV.timeoutMs]
]

const inputError = (field: string, problem: string, nothing: NothingDone = 'sent'): AppError =>
  describeError('invalid_input', { field, detail: { problem, nothing } })

/** What a run has done so far, so that a stop can say what was and was not done. */
interface RunProgress {
  /** Waiting for the browser sign-in. */
  signingIn: boolean
  /** A request that changes a licence (deactivate, activate, upload a request file) has gone to the License API. */
  changeSent: boolean
}

/** Paths of the License API calls that change a licence. */
const CHANGING_CALL = /\/(?:deactivate_bundle|activate_bundle|deactivate_bundle_offline)\/?$/

/** How `finish` reports: who answered a success, and an exit code other than the outcome's. */
interface FinishOptions {
  answeredBy?: 'server' | 'this-pc'
  exitCode?: number
  /** Where the reference's label starts: under the result's labels (indented, the default), or at the margin when they are. */
  referenceIndent?: string
}

/** The options a problem with a field is corrected with: its flag, or the command's login options. */
type OptionsFor = (field: string) => string | undefined

const optionsOf =
  (kind: 'online' | 'offline'): OptionsFor =>
  (field) => {
    if (field === 'credentials') return credentialOptions(kind)
    if (field.startsWith('--')) return field
    const argument = argumentName(field)
    if (argument !== undefined) return argument
    const flag = flagOf(field)
    return flag.startsWith('--') ? flag : undefined
  }

/**
 * invalid_input in the command line's words: the options to correct, named, where the
 * problem is with an option (never "the option named above" when none is named).
 */
function adviseOptions(error: AppError, optionsFor: OptionsFor): AppError {
  const advised = adviseForCommandLine(error)
  if (advised.code !== 'invalid_input' || advised.action !== COMMAND_LINE_INPUT_ACTION.seeHelp || advised.field === undefined) return advised
  const options = optionsFor(advised.field)
  return options === undefined ? advised : { ...advised, action: COMMAND_LINE_INPUT_ACTION.correct(options) }
}

class Reporter {
  /** Set once a result is printed: nothing is printed after it (a stopped run's work may still settle). */
  private finished = false
  /** Secrets the CLI was given (options, environment, configuration, a typed password): no output holds them. */
  readonly secrets: string[] = []
  /** The vendor's support address, once the configuration is read: named under errors that send the person to the vendor. */
  support: SupportContact | undefined

  constructor(
    private readonly io: CliIo,
    private readonly json: boolean,
    /** --log-file: the outcome is logged there, under the reference printed. */
    private readonly log?: { file: CliLog; product: string | undefined },
    private readonly optionsFor: OptionsFor = optionsOf('online')
  ) {}

  /**
   * Prints the outcome with its spoken reference (see --help), in the command line's words, and
   * returns the exit code. `answeredBy`: whether a success was confirmed by a server or made on
   * this PC; `exitCode`: the code when it is not the outcome's own (a stop by a signal).
   */
  finish<T>(result: Outcome<T>, human: (value: T) => string, { answeredBy = 'server', exitCode, referenceIndent }: FinishOptions = {}): number {
    const outcome = result.ok ? result : failure(adviseOptions(secretScrubber(this.secrets).error(result.error), this.optionsFor))
    const code = exitCode ?? (outcome.ok ? EXIT.success : exitCodeFor(outcome.error))
    if (this.finished) return code
    this.finished = true
    const reference = this.log
      ? this.log.file.record(outcome, { product: this.log.product, answeredBy })
      : makeReference(outcome.ok ? { success: answeredBy } : outcome.error)
    if (this.log?.file.failed()) this.io.stderr(`${t('cli.note.log-file-failed', { path: displayText(this.log.file.path) })}\n`)
    if (this.json) this.io.stdout(jsonLine(outcome, reference) + '\n')
    if (outcome.ok) {
      if (!this.json) this.io.stdout(`${human(outcome.value)}\n${labelled('cli.label.reference', reference, referenceIndent)}\n`)
      return code
    }
    if (!this.json) this.io.stderr(`${formatError(outcome.error, flagOf, this.support)}\n${t('cli.error.reference', { reference })}\n`)
    return code
  }

  fail(error: AppError): number {
    return this.finish(failure(error), () => '')
  }

  /** The run was stopped by `signal`: what was done, what was not, and 128 + the signal's number. */
  stopped(signal: StopSignal, progress: RunProgress): number {
    const stage = progress.changeSent ? 'request-sent' : progress.signingIn ? 'signing-in' : 'nothing-sent'
    return this.finish(failure(describeError('interrupted', { detail: { stage } })), () => '', { exitCode: EXIT_ON_SIGNAL[signal] })
  }

  note(text: string): void {
    if (!this.finished) this.io.stderr(text + '\n')
  }

  /** Secrets learnt while the command runs (options, variables, configured keys, a typed password): kept out of the output and the log. */
  learnSecrets(secrets: ReadonlyArray<string | undefined>): void {
    for (const secret of secrets) if (secret !== undefined && secret !== '') this.secrets.push(secret)
    this.log?.file.addSecrets(secrets)
  }
}

/**
 * The run's answer to Ctrl+C and SIGTERM. While a browser sign-in waits, Ctrl+C cancels it (the
 * sign-in ends as cancelled, exit 5). Otherwise a signal stops the run at once: requests in flight
 * are aborted, the sign-in is cancelled, and the run ends with `interrupted`, saying whether a
 * request that changes a licence had gone out.
 */
class RunControl {
  readonly progress: RunProgress = { signingIn: false, changeSent: false }
  private readonly abort = new AbortController()
  private cancelSignIn: (() => void) | undefined
  private stop!: (signal: StopSignal) => void
  /** Settles with the signal that stopped the run (never, if none does). */
  readonly stopped = new Promise<StopSignal>((resolve) => (this.stop = resolve))
  private readonly unsubscribe: () => void

  constructor(io: CliIo) {
    this.unsubscribe = io.onInterrupt((signal = 'SIGINT') => {
      if (signal === 'SIGINT' && this.progress.signingIn && this.cancelSignIn) {
        this.cancelSignIn()
        return
      }
      this.abort.abort()
      this.cancelSignIn?.()
      this.stop(signal)
    })
  }

  /** `fetch` for the engine: notes when a request that changes a licence leaves, and is aborted by a stop. */
  watch(fetchImpl: typeof fetch): typeof fetch {
    return (input, init) => {
      const request = input instanceof Request ? input : undefined
      const method = (init?.method ?? request?.method ?? 'GET').toUpperCase()
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
      if (method === 'POST' && URL.canParse(url) && CHANGING_CALL.test(new URL(url).pathname)) this.progress.changeSent = true
      const own = init?.signal ?? request?.signal
      return fetchImpl(input, { ...init, signal: own ? AbortSignal.any([own, this.abort.signal]) : this.abort.signal })
    }
  }

  /** What Ctrl+C does while a browser sign-in waits. */
  onSignIn(cancel: () => void): void {
    this.cancelSignIn = cancel
  }

  dispose(): void {
    this.unsubscribe()
  }
}

/** Where an argument stood (1 = the first after the program name). */
type Parsed = { command: string | undefined; commandAt: number; flags: Flags; extra: string[]; extraAt: number[] } | { error: string }

/**
 * Reads the arguments. No message quotes what the user typed: a stray argument may be a
 * password (typed after --password-stdin, say), so a problem is named by its position.
 */
function parse(argv: string[]): Parsed {
  const { tokens } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: false, tokens: true })
  for (const token of tokens) {
    if (token.kind !== 'option') continue
    const at = token.index + 1
    const known = Object.prototype.hasOwnProperty.call(OPTIONS, token.name) ? OPTIONS[token.name as keyof typeof OPTIONS] : undefined
    if (!known) {
      // Only a known flag's name is ever printed, never what was typed.
      const suggestion = suggestFlag([`--${token.name}`], Object.keys(OPTIONS))
      return { error: suggestion ? t('cli.problem.unknown-option.suggest', { at, flag: suggestion }) : t('cli.problem.unknown-option', { at }) }
    }
    if (known.type === 'string' && (token.value === undefined || (!token.inlineValue && token.value.startsWith('-')))) {
      return { error: t('cli.problem.needs-value', { name: token.name, at }) }
    }
    if (known.type === 'boolean' && token.inlineValue) return { error: t('cli.problem.takes-no-value', { name: token.name, at }) }
  }
  try {
    const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true })
    // Never the value typed, only the choices.
    if (values.lang !== undefined && !isLanguage(values.lang) && matchLanguage(values.lang) === undefined) {
      return { error: t('cli.problem.unknown-language', { languages: languageChoices() }) }
    }
    const at = tokens.filter((t) => t.kind === 'positional').map((t) => t.index + 1)
    return { command: positionals[0], commandAt: at[0] ?? 0, flags: values, extra: positionals.slice(1), extraAt: at.slice(1) }
  } catch {
    return { error: t('cli.problem.unreadable-arguments') }
  }
}

function appDetails() {
  return {
    name: `${packageJson.productName} CLI`,
    version: packageJson.version,
    os: `${platform()} ${release()} (${arch()})`
  }
}

/** Reads the whole of stdin as the password, minus one trailing line break. */
async function passwordFrom(flags: Flags, io: CliIo): Promise<string | undefined> {
  if (flags.password !== undefined) return flags.password
  if (flags['password-stdin']) return (await io.readStdin()).replace(/\r?\n$/, '')
  const fromEnv = io.env.LM_PASSWORD
  return fromEnv === undefined || fromEnv === '' || flags.username === undefined ? undefined : fromEnv
}

function configEnv(flags: Flags, env: ConfigEnv): ConfigEnv {
  const merged: Record<string, string | undefined> = { ...env }
  for (const [flag, name] of FLAG_FOR_ENV) {
    const value = flags[flag]
    if (typeof value === 'string') merged[name] = value
  }
  return merged
}

/** A config error names the flag when the bad value came from one. */
function flagNames(flags: Flags): SettingNames {
  return Object.fromEntries(FLAG_FOR_ENV.filter(([flag]) => flags[flag] !== undefined).map(([flag, name]) => [name, `--${flag}`]))
}

const noServer = (): AppError =>
  describeError('config_invalid', {
    field: CONFIG_ENV.apiUrl,
    detail: {
      problem: t('cli.problem.no-server'),
      advice: { kind: 'cli-sandbox' }
    }
  })

/** The id `deactivate` would send: the configured source (hardwareIdSource), or the override. */
async function hardwareIdCommand(flags: Flags, io: CliIo, out: Reporter): Promise<number> {
  const config = configFrom(flags, io, out)
  if (!config.ok) return out.fail(config.error)
  const source = createHardwareIdSource({
    ...(config.value.hardwareIdSource ? { source: config.value.hardwareIdSource } : {}),
    ...(io.machineId ? { fixedMachineId: io.machineId } : {})
  })
  return out.finish(await source.resolve(flags['hardware-id']), formatHardwareId, { answeredBy: 'this-pc', referenceIndent: '' })
}

/** The request the options spell; its values are checked by the engine, with the request schema. */
function deactivationRequest(
  flags: Flags,
  defaults: { product?: string; customerAccount?: string },
  password: string | undefined
): Outcome<DeactivationRequestInput> {
  const idToken = flags['id-token']
  const code = flags.code
  // The configured default account only completes an SSO credential; it never starts one.
  const account = flags['customer-account'] ?? (idToken !== undefined || code !== undefined ? defaults.customerAccount : undefined)
  const credentials = credentialsFromOptions({
    licenseKey: flags['license-key'],
    username: flags.username,
    password,
    idToken,
    code,
    customerAccountCode: account,
    redirectUri: flags['redirect-uri']
  })
  if (!credentials.ok) return credentials
  const request: DeactivationRequestInput = {
    product: flags.product ?? defaults.product ?? '',
    ...(flags['license-id'] !== undefined ? { licenseId: flags['license-id'] } : {}),
    ...(flags['hardware-id'] !== undefined ? { hardwareId: flags['hardware-id'] } : {}),
    credentials: credentials.value
  }
  return success(request)
}

/** The longest sign-in link printed whole (a link cut short could not be opened). */
const MAX_LINK_LENGTH = 8192

function reportProgress(out: Reporter, progress: SsoProgress, noBrowser: boolean, run: RunProgress): void {
  run.signingIn = progress.stage !== 'deactivating'
  switch (progress.stage) {
    case 'opening-browser':
      if (!noBrowser) out.note(t('cli.sso.opening-browser'))
      break
    case 'waiting-for-browser':
      out.note(t('cli.sso.sign-in-here', { link: displayText(progress.signInUrl, MAX_LINK_LENGTH) }))
      if (noBrowser) out.note(t('cli.sso.open-link'))
      else out.note(progress.browserOpened ? t('cli.sso.waiting') : t('cli.sso.browser-not-opened'))
      break
    case 'deactivating':
      out.note(t('cli.sso.deactivating'))
      break
  }
}

interface Engine {
  service: LicenseService
  server: string
  product: string | undefined
  customerAccount: string | undefined
}

/** Checks the credential flags, loads the configuration and builds the service; a number is the exit code of a failure. */
function engineFor(flags: Flags, io: CliIo, out: Reporter, run: RunControl): Engine | number {
  if (flags.password !== undefined && flags['password-stdin']) {
    return out.fail(inputError('password', t('cli.problem.password-twice')))
  }
  if (flags.implicit && !flags.sso) return out.fail(inputError('implicit', t('cli.problem.implicit-without-sso')))
  if (flags.sso) {
    const other = (['license-key', 'username', 'password', 'password-stdin', 'id-token', 'code', 'redirect-uri'] as const).find((f) => flags[f] !== undefined)
    if (other) return out.fail(inputError('credentials', t('cli.problem.sso-combined', { flag: other })))
  }
  if (flags.password !== undefined) out.note(t('cli.note.password-visible'))
  if (flags['shared-key'] !== undefined) out.note(t('cli.note.shared-key'))

  const config = configFrom(flags, io, out)
  if (!config.ok) return out.fail(config.error)
  const serverConfig = config.value
  if (!isServerConfig(serverConfig)) return out.fail(noServer())
  const service: LicenseService = createLicenseService({
    config: serverConfig,
    fetch: run.watch(io.fetch),
    openExternal: flags['no-browser'] ? () => Promise.reject(new Error('--no-browser')) : io.openExternal,
    ...(io.machineId ? { machineId: io.machineId } : {}),
    ...(io.isOnline ? { isOnline: io.isOnline } : {}),
    app: appDetails(),
    sandbox: isLoopbackHostname(new URL(serverConfig.apiUrl).hostname)
  })
  return {
    service,
    server: describeServer(serverConfig),
    product: flags.product ?? (serverConfig.defaultProduct || undefined),
    customerAccount: flags['customer-account'] ?? (serverConfig.defaultCustomerAccount || undefined)
  }
}

/** A username with no password from any source: asked for on a terminal, otherwise the ways to give one. */
async function missingPassword(flags: Flags, io: CliIo): Promise<string | AppError> {
  const question = flags.username === undefined ? t('cli.password.prompt.no-user') : t('cli.password.prompt', { user: displayText(flags.username) })
  const asked = io.promptPassword ? await io.promptPassword(question) : undefined
  if (asked !== undefined && asked !== '') return asked
  return inputError('password', t('cli.problem.no-password'))
}

async function credentialInput(flags: Flags, io: CliIo, engine: Engine, out: Reporter): Promise<DeactivationRequestInput | AppError> {
  let password = await passwordFrom(flags, io)
  if (password === undefined && flags.username !== undefined) {
    const asked = await missingPassword(flags, io)
    if (typeof asked !== 'string') return asked
    password = asked
  }
  out.learnSecrets([password])
  const { product, customerAccount } = engine
  const defaults = { ...(product !== undefined ? { product } : {}), ...(customerAccount !== undefined ? { customerAccount } : {}) }
  const request = deactivationRequest(flags, defaults, password)
  return request.ok ? request.value : request.error
}

async function deactivateCommand(flags: Flags, io: CliIo, out: Reporter, run: RunControl): Promise<number> {
  const engine = engineFor(flags, io, out, run)
  if (typeof engine === 'number') return engine
  const { service, server, product, customerAccount } = engine
  const done = (outcome: Awaited<ReturnType<LicenseService['deactivate']>>) => out.finish(outcome, (r) => formatDeactivation(r, server))

  if (flags.sso) {
    run.onSignIn(() => service.cancelSso())
    const input = {
      product: product ?? '',
      customerAccountCode: customerAccount ?? '',
      grant: flags.implicit ? ('token' as const) : ('code' as const),
      ...(flags['hardware-id'] !== undefined ? { hardwareId: flags['hardware-id'] } : {}),
      ...(flags['license-id'] !== undefined ? { licenseId: flags['license-id'] } : {})
    }
    return done(await service.deactivateWithSso(input, (p) => reportProgress(out, p, flags['no-browser'] === true, run.progress)))
  }
  const input = await credentialInput(flags, io, engine, out)
  if ('code' in input && 'family' in input) return out.fail(input)
  return done(await service.deactivate(input))
}

/** The bundle on this hardware id again: for the sandbox and vendors' test set-ups. */
async function activateCommand(flags: Flags, io: CliIo, out: Reporter, run: RunControl): Promise<number> {
  if (flags.sso) return out.fail(inputError('--sso', t('cli.problem.activate-sso')))
  const engine = engineFor(flags, io, out, run)
  if (typeof engine === 'number') return engine
  const input = await credentialInput(flags, io, engine, out)
  if ('code' in input && 'family' in input) return out.fail(input)
  const outcome = await engine.service.activate(input)
  return out.finish(outcome, (r) => formatActivation(r, engine.server))
}

/**
 * The configuration from flags, environment and file, with a flag named when a bad value came from
 * one; its keys join the secrets the output never holds.
 */
function configFrom(flags: Flags, io: CliIo, out: Reporter, keysWithoutServer = false) {
  const config = loadConfig({
    env: configEnv(flags, io.env),
    names: flagNames(flags),
    keysWithoutServer,
    ...(flags.config !== undefined ? { file: flags.config } : {})
  })
  if (config.ok && config.value.brand?.support !== undefined) out.support = config.value.brand.support
  const auth = config.ok ? config.value.auth : null
  out.learnSecrets(configSecrets(auth))
  return config
}

/** The secrets given as options or environment variables: kept out of everything the CLI prints. */
function givenSecrets(flags: Flags, env: ConfigEnv): string[] {
  const values = [flags['license-key'], flags.password, flags['id-token'], flags.code, flags['shared-key'], flags['api-key']]
  values.push(env.LM_PASSWORD, env[CONFIG_ENV.apiKey], env[CONFIG_ENV.sharedKey], env[CONFIG_ENV.clientSecret])
  return values.filter((v): v is string => v !== undefined && v !== '')
}

const noKeys = (): AppError => describeError('config_invalid', { field: CONFIG_ENV.apiKey, detail: { problem: t('cli.problem.no-keys') } })

async function deactivateOfflineCommand(flags: Flags, io: CliIo, out: Reporter): Promise<number> {
  const online = (['password', 'password-stdin', 'id-token', 'code', 'customer-account', 'sso', 'license-id'] as const).find((f) => flags[f] !== undefined)
  if (online) {
    const why = online.startsWith('password') ? t('cli.problem.offline-password') : t('cli.problem.offline-online-only', { flag: online })
    return out.fail(inputError('credentials', why, 'written'))
  }
  if (flags['shared-key'] !== undefined) out.note(t('cli.note.shared-key'))
  const config = configFrom(flags, io, out, true)
  if (!config.ok) return out.fail(config.error)
  if (config.value.auth === null) return out.fail(noKeys())
  const written = await writeRequestFile({
    auth: config.value.auth,
    app: appDetails(),
    ...(io.machineId ? { machineId: io.machineId } : {}),
    ...(config.value.hardwareIdSource ? { hardwareIdSource: config.value.hardwareIdSource } : {}),
    product: flags.product ?? (config.value.defaultProduct || undefined),
    licenseKey: flags['license-key'],
    username: flags.username,
    hardwareId: flags['hardware-id'],
    out: flags.out
  })
  return out.finish(written, formatWrittenRequest, { answeredBy: 'this-pc', referenceIndent: '' })
}

/** The engine for a command that needs a server and keys but no credentials (status, upload-offline). */
function serverService(flags: Flags, io: CliIo, out: Reporter, run: RunControl): { service: LicenseService; server: string } | AppError {
  const config = configFrom(flags, io, out)
  if (!config.ok) return config.error
  const serverConfig = config.value
  if (!isServerConfig(serverConfig)) return noServer()
  const service = createLicenseService({
    config: serverConfig,
    fetch: run.watch(io.fetch),
    openExternal: () => Promise.reject(new Error('this command opens no browser')),
    ...(io.machineId ? { machineId: io.machineId } : {}),
    ...(io.isOnline ? { isOnline: io.isOnline } : {}),
    app: appDetails(),
    sandbox: isLoopbackHostname(new URL(serverConfig.apiUrl).hostname)
  })
  return { service, server: describeServer(serverConfig) }
}

/** What a hardware id holds, read from the License API (device_licenses); nothing is changed. */
async function statusCommand(flags: Flags, io: CliIo, out: Reporter, run: RunControl): Promise<number> {
  const credential = (
    ['license-key', 'username', 'password', 'password-stdin', 'id-token', 'code', 'customer-account', 'sso', 'license-id', 'out'] as const
  ).find((f) => flags[f] !== undefined)
  if (credential) return out.fail(inputError(credential, t('cli.problem.status-credential', { flag: credential })))
  if (flags['shared-key'] !== undefined) out.note(t('cli.note.shared-key'))
  const engine = serverService(flags, io, out, run)
  if ('code' in engine) return out.fail(engine)
  const outcome = await engine.service.licencesOnPc(flags['hardware-id'] === undefined ? {} : { hardwareId: flags['hardware-id'] })
  return out.finish(outcome, (r) => formatPcLicences(r, engine.server))
}

async function uploadOfflineCommand(file: string | undefined, flags: Flags, io: CliIo, out: Reporter, run: RunControl): Promise<number> {
  const engine = serverService(flags, io, out, run)
  if ('code' in engine) return out.fail(engine)
  return out.finish(await uploadRequestFile(engine.service, file), (r) => formatUpload(r, engine.server))
}

const COMMANDS: ReadonlyArray<string | undefined> = ['deactivate', 'activate', 'status', 'hardware-id', 'deactivate-offline', 'upload-offline', 'explain']

/**
 * Decodes a helpdesk reference offline, from the catalogue. It prints no reference of its own:
 * its output is about the one it was given.
 */
function explainCommand(reference: string | undefined, json: boolean, io: CliIo): number {
  const explained = explainReference(reference)
  if (json) io.stdout(jsonLine(explained) + '\n')
  if (explained.ok) {
    if (!json) io.stdout(formatExplanation(explained.value) + '\n')
    return EXIT.success
  }
  const error = adviseOptions(explained.error, optionsOf('online'))
  if (!json) io.stderr(`${formatError(error, flagOf)}\n`)
  return exitCodeFor(error)
}

/** Runs one CLI invocation and returns its exit code; never throws. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  setTranslator(translatorFromFiles(commandLineLanguage(argv, io.env), CLI_DOMAINS))
  const parsed = parse(argv)
  const wantsJson = argv.includes('--json')
  if ('error' in parsed) {
    return new Reporter(io, wantsJson).fail(inputError('arguments', parsed.error))
  }
  const { command, flags } = parsed
  const logFile = flags['log-file']
  const log =
    logFile === undefined || command === undefined || command === 'explain' || !COMMANDS.includes(command)
      ? undefined
      : { file: createCliLog({ path: logFile, command, flags, env: io.env }), product: flags.product }
  const out = new Reporter(io, flags.json === true, log, optionsOf(command === 'deactivate-offline' ? 'offline' : 'online'))
  out.learnSecrets(givenSecrets(flags, io.env))
  const run = new RunControl(io)
  try {
    // Whichever comes first: the command's own result, or a stop by Ctrl+C or SIGTERM.
    return await Promise.race([dispatch(parsed, io, out, run), run.stopped.then((signal) => out.stopped(signal, run.progress))])
  } catch {
    return out.fail(describeError('app_internal_error'))
  } finally {
    run.dispose()
  }
}

/** The vendor's product name when the configuration names one (a configuration that does not load names none). */
function productName(flags: Flags, io: CliIo): string {
  const config = loadConfig({ env: configEnv(flags, io.env), keysWithoutServer: true, ...(flags.config !== undefined ? { file: flags.config } : {}) })
  return (config.ok ? config.value.brand?.productName : undefined) ?? packageJson.productName
}

/** Runs the command the arguments name. */
async function dispatch(parsed: Exclude<Parsed, { error: string }>, io: CliIo, out: Reporter, run: RunControl): Promise<number> {
  const { command, commandAt, flags, extra, extraAt } = parsed
  if (flags.version) {
    io.stdout(`${productName(flags, io)} CLI ${packageJson.version}\n`)
    return EXIT.success
  }
  if (flags.help || command === 'help' || command === undefined) {
    io.stdout(helpText(productName(flags, io)))
    return command === undefined && !flags.help ? EXIT.invalid : EXIT.success
  }
  if (!COMMANDS.includes(command)) {
    return out.fail(inputError('command', t('cli.problem.unknown-command', { at: commandAt })))
  }
  const positionals = command === 'upload-offline' || command === 'explain' ? 1 : 0
  if (extraAt.length > positionals) {
    return out.fail(inputError('arguments', t('cli.problem.unexpected-argument', { at: extraAt[positionals] ?? 0 })))
  }
  if (command === 'explain') return explainCommand(extra[0], flags.json === true, io)
  if (command === 'hardware-id') return await hardwareIdCommand(flags, io, out)
  if (command === 'status') return await statusCommand(flags, io, out, run)
  if (command === 'deactivate-offline') return await deactivateOfflineCommand(flags, io, out)
  if (command === 'upload-offline') return await uploadOfflineCommand(extra[0], flags, io, out, run)
  if (command === 'activate') return await activateCommand(flags, io, out, run)
  return await deactivateCommand(flags, io, out, run)
}
