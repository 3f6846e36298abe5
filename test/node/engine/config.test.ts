import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { expectOk } from '../../support/expect-ok'
import { DOCUMENTED_DEFAULTS } from './support/config-defaults'
import { CONFIG_ENV, describeServer, FILE_SETTINGS, loadConfig, type EngineConfig } from '../../../src/main/engine/config'

const HMAC_ENV = { LM_API_URL: 'https://api.example.com/api/v4/', LM_API_KEY: 'the-api-key', LM_SHARED_KEY: 'the-shared-key-secret' }

function writeConfig(content: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'lm-config-'))
  const file = join(dir, 'config.json')
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content))
  return file
}

const ok: (outcome: ReturnType<typeof loadConfig>) => EngineConfig = expectOk

function invalidField(outcome: ReturnType<typeof loadConfig>): string | undefined {
  expect(outcome.ok).toBe(false)
  if (outcome.ok) return undefined
  expect(outcome.error.code).toBe('config_invalid')
  expect(outcome.error.family).toBe('setup')
  return outcome.error.field
}

describe('loadConfig', () => {
  it('uses the built-in sandbox with the documented defaults when nothing is configured', () => {
    expect(ok(loadConfig({ env: {} }))).toStrictEqual(DOCUMENTED_DEFAULTS)
  })

  it('turns the warm-up off with LM_WARM_UP=false or "warmUp": false, and refuses other values', () => {
    expect(ok(loadConfig({ env: { LM_WARM_UP: 'false' } })).warmUp).toBe(false)
    expect(ok(loadConfig({ env: { LM_WARM_UP: 'true' } })).warmUp).toBe(true)
    const file = join(mkdtempSync(join(tmpdir(), 'lm-config-')), 'config.json')
    writeFileSync(file, JSON.stringify({ warmUp: false }))
    expect(ok(loadConfig({ env: {}, file })).warmUp).toBe(false)
    expect(ok(loadConfig({ env: { LM_WARM_UP: 'true' }, file })).warmUp).toBe(true)
    expect(invalidField(loadConfig({ env: { LM_WARM_UP: 'no' } }))).toBe('LM_WARM_UP')
    writeFileSync(file, JSON.stringify({ warmUp: 'yes' }))
    expect(invalidField(loadConfig({ env: {}, file }))).toBe('config file field "warmUp"')
  })

  it('reads HMAC credentials and every other field from the environment', () => {
    const config = ok(
      loadConfig({
        env: {
          ...HMAC_ENV,
          LM_PRODUCT: ' office-suite ',
          LM_CUSTOMER_ACCOUNT: 'acme',
          LM_TIMEOUT_MS: '2500',
          LM_SSO_TIMEOUT_MS: '60000',
          LM_SSO_TOKEN_FIELD: 'id_token'
        }
      })
    )
    expect(config).toEqual({
      apiUrl: 'https://api.example.com/api/v4/',
      auth: { scheme: 'hmac', apiKey: 'the-api-key', sharedKey: 'the-shared-key-secret' },
      defaultProduct: 'office-suite',
      defaultCustomerAccount: 'acme',
      timeoutMs: 2500,
      ssoTimeoutMs: 60000,
      ssoTokenField: 'id_token',
      hardwareIdSource: { kind: 'node-machine-id' },
      warmUp: true
    })
  })

  it('reads OAuth client credentials, inferring the scheme from the variables set', () => {
    const config = ok(
      loadConfig({
        env: {
          LM_API_URL: 'https://api.example.com/api/v4',
          LM_OAUTH_TOKEN_URL: 'https://auth.example.com/realms/x/protocol/openid-connect/token',
          LM_OAUTH_CLIENT_ID: 'client',
          LM_OAUTH_CLIENT_SECRET: 'client-secret'
        }
      })
    )
    expect(config.apiUrl).toBe('https://api.example.com/api/v4/')
    expect(config.auth).toEqual({
      scheme: 'oauth',
      tokenUrl: 'https://auth.example.com/realms/x/protocol/openid-connect/token',
      clientId: 'client',
      clientSecret: 'client-secret'
    })
  })

  it('reads a file, and the environment overrides it field by field', () => {
    const file = writeConfig({
      apiUrl: 'https://file.example.com/api/v4/',
      auth: { scheme: 'hmac', apiKey: 'file-key', sharedKey: 'file-shared' },
      defaultProduct: 'from-file',
      timeoutMs: 1234
    })
    const fromFile = ok(loadConfig({ env: {}, file }))
    expect(fromFile.apiUrl).toBe('https://file.example.com/api/v4/')
    expect(fromFile.auth).toEqual({ scheme: 'hmac', apiKey: 'file-key', sharedKey: 'file-shared' })
    expect(fromFile.timeoutMs).toBe(1234)

    const overridden = ok(loadConfig({ env: { LM_API_KEY: 'env-key', LM_PRODUCT: 'from-env', LM_API_URL: 'http://127.0.0.1:8790/api/v4/' }, file }))
    expect(overridden.apiUrl).toBe('http://127.0.0.1:8790/api/v4/')
    expect(overridden.auth).toEqual({ scheme: 'hmac', apiKey: 'env-key', sharedKey: 'file-shared' })
    expect(overridden.defaultProduct).toBe('from-env')
    expect(overridden.timeoutMs).toBe(1234)
  })

  it('treats empty environment variables as unset', () => {
    expect(ok(loadConfig({ env: { LM_API_URL: '', LM_API_KEY: '', LM_TIMEOUT_MS: '' } })).apiUrl).toBeNull()
  })

  it.each([['http://localhost:8788/api/v4/'], ['http://127.0.0.1:8788/api/v4/'], ['http://127.1.2.3/api/v4/'], ['http://[::1]:8788/api/v4/']])(
    'allows plain http for the loopback server %s',
    (url) => {
      expect(ok(loadConfig({ env: { ...HMAC_ENV, LM_API_URL: url } })).apiUrl).toBe(url)
    }
  )

  it.each([
    ['http://api.example.com/api/v4/', 'remote http'],
    ['http://10.0.0.5/api/v4/', 'private-network http'],
    ['ftp://api.example.com/', 'another scheme'],
    ['not a url', 'no URL at all'],
    ['https://user:pw@api.example.com/api/v4/', 'credentials in the URL'],
    ['https://api.example.com/api/v4/?x=1', 'a query'],
    ['https://api.example.com/api/v4/#frag', 'a fragment']
  ])('refuses %s (%s), naming LM_API_URL', (url) => {
    expect(invalidField(loadConfig({ env: { ...HMAC_ENV, LM_API_URL: url } }))).toBe('LM_API_URL')
  })

  it('names the file key when the bad value comes from the file', () => {
    const file = writeConfig({ apiUrl: 'http://api.example.com/', auth: { scheme: 'hmac', apiKey: 'a', sharedKey: 'b' } })
    expect(invalidField(loadConfig({ env: {}, file }))).toBe('config file field "apiUrl"')
  })

  it.each([
    [{ LM_TIMEOUT_MS: 'soon' }, 'LM_TIMEOUT_MS'],
    [{ LM_TIMEOUT_MS: '0' }, 'LM_TIMEOUT_MS'],
    [{ LM_TIMEOUT_MS: '1.5' }, 'LM_TIMEOUT_MS'],
    [{ LM_SSO_TIMEOUT_MS: '-1' }, 'LM_SSO_TIMEOUT_MS'],
    [{ LM_SSO_TOKEN_FIELD: 'refresh_token' }, 'LM_SSO_TOKEN_FIELD'],
    [{ LM_AUTH_SCHEME: 'basic' }, 'LM_AUTH_SCHEME'],
    [{ LM_PRODUCT: 'x'.repeat(129) }, 'LM_PRODUCT'],
    [{ LM_CUSTOMER_ACCOUNT: 'acme\u0007' }, 'LM_CUSTOMER_ACCOUNT']
  ])('refuses %o, naming %s', (env, field) => {
    expect(invalidField(loadConfig({ env: { ...HMAC_ENV, ...env } }))).toBe(field)
  })

  it('requires both HMAC keys, naming the missing one', () => {
    expect(invalidField(loadConfig({ env: { LM_API_URL: HMAC_ENV.LM_API_URL, LM_API_KEY: 'k' } }))).toBe('LM_SHARED_KEY')
    expect(invalidField(loadConfig({ env: { LM_API_URL: HMAC_ENV.LM_API_URL, LM_SHARED_KEY: 's' } }))).toBe('LM_API_KEY')
  })

  it('requires every OAuth setting and an https token URL', () => {
    const base = { LM_API_URL: HMAC_ENV.LM_API_URL, LM_AUTH_SCHEME: 'oauth', LM_OAUTH_CLIENT_ID: 'c', LM_OAUTH_CLIENT_SECRET: 's' }
    expect(invalidField(loadConfig({ env: base }))).toBe('LM_OAUTH_TOKEN_URL')
    expect(invalidField(loadConfig({ env: { ...base, LM_OAUTH_TOKEN_URL: 'http://auth.example.com/token' } }))).toBe('LM_OAUTH_TOKEN_URL')
    expect(invalidField(loadConfig({ env: { ...base, LM_OAUTH_TOKEN_URL: 'https://auth.example.com/token', LM_OAUTH_CLIENT_SECRET: '' } }))).toBe(
      'LM_OAUTH_CLIENT_SECRET'
    )
  })

  it('asks for LM_AUTH_SCHEME when both kinds of credentials are set', () => {
    const env = { ...HMAC_ENV, LM_OAUTH_CLIENT_ID: 'c' }
    expect(invalidField(loadConfig({ env }))).toBe('LM_AUTH_SCHEME')
    expect(ok(loadConfig({ env: { ...env, LM_AUTH_SCHEME: 'hmac' } })).auth?.scheme).toBe('hmac')
  })

  it('refuses a server without credentials and credentials without a server', () => {
    expect(invalidField(loadConfig({ env: { LM_API_URL: HMAC_ENV.LM_API_URL } }))).toBe('LM_API_KEY')
    expect(invalidField(loadConfig({ env: { LM_API_KEY: 'k', LM_SHARED_KEY: 's' } }))).toBe('LM_API_URL')
  })

  it('refuses unreadable, non-JSON and misspelt files', () => {
    expect(invalidField(loadConfig({ env: {}, file: join(tmpdir(), 'no-such-dir-lm', 'config.json') }))).toBe('configuration file')
    expect(invalidField(loadConfig({ env: {}, file: writeConfig('{ not json') }))).toBe('configuration file')
    expect(invalidField(loadConfig({ env: {}, file: writeConfig('[1]') }))).toBe('configuration file')
    expect(invalidField(loadConfig({ env: {}, file: writeConfig({ apiURL: 'https://x/' }) }))).toBe('config file field "apiURL"')
    expect(invalidField(loadConfig({ env: {}, file: writeConfig({ auth: { scheme: 'hmac', apikey: 'x' } }) }))).toBe('config file field "auth.apikey"')
  })

  it('never puts a secret in a config error', () => {
    const outcome = loadConfig({ env: { ...HMAC_ENV, LM_API_URL: 'http://api.example.com/' } })
    expect(JSON.stringify(outcome)).not.toContain(HMAC_ENV.LM_SHARED_KEY)
  })
})

