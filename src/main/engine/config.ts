import { createPublicKey } from 'node:crypto'
import { dirname, resolve } from 'node:path'
import * as z from 'zod/mini'
import builtInConfig from '../../../resources/config.json'
import { hasControlCharacters } from '../../shared/control-characters'
import { displayText } from '../../shared/display-text'
import { describeError, type ConfigAdvice } from '../../shared/errors'
import { failure, success, type Outcome } from '../../shared/outcome'
import { keyShapeProblem, type KeySetting } from './auth/key-shape'
import { describeFileProblem, readRegularFileSync } from './files/regular-file'
import { DEFAULT_HARDWARE_ID_SOURCE, LICENSESPRING_ALGORITHMS, type HardwareIdSourceConfig } from './hardware-id-source'
import { isAllowedServerUrl } from '../../common/loopback'
import { BRAND_ENV, BRAND_EXAMPLES, BRAND_SETTINGS, parseBrand, type BrandConfig, type BrandSetting, type BrandSource } from './brand/brand-config'

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
  'supportContact'
] as const
const FILE_AUTH_KEYS = ['scheme', 'apiKey', 'sharedKey', 'tokenUrl', 'clientId', 'clientSecret'] as const

/** Known keys only; each value is checked where it is used, since an environment variable may override it. */
const ConfigFileSchema = z.strictObject(Object.fromEntries(FILE_SETTINGS.map((key) => [key, z.optional(z.unknown())])), 'must hold a JSON object.')
const FileAuthSchema = z.nullable(z.strictObject(Object.fromEntries(FILE_AUTH_KEYS.map((key) => [key, z.optional(z.unknown())])), 'must be an object or null.'))

/** A value and the name the user knows it by (an environment variable or a file key). */
interface Sourced {
  value: unknown
  name: string
  /** The value came by a name the user gave it (a command-line option), not from the environment or the file. */
  given?: true
}

/**
 * What a valid value of each setting looks like, as `config_invalid` says it after the problem.
 * Keys and secrets get their shape, never a value that could be mistaken for a real one.
 */
export const CONFIG_EXAMPLES = {
  configurationFile: 'a JSON object such as {"apiUrl": "https://api.licensespring.com/api/v4/", "auth": {"scheme": "hmac", "apiKey": "…", "sharedKey": "…"}}',
  apiUrl: '"https://api.licensespring.com/api/v4/" (https:, or http: only for a server on this PC); unset or null uses the built-in sandbox',
  authScheme: '"hmac" (API key and shared key) or "oauth" (client id and secret)',
  auth: '{"scheme": "hmac", "apiKey": "…", "sharedKey": "…"}, {"scheme": "oauth", "tokenUrl": "…", "clientId": "…", "clientSecret": "…"} or null',
  apiKey:
    'the API key from the vendor’s LicenseSpring settings, one word of letters, digits and dashes such as "0f8e2a1c-5b7d-4c3e-9a6f-1d2b3c4e5f60" (visible ASCII characters, no spaces, quotes, backslashes or commas)',
  sharedKey: 'the shared key from the vendor’s LicenseSpring settings, one word of about 40 letters and digits (visible ASCII characters, no spaces)',
  tokenUrl: '"https://auth.licensespring.com/realms/user-portal/protocol/openid-connect/token" (https:, or http: only for a server on this PC)',
  clientId: 'the OAuth client id from the vendor’s LicenseSpring settings, one word such as "license-manager-client" (visible ASCII characters, no spaces)',
  clientSecret: 'the OAuth client secret from the vendor’s LicenseSpring settings, one word of visible ASCII characters (no spaces)',
  defaultProduct: 'a bundle’s short code such as "office-suite", or "" for none',
  defaultCustomerAccount: 'a customer account code such as "acme", or "" for none',
  timeoutMs: '15000 (15 seconds)',
  ssoTimeoutMs: '300000 (5 minutes)',
  ssoTokenField: '"access_token" (LicenseSpring’s documented choice) or "id_token"',
  allowEnvironmentOverrides: 'true or false',
  hardwareIdSource: '"node-machine-id" or "licensespring"',
  hardwareIdAlgorithm: '"Default" or 0 (with "hardwareIdSource": "licensespring" only)',
  warmUp: 'true or false',
  helpUrl: '"https://support.example.com/licences" (https: only); unset or null shows no link',
  bundleProducts: '{"office-suite": ["Writer", "Sheets", "Slides"]}: each bundle code with the names of its products (at most 100 bundles of 100 products)',
  publicKey:
    'the vendor’s RSA public key in PEM form, "-----BEGIN PUBLIC KEY-----\\n…\\n-----END PUBLIC KEY-----" (in an environment variable, \\n may stand for each line break)',
  ...BRAND_EXAMPLES
} as const

