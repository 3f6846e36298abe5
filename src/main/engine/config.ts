import { createPublicKey } from 'node:crypto'
import { dirname, resolve } from 'node:path'
import * as z from 'zod/mini'
import builtInConfig from '../../../resources/config.json'
import { hasControlCharacters } from '../../shared/control-characters'
import { displayText } from '../../shared/display-text'
import { describeError, type ConfigAdvice } from '../../shared/errors'
import { t, translator } from '../../shared/i18n/current'
import { failure, success, type Outcome } from '../../shared/outcome'
import { keyShapeProblem, type KeySetting } from './auth/key-shape'
import { describeFileProblem, readRegularFileSync } from './files/regular-file'
import { DEFAULT_HARDWARE_ID_SOURCE, LICENSESPRING_ALGORITHMS, type HardwareIdSourceConfig } from './hardware-id-source'
import { isAllowedServerUrl } from '../../common/loopback'
import { LANGUAGES, PSEUDO_LANGUAGE, type Language } from '../../shared/i18n/languages'
import { BRAND_ENV, BRAND_EXAMPLES, BRAND_SETTINGS, parseBrand, type BrandConfig, type BrandSetting, type BrandSource } from './brand/brand-config'
import { fileFieldName, settingWords, type SettingProblem } from './setting-name'
import { BLOCKED_PORTS, portOf } from './blocked-ports'

export type AuthConfig = { scheme: 'hmac'; apiKey: string; sharedKey: string } | { scheme: 'oauth'; tokenUrl: string; clientId: string; clientSecret: string }

export interface EngineConfig {
  /** null → use the built-in sandbox. */
  apiUrl: string | null
  auth: AuthConfig | null
  defaultProduct: string
  defaultCustomerAccount: string
  /** One License API call, in ms. */
  timeoutMs: number
  /** One browser sign-in, in ms. */
  ssoTimeoutMs: number
  /** Implicit grant: which token to send as `id_token`. */
  ssoTokenField: 'access_token' | 'id_token'
  /** Which hardware id this PC sends: node-machine-id's (also when absent), or LicenseSpring's module with an algorithm. */
  hardwareIdSource?: HardwareIdSourceConfig
  /** Open the connection to the License API (and fetch an OAuth token) while the form is open; absent = on. */
  warmUp?: boolean
  /** The vendor's help page (https), linked under the form; absent = no link. */
  helpUrl?: string
  /** Bundle code → the products it holds, as the success view names them; absent = not known. */
  bundleProducts?: BundleProducts
  /**
   * The vendor's public key (PEM): the License API's answer signatures are checked with it
   * (license-api.md §9); absent = answers are read without that check, and the app says so.
   */
  publicKey?: string
  /** The vendor's product name, logo, accent colour and support address (./brand); absent = the app's own look. */
  brand?: BrandConfig
  /** The one language the app speaks whatever the OS prefers; absent = the OS's choice. */
  language?: Language
  /** The languages the app may speak (the window's language menu offers these); absent = all. */
  languages?: Language[]
}

export type BundleProducts = Readonly<Record<string, readonly string[]>>

/** A configuration that names a real (or already started sandbox) server. */
export type ServerConfig = EngineConfig & { apiUrl: string; auth: AuthConfig }

export const DEFAULT_TIMEOUT_MS = 15_000
export const DEFAULT_SSO_TIMEOUT_MS = 300_000
const MAX_TIMEOUT_MS = 3_600_000
const MAX_SECRET_LENGTH = 1024
/** A configuration file is a few hundred bytes; a larger one is refused without reading it whole. */
const MAX_CONFIG_FILE_BYTES = 1024 * 1024
const MAX_CODE_LENGTH = 128
/** bundleProducts names at most this many bundles. */
const MAX_BUNDLES = 100

/** The environment variables that override the configuration file. */
export const CONFIG_ENV = {
  apiUrl: 'LM_API_URL',
  authScheme: 'LM_AUTH_SCHEME',
  apiKey: 'LM_API_KEY',
  sharedKey: 'LM_SHARED_KEY',
  tokenUrl: 'LM_OAUTH_TOKEN_URL',
  clientId: 'LM_OAUTH_CLIENT_ID',
  clientSecret: 'LM_OAUTH_CLIENT_SECRET',
  defaultProduct: 'LM_PRODUCT',
  defaultCustomerAccount: 'LM_CUSTOMER_ACCOUNT',
  timeoutMs: 'LM_TIMEOUT_MS',
  ssoTimeoutMs: 'LM_SSO_TIMEOUT_MS',
  ssoTokenField: 'LM_SSO_TOKEN_FIELD',
  hardwareIdSource: 'LM_HARDWARE_ID_SOURCE',
  hardwareIdAlgorithm: 'LM_HARDWARE_ID_ALGORITHM',
  warmUp: 'LM_WARM_UP',
  helpUrl: 'LM_HELP_URL',
  publicKey: 'LM_PUBLIC_KEY',
  ...BRAND_ENV
} as const

export type ConfigEnv = Readonly<Record<string, string | undefined>>

