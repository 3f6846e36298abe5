import { PREFILL_SCHEME } from '../../../src/shared/helpdesk/prefill-link'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { FuseV1Options, FuseVersion, flipFuses, getCurrentFuseWire, type FuseV1Config } from '@electron/fuses'
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config'
import { PlatformPackager } from 'app-builder-lib'
import { DebugLogger } from 'builder-util'
import type { Configuration } from 'electron-builder'
import { describe, expect, it } from 'vitest'
import packageJson from '../../../package.json'
import { loadConfig } from '../../../src/main/engine/config'
import { builderConfig } from '../../../electron-builder.config'
import { arrayContaining, objectContaining } from '../../support/matchers'

/*
 * Installers cannot be built here (electron-builder needs Electron's binaries), so the
 * configuration is checked the way electron-builder itself reads and checks it: its own
 * config loader (the --config file the npm scripts name), its own JSON schema
 * (app-builder-lib/scheme.json via validateConfiguration), and its own mapping of
 * `electronFuses` onto @electron/fuses, applied to a stand-in binary carrying Electron's
 * fuse wire.
 */
const ROOT = resolve(__dirname, '../../..')
/** A fuse's state on the wire, as Electron stores it: ASCII '0' or '1'. */
const FuseState = { DISABLE: 0x30, ENABLE: 0x31 } as const
const FLAVOURS = { release: 'electron-builder.config.ts', e2e: 'electron-builder.e2e.config.ts' } as const

async function load(file: string): Promise<Configuration> {
  return await getConfig(ROOT, file, null)
}

/** A stand-in Electron binary: the fuse sentinel, wire version 1 and Electron's default states. */
function standInFuseBinary(dir: string): string {
  const defaults = [
    FuseState.ENABLE,
    FuseState.DISABLE,
    FuseState.ENABLE,
    FuseState.ENABLE,
    FuseState.DISABLE,
    FuseState.DISABLE,
    FuseState.DISABLE,
    FuseState.ENABLE
  ]
  const file = join(dir, 'electron')
  writeFileSync(
    file,
    Buffer.concat([
      Buffer.from('\x7fELF…code…'),
      Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'),
      Buffer.from([1, defaults.length, ...defaults]),
      Buffer.from('…more code…')
    ])
  )
  return file
}