export type ConfigSetting = keyof typeof CONFIG_EXAMPLES

/** config_invalid naming the field, the problem and what a valid value looks like. */
function invalid(name: string, problem: string, setting: ConfigSetting, advice?: ConfigAdvice): Outcome<never> {
  return failure(
    describeError('config_invalid', {
      field: name,
      detail: { problem: `${name} ${problem}`, example: CONFIG_EXAMPLES[setting], ...(advice === undefined ? {} : { advice }) }
    })
  )
}

const fileName = (key: string) => `config file field "${key}"`

/** The value as `schema` reads it, or config_invalid naming the field with the schema's first problem. */
function check<T>(schema: z.ZodMiniType<T>, s: Sourced, setting: ConfigSetting): Outcome<T> {
  const parsed = schema.safeParse(s.value)
  return parsed.success
    ? success(parsed.data)
    : invalid(s.name, parsed.error.issues[0]?.message ?? 'is not valid.', setting, s.given ? { kind: 'given-option' } : undefined)
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
      const problem = reading.problem === 'not-found' ? 'could not be read (ENOENT).' : describeFileProblem(reading, MAX_CONFIG_FILE_BYTES)
      return invalid('configuration file', `${shown} ${problem}`, 'configurationFile')
    }
    try {
      // Notepad and other Windows editors start UTF-8 files with a byte-order mark: it is not part of the JSON.
      raw = JSON.parse(reading.bytes.toString('utf8').replace(/^\uFEFF/, ''))
    } catch {
      return invalid('configuration file', `${shown} is not valid JSON.`, 'configurationFile')
    }
  }
  const parsed = ConfigFileSchema.safeParse(raw)
  if (parsed.success) return success(parsed.data)
  const unknownKey = parsed.error.issues.find((issue) => issue.code === 'unrecognized_keys')?.keys[0]
  if (unknownKey !== undefined)
    return invalid(fileName(unknownKey), `is not a known setting (known: ${FILE_SETTINGS.slice(1).join(', ')}).`, 'configurationFile')
  return invalid('configuration file', parsed.error.issues[0]?.message ?? 'must hold a JSON object.', 'configurationFile')
}

/**
 * A transform that parses a URL and applies `rule` (which may adjust the URL); the rule's
 * message becomes the value's problem. Yields the URL's href.
 */
function checkedUrl(notAUrl: string, rule: (url: URL) => string | undefined) {
  return z.transform((text: string, payload): string => {
    const problem = (message: string) => {
      payload.issues.push({ code: 'custom', message, input: text })
      return z.NEVER
    }
    if (!URL.canParse(text)) return problem(notAUrl)
    const url = new URL(text)
    const broken = rule(url)
    return broken === undefined ? url.href : problem(broken)
  })
}

