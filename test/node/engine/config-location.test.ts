import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { chooseConfigFile, loadInstalledConfig, machineConfigFile } from '../../../src/main/engine/config-location'
import { expectOk } from '../../support/expect-ok'

/*
 * Which configuration an installed app reads: the machine-wide file first, whole; the file
 * installed with the app only without it. The paths of the three systems are computed from the
 * platform and environment handed in; the files themselves live in temporary folders.
 */

describe('the machine-wide configuration file of each system', () => {
  it('Windows: %ProgramData%\\License Manager\\config.json, the variable looked up in any case', () => {
    expect(machineConfigFile('win32', { ProgramData: 'C:\\ProgramData' })).toBe('C:\\ProgramData\\License Manager\\config.json')
    expect(machineConfigFile('win32', { PROGRAMDATA: 'D:\\ProgramData\\' })).toBe('D:\\ProgramData\\License Manager\\config.json')
  })

  it('Windows: a %ProgramData% that is not a drive’s ProgramData folder (a user’s own folder, unset) is not followed', () => {
    for (const env of [{}, { ProgramData: 'C:\\Users\\ann\\fake' }, { ProgramData: '\\\\server\\share\\ProgramData' }, { ProgramData: '' }]) {
      expect(machineConfigFile('win32', env)).toBe('C:\\ProgramData\\License Manager\\config.json')
    }
  })

  it('macOS: /Library/Application Support/License Manager/config.json, whatever the environment says', () => {
    expect(machineConfigFile('darwin', { HOME: '/Users/ann', XDG_CONFIG_DIRS: '/tmp' })).toBe('/Library/Application Support/License Manager/config.json')
  })

  it('Linux (and other Unix systems): /etc/license-manager/config.json, whatever the environment says', () => {
    expect(machineConfigFile('linux', { XDG_CONFIG_DIRS: '/home/ann/.evil' })).toBe('/etc/license-manager/config.json')
    expect(machineConfigFile('freebsd', {})).toBe('/etc/license-manager/config.json')
  })
})

let root: string
let machineDir: string
let machineFile: string
let installFile: string
const uid = process.getuid?.() ?? 0

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'lm-config-location-'))
  machineDir = join(root, 'machine')
  mkdirSync(machineDir, { mode: 0o755 })
  chmodSync(machineDir, 0o755)
  machineFile = join(machineDir, 'config.json')
  installFile = join(root, 'resources-config.json')
})
afterEach(() => rmSync(root, { recursive: true, force: true }))

function write(path: string, config: object, prefix = ''): void {
  writeFileSync(path, prefix + JSON.stringify(config))
  chmodSync(path, 0o644)
}

/** Keys shaped as LicenseSpring's are (an API key like a UUID, a shared key of 40 letters and digits). */
const VENDOR = {
  apiUrl: 'https://licences.vendor.example/api/v4/',
  auth: { scheme: 'hmac', apiKey: '0f8e2a1c-5b7d-4c3e-9a6f-1d2b3c4e5f60', sharedKey: 'Vn3dXr8QpL2mZt6YwK9sBc4HfJ7aGe1UoR5iDy0N' }
}
const ATTACKER_ENV = {
  LM_API_URL: 'https://attacker.example/api/v4/',
  LM_API_KEY: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  LM_SHARED_KEY: 'At7kQ2wE9rT4yU1iO6pA3sD8fG5hJ0kL2zX7cV4b'
}

