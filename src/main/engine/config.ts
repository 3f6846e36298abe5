import { readFileSync } from 'node:fs'
import builtInConfig from '../../../resources/config.json'
import { hasControlCharacters } from '../../shared/control-characters'
import { describeError } from '../../shared/errors'
import { failure, success, type Outcome } from '../../shared/outcome'
import { DEFAULT_HARDWARE_ID_SOURCE, LICENSESPRING_ALGORITHMS, type HardwareIdSourceConfig } from './hardware-id-source'
import { isAllowedServerUrl } from './loopback'

export type AuthConfig =
  | { scheme: 'hmac'; apiKey: string; sharedKey: string }
  | { scheme: 'oauth'; tokenUrl: string; clientId: string; clientSecret: string }

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
}

/** A configuration that names a real (or already started sandbox) server. */
export type ServerConfig = EngineConfig & { apiUrl: string; auth: AuthConfig }

export const DEFAULT_TIMEOUT_MS = 15_000
export const DEFAULT_SSO_TIMEOUT_MS = 300_000
const MAX_TIMEOUT_MS = 3_600_000
const MAX_SECRET_LENGTH = 1024
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
  warmUp: 'LM_WARM_UP'
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
}

const FILE_KEYS = [
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
  'warmUp'
]

/** A value and the name the user knows it by (an environment variable or a file key). */
interface Sourced {
  value: unknown
  name: string
}

function invalid(name: string, problem: string, action?: string): Outcome<never> {
  const error = describeError('config_invalid', { field: name, detail: { problem: `${name} ${problem}` } })
  return failure(action === undefined ? error : { ...error, action })
}

/** A server address is wrong: the advice is about the address, with a valid example, not about the keys. */
const urlAdvice = (name: string, example: string) =>
  `Ask whoever set up this app to correct ${name}. A valid value looks like ${example} (https:, or http: only for a server on this PC).`

const fileName = (key: string) => `config file field "${key}"`

/** The environment value when set to something non-empty, else the file's. */
function pick(env: ConfigEnv, envName: string, file: Record<string, unknown>, key: string): Sourced | undefined {
  const fromEnv = env[envName]
  if (fromEnv !== undefined && fromEnv !== '') return { value: fromEnv, name: envName }
  if (file[key] !== undefined) return { value: file[key], name: fileName(key) }
  return undefined
}

function readFileConfig(file: string | undefined): Outcome<Record<string, unknown>> {
  let raw: unknown = builtInConfig
  if (file !== undefined) {
    let text: string
    try {
      text = readFileSync(file, 'utf8')
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'unreadable'
      return invalid('configuration file', `${file} could not be read (${code}).`)
    }
    try {
      raw = JSON.parse(text)
    } catch {
      return invalid('configuration file', `${file} is not valid JSON.`)
    }
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return invalid('configuration file', 'must hold a JSON object.')
  const unknownKey = Object.keys(raw).find((k) => !FILE_KEYS.includes(k))
  if (unknownKey !== undefined) return invalid(fileName(unknownKey), `is not a known setting (known: ${FILE_KEYS.slice(1).join(', ')}).`)
  return success(raw as Record<string, unknown>)
}

/** A License API base URL: https, or http on loopback; no credentials, query or fragment; ends with "/". */
export function parseServerUrl(raw: unknown, name: string, { trailingSlash }: { trailingSlash: boolean }): Outcome<string> {
  const advice = urlAdvice(name, trailingSlash ? 'https://api.licensespring.com/api/v4/' : 'https://auth.example.com/oauth/token')
  if (typeof raw !== 'string' || raw.trim() === '') return invalid(name, 'must be a URL.', advice)
  let url: URL
  try {
    url = new URL(raw.trim())
  } catch {
    return invalid(name, 'is not a valid URL.', advice)
  }
  if (!isAllowedServerUrl(url)) {
    return invalid(name, 'must use https: (http: is allowed only for a server on this PC: 127.0.0.1, [::1] or localhost).', advice)
  }
  if (url.username !== '' || url.password !== '') return invalid(name, 'must not contain a user name or password.', advice)
  if (url.search !== '' || url.hash !== '') return invalid(name, 'must not contain a query or fragment.', advice)
  if (trailingSlash && !url.pathname.endsWith('/')) url.pathname += '/'
  return success(url.href)
}

function parseText(s: Sourced | undefined, { maxLength, required }: { maxLength: number; required: boolean }): Outcome<string> {
  if (s === undefined) return required ? invalid('setting', 'is missing.') : success('')
  if (typeof s.value !== 'string') return invalid(s.name, 'must be text.')
  const value = s.value.trim()
  if (required && value === '') return invalid(s.name, 'must not be empty.')
  if (value.length > maxLength) return invalid(s.name, `must be at most ${maxLength} characters.`)
  if (hasControlCharacters(value)) return invalid(s.name, 'contains control characters.')
  return success(value)
}

function parseMilliseconds(s: Sourced | undefined, fallback: number): Outcome<number> {
  if (s === undefined) return success(fallback)
  const value = typeof s.value === 'string' && /^\s*\d+\s*$/.test(s.value) ? Number(s.value) : s.value
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_TIMEOUT_MS) {
    return invalid(s.name, `must be a whole number of milliseconds between 1 and ${MAX_TIMEOUT_MS}.`)
  }
  return success(value)
}