describe('describeServer', () => {
  it('shows the URL only, never a key', () => {
    const config = ok(loadConfig({ env: HMAC_ENV }))
    const shown = describeServer(config)
    expect(shown).toBe('https://api.example.com/api/v4/')
    expect(shown).not.toContain(HMAC_ENV.LM_SHARED_KEY)
    expect(shown).not.toContain(HMAC_ENV.LM_API_KEY)
    expect(describeServer({ apiUrl: null })).toBe('built-in sandbox')
  })
})

describe('loadConfig in a packaged (installed) app', () => {
  const VENDOR_FILE = {
    apiUrl: 'https://licensing.vendor.example/api/v4/',
    auth: { scheme: 'hmac', apiKey: 'vendor-api-key', sharedKey: 'vendor-shared-key' },
    defaultProduct: 'office-suite'
  }
  const HOSTILE_ENV = { ...HMAC_ENV, LM_API_URL: 'https://attacker.example/api/v4/', LM_PRODUCT: 'other', LM_TIMEOUT_MS: 'x' }

  it('ignores every LM_* variable: the vendor’s keys never go to a server the environment names', () => {
    const config = ok(loadConfig({ env: HOSTILE_ENV, file: writeConfig(VENDOR_FILE), packaged: true }))
    expect(config.apiUrl).toBe('https://licensing.vendor.example/api/v4/')
    expect(config.auth).toEqual({ scheme: 'hmac', apiKey: 'vendor-api-key', sharedKey: 'vendor-shared-key' })
    expect(config.defaultProduct).toBe('office-suite')
    expect(config.timeoutMs).toBe(15000)
  })

  it('keeps the built-in sandbox when the bundled file names no server, whatever the environment says', () => {
    expect(ok(loadConfig({ env: HMAC_ENV, packaged: true })).apiUrl).toBeNull()
    expect(ok(loadConfig({ env: HMAC_ENV, packaged: false })).apiUrl).toBe(HMAC_ENV.LM_API_URL)
  })

  it('honours the variables when the file sets "allowEnvironmentOverrides": true', () => {
    const file = writeConfig({ ...VENDOR_FILE, allowEnvironmentOverrides: true })
    const config = ok(loadConfig({ env: { LM_API_URL: 'https://staging.vendor.example/api/v4/', LM_PRODUCT: 'design-pack' }, file, packaged: true }))
    expect(config.apiUrl).toBe('https://staging.vendor.example/api/v4/')
    expect(config.defaultProduct).toBe('design-pack')
  })

  it('honours them when running from source, whatever the file says', () => {
    const file = writeConfig({ ...VENDOR_FILE, allowEnvironmentOverrides: false })
    expect(ok(loadConfig({ env: { LM_PRODUCT: 'design-pack' }, file, packaged: false })).defaultProduct).toBe('design-pack')
    expect(ok(loadConfig({ env: { LM_PRODUCT: 'design-pack' }, file })).defaultProduct).toBe('design-pack')
  })

  it('refuses an allowEnvironmentOverrides that is not true or false', () => {
    for (const value of ['true', 1, null]) {
      const file = writeConfig({ ...VENDOR_FILE, allowEnvironmentOverrides: value })
      expect(invalidField(loadConfig({ env: {}, file, packaged: true }))).toBe('config file field "allowEnvironmentOverrides"')
    }
  })
})

