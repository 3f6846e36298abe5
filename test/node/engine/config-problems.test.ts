import { generateKeyPairSync } from 'node:crypto'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { describeServer, isServerConfig, loadConfig, type EngineConfig } from '../../../src/main/engine/config'
import { expectOk } from '../../support/expect-ok'
import { DOCUMENTED_DEFAULTS } from './support/config-defaults'

/*
 * What a vendor (or IT) reads when one setting is wrong: config_invalid naming the setting as it
 * was given, and the problem in words of its own, one case per way a value can be wrong.
 */

function writeConfig(content: unknown, { bom = false } = {}): string {
  const file = join(mkdtempSync(join(tmpdir(), 'lm-config-problems-')), 'config.json')
  writeFileSync(file, (bom ? '\uFEFF' : '') + JSON.stringify(content))
  return file
}

/** A configuration file with only the sandbox in it, so every other setting comes from the case. */
const SANDBOX_FILE = { apiUrl: null, auth: null }
const fromEnv = (env: Record<string, string>, names?: Record<string, string>) =>
  loadConfig({ env, file: writeConfig(SANDBOX_FILE), ...(names === undefined ? {} : { names }) })
const fromFile = (settings: Record<string, unknown>) => loadConfig({ env: {}, file: writeConfig({ ...SANDBOX_FILE, ...settings }) })

const SERVER = 'https://api.example.com/api/v4/'
const HMAC = { LM_API_URL: SERVER, LM_API_KEY: 'the-api-key', LM_SHARED_KEY: 'the-shared-key' }

/** The setting named and the problem's sentence (the explanation before its example). */
function refusal(outcome: ReturnType<typeof loadConfig>): { field: string | undefined; problem: string } {
  if (outcome.ok) return { field: undefined, problem: 'accepted' }
  expect(outcome.error.code).toBe('config_invalid')
  return { field: outcome.error.field, problem: outcome.error.explanation.split(' A valid value looks like')[0]! }
}

const ok: (outcome: ReturnType<typeof loadConfig>) => EngineConfig = expectOk
const rsaPem = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' }).toString()
const ed25519Pem = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString()
const bundles = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, n) => [`bundle-${n}`, ['Writer']]))