describe.each(['win32', 'darwin', 'linux'] as const)('precedence on %s', (platform) => {
  const options = () => ({ platform, machineFile, installFile, administratorUid: uid })

  it('without a machine-wide file, the file installed with the app is read', () => {
    write(installFile, { ...VENDOR, defaultProduct: 'from-install' })
    expect(chooseConfigFile(options())).toEqual({ ok: true, value: { file: installFile, scope: 'install' } })
    const installed = loadInstalledConfig({ ...options(), env: {} })
    expect(expectOk(installed.config).defaultProduct).toBe('from-install')
    expect(installed.source).toEqual({ file: installFile, scope: 'install' })
  })

  it('the machine-wide file wins whole: nothing of the installed file is read, not even a setting it alone has', () => {
    write(installFile, { ...VENDOR, apiUrl: 'https://user-edited.example/api/v4/', defaultProduct: 'from-install', allowEnvironmentOverrides: true })
    write(machineFile, VENDOR)
    const installed = loadInstalledConfig({ ...options(), env: ATTACKER_ENV })
    const config = expectOk(installed.config)
    expect(installed.source).toEqual({ file: machineFile, scope: 'machine' })
    expect(config.apiUrl).toBe(VENDOR.apiUrl)
    expect(config.defaultProduct).toBe('')
  })

  it('the LM_* variables apply only where the machine-wide file itself allows them', () => {
    write(installFile, { ...VENDOR, allowEnvironmentOverrides: true })
    write(machineFile, { ...VENDOR, allowEnvironmentOverrides: false })
    expect(expectOk(loadInstalledConfig({ ...options(), env: ATTACKER_ENV }).config).apiUrl).toBe(VENDOR.apiUrl)
    write(machineFile, { ...VENDOR, allowEnvironmentOverrides: true })
    expect(expectOk(loadInstalledConfig({ ...options(), env: ATTACKER_ENV }).config).apiUrl).toBe(ATTACKER_ENV.LM_API_URL)
  })

  it('a broken machine-wide file stops the app with config_invalid instead of falling back to the installed one', () => {
    write(installFile, VENDOR)
    writeFileSync(machineFile, '{"apiUrl": ')
    chmodSync(machineFile, 0o644)
    const installed = loadInstalledConfig({ ...options(), env: {} })
    expect(installed.config).toMatchObject({ ok: false, error: { code: 'config_invalid' } })
    expect(installed.config.ok || installed.config.error.explanation).toContain(machineFile)
  })

  it('a folder where the machine-wide file should be is refused', () => {
    mkdirSync(machineFile)
    expect(chooseConfigFile(options())).toMatchObject({
      ok: false,
      error: { code: 'config_invalid', field: 'machine-wide configuration file', explanation: expect.stringContaining('is not a file') as string }
    })
  })
})

describe('a machine-wide file saved with a byte order mark', () => {
  // Saved by Windows Notepad and PowerShell 5 (UTF-8 with a byte order mark). Passes once the BOM
  // handling of the configuration file (the security issue, src/main/engine/config.ts) is merged.
  it('is read', () => {
    write(machineFile, VENDOR, '\uFEFF')
    const installed = loadInstalledConfig({ platform: 'win32', machineFile, installFile, administratorUid: uid, env: {} })
    expect(expectOk(installed.config).apiUrl).toBe(VENDOR.apiUrl)
  })
})

describe.each(['darwin', 'linux'] as const)('on %s only an administrator’s machine-wide file is read', (platform) => {
  const options = (administratorUid = uid) => ({ platform, machineFile, installFile, administratorUid })

  it('accepted: owned by the administrator, writable by no one else, in a folder likewise', () => {
    write(machineFile, VENDOR)
    expect(chooseConfigFile(options())).toEqual({ ok: true, value: { file: machineFile, scope: 'machine' } })
  })

  it.each([
    ['the file is writable by its group', () => chmodSync(machineFile, 0o664), /permissions 0664/],
    ['the file is writable by everyone', () => chmodSync(machineFile, 0o666), /permissions 0666/],
    [
      'the folder is writable by everyone',
      () => chmodSync(machineDir, 0o777),
      /machine can be changed by other users \(permissions 0777\), so the app does not read the file in it/
    ]
  ])('refused when %s', (_case, loosen, problem) => {
    write(machineFile, VENDOR)
    loosen()
    const chosen = chooseConfigFile(options())
    expect(chosen).toMatchObject({ ok: false, error: { code: 'config_invalid' } })
    expect(chosen.ok || chosen.error.explanation).toMatch(problem)
    expect(chosen.ok || chosen.error.explanation).toContain('chmod 644')
  })

  it('refused when another user owns it', () => {
    write(machineFile, VENDOR)
    expect(chooseConfigFile(options(uid + 1))).toMatchObject({
      ok: false,
      error: { code: 'config_invalid', explanation: expect.stringContaining(`is owned by user id ${uid}, not by the administrator (root)`) as string }
    })
  })
})

describe('on Windows', () => {
  it('the permissions cannot be read from Node: the folder’s permissions, set by the per-machine installer, protect the file', () => {
    write(machineFile, VENDOR)
    chmodSync(machineFile, 0o666)
    expect(chooseConfigFile({ platform: 'win32', machineFile, installFile, administratorUid: uid + 1 })).toEqual({
      ok: true,
      value: { file: machineFile, scope: 'machine' }
    })
  })
})

describe('a machine-wide file that cannot be looked at', () => {
  it('stops the app rather than be skipped (it may be the vendor’s configuration)', () => {
    const chosen = chooseConfigFile({ platform: 'linux', machineFile, installFile, stat: () => ({ error: 'EACCES' }) })
    expect(chosen).toMatchObject({ ok: false, error: { code: 'config_invalid', explanation: expect.stringContaining('could not be read (EACCES)') as string } })
  })
})