function parseTokenField(s: Sourced | undefined): Outcome<EngineConfig['ssoTokenField']> {
  if (s === undefined) return success('access_token')
  if (s.value === 'access_token' || s.value === 'id_token') return success(s.value)
  return invalid(s.name, 'must be "access_token" or "id_token".')
}

const ALGORITHM_CHOICES = LICENSESPRING_ALGORITHMS.map((name, n) => `${name} (${n})`).join(', ')

/** `hardwareIdSource` and, for "licensespring", `hardwareIdAlgorithm` (a name or its number; default Default). */
function parseHardwareIdSource(source: Sourced | undefined, algorithm: Sourced | undefined): Outcome<HardwareIdSourceConfig> {
  const kind = source?.value ?? DEFAULT_HARDWARE_ID_SOURCE.kind
  if (kind !== 'node-machine-id' && kind !== 'licensespring') return invalid(source!.name, 'must be "node-machine-id" or "licensespring".')
  if (kind === 'node-machine-id') {
    return algorithm === undefined ? success(DEFAULT_HARDWARE_ID_SOURCE) : invalid(algorithm.name, 'applies only when the hardware id source is "licensespring".')
  }
  if (algorithm === undefined) return success({ kind, algorithm: 0 })
  const raw = typeof algorithm.value === 'string' ? algorithm.value.trim() : algorithm.value
  const byNumber = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : undefined
  const index = byNumber ?? (typeof raw === 'string' ? (LICENSESPRING_ALGORITHMS as readonly string[]).indexOf(raw) : -1)
  if (!Number.isInteger(index) || index < 0 || index >= LICENSESPRING_ALGORITHMS.length) {
    return invalid(algorithm.name, `must be one of LicenseSpring’s hardware id algorithms: ${ALGORITHM_CHOICES}.`)
  }
  return success({ kind, algorithm: index })
}

function parseSwitch(s: Sourced | undefined, fallback: boolean): Outcome<boolean> {
  if (s === undefined) return success(fallback)
  if (s.value === true || s.value === 'true') return success(true)
  if (s.value === false || s.value === 'false') return success(false)
  return invalid(s.name, 'must be true or false.')
}

type FileAuth = Partial<Record<'scheme' | 'apiKey' | 'sharedKey' | 'tokenUrl' | 'clientId' | 'clientSecret', unknown>>