export interface LoadConfigOptions {
  env: ConfigEnv
  /** A JSON configuration file to read; absent → the bundled resources/config.json. */
  file?: string
  /**
   * `app.isPackaged` in the desktop app: an installed app ignores the LM_* variables unless
   * the configuration file sets `"allowEnvironmentOverrides": true`, so an end user's
   * environment cannot point the vendor's keys at another server.
   */
  packaged?: boolean
  /** Keys without a server are fine: writing an offline request file needs the keys only. */
  keysWithoutServer?: boolean
  /** What the user called a variable whose value they gave another way (the CLI's flags): errors name it so. */
  names?: SettingNames
}

/** Variable name → the name the user gave its value by, e.g. `LM_API_URL` → `--api-url`. */
export type SettingNames = Readonly<Partial<Record<string, string>>>

export const FILE_SETTINGS = [
  '$comment',
  'apiUrl',
  'auth',
  'defaultProduct',
  'defaultCustomerAccount',
  'timeoutMs',
  'ssoTimeoutMs',
  'ssoTokenField',
  'allowEnvironmentOverrides',
  'hardwareIdSource',
  'hardwareIdAlgorithm',
  'warmUp',
  'helpUrl',
  'bundleProducts',
  'publicKey',
  'productName',
  'logo',
  'accentColor',
  'supportContact',
  'language',
  'languages'
] as const
const FILE_AUTH_KEYS = ['scheme', 'apiKey', 'sharedKey', 'tokenUrl', 'clientId', 'clientSecret'] as const

/** Known keys only; each value is checked where it is used, since an environment variable may override it. */
const ConfigFileSchema = z.strictObject(Object.fromEntries(FILE_SETTINGS.map((key) => [key, z.optional(z.unknown())])))
const FileAuthSchema = z.nullable(z.strictObject(Object.fromEntries(FILE_AUTH_KEYS.map((key) => [key, z.optional(z.unknown())]))))

/** A value and the name the user knows it by (an environment variable or a file key). */
interface Sourced {
  value: unknown
  name: string
  /** The value came by a name the user gave it (a command-line option), not from the environment or the file. */
  given?: true
}

const QUOTED_LANGUAGES = LANGUAGES.map((l) => `"${l}"`).join(', ')

/** Two or more values as a choice ("hmac" or "oauth"), in the reader's language. */
const eitherOf = (...values: string[]): string => translator().formatList(values, { type: 'disjunction' })

/**
 * What a valid value of each setting looks like, as `config_invalid` says it after the problem
 * (worded when met). Keys and secrets get their shape, never a value that could be mistaken for a
 * real one; the values themselves are the same in every language.
 */
export const CONFIG_EXAMPLES = {
  configurationFile: () =>
    t('errors.config_invalid.example.configuration-file', {
      json: '{"apiUrl": "https://api.licensespring.com/api/v4/", "auth": {"scheme": "hmac", "apiKey": "…", "sharedKey": "…"}}'
    }),
  apiUrl: () => t('errors.config_invalid.example.api-url', { url: '"https://api.licensespring.com/api/v4/"' }),
  authScheme: () => t('errors.config_invalid.example.auth-scheme', { hmac: '"hmac"', oauth: '"oauth"' }),
  auth: () =>
    t('errors.config_invalid.example.auth', {
      hmac: '{"scheme": "hmac", "apiKey": "…", "sharedKey": "…"}',
      oauth: '{"scheme": "oauth", "tokenUrl": "…", "clientId": "…", "clientSecret": "…"}',
      none: 'null'
    }),
  apiKey: () => t('errors.config_invalid.example.api-key', { key: '"0f8e2a1c-5b7d-4c3e-9a6f-1d2b3c4e5f60"' }),
  sharedKey: () => t('errors.config_invalid.example.shared-key'),
  tokenUrl: () => t('errors.config_invalid.example.token-url', { url: '"https://auth.licensespring.com/realms/user-portal/protocol/openid-connect/token"' }),
  clientId: () => t('errors.config_invalid.example.client-id', { id: '"license-manager-client"' }),
  clientSecret: () => t('errors.config_invalid.example.client-secret'),
  defaultProduct: () => t('errors.config_invalid.example.default-product', { code: '"office-suite"', none: '""' }),
  defaultCustomerAccount: () => t('errors.config_invalid.example.default-customer-account', { code: '"acme"', none: '""' }),
  timeoutMs: () => t('errors.config_invalid.example.timeout-ms', { value: '15000' }),
  ssoTimeoutMs: () => t('errors.config_invalid.example.sso-timeout-ms', { value: '300000' }),
  ssoTokenField: () => t('errors.config_invalid.example.sso-token-field', { access: '"access_token"', id: '"id_token"' }),
  allowEnvironmentOverrides: () => eitherOf('true', 'false'),
  hardwareIdSource: () => eitherOf('"node-machine-id"', '"licensespring"'),
  hardwareIdAlgorithm: () =>
    t('errors.config_invalid.example.hardware-id-algorithm', { name: '"Default"', number: '0', source: '"hardwareIdSource": "licensespring"' }),
  warmUp: () => eitherOf('true', 'false'),
  helpUrl: () => t('errors.config_invalid.example.help-url', { url: '"https://support.example.com/licences"' }),
  bundleProducts: () => t('errors.config_invalid.example.bundle-products', { json: '{"office-suite": ["Writer", "Sheets", "Slides"]}' }),
  publicKey: () => t('errors.config_invalid.example.public-key', { pem: '"-----BEGIN PUBLIC KEY-----\\n…\\n-----END PUBLIC KEY-----"', newline: '\\n' }),
  language: () => t('errors.config_invalid.example.language', { languages: QUOTED_LANGUAGES, pseudo: `"${PSEUDO_LANGUAGE}"` }),
  languages: () => t('errors.config_invalid.example.languages', { languages: QUOTED_LANGUAGES, example: '["en", "de"]' }),
  ...BRAND_EXAMPLES
} as const satisfies Record<string, () => string>