describe('loadConfig: hardwareIdSource', () => {
  const source = (env: Record<string, string>, file?: unknown) => loadConfig({ env, ...(file !== undefined ? { file: writeConfig(file) } : {}) })

  it('is node-machine-id unless set', () => {
    expect(ok(source({})).hardwareIdSource).toEqual({ kind: 'node-machine-id' })
  })

  it('licensespring uses algorithm Default (0) unless one is named', () => {
    expect(ok(source({ LM_HARDWARE_ID_SOURCE: 'licensespring' })).hardwareIdSource).toEqual({ kind: 'licensespring', algorithm: 0 })
  })

  it.each<[string | number, number]>([
    ['Default', 0],
    ['WindowsHardwareFingerprintId', 1],
    ['WindowsComputerSystemProductId', 2],
    ['WindowsCryptographyId', 3],
    ['LinuxMachineId', 4],
    ['CloudPlatformsId', 5],
    [3, 3],
    ['5', 5]
  ])('algorithm %s → %i (file)', (algorithm, number) => {
    expect(ok(source({}, { hardwareIdSource: 'licensespring', hardwareIdAlgorithm: algorithm })).hardwareIdSource).toEqual({
      kind: 'licensespring',
      algorithm: number
    })
  })

  it('the environment overrides the file', () => {
    const config = ok(source({ LM_HARDWARE_ID_ALGORITHM: 'LinuxMachineId' }, { hardwareIdSource: 'licensespring', hardwareIdAlgorithm: 1 }))
    expect(config.hardwareIdSource).toEqual({ kind: 'licensespring', algorithm: 4 })
  })

  it.each<[Record<string, string>, unknown, string]>([
    [{ LM_HARDWARE_ID_SOURCE: 'registry' }, undefined, 'LM_HARDWARE_ID_SOURCE'],
    [{}, { hardwareIdSource: 'licensespring', hardwareIdAlgorithm: 6 }, 'config file field "hardwareIdAlgorithm"'],
    [{}, { hardwareIdSource: 'licensespring', hardwareIdAlgorithm: 'windows' }, 'config file field "hardwareIdAlgorithm"'],
    [{ LM_HARDWARE_ID_SOURCE: 'licensespring', LM_HARDWARE_ID_ALGORITHM: '-1' }, undefined, 'LM_HARDWARE_ID_ALGORITHM'],
    [{ LM_HARDWARE_ID_ALGORITHM: 'Default' }, undefined, 'LM_HARDWARE_ID_ALGORITHM']
  ])('refuses %j %j with config_invalid naming %s', (env, file, field) => {
    expect(invalidField(source(env, file))).toBe(field)
  })
})