function readFileAuth(value: unknown): Outcome<FileAuth | null> {
  if (value === undefined || value === null) return success(null)
  if (typeof value !== 'object' || Array.isArray(value)) return invalid(fileName('auth'), 'must be an object or null.')
  const allowed = ['scheme', 'apiKey', 'sharedKey', 'tokenUrl', 'clientId', 'clientSecret']
  const unknownKey = Object.keys(value).find((k) => !allowed.includes(k))
  if (unknownKey !== undefined) return invalid(fileName(`auth.${unknownKey}`), 'is not a known setting.')
  return success(value as FileAuth)
}

function parseAuth(env: ConfigEnv, fileAuthRaw: unknown): Outcome<AuthConfig | null> {
  const fileAuth = readFileAuth(fileAuthRaw)
  if (!fileAuth.ok) return fileAuth
  const set = (name: string) => env[name] !== undefined && env[name] !== ''
  const hmacInEnv = set(CONFIG_ENV.apiKey) || set(CONFIG_ENV.sharedKey)
  const oauthInEnv = set(CONFIG_ENV.tokenUrl) || set(CONFIG_ENV.clientId) || set(CONFIG_ENV.clientSecret)

  let scheme: unknown
  let schemeName: string
  if (set(CONFIG_ENV.authScheme)) {
    scheme = env[CONFIG_ENV.authScheme]
    schemeName = CONFIG_ENV.authScheme
  } else if (hmacInEnv && oauthInEnv) {
    return invalid(CONFIG_ENV.authScheme, 'must be set ("hmac" or "oauth") when both API-key and OAuth variables are set.')
  } else if (hmacInEnv || oauthInEnv) {
    scheme = hmacInEnv ? 'hmac' : 'oauth'
    schemeName = CONFIG_ENV.authScheme
  } else {
    scheme = fileAuth.value?.scheme
    schemeName = fileName('auth.scheme')
  }
  if (scheme === undefined) {
    return fileAuth.value === null ? success(null) : invalid(fileName('auth.scheme'), 'must be "hmac" or "oauth".')
  }
  if (scheme !== 'hmac' && scheme !== 'oauth') return invalid(schemeName, 'must be "hmac" or "oauth".')

  const fromFile = fileAuth.value?.scheme === scheme ? fileAuth.value : {}
  const field = (envName: string, key: keyof FileAuth): Sourced | undefined => {
    const s = pick(env, envName, fromFile as Record<string, unknown>, key)
    return s && s.name.startsWith('config') ? { ...s, name: fileName(`auth.${key}`) } : s
  }
  const secret = (envName: string, key: keyof FileAuth): Outcome<string> => {
    const s = field(envName, key)
    if (s === undefined) return invalid(envName, `is required for ${scheme === 'hmac' ? 'API-key' : 'OAuth'} authorization (or set auth.${key} in the config file).`)
    return parseText(s, { maxLength: MAX_SECRET_LENGTH, required: true })
  }

  if (scheme === 'hmac') {
    const apiKey = secret(CONFIG_ENV.apiKey, 'apiKey')
    if (!apiKey.ok) return apiKey
    const sharedKey = secret(CONFIG_ENV.sharedKey, 'sharedKey')
    if (!sharedKey.ok) return sharedKey
    return success({ scheme, apiKey: apiKey.value, sharedKey: sharedKey.value })
  }
  const tokenUrlSource = field(CONFIG_ENV.tokenUrl, 'tokenUrl')
  if (tokenUrlSource === undefined) return invalid(CONFIG_ENV.tokenUrl, 'is required for OAuth authorization (or set auth.tokenUrl in the config file).')
  const tokenUrl = parseServerUrl(tokenUrlSource.value, tokenUrlSource.name, { trailingSlash: false })
  if (!tokenUrl.ok) return tokenUrl
  const clientId = secret(CONFIG_ENV.clientId, 'clientId')
  if (!clientId.ok) return clientId
  const clientSecret = secret(CONFIG_ENV.clientSecret, 'clientSecret')
  if (!clientSecret.ok) return clientSecret
  return success({ scheme, tokenUrl: tokenUrl.value, clientId: clientId.value, clientSecret: clientSecret.value })
}