export type ConfigSetting = keyof typeof CONFIG_EXAMPLES

/** config_invalid naming the field, the problem (a whole sentence about the setting) and what a valid value looks like. */
function invalid(name: string, problem: SettingProblem, setting: ConfigSetting, advice?: ConfigAdvice): Outcome<never> {
  return failure(
    describeError('config_invalid', {
      field: name,
      detail: { problem: problem(settingWords(name)), example: CONFIG_EXAMPLES[setting](), ...(advice === undefined ? {} : { advice }) }
    })
  )
}

const fileName = fileFieldName

const ALGORITHM_CHOICES = (): string =>
  translator().formatList(
    LICENSESPRING_ALGORITHMS.map((name, n) => `${name} (${n})`),
    { type: 'unit', style: 'short' }
  )

/*
 * The schemas below name a problem by a kind (their issue message); it is worded with the setting
 * only when a value is refused, in the language spoken then. A `too-long` issue carries its limit.
 */
const SCHEMA_PROBLEMS = {
  'not-valid': (setting) => t('errors.config_invalid.problem.not-valid', { setting }),
  'url-missing': (setting) => t('errors.config_invalid.problem.url-missing', { setting }),
  'url-invalid': (setting) => t('errors.config_invalid.problem.url-invalid', { setting }),
  'url-https': (setting) => t('errors.config_invalid.problem.url-https', { setting, ipv4: '127.0.0.1', ipv6: '[::1]', name: 'localhost' }),
  'url-credentials': (setting) => t('errors.config_invalid.problem.url-credentials', { setting }),
  'url-query': (setting) => t('errors.config_invalid.problem.url-query', { setting }),
  'url-port': (setting, issue) => t('errors.config_invalid.problem.url-port', { setting, port: String((issue as z.core.$ZodIssueCustom).params!['port']) }),
  'web-address-missing': (setting) => t('errors.config_invalid.problem.web-address-missing', { setting }),
  'web-address-invalid': (setting) => t('errors.config_invalid.problem.web-address-invalid', { setting }),
  'web-address-https': (setting) => t('errors.config_invalid.problem.web-address-https', { setting }),
  'too-long': (setting, issue) => t('errors.config_invalid.problem.too-long', { setting, limit: issue.code === 'too_big' ? Number(issue.maximum) : 0 }),
  'bundle-products-list': (setting) => t('errors.config_invalid.problem.bundle-products-list', { setting }),
  'bundle-codes-object': (setting) => t('errors.config_invalid.problem.bundle-codes-object', { setting }),
  'bundle-count': (setting) => t('errors.config_invalid.problem.bundle-count', { setting, limit: MAX_BUNDLES }),
  'public-key-missing': (setting) => t('errors.config_invalid.problem.public-key-missing', { setting }),
  'public-key-invalid': (setting) => t('errors.config_invalid.problem.public-key-invalid', { setting }),
  'not-text': (setting) => t('errors.config_invalid.problem.not-text', { setting }),
  empty: (setting) => t('errors.config_invalid.problem.empty', { setting }),
  'control-characters': (setting) => t('errors.config_invalid.problem.control-characters', { setting }),
  milliseconds: (setting) => t('errors.config_invalid.problem.milliseconds', { setting, max: MAX_TIMEOUT_MS }),
  'token-field': (setting) => t('errors.config_invalid.problem.one-of', { setting, choices: eitherOf('"access_token"', '"id_token"') }),
  'hardware-id-source': (setting) => t('errors.config_invalid.problem.one-of', { setting, choices: eitherOf('"node-machine-id"', '"licensespring"') }),
  'auth-scheme': (setting) => t('errors.config_invalid.problem.one-of', { setting, choices: eitherOf('"hmac"', '"oauth"') }),
  switch: (setting) => t('errors.config_invalid.problem.one-of', { setting, choices: eitherOf('true', 'false') }),
  algorithm: (setting) => t('errors.config_invalid.problem.algorithm', { setting, choices: ALGORITHM_CHOICES() }),
  language: (setting) => t('errors.config_invalid.problem.one-of', { setting, choices: eitherOf(...LANGUAGES.map((l) => `"${l}"`)) }),
  'language-or-pseudo': (setting) =>
    t('errors.config_invalid.problem.one-of', { setting, choices: eitherOf(...[...LANGUAGES, PSEUDO_LANGUAGE].map((l) => `"${l}"`)) }),
  'language-list': (setting) => t('errors.config_invalid.problem.language-list', { setting }),
  'language-list-empty': (setting) => t('errors.config_invalid.problem.language-list-empty', { setting }),
  'language-list-repeats': (setting) => t('errors.config_invalid.problem.language-list-repeats', { setting })
} as const satisfies Record<string, (setting: string, issue: z.core.$ZodIssue) => string>