/** A License API base URL: https, or http on loopback; no credentials, query or fragment; ends with "/". */
const serverUrlSchema = (trailingSlash: boolean) =>
  z.pipe(
    z.string('must be a URL.').check(z.trim(), z.minLength(1, 'must be a URL.')),
    checkedUrl('is not a valid URL.', (url) => {
      if (!isAllowedServerUrl(url)) return 'must use https: (http: is allowed only for a server on this PC: 127.0.0.1, [::1] or localhost).'
      if (url.username !== '' || url.password !== '') return 'must not contain a user name or password.'
      if (url.search !== '' || url.hash !== '') return 'must not contain a query or fragment.'
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
  z
    .string('must be a web address.')
    .check(z.trim(), z.minLength(1, 'must be a web address.'), z.maxLength(MAX_HELP_URL_LENGTH, `must be at most ${MAX_HELP_URL_LENGTH} characters.`)),
  checkedUrl('is not a valid web address.', (url) => {
    if (url.protocol !== 'https:') return 'must use https:.'
    if (url.username !== '' || url.password !== '') return 'must not contain a user name or password.'
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
  const products = z.array(name, 'must list each bundle’s products.').check(z.minLength(1), z.maxLength(100))
  const schema = z
    .record(name, products, 'must be an object of bundle codes.')
    .check(z.refine((record) => Object.keys(record).length <= 100, 'must name at most 100 bundles.'))
  return check(schema, s, 'bundleProducts')
}

/** A PEM text is a few hundred characters; a bound keeps a wrong value from being parsed at length. */
const MAX_PUBLIC_KEY_LENGTH = 16_384

/** The vendor's public key (PEM, an RSA key); `\n` stands for a line break, as environment variables need. */
const publicKeySchema = z.pipe(
  z.string('must be a PEM public key.').check(z.maxLength(MAX_PUBLIC_KEY_LENGTH, `must be at most ${MAX_PUBLIC_KEY_LENGTH} characters.`)),
  z.transform((text: string, payload): string => {
    const pem = text.replace(/\\n/g, '\n').trim()
    try {
      const key = createPublicKey(pem)
      if (key.asymmetricKeyType === 'rsa') return key.export({ type: 'spki', format: 'pem' }).toString()
    } catch {
      // Reported below, without quoting the value.
    }
    payload.issues.push({ code: 'custom', message: 'is not an RSA public key in PEM form.', input: text })
    return z.NEVER
  })
)

/** The public key when configured; unset or null → answers are not checked. */
function parsePublicKey(s: Sourced | undefined): Outcome<string | undefined> {
  if (s === undefined || s.value === null) return success(undefined)
  return check(publicKeySchema, s, 'publicKey')
}

const textSchema = (maxLength: number, required: boolean) =>
  z.string('must be text.').check(
    z.trim(),
    z.refine((value) => !required || value !== '', 'must not be empty.'),
    z.maxLength(maxLength, `must be at most ${maxLength} characters.`),
    z.refine((value) => !hasControlCharacters(value), 'contains control characters.')
  )

function parseText(s: Sourced | undefined, setting: ConfigSetting, { maxLength, required }: { maxLength: number; required: boolean }): Outcome<string> {
  if (s === undefined) return required ? invalid('setting', 'is missing.', setting) : success('')
  return check(textSchema(maxLength, required), s, setting)
}

const MILLISECONDS = `must be a whole number of milliseconds between 1 and ${MAX_TIMEOUT_MS}.`
/** A number, or digits in a string (environment variables are text). */
const millisecondsSchema = z.pipe(
  z.transform((value: unknown) => (typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value)),
  z.int(MILLISECONDS).check(z.gte(1, MILLISECONDS), z.lte(MAX_TIMEOUT_MS, MILLISECONDS))
)

const parseMilliseconds = (s: Sourced | undefined, setting: 'timeoutMs' | 'ssoTimeoutMs', fallback: number): Outcome<number> =>
  s === undefined ? success(fallback) : check(millisecondsSchema, s, setting)

const tokenFieldSchema = z.enum(['access_token', 'id_token'], 'must be "access_token" or "id_token".')

const parseTokenField = (s: Sourced | undefined): Outcome<EngineConfig['ssoTokenField']> =>
  s === undefined ? success('access_token') : check(tokenFieldSchema, s, 'ssoTokenField')

const ALGORITHM_CHOICES = LICENSESPRING_ALGORITHMS.map((name, n) => `${name} (${n})`).join(', ')
const ALGORITHM = `must be one of LicenseSpring’s hardware id algorithms: ${ALGORITHM_CHOICES}.`
/** An algorithm by its number (digits in text too) or its name. */
const algorithmSchema = z.pipe(
  z.transform((value: unknown) => {
    const raw = typeof value === 'string' ? value.trim() : value
    if (typeof raw !== 'string') return raw
    return /^\d+$/.test(raw) ? Number(raw) : (LICENSESPRING_ALGORITHMS as readonly string[]).indexOf(raw)
  }),
  z.int(ALGORITHM).check(z.gte(0, ALGORITHM), z.lte(LICENSESPRING_ALGORITHMS.length - 1, ALGORITHM))
)
const hardwareIdKindSchema = z.enum(['node-machine-id', 'licensespring'], 'must be "node-machine-id" or "licensespring".')

/** `hardwareIdSource` and, for "licensespring", `hardwareIdAlgorithm` (a name or its number; default Default). */
function parseHardwareIdSource(source: Sourced | undefined, algorithm: Sourced | undefined): Outcome<HardwareIdSourceConfig> {
  const kind = source === undefined ? success(DEFAULT_HARDWARE_ID_SOURCE.kind) : check(hardwareIdKindSchema, source, 'hardwareIdSource')
  if (!kind.ok) return kind
  if (kind.value === 'node-machine-id') {
    return algorithm === undefined
      ? success(DEFAULT_HARDWARE_ID_SOURCE)
      : invalid(algorithm.name, 'applies only when the hardware id source is "licensespring".', 'hardwareIdAlgorithm')
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
  'must be true or false.'
)

const parseSwitch = (s: Sourced | undefined, fallback: boolean): Outcome<boolean> => (s === undefined ? success(fallback) : check(switchSchema, s, 'warmUp'))

type FileAuth = Partial<Record<(typeof FILE_AUTH_KEYS)[number], unknown>>

function readFileAuth(value: unknown): Outcome<FileAuth | null> {
  if (value === undefined) return success(null)
  const parsed = FileAuthSchema.safeParse(value)
  if (parsed.success) return success(parsed.data)
  const unknownKey = parsed.error.issues.find((issue) => issue.code === 'unrecognized_keys')?.keys[0]
  if (unknownKey !== undefined) return invalid(fileName(`auth.${unknownKey}`), 'is not a known setting.', 'auth')
  return invalid(fileName('auth'), parsed.error.issues[0]?.message ?? 'must be an object or null.', 'auth')
}

const authSchemeSchema = z.enum(['hmac', 'oauth'], 'must be "hmac" or "oauth".')

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
    return invalid(CONFIG_ENV.authScheme, 'must be set ("hmac" or "oauth") when both API-key and OAuth variables are set.', 'authScheme')
  } else if (hmacInEnv || oauthInEnv) {
    rawScheme = hmacInEnv ? 'hmac' : 'oauth'
    schemeName = CONFIG_ENV.authScheme
  } else {
    rawScheme = fileAuth.value?.scheme
    schemeName = fileName('auth.scheme')
  }
  if (rawScheme === undefined) {
    return fileAuth.value === null ? success(null) : invalid(fileName('auth.scheme'), 'must be "hmac" or "oauth".', 'authScheme')
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
    if (s === undefined)
      return invalid(envName, `is required for ${scheme === 'hmac' ? 'API-key' : 'OAuth'} authorization (or set auth.${key} in the config file).`, key)
    const text = parseText(s, key, { maxLength: MAX_SECRET_LENGTH, required: true })
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
  if (tokenUrlSource === undefined)
    return invalid(CONFIG_ENV.tokenUrl, 'is required for OAuth authorization (or set auth.tokenUrl in the config file).', 'tokenUrl')
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
    z.optional(z.boolean('must be true or false.')),
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
      `is required when a server is configured: set ${CONFIG_ENV.apiKey} and ${CONFIG_ENV.sharedKey} (or the OAuth variables), or "auth" in the config file.`,
      'apiKey'
    )
  }
  if (apiUrl === null && auth.value !== null && options.keysWithoutServer !== true) {
    return invalid(CONFIG_ENV.apiUrl, 'is required when credentials are configured: set the License API URL (or "apiUrl" in the config file).', 'apiUrl')
  }

  const defaultProduct = parseText(pick(env, names, CONFIG_ENV.defaultProduct, f, 'defaultProduct'), 'defaultProduct', {
    maxLength: MAX_CODE_LENGTH,
    required: false
  })
  if (!defaultProduct.ok) return defaultProduct
  const defaultCustomerAccount = parseText(pick(env, names, CONFIG_ENV.defaultCustomerAccount, f, 'defaultCustomerAccount'), 'defaultCustomerAccount', {
    maxLength: MAX_CODE_LENGTH,
    required: false
  })
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
    ...(brand.value === undefined ? {} : { brand: brand.value })
  })
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