/** The variables that apply: all of them, or none in a packaged app whose file does not allow them. */
function effectiveEnv(options: LoadConfigOptions, file: Record<string, unknown>): Outcome<ConfigEnv> {
  const allow = file['allowEnvironmentOverrides']
  if (allow !== undefined && typeof allow !== 'boolean') return invalid(fileName('allowEnvironmentOverrides'), 'must be true or false.')
  return success(options.packaged === true && allow !== true ? {} : options.env)
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

  const apiUrlSource = pick(env, CONFIG_ENV.apiUrl, f, 'apiUrl')
  let apiUrl: string | null = null
  if (apiUrlSource !== undefined && apiUrlSource.value !== null) {
    const parsed = parseServerUrl(apiUrlSource.value, apiUrlSource.name, { trailingSlash: true })
    if (!parsed.ok) return parsed
    apiUrl = parsed.value
  }
  const auth = parseAuth(env, f.auth)
  if (!auth.ok) return auth
  if (apiUrl !== null && auth.value === null) {
    return invalid(CONFIG_ENV.apiKey, `is required when a server is configured: set ${CONFIG_ENV.apiKey} and ${CONFIG_ENV.sharedKey} (or the OAuth variables), or "auth" in the config file.`)
  }
  if (apiUrl === null && auth.value !== null && options.keysWithoutServer !== true) {
    return invalid(CONFIG_ENV.apiUrl, 'is required when credentials are configured: set the License API URL (or "apiUrl" in the config file).')
  }

  const defaultProduct = parseText(pick(env, CONFIG_ENV.defaultProduct, f, 'defaultProduct'), { maxLength: MAX_CODE_LENGTH, required: false })
  if (!defaultProduct.ok) return defaultProduct
  const defaultCustomerAccount = parseText(pick(env, CONFIG_ENV.defaultCustomerAccount, f, 'defaultCustomerAccount'), {
    maxLength: MAX_CODE_LENGTH,
    required: false
  })
  if (!defaultCustomerAccount.ok) return defaultCustomerAccount
  const timeoutMs = parseMilliseconds(pick(env, CONFIG_ENV.timeoutMs, f, 'timeoutMs'), DEFAULT_TIMEOUT_MS)
  if (!timeoutMs.ok) return timeoutMs
  const ssoTimeoutMs = parseMilliseconds(pick(env, CONFIG_ENV.ssoTimeoutMs, f, 'ssoTimeoutMs'), DEFAULT_SSO_TIMEOUT_MS)
  if (!ssoTimeoutMs.ok) return ssoTimeoutMs
  const ssoTokenField = parseTokenField(pick(env, CONFIG_ENV.ssoTokenField, f, 'ssoTokenField'))
  if (!ssoTokenField.ok) return ssoTokenField
  const hardwareIdSource = parseHardwareIdSource(
    pick(env, CONFIG_ENV.hardwareIdSource, f, 'hardwareIdSource'),
    pick(env, CONFIG_ENV.hardwareIdAlgorithm, f, 'hardwareIdAlgorithm')
  )
  if (!hardwareIdSource.ok) return hardwareIdSource
  const warmUp = parseSwitch(pick(env, CONFIG_ENV.warmUp, f, 'warmUp'), true)
  if (!warmUp.ok) return warmUp

  return success({
    apiUrl,
    auth: auth.value,
    defaultProduct: defaultProduct.value,
    defaultCustomerAccount: defaultCustomerAccount.value,
    timeoutMs: timeoutMs.value,
    ssoTimeoutMs: ssoTimeoutMs.value,
    ssoTokenField: ssoTokenField.value,
    hardwareIdSource: hardwareIdSource.value,
    warmUp: warmUp.value
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