type SchemaProblem = keyof typeof SCHEMA_PROBLEMS

const isSchemaProblem = (message: string): message is SchemaProblem => Object.prototype.hasOwnProperty.call(SCHEMA_PROBLEMS, message)

/** The schema's first problem, as a sentence about the setting; a check without a kind of its own is "not valid". */
function schemaProblem(issue: z.core.$ZodIssue): SettingProblem {
  const kind = isSchemaProblem(issue.message) ? issue.message : 'not-valid'
  return (setting) => SCHEMA_PROBLEMS[kind](setting, issue)
}

/** A schema's message: the kind of problem it names (see SCHEMA_PROBLEMS). */
const says = (kind: SchemaProblem): SchemaProblem => kind

/** The value as `schema` reads it, or config_invalid naming the field with the schema's first problem. */
function check<T>(schema: z.ZodMiniType<T>, s: Sourced, setting: ConfigSetting): Outcome<T> {
  const parsed = schema.safeParse(s.value)
  return parsed.success
    ? success(parsed.data)
    : invalid(s.name, schemaProblem(parsed.error.issues[0]!), setting, s.given ? { kind: 'given-option' } : undefined)
}

/** The environment value when set to something non-empty, else the file's. */
function pick(env: ConfigEnv, names: SettingNames, envName: string, file: Record<string, unknown>, key: string): Sourced | undefined {
  const fromEnv = env[envName]
  const given = names[envName]
  if (fromEnv !== undefined && fromEnv !== '') return given === undefined ? { value: fromEnv, name: envName } : { value: fromEnv, name: given, given: true }
  if (file[key] !== undefined) return { value: file[key], name: fileName(key) }
  return undefined
}

function readFileConfig(file: string | undefined): Outcome<Record<string, unknown>> {
  let raw: unknown = builtInConfig
  if (file !== undefined) {
    const shown = displayText(file, 200)
    // A regular file only: a FIFO or a device named as the configuration would block or never end.
    const reading = readRegularFileSync(file, { maxBytes: MAX_CONFIG_FILE_BYTES })
    if (!reading.ok) {
      const refusal = reading.problem === 'not-found' ? { problem: 'unreadable' as const, code: 'ENOENT' } : reading
      return invalid('configuration file', () => describeFileProblem(refusal, shown, { role: 'configuration' }, MAX_CONFIG_FILE_BYTES), 'configurationFile')
    }
    try {
      // Notepad and other Windows editors start UTF-8 files with a byte-order mark: it is not part of the JSON.
      raw = JSON.parse(reading.bytes.toString('utf8').replace(/^\uFEFF/, ''))
    } catch {
      return invalid('configuration file', () => t('errors.config_invalid.problem.file-not-json', { file: shown }), 'configurationFile')
    }
  }
  const parsed = ConfigFileSchema.safeParse(raw)
  if (parsed.success) return success(parsed.data)
  const unknownKey = parsed.error.issues.find((issue) => issue.code === 'unrecognized_keys')?.keys[0]
  if (unknownKey !== undefined) {
    const known = translator().formatList(FILE_SETTINGS.slice(1), { type: 'unit', style: 'short' })
    return invalid(fileName(unknownKey), (setting) => t('errors.config_invalid.problem.unknown-setting', { setting, known }), 'configurationFile')
  }
  return invalid('configuration file', () => t('errors.config_invalid.problem.file-not-object'), 'configurationFile')
}

/**
 * A transform that parses a URL and applies `rule` (which may adjust the URL); the rule's
 * message becomes the value's problem. Yields the URL's href.
 */
function checkedUrl(notAUrl: SchemaProblem, rule: (url: URL) => SchemaProblem | undefined) {
  return z.transform((text: string, payload): string => {
    // A problem with a URL carries its port, which the url-port message names.
    const problem = (message: SchemaProblem, port?: number) => {
      payload.issues.push({ code: 'custom', message, input: text, params: { port } })
      return z.NEVER
    }
    if (!URL.canParse(text)) return problem(notAUrl)
    const url = new URL(text)
    const broken = rule(url)
    return broken === undefined ? url.href : problem(broken, portOf(url))
  })
}

/** A License API base URL: https, or http on loopback; no credentials, query or fragment; ends with "/". */
const serverUrlSchema = (trailingSlash: boolean) =>
  z.pipe(
    z.string(says('url-missing')).check(z.trim(), z.minLength(1)),
    checkedUrl('url-invalid', (url) => {
      if (!isAllowedServerUrl(url)) return 'url-https'
      if (url.username !== '' || url.password !== '') return 'url-credentials'
      if (url.search !== '' || url.hash !== '') return 'url-query'
      if (BLOCKED_PORTS.has(portOf(url))) return 'url-port'
      if (trailingSlash && !url.pathname.endsWith('/')) url.pathname += '/'
      return undefined
    })
  )