describe('a bad server address', () => {
  it('gets advice about the address with a valid example, not about the API key and shared key', () => {
    const outcome = loadConfig({ env: { LM_API_URL: 'http://licence.example.test/api/v4/', LM_API_KEY: 'k', LM_SHARED_KEY: 's' } })
    expect(outcome).toMatchObject({ ok: false, error: { code: 'config_invalid', field: 'LM_API_URL' } })
    if (outcome.ok) return
    expect(outcome.error.explanation).toContain('LM_API_URL must use https:')
    expect(outcome.error.explanation).toContain('A valid value looks like "https://api.licensespring.com/api/v4/"')
    expect(`${outcome.error.explanation} ${outcome.error.action}`).not.toContain('shared key')
  })
})

describe('loadConfig: helpUrl (the vendor’s help page)', () => {
  it('is absent unless set; the file or LM_HELP_URL sets it', () => {
    expect(ok(loadConfig({ env: {} })).helpUrl).toBeUndefined()
    expect(ok(loadConfig({ env: {}, file: writeConfig({ helpUrl: null }) })).helpUrl).toBeUndefined()
    expect(ok(loadConfig({ env: {}, file: writeConfig({ helpUrl: 'https://support.example.com/licences#keys' }) })).helpUrl).toBe(
      'https://support.example.com/licences#keys'
    )
    expect(ok(loadConfig({ env: { LM_HELP_URL: ' https://help.example.com/ ' } })).helpUrl).toBe('https://help.example.com/')
  })

  it.each([
    ['http://support.example.com/licences', 'must use https:'],
    ['http://127.0.0.1:8080/help', 'must use https:'],
    ['https://ann:secret@support.example.com/', 'must not contain a user name or password'],
    ['file:///etc/passwd', 'must use https:'],
    ['javascript:alert(1)', 'must use https:'],
    ['not a url', 'is not a valid web address'],
    [`https://support.example.com/${'a'.repeat(2001)}`, 'must be at most 2000 characters']
  ])('refuses %s with config_invalid naming LM_HELP_URL', (value, problem) => {
    const outcome = loadConfig({ env: { LM_HELP_URL: value } })
    expect(invalidField(outcome)).toBe('LM_HELP_URL')
    if (!outcome.ok) {
      expect(outcome.error.explanation).toContain(`LM_HELP_URL ${problem}`)
      expect(outcome.error.explanation).not.toContain('secret')
    }
  })
})