describe('electron-builder configuration', () => {
  it.each(Object.entries(FLAVOURS))('%s (%s) is valid against electron-builder’s own schema', async (_flavour, file) => {
    await expect(validateConfiguration(await load(file), new DebugLogger(false))).resolves.toBeUndefined()
  })

  it('the schema check is real: a misspelt option is refused', async () => {
    const config = await load(FLAVOURS.release)
    const broken = { ...config, mac: { ...config.mac, hardendRuntime: true } }
    await expect(validateConfiguration(broken, new DebugLogger(false))).rejects.toThrow(/configuration object that does not match the API schema/)
  })

  it('names the app as package.json does and builds NSIS, a hardened dmg, AppImage and deb', async () => {
    const config = await load(FLAVOURS.release)
    expect(config.productName).toBe(packageJson.productName)
    expect(config.appId).toBe('com.licensemanager.desktop')
    expect(readFileSync(join(ROOT, 'src/main/index.ts'), 'utf8')).toContain(`APP_USER_MODEL_ID = '${config.appId}'`)
    expect(config.win?.target).toEqual(['nsis'])
    expect(config.mac?.target).toEqual(['dmg'])
    expect(config.mac?.hardenedRuntime).toBe(true)
    expect(config.mac?.notarize).toBe(true)
    expect(config.linux?.target).toEqual(['AppImage', 'deb'])
    for (const name of [config.artifactName, config.nsis?.artifactName, config.dmg?.artifactName, config.appImage?.artifactName, config.deb?.artifactName]) {
      expect(name).toMatch(/\$\{version\}.*\$\{arch\}\.\$\{ext\}$/)
    }
  })

  it('registers the helpdesk link scheme the app parses (license-manager://) with every system', async () => {
    const config = await load(FLAVOURS.release)
    const protocols = [config.protocols ?? []].flat()
    expect(protocols.flatMap((p) => p.schemes)).toEqual([PREFILL_SCHEME])
  })

  it('points at files that exist: icon (PNG, at least 512×512), entitlements, config, and the built main', async () => {
    const config = await load(FLAVOURS.release)
    const icon = readFileSync(join(ROOT, config.icon as string))
    expect(icon.subarray(1, 4).toString('latin1')).toBe('PNG')
    const [width, height] = [icon.readUInt32BE(16), icon.readUInt32BE(20)]
    expect(Math.min(width, height)).toBeGreaterThanOrEqual(512)
    const entitlements = readFileSync(join(ROOT, config.mac!.entitlements as string), 'utf8')
    expect(entitlements).toContain('<key>com.apple.security.cs.allow-jit</key>')
    for (const flavour of Object.values(FLAVOURS)) {
      for (const set of (await load(flavour)).extraResources as Array<{ from: string }>) expect(existsSync(join(ROOT, set.from)), set.from).toBe(true)
    }
    expect(config.files).toEqual(arrayContaining([objectContaining({ filter: arrayContaining(['out/**/*', 'package.json']) })]))
    // The NSIS script is compiled only where makensis runs (npm run dist on Windows or with Wine): here, that it is the one named and guards the per-machine case.
    const nsis = readFileSync(join(ROOT, config.nsis!.include!), 'utf8')
    expect(nsis).toContain('${if} $installMode == "all"')
    expect(nsis).toContain('/inheritance:r /grant:r *S-1-5-32-544:(OI)(CI)F *S-1-5-18:(OI)(CI)F *S-1-5-32-545:(OI)(CI)RX')
    expect(packageJson.main.startsWith('./out/')).toBe(true)
  })

  it('release: the shipped config.json ignores LM_* variables; e2e flavour: its config.json allows them', async () => {
    const env = {
      LM_API_URL: 'https://attacker.example/api/v4/',
      LM_API_KEY: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
      LM_SHARED_KEY: 'At7kQ2wE9rT4yU1iO6pA3sD8fG5hJ0kL2zX7cV4b'
    }
    const fileOf = async (flavour: string) => join(ROOT, ((await load(flavour)).extraResources as Array<{ from: string }>)[0]!.from)
    const release = loadConfig({ env, file: await fileOf(FLAVOURS.release), packaged: true })
    const e2e = loadConfig({ env, file: await fileOf(FLAVOURS.e2e), packaged: true })
    expect(release.ok && release.value.apiUrl).toBeNull()
    expect(e2e.ok && e2e.value.apiUrl).toBe(env.LM_API_URL)
  })
})