function parseServerUrl(s: Sourced, { trailingSlash }: { trailingSlash: boolean }): Outcome<string> {
  return check(serverUrlSchema(trailingSlash), s, trailingSlash ? 'apiUrl' : 'tokenUrl')
}

/** Short enough for every OS's launcher (Windows hands at most 2081 characters to the browser). */
const MAX_HELP_URL_LENGTH = 2000

/** The vendor's help page: https only (it opens in the system browser), no user name or password. */
const helpUrlSchema = z.pipe(
  z.string(says('web-address-missing')).check(z.trim(), z.minLength(1), z.maxLength(MAX_HELP_URL_LENGTH, says('too-long'))),
  checkedUrl('web-address-invalid', (url) => {
    if (url.protocol !== 'https:') return 'web-address-https'
    if (url.username !== '' || url.password !== '') return 'url-credentials'
    return undefined
  })
)

/** The help page when configured; unset or null → no link. */
function parseHelpUrl(s: Sourced | undefined): Outcome<string | undefined> {
  if (s === undefined || s.value === null) return success(undefined)
  return check(helpUrlSchema, s, 'helpUrl')
}

/** The products of each bundle, from the configuration file only (a list does not fit an environment variable). */
function parseBundleProducts(s: Sourced | undefined): Outcome<BundleProducts | undefined> {
  if (s === undefined || s.value === null) return success(undefined)
  const name = textSchema(MAX_CODE_LENGTH, true)
  const products = z.array(name, says('bundle-products-list')).check(z.minLength(1), z.maxLength(100))
  const schema = z
    .record(name, products, says('bundle-codes-object'))
    .check(z.refine((record) => Object.keys(record).length <= MAX_BUNDLES, says('bundle-count')))
  return check(schema, s, 'bundleProducts')
}

/** A PEM text is a few hundred characters; a bound keeps a wrong value from being parsed at length. */
const MAX_PUBLIC_KEY_LENGTH = 16_384

/** The vendor's public key (PEM, an RSA key); `\n` stands for a line break, as environment variables need. */
const publicKeySchema = z.pipe(
  z.string(says('public-key-missing')).check(z.maxLength(MAX_PUBLIC_KEY_LENGTH, says('too-long'))),
  z.transform((text: string, payload): string => {
    const pem = text.replace(/\\n/g, '\n')
    try {
      const key = createPublicKey(pem)
      if (key.asymmetricKeyType === 'rsa') return key.export({ type: 'spki', format: 'pem' }).toString()
    } catch {
      // Reported below, without quoting the value.
    }
    payload.issues.push({ code: 'custom', message: says('public-key-invalid'), input: text })
    return z.NEVER
  })
)

/** The public key when configured; unset or null → answers are not checked. */
function parsePublicKey(s: Sourced | undefined): Outcome<string | undefined> {
  if (s === undefined || s.value === null) return success(undefined)
  return check(publicKeySchema, s, 'publicKey')
}

const textSchema = (maxLength: number, required: boolean) =>
  z.string(says('not-text')).check(
    z.trim(),
    z.refine((value) => !required || value !== '', says('empty')),
    z.maxLength(maxLength, says('too-long')),
    z.refine((value) => !hasControlCharacters(value), says('control-characters'))
  )

/** An optional text setting: unset → empty. */
function parseText(s: Sourced | undefined, setting: ConfigSetting, maxLength: number): Outcome<string> {
  return s === undefined ? success('') : check(textSchema(maxLength, false), s, setting)
}

const MILLISECONDS = says('milliseconds')
/** A number, or digits in a string (environment variables are text). */
const millisecondsSchema = z.pipe(
  z.transform((value: unknown) => (typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value)),
  z.int(MILLISECONDS).check(z.gte(1, MILLISECONDS), z.lte(MAX_TIMEOUT_MS, MILLISECONDS))
)

const parseMilliseconds = (s: Sourced | undefined, setting: 'timeoutMs' | 'ssoTimeoutMs', fallback: number): Outcome<number> =>
  s === undefined ? success(fallback) : check(millisecondsSchema, s, setting)

const tokenFieldSchema = z.enum(['access_token', 'id_token'], says('token-field'))

const parseTokenField = (s: Sourced | undefined): Outcome<EngineConfig['ssoTokenField']> =>
  s === undefined ? success('access_token') : check(tokenFieldSchema, s, 'ssoTokenField')

const ALGORITHM = says('algorithm')
/** An algorithm by its number (digits in text too) or its name. */
const algorithmSchema = z.pipe(
  z.transform((value: unknown) => {
    const raw = typeof value === 'string' ? value.trim() : value
    if (typeof raw !== 'string') return raw
    return /^\d+$/.test(raw) ? Number(raw) : (LICENSESPRING_ALGORITHMS as readonly string[]).indexOf(raw)
  }),
  z.int(ALGORITHM).check(z.gte(0, ALGORITHM), z.lte(LICENSESPRING_ALGORITHMS.length - 1, ALGORITHM))
)
const hardwareIdKindSchema = z.enum(['node-machine-id', 'licensespring'], says('hardware-id-source'))