describe('a wrong setting is told with its own problem', () => {
  it.each<[string, () => ReturnType<typeof loadConfig>, string, string]>([
    ['a blank License API URL', () => fromEnv({ ...HMAC, LM_API_URL: '   ' }), 'LM_API_URL', 'LM_API_URL must be a URL.'],
    ['a number as the URL', () => fromFile({ apiUrl: 5 }), 'config file field "apiUrl"', 'config file field "apiUrl" must be a URL.'],
    ['text that is no URL', () => fromEnv({ ...HMAC, LM_API_URL: 'not a url' }), 'LM_API_URL', 'LM_API_URL is not a valid URL.'],
    [
      'a URL with a password only',
      () => fromEnv({ ...HMAC, LM_API_URL: 'https://:pw@api.example.com/api/v4/' }),
      'LM_API_URL',
      'LM_API_URL must not contain a user name or password.'
    ],
    [
      'a URL with a user name only',
      () => fromEnv({ ...HMAC, LM_API_URL: 'https://me@api.example.com/api/v4/' }),
      'LM_API_URL',
      'LM_API_URL must not contain a user name or password.'
    ],
    ['a URL with a fragment', () => fromEnv({ ...HMAC, LM_API_URL: `${SERVER}#top` }), 'LM_API_URL', 'LM_API_URL must not contain a query or fragment.'],
    [
      'a port fetch never connects to',
      () => fromEnv({ ...HMAC, LM_API_URL: 'https://api.example.com:10080/api/v4/' }),
      'LM_API_URL',
      'LM_API_URL uses port 10080, which browsers and this app never connect to (it is kept for other services); use the port the server answers on, usually 443 for https:.'
    ],
    [
      'a sandbox on port 6000 of this PC',
      () => fromEnv({ ...HMAC, LM_API_URL: 'http://127.0.0.1:6000/api/v4/' }),
      'LM_API_URL',
      'LM_API_URL uses port 6000, which browsers and this app never connect to (it is kept for other services); use the port the server answers on, usually 443 for https:.'
    ],
    [
      'a token URL on a blocked port',
      () =>
        fromEnv({
          LM_API_URL: SERVER,
          LM_AUTH_SCHEME: 'oauth',
          LM_OAUTH_TOKEN_URL: 'https://auth.example.com:25/token',
          LM_OAUTH_CLIENT_ID: 'client',
          LM_OAUTH_CLIENT_SECRET: 'secret'
        }),
      'LM_OAUTH_TOKEN_URL',
      'LM_OAUTH_TOKEN_URL uses port 25, which browsers and this app never connect to (it is kept for other services); use the port the server answers on, usually 443 for https:.'
    ],
    ['a blank help page', () => fromEnv({ LM_HELP_URL: '  ' }), 'LM_HELP_URL', 'LM_HELP_URL must be a web address.'],
    [
      'a help page with a password',
      () => fromEnv({ LM_HELP_URL: 'https://:pw@help.example.com/' }),
      'LM_HELP_URL',
      'LM_HELP_URL must not contain a user name or password.'
    ],
    [
      'a help page too long',
      () => fromEnv({ LM_HELP_URL: `https://help.example.com/${'a'.repeat(2000)}` }),
      'LM_HELP_URL',
      'LM_HELP_URL must be at most 2000 characters.'
    ],
    ['a blank License API URL in the file', () => fromFile({ apiUrl: '   ' }), 'config file field "apiUrl"', 'config file field "apiUrl" must be a URL.'],
    ['a help page that is no text', () => fromFile({ helpUrl: 5 }), 'config file field "helpUrl"', 'config file field "helpUrl" must be a web address.'],
    [
      'a help page with a user name',
      () => fromEnv({ LM_HELP_URL: 'https://me@help.example.com/' }),
      'LM_HELP_URL',
      'LM_HELP_URL must not contain a user name or password.'
    ],
    [
      'a bundle with no products',
      () => fromFile({ bundleProducts: { 'office-suite': [] } }),
      'config file field "bundleProducts"',
      'config file field "bundleProducts" must list each bundle’s products.'
    ],
    ...(['1e4', '0x3A98'] as const).map((written): [string, () => ReturnType<typeof loadConfig>, string, string] => [
      `a time limit written ${written} (digits only)`,
      () => fromEnv({ LM_TIMEOUT_MS: written }),
      'LM_TIMEOUT_MS',
      'LM_TIMEOUT_MS must be a whole number of milliseconds between 1 and 3600000.'
    ]),
    [
      'a time limit in a list',
      () => fromFile({ timeoutMs: [2500] }),
      'config file field "timeoutMs"',
      'config file field "timeoutMs" must be a whole number of milliseconds between 1 and 3600000.'
    ],
    ...(
      [
        ['0x2', '"0x2"'],
        [[3], 'a list']
      ] as const
    ).map(([algorithm, shown]): [string, () => ReturnType<typeof loadConfig>, string, string] => [
      `an algorithm written as ${shown}`,
      () => fromFile({ hardwareIdSource: 'licensespring', hardwareIdAlgorithm: algorithm }),
      'config file field "hardwareIdAlgorithm"',
      'config file field "hardwareIdAlgorithm" must be one of LicenseSpring’s hardware id algorithms: Default (0), WindowsHardwareFingerprintId (1), WindowsComputerSystemProductId (2), WindowsCryptographyId (3), LinuxMachineId (4), CloudPlatformsId (5).'
    ]),
    [
      'a switch that is neither true nor false',
      () => fromFile({ warmUp: 'yes' }),
      'config file field "warmUp"',
      'config file field "warmUp" must be true or false.'
    ],
    [
      'environment overrides allowed "yes"',
      () => fromFile({ allowEnvironmentOverrides: 'yes' }),
      'config file field "allowEnvironmentOverrides"',
      'config file field "allowEnvironmentOverrides" must be true or false.'
    ],
    [
      'a bundle whose products are no list',
      () => fromFile({ bundleProducts: { 'office-suite': 'Writer' } }),
      'config file field "bundleProducts"',
      'config file field "bundleProducts" must list each bundle’s products.'
    ],
    [
      'bundle products that are no object',
      () => fromFile({ bundleProducts: ['office-suite'] }),
      'config file field "bundleProducts"',
      'config file field "bundleProducts" must be an object of bundle codes.'
    ],
    [
      '101 bundles',
      () => fromFile({ bundleProducts: bundles(101) }),
      'config file field "bundleProducts"',
      'config file field "bundleProducts" must name at most 100 bundles.'
    ],
    [
      'a public key that is no text',
      () => fromFile({ publicKey: 5 }),
      'config file field "publicKey"',
      'config file field "publicKey" must be a PEM public key.'
    ],
    ['a public key too long', () => fromEnv({ LM_PUBLIC_KEY: 'x'.repeat(16_385) }), 'LM_PUBLIC_KEY', 'LM_PUBLIC_KEY must be at most 16384 characters.'],
    ['an Ed25519 public key', () => fromEnv({ LM_PUBLIC_KEY: ed25519Pem }), 'LM_PUBLIC_KEY', 'LM_PUBLIC_KEY is not an RSA public key in PEM form.'],
    ['text that is no key', () => fromEnv({ LM_PUBLIC_KEY: 'hello' }), 'LM_PUBLIC_KEY', 'LM_PUBLIC_KEY is not an RSA public key in PEM form.'],
    [
      'a bundle code that is no text',
      () => fromFile({ defaultProduct: 5 }),
      'config file field "defaultProduct"',
      'config file field "defaultProduct" must be text.'
    ],
    ['a bundle code too long', () => fromEnv({ LM_PRODUCT: 'x'.repeat(129) }), 'LM_PRODUCT', 'LM_PRODUCT must be at most 128 characters.'],
    ['a bundle code with a control character', () => fromEnv({ LM_PRODUCT: 'office\u0007suite' }), 'LM_PRODUCT', 'LM_PRODUCT contains control characters.'],
    [
      'an empty API key in the file',
      () => fromFile({ apiUrl: SERVER, auth: { scheme: 'hmac', apiKey: '', sharedKey: 'the-shared-key' } }),
      'config file field "auth.apiKey"',
      'config file field "auth.apiKey" must not be empty.'
    ],
    [
      'true as a time limit',
      () => fromFile({ timeoutMs: true }),
      'config file field "timeoutMs"',
      'config file field "timeoutMs" must be a whole number of milliseconds between 1 and 3600000.'
    ],
    [
      'a fraction of a millisecond',
      () => fromEnv({ LM_TIMEOUT_MS: '1.5' }),
      'LM_TIMEOUT_MS',
      'LM_TIMEOUT_MS must be a whole number of milliseconds between 1 and 3600000.'
    ],
    ['another token field', () => fromEnv({ LM_SSO_TOKEN_FIELD: 'code' }), 'LM_SSO_TOKEN_FIELD', 'LM_SSO_TOKEN_FIELD must be "access_token" or "id_token".'],
    [
      'another hardware id source',
      () => fromEnv({ LM_HARDWARE_ID_SOURCE: 'bios' }),
      'LM_HARDWARE_ID_SOURCE',
      'LM_HARDWARE_ID_SOURCE must be "node-machine-id" or "licensespring".'
    ],
    [
      'an algorithm that is neither a name nor a number',
      () => fromEnv({ LM_HARDWARE_ID_SOURCE: 'licensespring', LM_HARDWARE_ID_ALGORITHM: '4x' }),
      'LM_HARDWARE_ID_ALGORITHM',
      'LM_HARDWARE_ID_ALGORITHM must be one of LicenseSpring’s hardware id algorithms: Default (0), WindowsHardwareFingerprintId (1), WindowsComputerSystemProductId (2), WindowsCryptographyId (3), LinuxMachineId (4), CloudPlatformsId (5).'
    ],
    [
      'an algorithm without LicenseSpring’s source',
      () => fromEnv({ LM_HARDWARE_ID_ALGORITHM: '1' }),
      'LM_HARDWARE_ID_ALGORITHM',
      'LM_HARDWARE_ID_ALGORITHM applies only when the hardware id source is "licensespring".'
    ],
    ['a switch that is neither', () => fromEnv({ LM_WARM_UP: 'maybe' }), 'LM_WARM_UP', 'LM_WARM_UP must be true or false.'],
    ['another authorization scheme', () => fromEnv({ ...HMAC, LM_AUTH_SCHEME: 'basic' }), 'LM_AUTH_SCHEME', 'LM_AUTH_SCHEME must be "hmac" or "oauth".'],
    [
      'API-key and OAuth variables together',
      () => fromEnv({ ...HMAC, LM_OAUTH_TOKEN_URL: 'https://auth.example.com/token' }),
      'LM_AUTH_SCHEME',
      'LM_AUTH_SCHEME must be set ("hmac" or "oauth") when both API-key and OAuth variables are set.'
    ],
    [
      'an auth object without a scheme',
      () => fromFile({ apiUrl: SERVER, auth: { apiKey: 'the-api-key' } }),
      'config file field "auth.scheme"',
      'config file field "auth.scheme" must be "hmac" or "oauth".'
    ],
    [
      'OAuth without a token URL',
      () => fromEnv({ LM_API_URL: SERVER, LM_AUTH_SCHEME: 'oauth', LM_OAUTH_CLIENT_ID: 'client', LM_OAUTH_CLIENT_SECRET: 'secret' }),
      'LM_OAUTH_TOKEN_URL',
      'LM_OAUTH_TOKEN_URL is required for OAuth authorization (or set auth.tokenUrl in the config file).'
    ],
    [
      'API keys without the API key',
      () => fromEnv({ LM_API_URL: SERVER, LM_AUTH_SCHEME: 'hmac', LM_SHARED_KEY: 'the-shared-key' }),
      'LM_API_KEY',
      'LM_API_KEY is required for API-key authorization (or set auth.apiKey in the config file).'
    ],
    [
      'a server without keys',
      () => fromEnv({ LM_API_URL: SERVER }),
      'LM_API_KEY',
      'LM_API_KEY is required when a server is configured: set LM_API_KEY and LM_SHARED_KEY (or the OAuth variables), or "auth" in the config file.'
    ],
    [
      'keys without a server',
      () => fromEnv({ LM_API_KEY: 'the-api-key', LM_SHARED_KEY: 'the-shared-key' }),
      'LM_API_URL',
      'LM_API_URL is required when credentials are configured: set the License API URL (or "apiUrl" in the config file).'
    ],
    [
      'a language the app does not speak',
      () => fromFile({ language: 'pt' }),
      'config file field "language"',
      'config file field "language" must be "en", "de", "fr", "es", "ja", or "en-XA".'
    ],
    [
      'languages that are no list',
      () => fromFile({ languages: 'de' }),
      'config file field "languages"',
      'config file field "languages" must be a list of languages.'
    ],
    [
      'an empty list of languages',
      () => fromFile({ languages: [] }),
      'config file field "languages"',
      'config file field "languages" must name at least one language.'
    ],
    [
      'a language listed twice',
      () => fromFile({ languages: ['de', 'de'] }),
      'config file field "languages"',
      'config file field "languages" must name each language once.'
    ],
    [
      'a list with a language the app does not speak',
      () => fromFile({ languages: ['pt'] }),
      'config file field "languages"',
      'config file field "languages" must be "en", "de", "fr", "es", or "ja".'
    ],
    [
      'a fixed language the list leaves out',
      () => fromFile({ language: 'fr', languages: ['en', 'de'] }),
      'config file field "language"',
      'config file field "language" must be one of the languages the “languages” setting lists: "en" or "de".'
    ],
    [
      'a file that is not there',
      () => loadConfig({ env: {}, file: '/nonexistent/license-manager/config.json' }),
      'configuration file',
      'configuration file /nonexistent/license-manager/config.json could not be read (ENOENT).'
    ]
  ])('%s', (_, load, field, problem) => {
    expect(refusal(load())).toEqual({ field, problem })
  })

  it('a language refused is shown with the languages the app speaks', () => {
    const outcome = fromFile({ language: 'pt' })
    expect(outcome.ok ? '' : outcome.error.explanation).toContain(
      'A valid value looks like one of "en", "de", "fr", "es", "ja" (or "en-XA", the pseudo-locale for tests)'
    )
  })

  it('a byte-order mark anywhere but at the start is no part of JSON', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'lm-config-problems-')), 'config.json')
    writeFileSync(file, '{"apiUrl": null,\uFEFF"timeoutMs": 2500}')
    expect(refusal(loadConfig({ env: {}, file })).problem).toBe(`configuration file ${file} is not valid JSON.`)
  })

  it('a setting not known is named, with the ones the file may hold', () => {
    expect(refusal(fromFile({ colour: '#ff0000' })).problem).toBe(
      'config file field "colour" is not a known setting (known: apiUrl, auth, defaultProduct, defaultCustomerAccount, timeoutMs, ssoTimeoutMs, ssoTokenField, allowEnvironmentOverrides, hardwareIdSource, hardwareIdAlgorithm, warmUp, helpUrl, bundleProducts, publicKey, productName, logo, accentColor, supportContact, language, languages).'
    )
  })

  it('a value given as a command-line option is named by that option, and the advice is to correct it', () => {
    for (const [env, names, option] of [
      [{ LM_TIMEOUT_MS: '0' }, { LM_TIMEOUT_MS: '--timeout-ms' }, '--timeout-ms'],
      [{ ...HMAC, LM_API_KEY: 'two words' }, { LM_API_KEY: '--api-key' }, '--api-key']
    ] as const) {
      const outcome = fromEnv(env, names)
      expect(outcome).toMatchObject({ ok: false, error: { field: option, action: 'Correct the option named above and try again.' } })
    }
  })
})