describe('loadConfig: bundleProducts (what the success view names as freed)', () => {
  it('is absent unless the file names it; products are trimmed', () => {
    expect(ok(loadConfig({ env: {} })).bundleProducts).toBeUndefined()
    const config = ok(loadConfig({ env: {}, file: writeConfig({ bundleProducts: { 'office-suite': [' Writer ', 'Sheets'], 'design-pack': ['Draw'] } }) }))
    expect(config.bundleProducts).toEqual({ 'office-suite': ['Writer', 'Sheets'], 'design-pack': ['Draw'] })
  })

  it.each<[string, unknown]>([
    ['a list instead of an object', ['Writer']],
    ['a bundle with no products', { 'office-suite': [] }],
    ['a product that is not text', { 'office-suite': [7] }],
    ['an empty product name', { 'office-suite': ['  '] }],
    ['an empty bundle code', { '': ['Writer'] }],
    ['a product name with a control character', { 'office-suite': ['Wri\u0000ter'] }],
    ['more than 100 products', { 'office-suite': Array.from({ length: 101 }, (_, n) => `p${n}`) }],
    ['more than 100 bundles', Object.fromEntries(Array.from({ length: 101 }, (_, n) => [`b${n}`, ['p']]))]
  ])('refuses %s, naming the field', (_what, value) => {
    expect(invalidField(loadConfig({ env: {}, file: writeConfig({ bundleProducts: value }) }))).toBe('config file field "bundleProducts"')
  })
})