/** `hardwareIdSource` and, for "licensespring", `hardwareIdAlgorithm` (a name or its number; default Default). */
function parseHardwareIdSource(source: Sourced | undefined, algorithm: Sourced | undefined): Outcome<HardwareIdSourceConfig> {
  const kind = source === undefined ? success(DEFAULT_HARDWARE_ID_SOURCE.kind) : check(hardwareIdKindSchema, source, 'hardwareIdSource')
  if (!kind.ok) return kind
  if (kind.value === 'node-machine-id') {
    return algorithm === undefined
      ? success(DEFAULT_HARDWARE_ID_SOURCE)
      : invalid(
          algorithm.name,
          (setting) => t('errors.config_invalid.problem.algorithm-without-source', { setting, source: '"licensespring"' }),
          'hardwareIdAlgorithm'
        )
  }
  if (algorithm === undefined) return success({ kind: kind.value, algorithm: 0 })
  const index = check(algorithmSchema, algorithm, 'hardwareIdAlgorithm')
  return index.ok ? success({ kind: kind.value, algorithm: index.value }) : index
}

/** true or false, or their words in text (environment variables). */
const switchSchema = z.union(
  [
    z.boolean(),
    z.pipe(
      z.enum(['true', 'false']),
      z.transform((word) => word === 'true')
    )
  ],
  says('switch')
)

const parseSwitch = (s: Sourced | undefined, fallback: boolean): Outcome<boolean> => (s === undefined ? success(fallback) : check(switchSchema, s, 'warmUp'))

type FileAuth = Partial<Record<(typeof FILE_AUTH_KEYS)[number], unknown>>

function readFileAuth(value: unknown): Outcome<FileAuth | null> {
  if (value === undefined) return success(null)
  const parsed = FileAuthSchema.safeParse(value)
  if (parsed.success) return success(parsed.data)
  const unknownKey = parsed.error.issues.find((issue) => issue.code === 'unrecognized_keys')?.keys[0]
  if (unknownKey !== undefined)
    return invalid(fileName(`auth.${unknownKey}`), (setting) => t('errors.config_invalid.problem.unknown-auth-setting', { setting }), 'auth')
  return invalid(fileName('auth'), (setting) => t('errors.config_invalid.problem.auth-not-object', { setting }), 'auth')
}

const authSchemeSchema = z.enum(['hmac', 'oauth'], says('auth-scheme'))

/** A variable the scheme needs, unset and not in the file either. */
const credentialRequired =
  (scheme: AuthConfig['scheme'], fileKey: string): SettingProblem =>
  (setting) =>
    t('errors.config_invalid.problem.credential-required', { setting, scheme, fileKey })

function parseAuth(env: ConfigEnv, names: SettingNames, fileAuthRaw: unknown): Outcome<AuthConfig | null> {
  const fileAuth = readFileAuth(fileAuthRaw)
  if (!fileAuth.ok) return fileAuth
  const set = (name: string) => env[name] !== undefined && env[name] !== ''
  const hmacInEnv = set(CONFIG_ENV.apiKey) || set(CONFIG_ENV.sharedKey)
  const oauthInEnv = set(CONFIG_ENV.tokenUrl) || set(CONFIG_ENV.clientId) || set(CONFIG_ENV.clientSecret)

  let rawScheme: unknown
  let schemeName: string
  if (set(CONFIG_ENV.authScheme)) {
    rawScheme = env[CONFIG_ENV.authScheme]
    schemeName = CONFIG_ENV.authScheme
  } else if (hmacInEnv && oauthInEnv) {
    return invalid(
      CONFIG_ENV.authScheme,
      (setting) => t('errors.config_invalid.problem.scheme-ambiguous', { setting, choices: eitherOf('"hmac"', '"oauth"') }),
      'authScheme'
    )
  } else if (hmacInEnv || oauthInEnv) {
    rawScheme = hmacInEnv ? 'hmac' : 'oauth'
    schemeName = CONFIG_ENV.authScheme
  } else {
    rawScheme = fileAuth.value?.scheme
    schemeName = fileName('auth.scheme')
  }
  if (rawScheme === undefined) {
    return fileAuth.value === null ? success(null) : invalid(fileName('auth.scheme'), SCHEMA_PROBLEMS['auth-scheme'], 'authScheme')
  }
  const checkedScheme = check(authSchemeSchema, { value: rawScheme, name: schemeName }, 'authScheme')
  if (!checkedScheme.ok) return checkedScheme
  const scheme = checkedScheme.value

  const fromFile = fileAuth.value?.scheme === scheme ? fileAuth.value : {}
  const field = (envName: string, key: keyof FileAuth): Sourced | undefined => {
    const s = pick(env, names, envName, fromFile, key)
    return s && s.name.startsWith('config') ? { ...s, name: fileName(`auth.${key}`) } : s
  }
  const secret = (envName: string, key: KeySetting): Outcome<string> => {
    const s = field(envName, key)
    if (s === undefined) return invalid(envName, credentialRequired(scheme, `auth.${key}`), key)
    const text = check(textSchema(MAX_SECRET_LENGTH, true), s, key)
    const shape = text.ok ? keyShapeProblem(text.value, key) : undefined
    return shape === undefined ? text : invalid(s.name, shape, key, s.given ? { kind: 'given-option' } : undefined)
  }

  if (scheme === 'hmac') {
    const apiKey = secret(CONFIG_ENV.apiKey, 'apiKey')
    if (!apiKey.ok) return apiKey
    const sharedKey = secret(CONFIG_ENV.sharedKey, 'sharedKey')
    if (!sharedKey.ok) return sharedKey
    return success({ scheme, apiKey: apiKey.value, sharedKey: sharedKey.value })
  }
  const tokenUrlSource = field(CONFIG_ENV.tokenUrl, 'tokenUrl')
  if (tokenUrlSource === undefined) return invalid(CONFIG_ENV.tokenUrl, credentialRequired('oauth', 'auth.tokenUrl'), 'tokenUrl')
  const tokenUrl = parseServerUrl(tokenUrlSource, { trailingSlash: false })
  if (!tokenUrl.ok) return tokenUrl
  const clientId = secret(CONFIG_ENV.clientId, 'clientId')
  if (!clientId.ok) return clientId
  const clientSecret = secret(CONFIG_ENV.clientSecret, 'clientSecret')
  if (!clientSecret.ok) return clientSecret
  return success({ scheme, tokenUrl: tokenUrl.value, clientId: clientId.value, clientSecret: clientSecret.value })
}