describe('Electron fuses', () => {
  it('release builds: RunAsNode, NODE_OPTIONS, --inspect and file:// privileges off; app.asar only, integrity-checked', async () => {
    expect((await load(FLAVOURS.release)).electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
      // Built on a Mac: re-signed ad hoc after the fuses (tested below).
      resetAdHocDarwinSignature: process.platform === 'darwin'
    })
  })

  it('the e2e flavour differs only in keeping --inspect on, for Playwright’s Electron launch', async () => {
    expect((await load(FLAVOURS.e2e)).electronFuses).toEqual({ ...(await load(FLAVOURS.release)).electronFuses, enableNodeCliInspectArguments: true })
    expect((await load(FLAVOURS.e2e)).directories?.output).not.toBe((await load(FLAVOURS.release)).directories?.output)
  })

  it('only a build on a Mac re-signs ad hoc after the fuses (a Linux or Windows build has no signature to keep)', () => {
    for (const flavour of ['release', 'e2e'] as const) {
      expect(builderConfig(flavour, 'darwin').electronFuses?.resetAdHocDarwinSignature).toBe(true)
      expect(builderConfig(flavour, 'linux').electronFuses?.resetAdHocDarwinSignature).toBe(false)
      expect(builderConfig(flavour, 'win32').electronFuses?.resetAdHocDarwinSignature).toBe(false)
    }
  })

  it.each([
    ['release', FLAVOURS.release, FuseState.DISABLE],
    ['e2e', FLAVOURS.e2e, FuseState.ENABLE]
  ])('%s: electron-builder’s own fuse mapping flips a binary’s wire as intended', async (_name, file, inspect) => {
    const dir = mkdtempSync(join(tmpdir(), 'lm-fuses-'))
    try {
      const binary = standInFuseBinary(dir)
      // What electron-builder runs after packing (PlatformPackager.doAddElectronFuses → addElectronFuses → flipFuses).
      // Called with `this` null: the method reads only its argument.
      const generate = (PlatformPackager.prototype as unknown as { generateFuseConfig: (this: null, f: unknown) => Promise<FuseV1Config> }).generateFuseConfig
      const fuseConfig = await generate.call(null, (await load(file)).electronFuses)
      expect(fuseConfig.version).toBe(FuseVersion.V1)
      await flipFuses(binary, fuseConfig)
      const wire = await getCurrentFuseWire(binary)
      expect({
        runAsNode: wire[FuseV1Options.RunAsNode],
        cookieEncryption: wire[FuseV1Options.EnableCookieEncryption],
        nodeOptions: wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable],
        nodeCliInspect: wire[FuseV1Options.EnableNodeCliInspectArguments],
        asarIntegrity: wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation],
        onlyAsar: wire[FuseV1Options.OnlyLoadAppFromAsar],
        browserV8Snapshot: wire[FuseV1Options.LoadBrowserProcessSpecificV8Snapshot],
        fileProtocolPrivileges: wire[FuseV1Options.GrantFileProtocolExtraPrivileges]
      }).toEqual({
        runAsNode: FuseState.DISABLE,
        cookieEncryption: FuseState.DISABLE,
        nodeOptions: FuseState.DISABLE,
        nodeCliInspect: inspect,
        asarIntegrity: FuseState.ENABLE,
        onlyAsar: FuseState.ENABLE,
        browserV8Snapshot: FuseState.DISABLE,
        fileProtocolPrivileges: FuseState.DISABLE
      })
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('macOS without a certificate: ad-hoc signature after the fuses', () => {
  /** A stand-in `codesign` first on PATH: records its arguments, as Apple's would be called. */
  function standInCodesign(dir: string): string {
    const log = join(dir, 'codesign-calls.txt')
    writeFileSync(join(dir, 'codesign'), `#!/bin/sh\nprintf '%s\\n' "$*" >> '${log}'\n`)
    chmodSync(join(dir, 'codesign'), 0o755)
    return log
  }

  it.runIf(process.platform !== 'win32')(
    'electron-builder’s fuse step, with the Mac configuration, flips the fuses and then re-signs the whole .app ad hoc, keeping its entitlements and hardened runtime',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'lm-adhoc-'))
      const path = process.env['PATH']
      try {
        // What electron-builder hands @electron/fuses for a Mac build: the .app, whose fuse wire is in Electron's framework.
        const app = join(dir, 'License Manager.app')
        const framework = join(app, 'Contents', 'Frameworks', 'Electron Framework.framework')
        mkdirSync(framework, { recursive: true })
        const binary = join(framework, 'Electron Framework')
        renameSync(standInFuseBinary(dir), binary)
        const calls = standInCodesign(dir)
        process.env['PATH'] = `${dir}:${path ?? ''}`
        const generate = (PlatformPackager.prototype as unknown as { generateFuseConfig: (this: null, f: unknown) => Promise<FuseV1Config> }).generateFuseConfig
        await flipFuses(app, await generate.call(null, builderConfig('release', 'darwin').electronFuses))
        expect(readFileSync(calls, 'utf8')).toBe(
          `--sign - --force --preserve-metadata=entitlements,requirements,flags,runtime --deep ${join(dir, 'License Manager.app')}\n`
        )
        expect((await getCurrentFuseWire(app))[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE)
        rmSync(calls)
        await flipFuses(app, await generate.call(null, builderConfig('release', 'linux').electronFuses))
        expect(existsSync(calls)).toBe(false)
      } finally {
        process.env['PATH'] = path
        rmSync(dir, { recursive: true, force: true })
      }
    }
  )
})