describe('values read as their writer meant them', () => {
  it('100 bundles, a key with \\n for its line breaks, a time limit with spaces or as text, an algorithm by name or with spaces, a file with a byte-order mark', () => {
    expect(Object.keys(ok(fromFile({ bundleProducts: bundles(100) })).bundleProducts ?? {})).toHaveLength(100)
    expect(ok(fromEnv({ LM_PUBLIC_KEY: rsaPem.trim().split('\n').join('\\n') })).publicKey).toBe(rsaPem)
    expect(ok(fromEnv({ ...HMAC, LM_API_URL: 'https://api.example.com:8443/api/v4/' })).apiUrl).toBe('https://api.example.com:8443/api/v4/')
    expect(ok(fromEnv({ ...HMAC, LM_API_URL: 'http://localhost:8788/api/v4/' })).apiUrl).toBe('http://localhost:8788/api/v4/')
    expect(ok(fromEnv({ LM_TIMEOUT_MS: ' 2500 ' })).timeoutMs).toBe(2500)
    expect(ok(fromFile({ timeoutMs: '2500' })).timeoutMs).toBe(2500)
    expect(ok(fromEnv({ LM_HARDWARE_ID_SOURCE: 'licensespring', LM_HARDWARE_ID_ALGORITHM: ' 4 ' })).hardwareIdSource).toEqual({
      kind: 'licensespring',
      algorithm: 4
    })
    expect(ok(fromEnv({ LM_HARDWARE_ID_SOURCE: 'licensespring', LM_HARDWARE_ID_ALGORITHM: 'LinuxMachineId' })).hardwareIdSource).toEqual({
      kind: 'licensespring',
      algorithm: 4
    })
    expect(ok(fromFile({ hardwareIdSource: 'licensespring', hardwareIdAlgorithm: 3 })).hardwareIdSource).toEqual({ kind: 'licensespring', algorithm: 3 })
    expect(ok(fromFile({ hardwareIdSource: 'licensespring', hardwareIdAlgorithm: '03' })).hardwareIdSource).toEqual({ kind: 'licensespring', algorithm: 3 })
    expect(ok(loadConfig({ env: {}, file: writeConfig({ ...SANDBOX_FILE, timeoutMs: 2500 }, { bom: true }) })).timeoutMs).toBe(2500)
  })

  it('a fixed language alone, or the languages offered alone, is taken as given', () => {
    expect(ok(fromFile({ language: 'de' }))).toStrictEqual({ ...DOCUMENTED_DEFAULTS, language: 'de' })
    expect(ok(fromFile({ languages: ['de', 'fr'] }))).toStrictEqual({ ...DOCUMENTED_DEFAULTS, languages: ['de', 'fr'] })
  })

  it('a file with only the sandbox in it gets every default, and no optional setting it did not set (null is not set)', () => {
    expect(ok(fromFile({}))).toStrictEqual(DOCUMENTED_DEFAULTS)
    expect(ok(fromFile({ helpUrl: null, bundleProducts: null, publicKey: null, language: null, languages: null, supportContact: null }))).toStrictEqual(
      DOCUMENTED_DEFAULTS
    )
  })
})

describe('the server a configuration names', () => {
  it('is a server only with both an address and credentials', () => {
    const config = ok(fromEnv(HMAC))
    expect(isServerConfig(config)).toBe(true)
    expect(isServerConfig({ ...config, auth: null })).toBe(false)
    expect(isServerConfig({ ...config, apiUrl: null })).toBe(false)
  })

  it('an address that is no URL is described as such, never echoed', () => {
    expect(describeServer({ ...ok(fromEnv(HMAC)), apiUrl: 'not a url' })).toBe('invalid server URL')
  })
})