describe('every config_invalid names the field and says what a valid value looks like', () => {
  const oauth = { LM_API_URL: 'https://api.example.com/api/v4/', LM_AUTH_SCHEME: 'oauth', LM_OAUTH_TOKEN_URL: 'https://auth.example.com/token' }
  const withOauth = { ...oauth, LM_OAUTH_CLIENT_ID: 'client', LM_OAUTH_CLIENT_SECRET: 'secret-value' }
  const fileCases: Array<[string, unknown, string]> = [
    ['an unknown setting', { unknownSetting: 1 }, 'config file field "unknownSetting"'],
    ['language', { language: 'klingon' }, 'config file field "language"'],
    ['languages', { languages: [] }, 'config file field "languages"'],
    ['languages (a language twice)', { languages: ['de', 'de'] }, 'config file field "languages"'],
    ['language outside languages', { language: 'fr', languages: ['en', 'de'] }, 'config file field "language"'],
    ['apiUrl', { apiUrl: 'ftp://api.example.com/' }, 'config file field "apiUrl"'],
    ['auth', { auth: 'hmac' }, 'config file field "auth"'],
    ['auth.scheme', { auth: { scheme: 'basic' } }, 'config file field "auth.scheme"'],
    ['auth key', { auth: { scheme: 'hmac', apiKey: 'k', sharedKey: 's', extra: 1 } }, 'config file field "auth.extra"'],
    ['auth.apiKey', { apiUrl: 'https://api.example.com/api/v4/', auth: { scheme: 'hmac', apiKey: 7, sharedKey: 's' } }, 'config file field "auth.apiKey"'],
    [
      'auth.sharedKey',
      { apiUrl: 'https://api.example.com/api/v4/', auth: { scheme: 'hmac', apiKey: 'k', sharedKey: '' } },
      'config file field "auth.sharedKey"'
    ],
    [
      'auth.tokenUrl',
      { apiUrl: 'https://api.example.com/api/v4/', auth: { scheme: 'oauth', tokenUrl: 'token', clientId: 'c', clientSecret: 's' } },
      'config file field "auth.tokenUrl"'
    ],
    [
      'auth.clientId',
      { apiUrl: 'https://api.example.com/api/v4/', auth: { scheme: 'oauth', tokenUrl: 'https://a.example.com/t', clientId: 'c\u0007', clientSecret: 's' } },
      'config file field "auth.clientId"'
    ],
    [
      'auth.clientSecret',
      {
        apiUrl: 'https://api.example.com/api/v4/',
        auth: { scheme: 'oauth', tokenUrl: 'https://a.example.com/t', clientId: 'c', clientSecret: 's'.repeat(1025) }
      },
      'config file field "auth.clientSecret"'
    ],
    ['defaultProduct', { defaultProduct: 'p'.repeat(129) }, 'config file field "defaultProduct"'],
    ['defaultCustomerAccount', { defaultCustomerAccount: 42 }, 'config file field "defaultCustomerAccount"'],
    ['timeoutMs', { timeoutMs: 0 }, 'config file field "timeoutMs"'],
    ['ssoTimeoutMs', { ssoTimeoutMs: 1.5 }, 'config file field "ssoTimeoutMs"'],
    ['ssoTokenField', { ssoTokenField: 'refresh_token' }, 'config file field "ssoTokenField"'],
    ['allowEnvironmentOverrides', { allowEnvironmentOverrides: 'yes' }, 'config file field "allowEnvironmentOverrides"'],
    ['hardwareIdSource', { hardwareIdSource: 'registry' }, 'config file field "hardwareIdSource"'],
    ['hardwareIdAlgorithm', { hardwareIdSource: 'licensespring', hardwareIdAlgorithm: 9 }, 'config file field "hardwareIdAlgorithm"'],
    ['warmUp', { warmUp: 1 }, 'config file field "warmUp"'],
    ['helpUrl', { helpUrl: 'http://help.example.com/' }, 'config file field "helpUrl"'],
    ['bundleProducts', { bundleProducts: { 'office-suite': 'Writer' } }, 'config file field "bundleProducts"'],
    ['publicKey', { publicKey: '-----BEGIN PUBLIC KEY-----\nnot a key\n-----END PUBLIC KEY-----' }, 'config file field "publicKey"'],
    ['productName', { productName: 'Tidewater\nLicence Helper' }, 'config file field "productName"'],
    ['logo', { logo: 'no-such-logo.svg' }, 'config file field "logo"'],
    ['accentColor', { accentColor: '#ffd700' }, 'config file field "accentColor"'],
    ['supportContact', { supportContact: 'http://support.example.com/' }, 'config file field "supportContact"'],
    ['the file itself', '{ not json', 'configuration file'],
    ['the file’s shape', [1, 2], 'configuration file']
  ]
  const envCases: Array<[Record<string, string>, string]> = [
    [{ LM_API_URL: 'https://api.example.com/api/v4/?x=1' }, 'LM_API_URL'],
    [{ LM_API_URL: 'https://api.example.com/api/v4/' }, 'LM_API_KEY'],
    [{ LM_API_KEY: 'k', LM_SHARED_KEY: 's' }, 'LM_API_URL'],
    [{ LM_AUTH_SCHEME: 'basic' }, 'LM_AUTH_SCHEME'],
    [{ LM_API_KEY: 'k', LM_OAUTH_CLIENT_ID: 'c' }, 'LM_AUTH_SCHEME'],
    [{ LM_API_URL: 'https://api.example.com/api/v4/', LM_API_KEY: 'k' }, 'LM_SHARED_KEY'],
    [{ LM_API_URL: 'https://api.example.com/api/v4/', LM_SHARED_KEY: 's' }, 'LM_API_KEY'],
    [oauth, 'LM_OAUTH_CLIENT_ID'],
    [{ ...oauth, LM_OAUTH_CLIENT_ID: 'client' }, 'LM_OAUTH_CLIENT_SECRET'],
    [{ ...withOauth, LM_OAUTH_TOKEN_URL: 'http://auth.example.com/token' }, 'LM_OAUTH_TOKEN_URL'],
    [{ LM_API_URL: 'https://api.example.com/api/v4/', LM_AUTH_SCHEME: 'oauth', LM_OAUTH_CLIENT_ID: 'c', LM_OAUTH_CLIENT_SECRET: 's' }, 'LM_OAUTH_TOKEN_URL'],
    [{ LM_PRODUCT: 'office\u0000suite' }, 'LM_PRODUCT'],
    [{ LM_CUSTOMER_ACCOUNT: 'a'.repeat(129) }, 'LM_CUSTOMER_ACCOUNT'],
    [{ LM_TIMEOUT_MS: 'ten seconds' }, 'LM_TIMEOUT_MS'],
    [{ LM_SSO_TIMEOUT_MS: '0' }, 'LM_SSO_TIMEOUT_MS'],
    [{ LM_SSO_TOKEN_FIELD: 'code' }, 'LM_SSO_TOKEN_FIELD'],
    [{ LM_HARDWARE_ID_SOURCE: 'wmi' }, 'LM_HARDWARE_ID_SOURCE'],
    [{ LM_HARDWARE_ID_ALGORITHM: 'Default' }, 'LM_HARDWARE_ID_ALGORITHM'],
    [{ LM_WARM_UP: 'sometimes' }, 'LM_WARM_UP'],
    [{ LM_HELP_URL: 'help' }, 'LM_HELP_URL'],
    [{ LM_PUBLIC_KEY: 'sandbox-shared-key' }, 'LM_PUBLIC_KEY'],
    [{ LM_PRODUCT_NAME: 'x'.repeat(61) }, 'LM_PRODUCT_NAME'],
    [{ LM_LOGO: 'no-such-logo.png' }, 'LM_LOGO'],
    [{ LM_ACCENT_COLOR: 'teal' }, 'LM_ACCENT_COLOR'],
    [{ LM_SUPPORT_CONTACT: 'support at example' }, 'LM_SUPPORT_CONTACT']
  ]

  const expectNamedWithExample = (outcome: ReturnType<typeof loadConfig>, field: string) => {
    expect(invalidField(outcome)).toBe(field)
    if (outcome.ok) return
    expect(outcome.error.explanation.startsWith(`${field} `)).toBe(true)
    expect(outcome.error.explanation).toMatch(/ A valid value looks like \S.+\.$/)
    expect(outcome.error.action).not.toContain('shared key')
  }

  it.each(fileCases)('config file: %s', (_setting, content, field) => {
    expectNamedWithExample(loadConfig({ env: {}, file: writeConfig(content) }), field)
  })

  it.each(envCases)('environment: %j → %s', (env, field) => {
    expectNamedWithExample(loadConfig({ env }), field)
  })

  it('covers every setting of the file and every variable', () => {
    const fileKeys = new Set(['apiUrl', 'auth', 'auth.scheme', 'auth.apiKey', 'auth.sharedKey', 'auth.tokenUrl', 'auth.clientId', 'auth.clientSecret'])
    for (const [, content] of fileCases) {
      if (typeof content === 'object' && content !== null && !Array.isArray(content)) for (const key of Object.keys(content)) fileKeys.add(key)
    }
    for (const key of FILE_SETTINGS.filter((k) => k !== '$comment')) expect(fileKeys, key).toContain(key)
    const variables = new Set(envCases.map(([, field]) => field))
    for (const variable of Object.values(CONFIG_ENV)) expect(variables, variable).toContain(variable)
  })

  it('the shipped resources/config.json explains every setting a vendor may add to it', () => {
    const shipped = JSON.parse(readFileSync(resolve(__dirname, '../../../resources/config.json'), 'utf8')) as { $comment: Record<string, string> }
    for (const key of FILE_SETTINGS.filter((k) => k !== '$comment')) expect(Object.keys(shipped.$comment), key).toContain(key)
  })
})