/** The brand settings that are set, each with the name the user knows it by. */
function brandSources(env: ConfigEnv, names: SettingNames, file: Record<string, unknown>): Partial<Record<BrandSetting, BrandSource>> {
  const sources: Partial<Record<BrandSetting, BrandSource>> = {}
  for (const key of BRAND_SETTINGS) {
    const s = pick(env, names, BRAND_ENV[key], file, key)
    if (s !== undefined) sources[key] = { value: s.value, name: s.name, fromFile: s.name === fileName(key) }
  }
  return sources
}

/** The variables that apply: all of them, or none in a packaged app whose file does not allow them. */
function effectiveEnv(options: LoadConfigOptions, file: Record<string, unknown>): Outcome<ConfigEnv> {
  const allow = check(
    z.optional(z.boolean(says('switch'))),
    { value: file['allowEnvironmentOverrides'], name: fileName('allowEnvironmentOverrides') },
    'allowEnvironmentOverrides'
  )
  if (!allow.ok) return allow
  return success(options.packaged === true && allow.value !== true ? {} : options.env)
}

/**
 * Reads the configuration file (or the bundled default) and lets environment
 * variables override it field by field (in a packaged app only where the file allows
 * it). A bad value fails with `config_invalid` naming the variable or file key at
 * fault; no secret appears in the message.
 */