describe('configuration file edge cases', () => {
  const vendorFile = { apiUrl: 'https://api.example.com/api/v4/', auth: { scheme: 'hmac', apiKey: 'vendor-api-key', sharedKey: 'vendor-shared-key' } }

  it('accepts a file saved with a UTF-8 byte-order mark (Notepad), and reads the same settings', () => {
    const withBom = writeConfig(`\uFEFF${JSON.stringify(vendorFile, null, 2)}`)
    expect(readFileSync(withBom).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
    expect(ok(loadConfig({ env: {}, file: withBom }))).toEqual(ok(loadConfig({ env: {}, file: writeConfig(vendorFile) })))
  })

  it.runIf(process.platform !== 'win32')('refuses a FIFO or a device named as the configuration file, at once and without opening it for reading', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lm-config-'))
    const fifo = join(dir, 'config.json')
    execFileSync('mkfifo', [fifo])
    for (const [file, kind] of [
      [fifo, 'FIFO'],
      ['/dev/zero', 'character device'],
      [dir, 'directory']
    ] as const) {
      const outcome = loadConfig({ env: {}, file })
      expect(invalidField(outcome)).toBe('configuration file')
      if (!outcome.ok) expect(outcome.error.explanation).toContain(`is a ${kind}`)
    }
  })
})