export function loadConfig(options: LoadConfigOptions): Outcome<EngineConfig> {
  const fileConfig = readFileConfig(options.file)
  if (!fileConfig.ok) return fileConfig
  const f = fileConfig.value
  const envOutcome = effectiveEnv(options, f)
  if (!envOutcome.ok) return envOutcome
  const env = envOutcome.value
  const names = options.names ?? {}

  const apiUrlSource = pick(env, names, CONFIG_ENV.apiUrl, f, 'apiUrl')
  let apiUrl: string | null = null
  if (apiUrlSource !== undefined && apiUrlSource.value !== null) {
    const parsed = parseServerUrl(apiUrlSource, { trailingSlash: true })
    if (!parsed.ok) return parsed
    apiUrl = parsed.value
  }
  const auth = parseAuth(env, names, f.auth)
  if (!auth.ok) return auth
  if (apiUrl !== null && auth.value === null) {
    return invalid(
      CONFIG_ENV.apiKey,
      (setting) => t('errors.config_invalid.problem.keys-required', { setting, apiKey: CONFIG_ENV.apiKey, sharedKey: CONFIG_ENV.sharedKey, auth: '"auth"' }),
      'apiKey'
    )
  }
  if (apiUrl === null && auth.value !== null && options.keysWithoutServer !== true) {
    return invalid(CONFIG_ENV.apiUrl, (setting) => t('errors.config_invalid.problem.server-required', { setting, apiUrl: '"apiUrl"' }), 'apiUrl')
  }

  const defaultProduct = parseText(pick(env, names, CONFIG_ENV.defaultProduct, f, 'defaultProduct'), 'defaultProduct', MAX_CODE_LENGTH)
  if (!defaultProduct.ok) return defaultProduct
  const defaultCustomerAccount = parseText(
    pick(env, names, CONFIG_ENV.defaultCustomerAccount, f, 'defaultCustomerAccount'),
    'defaultCustomerAccount',
    MAX_CODE_LENGTH
  )
  if (!defaultCustomerAccount.ok) return defaultCustomerAccount
  const timeoutMs = parseMilliseconds(pick(env, names, CONFIG_ENV.timeoutMs, f, 'timeoutMs'), 'timeoutMs', DEFAULT_TIMEOUT_MS)
  if (!timeoutMs.ok) return timeoutMs
  const ssoTimeoutMs = parseMilliseconds(pick(env, names, CONFIG_ENV.ssoTimeoutMs, f, 'ssoTimeoutMs'), 'ssoTimeoutMs', DEFAULT_SSO_TIMEOUT_MS)
  if (!ssoTimeoutMs.ok) return ssoTimeoutMs
  const ssoTokenField = parseTokenField(pick(env, names, CONFIG_ENV.ssoTokenField, f, 'ssoTokenField'))
  if (!ssoTokenField.ok) return ssoTokenField
  const hardwareIdSource = parseHardwareIdSource(
    pick(env, names, CONFIG_ENV.hardwareIdSource, f, 'hardwareIdSource'),
    pick(env, names, CONFIG_ENV.hardwareIdAlgorithm, f, 'hardwareIdAlgorithm')
  )
  if (!hardwareIdSource.ok) return hardwareIdSource
  const warmUp = parseSwitch(pick(env, names, CONFIG_ENV.warmUp, f, 'warmUp'), true)
  if (!warmUp.ok) return warmUp
  const helpUrl = parseHelpUrl(pick(env, names, CONFIG_ENV.helpUrl, f, 'helpUrl'))
  if (!helpUrl.ok) return helpUrl
  const bundleProducts = parseBundleProducts(f.bundleProducts === undefined ? undefined : { value: f.bundleProducts, name: fileName('bundleProducts') })
  if (!bundleProducts.ok) return bundleProducts
  const publicKey = parsePublicKey(pick(env, names, CONFIG_ENV.publicKey, f, 'publicKey'))
  if (!publicKey.ok) return publicKey
  const brand = parseBrand(brandSources(env, names, f), {
    fileDir: options.file === undefined ? process.cwd() : dirname(resolve(options.file)),
    fileField: fileName
  })
  if (!brand.ok) return brand
  const languages = parseLanguages(f)
  if (!languages.ok) return languages

  return success({
    apiUrl,
    auth: auth.value,
    defaultProduct: defaultProduct.value,
    defaultCustomerAccount: defaultCustomerAccount.value,
    timeoutMs: timeoutMs.value,
    ssoTimeoutMs: ssoTimeoutMs.value,
    ssoTokenField: ssoTokenField.value,
    hardwareIdSource: hardwareIdSource.value,
    warmUp: warmUp.value,
    ...(helpUrl.value === undefined ? {} : { helpUrl: helpUrl.value }),
    ...(bundleProducts.value === undefined ? {} : { bundleProducts: bundleProducts.value }),
    ...(publicKey.value === undefined ? {} : { publicKey: publicKey.value }),
    ...(brand.value === undefined ? {} : { brand: brand.value }),
    ...languages.value
  })
}

const shippedLanguageSchema = z.enum(LANGUAGES, says('language'))
const languageSchema = z.union([shippedLanguageSchema, z.literal(PSEUDO_LANGUAGE)], says('language-or-pseudo'))
const languagesSchema = z.array(shippedLanguageSchema, says('language-list')).check(
  z.minLength(1, says('language-list-empty')),
  z.refine((list) => new Set(list).size === list.length, says('language-list-repeats'))
)

/** `language` (one fixed language) and `languages` (the ones offered), from the configuration file; both checked together. */
function parseLanguages(file: Record<string, unknown>): Outcome<{ language?: Language; languages?: Language[] }> {
  const fixed =
    file['language'] === undefined || file['language'] === null
      ? success(undefined)
      : check(languageSchema, { value: file['language'], name: fileName('language') }, 'language')
  if (!fixed.ok) return fixed
  const offered =
    file['languages'] === undefined || file['languages'] === null
      ? success(undefined)
      : check(languagesSchema, { value: file['languages'], name: fileName('languages') }, 'languages')
  if (!offered.ok) return offered
  if (fixed.value !== undefined && offered.value !== undefined && !(offered.value as readonly string[]).includes(fixed.value)) {
    const listed = offered.value.map((l) => `"${l}"`)
    return invalid(
      fileName('language'),
      (setting) => t('errors.config_invalid.problem.language-not-offered', { setting, languages: eitherOf(...listed) }),
      'language'
    )
  }
  return success({ ...(fixed.value === undefined ? {} : { language: fixed.value }), ...(offered.value === undefined ? {} : { languages: offered.value }) })
}

export const isServerConfig = (config: EngineConfig): config is ServerConfig => config.apiUrl !== null && config.auth !== null

/** The server in words safe to show and log: its URL only, never a key. */
export function describeServer(config: Pick<EngineConfig, 'apiUrl'>): string {
  if (config.apiUrl === null) return 'built-in sandbox'
  try {
    const url = new URL(config.apiUrl)
    return `${url.protocol}//${url.host}${url.pathname}`
  } catch {
    return 'invalid server URL'
  }
}