describe('key and secret shapes, property: what would break the Authorization header is refused, naming the field, never the value', () => {
  type Key = 'apiKey' | 'sharedKey' | 'clientId' | 'clientSecret'
  const ENV: Record<Key, string> = { apiKey: 'LM_API_KEY', sharedKey: 'LM_SHARED_KEY', clientId: 'LM_OAUTH_CLIENT_ID', clientSecret: 'LM_OAUTH_CLIENT_SECRET' }
  const base: Record<Key, Record<string, string>> = {
    apiKey: HMAC_ENV,
    sharedKey: HMAC_ENV,
    clientId: {
      LM_API_URL: 'https://api.example.com/api/v4/',
      LM_OAUTH_TOKEN_URL: 'https://auth.example.com/token',
      LM_OAUTH_CLIENT_ID: 'client-1',
      LM_OAUTH_CLIENT_SECRET: 'client-secret-1'
    },
    clientSecret: {
      LM_API_URL: 'https://api.example.com/api/v4/',
      LM_OAUTH_TOKEN_URL: 'https://auth.example.com/token',
      LM_OAUTH_CLIENT_ID: 'client-1',
      LM_OAUTH_CLIENT_SECRET: 'client-secret-1'
    }
  }
  const visible = fc.string({ unit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)), minLength: 4, maxLength: 40 })
  /** Characters that break `apikey="…"` or are never part of an issued key; inside the value, since the ends are trimmed. */
  const breaker = (key: Key) =>
    key === 'apiKey'
      ? fc.constantFrom('"', ',', '\\', ' ', '\t', '\u00a0', 'é', '\u201c', '\u200b', '\u0007', '\u2028')
      : fc.constantFrom(' ', '\t', '\u00a0', 'é', '\u201c', '\u200b', '\u0007', '\u2028')
  const keys: Key[] = ['apiKey', 'sharedKey', 'clientId', 'clientSecret']

  it.each(keys)('%s: a bad character anywhere inside is config_invalid naming the variable, with the valid shape and without the value', (key) => {
    fc.assert(
      fc.property(visible, breaker(key), visible, (head, bad, tail) => {
        const value = `${head}${bad}${tail}`
        const outcome = loadConfig({ env: { ...base[key], [ENV[key]]: value } })
        expect(invalidField(outcome)).toBe(ENV[key])
        if (outcome.ok) return
        expect(outcome.error.explanation).toMatch(/A valid value looks like .*visible ASCII/)
        const shown = JSON.stringify(outcome)
        expect(shown).not.toContain(head.length >= 4 ? `${head}${bad}` : value)
        for (let i = 0; i + 8 <= value.length; i++) expect(shown).not.toContain(value.slice(i, i + 8))
      }),
      { numRuns: 150, seed: 20_250_616 }
    )
  })

  it.each(keys)('%s: one word of visible ASCII is accepted (for the API key: without quote, comma or backslash)', (key) => {
    fc.assert(
      fc.property(visible, (value) => {
        fc.pre(key !== 'apiKey' || !/["\\,]/.test(value))
        expect(loadConfig({ env: { ...base[key], [ENV[key]]: value } }).ok).toBe(true)
      }),
      { numRuns: 150, seed: 20_250_617 }
    )
  })

  it('the same rule for a key in the configuration file, named by its field', () => {
    const file = writeConfig({
      apiUrl: 'https://api.example.com/api/v4/',
      auth: { scheme: 'hmac', apiKey: 'key-with-",-inside', sharedKey: 'vendor-shared-key' }
    })
    const outcome = loadConfig({ env: {}, file })
    expect(invalidField(outcome)).toBe('config file field "auth.apiKey"')
    if (!outcome.ok) expect(outcome.error.explanation).toContain('would break the Authorization header')
  })
})
