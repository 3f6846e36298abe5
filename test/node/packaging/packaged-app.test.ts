import { execFile } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { builtinModules, createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, relative, sep } from 'node:path'
import { promisify } from 'node:util'
import { extractFile, listPackage } from '@electron/asar'
import { getConfig } from 'app-builder-lib/out/util/config/config'
import { Arch, build, Platform, type Configuration } from 'electron-builder'
import ts from 'typescript'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import packageJson from '../../../package.json'
import { loadInstalledConfig } from '../../../src/main/engine/config-location'
import { PREFILL_SCHEME } from '../../../src/shared/helpdesk/prefill-link'
import { licenseSpringHwidFiles } from '../../../scripts/packaging/licensespring-hwid'
import { projectOutIsCurrent, ROOT } from '../support/built-out'
import { expectOk } from '../../support/expect-ok'

/*
 * The installers' layout, built here: electron-builder runs the release configuration (the
 * --config file `npm run dist` names, read by electron-builder's own loader) for Linux x64
 * against a stand-in Electron distribution (`electronDist`: an unpacked Electron's files, with
 * a shell script as its binary), so nothing is downloaded. Targets `dir`, `deb` and `AppImage`
 * run up to the point where electron-builder hands over to fpm and appimagetool: its own
 * `effectiveOptionComputed` hook gives the .desktop entries and fpm's arguments it computed,
 * and stops there. Fuses are skipped in this test only (a shell script has no fuse wire; the
 * fuse mapping is tested in electron-builder.test.ts). `npmRebuild` is off: the one run-time
 * dependency has no native code, and the test must not touch node_modules.
 */

const run = promisify(execFile)
let work: string
let appOutDir: string
let resourcesDir: string
let asarEntries: string[]
let debArgs: string[] = []
let debDesktop = ''
let appImageDesktop: { desktop: string; desktopFileName: string } | undefined
let releaseConfig: Configuration

/**
 * What an unpacked Electron for linux-x64 holds (electron-v45.3.x-linux-x64.zip), as placeholders,
 * less resources/default_app.asar and version, which electron-builder deletes from a downloaded
 * Electron but keeps in an `electronDist` folder.
 */
const ELECTRON_FILES = [
  'chrome-sandbox',
  'chrome_100_percent.pak',
  'chrome_200_percent.pak',
  'chrome_crashpad_handler',
  'icudtl.dat',
  'libEGL.so',
  'libGLESv2.so',
  'libffmpeg.so',
  'libvk_swiftshader.so',
  'libvulkan.so.1',
  'LICENSES.chromium.html',
  'resources.pak',
  'snapshot_blob.bin',
  'v8_context_snapshot.bin',
  'vk_swiftshader_icd.json',
  'locales/en-US.pak',
  'locales/de.pak'
]
const STAND_IN_BINARY = '#!/bin/sh\necho "a stand-in for Electron 45"\n'

function standInElectron(dir: string): string {
  for (const file of ELECTRON_FILES) {
    mkdirSync(join(dir, file, '..'), { recursive: true })
    writeFileSync(join(dir, file), `stand-in ${file}\n`)
  }
  writeFileSync(join(dir, 'LICENSE'), 'Copyright (c) Electron contributors\n')
  writeFileSync(join(dir, 'electron'), STAND_IN_BINARY)
  chmodSync(join(dir, 'electron'), 0o755)
  return dir
}

/** Every file under a folder, relative to it, with "/" separators. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort()
}

beforeAll(async () => {
  if (!projectOutIsCurrent()) {
    // As `npm run build` does (and `npm test` before the suites): electron-builder packs out/.
    await run(join(ROOT, 'node_modules', '.bin', 'electron-vite'), ['build', '--logLevel', 'error'], { cwd: ROOT, timeout: 170_000 })
  }
  work = mkdtempSync(join(tmpdir(), 'lm-packaged-'))
  releaseConfig = await getConfig(ROOT, 'electron-builder.config.ts', null)
  await build({
    projectDir: ROOT,
    targets: Platform.LINUX.createTarget(['dir', 'deb', 'AppImage'], Arch.x64),
    config: {
      ...releaseConfig,
      electronDist: standInElectron(join(work, 'electron-dist')),
      electronFuses: null,
      npmRebuild: false,
      directories: { ...releaseConfig.directories, output: join(work, 'dist') }
    },
    effectiveOptionComputed: (options: unknown) => {
      if (Array.isArray(options)) {
        // The deb: fpm's arguments, and the path of the .desktop file it would install.
        debArgs = options[0] as string[]
        debDesktop = readFileSync(options[1] as string, 'utf8')
      } else appImageDesktop = options as { desktop: string; desktopFileName: string }
      return Promise.resolve(true)
    }
  })
  appOutDir = join(work, 'dist', 'linux-unpacked')
  resourcesDir = join(appOutDir, 'resources')
  asarEntries = listPackage(join(resourcesDir, 'app.asar'), { isPack: false }).map((entry) => entry.split(sep).join('/'))
}, 240_000)

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true })
})

describe('the unpacked app (linux-unpacked, what the deb installs to /opt/License Manager)', () => {
  it('is Electron’s distribution with its binary named license-manager, its licence kept, the default app gone', () => {
    expect(readFileSync(join(appOutDir, 'license-manager'), 'utf8')).toBe(STAND_IN_BINARY)
    expect(statSync(join(appOutDir, 'license-manager')).mode & 0o111).not.toBe(0)
    expect(existsSync(join(appOutDir, 'electron'))).toBe(false)
    expect(readFileSync(join(appOutDir, 'LICENSE.electron.txt'), 'utf8')).toContain('Electron contributors')
    for (const file of ['chrome-sandbox', 'icudtl.dat', 'resources.pak', 'locales/en-US.pak']) expect(existsSync(join(appOutDir, file)), file).toBe(true)
  })

  it('has in resources/ the app.asar, the vendor’s config.json, the deb’s AppArmor profile and LicenseSpring’s hardware-id module for linux-x64, nothing else', () => {
    const resources = filesUnder(resourcesDir)
    const hwid = resources.filter((file) => file.startsWith('node_modules/'))
    expect(resources.filter((file) => !file.startsWith('node_modules/'))).toEqual(['app.asar', 'apparmor-profile', 'config.json'])
    for (const path of licenseSpringHwidFiles('linux', 'x64'))
      expect(
        hwid.some((file) => file === `node_modules/${path}` || file.startsWith(`node_modules/${path}/`)),
        path
      ).toBe(true)
    // The target's native parts only: no library or binary of another system rides along.
    expect(hwid.filter((file) => /\.(so|dll|node)$/.test(file))).toEqual([
      'node_modules/@licensespring/node-sdk/dist/hwid/hardware_id_generator/bin/linux/x86_64/glibc/libhardware_id_generator.so',
      'node_modules/koffi/build/koffi/linux_x64/koffi.node'
    ])
  })

  it('the config.json is where the installed app reads it (resources/, next to app.asar) and is the shipped resources/config.json', () => {
    expect(readFileSync(join(resourcesDir, 'config.json'), 'utf8')).toBe(readFileSync(join(ROOT, 'resources', 'config.json'), 'utf8'))
    expect(readFileSync(join(ROOT, 'src', 'main', 'index.ts'), 'utf8')).toContain("installFile: join(process.resourcesPath, 'config.json')")
    const installed = loadInstalledConfig({
      platform: 'linux',
      env: { LM_API_URL: 'https://attacker.example/api/v4/' },
      machineFile: join(work, 'no-machine-wide-file', 'config.json'),
      installFile: join(resourcesDir, 'config.json')
    })
    expect(installed.source).toEqual({ file: join(resourcesDir, 'config.json'), scope: 'install' })
    expect(expectOk(installed.config).apiUrl).toBeNull()
  })

  it('LicenseSpring’s module loads from there as the installed main process finds it (Node’s lookup from app.asar/out/main)', async () => {
    const script = [
      "const { createRequire } = require('node:module')",
      'const requireFromMain = createRequire(process.argv[1])',
      "const path = requireFromMain.resolve('@licensespring/node-sdk/dist/hwid')",
      "const id = requireFromMain('@licensespring/node-sdk/dist/hwid').getHardwareId(0)",
      'process.stdout.write(JSON.stringify({ path, id }))'
    ].join(';')
    // Run from the temporary folder: the project's own node_modules is not on the way up from there.
    const { stdout } = await run(process.execPath, ['-e', script, join(resourcesDir, 'app.asar', 'out', 'main', 'index.js')], { cwd: work, timeout: 30_000 })
    const { path, id } = JSON.parse(stdout) as { path: string; id: string }
    expect(path).toBe(join(resourcesDir, 'node_modules', '@licensespring', 'node-sdk', 'dist', 'hwid', 'index.js'))
    const fromProject = (
      createRequire(join(ROOT, 'package.json'))('@licensespring/node-sdk/dist/hwid') as { getHardwareId: (n: number) => string }
    ).getHardwareId(0)
    expect(id).toBe(fromProject)
    expect(id).toMatch(/\S{16,}/)
  })
})

describe('app.asar', () => {
  it('holds the built app (no source maps) and package.json', () => {
    const app = asarEntries.filter((entry) => !entry.startsWith('/node_modules'))
    expect(app).toEqual(expect.arrayContaining(['/package.json', '/out/main/index.js', '/out/preload/index.js', '/out/renderer/index.html']))
    expect(app.filter((entry) => !/^\/(out|out\/(main|preload|renderer)(\/.*)?|package\.json)$/.test(entry))).toEqual([])
    expect(app.filter((entry) => entry.endsWith('.map'))).toEqual([])
    expect(app.some((entry) => /^\/out\/main\/chunks\/server-[\w-]+\.js$/.test(entry))).toBe(true)
  })

  it('holds exactly the run-time dependencies (with theirs), nothing electron-vite already bundled', () => {
    const modules = asarEntries.flatMap((entry) => /^\/node_modules\/((?:@[^/]+\/)?[^/@]+)$/.exec(entry)?.[1] ?? [])
    const closure = new Set<string>()
    const visit = (name: string, from: string) => {
      if (closure.has(name)) return
      closure.add(name)
      const manifest = createRequire(from)(`${name}/package.json`) as { dependencies?: Record<string, string> }
      for (const dependency of Object.keys(manifest.dependencies ?? {})) visit(dependency, createRequire(from).resolve(`${name}/package.json`))
    }
    for (const name of Object.keys(packageJson.dependencies)) visit(name, join(ROOT, 'package.json'))
    expect(modules.sort()).toEqual([...closure].sort())
    for (const bundled of ['react', 'react-dom', 'zod', 'oidc-provider', 'jose', 'ky', '@tanstack/react-query', 'react-hook-form']) {
      expect(
        asarEntries.some((entry) => entry.startsWith(`/node_modules/${bundled}/`)),
        bundled
      ).toBe(false)
    }
  })

  it('is small: the app and node-machine-id (about 2.3 MB), not the 21 MB it was with the bundled libraries packed a second time', () => {
    expect(statSync(join(resourcesDir, 'app.asar')).size).toBeLessThan(4 * 1024 * 1024)
  })

  it('package.json there names the built main', () => {
    const packed = JSON.parse(extractFile(join(resourcesDir, 'app.asar'), 'package.json').toString('utf8')) as { main: string; dependencies?: object }
    expect(packed.main).toBe(packageJson.main)
  })
})

describe('package.json’s dependencies', () => {
  /** Every module the built main (with its chunks) and preload load at run time: require("…"), import("…"), import … from "…" (parsed, so text in strings and comments is not taken for one). */
  function runTimeImports(): string[] {
    const files = ['main', 'preload'].flatMap((part) => filesUnder(join(ROOT, 'out', part)).map((file) => join(ROOT, 'out', part, file)))
    const specifiers: string[] = []
    for (const file of files.filter((f) => /\.(c|m)?js$/.test(f))) {
      const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false, ts.ScriptKind.JS)
      const visit = (node: ts.Node): void => {
        if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
          specifiers.push(node.moduleSpecifier.text)
        }
        if (ts.isCallExpression(node) && node.arguments.length === 1 && ts.isStringLiteral(node.arguments[0]!)) {
          const callee = node.expression
          if (callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require')) specifiers.push(node.arguments[0].text)
        }
        ts.forEachChild(node, visit)
      }
      visit(source)
    }
    return [...new Set(specifiers)].sort()
  }
  const packageOf = (specifier: string) =>
    specifier
      .split('/')
      .slice(0, specifier.startsWith('@') ? 2 : 1)
      .join('/')
  const builtin = (specifier: string) => specifier.startsWith('node:') || builtinModules.includes(specifier.split('/')[0]!)

  it('are exactly the packages the built code loads at run time (Electron itself aside)', () => {
    const imports = runTimeImports()
    expect(imports.length).toBeGreaterThan(10)
    const packages = [...new Set(imports.filter((s) => !s.startsWith('.') && !builtin(s) && s !== 'electron').map(packageOf))].sort()
    expect(packages).toEqual(Object.keys(packageJson.dependencies).sort())
  })

  it('LicenseSpring’s hardware-id module is no dependency: required by name when configured, packed by the afterPack hook', () => {
    expect(readFileSync(join(ROOT, 'out', 'main', 'index.js'), 'utf8')).toMatch(/[`'"]@licensespring\/node-sdk\/dist\/hwid[`'"]/)
    expect(Object.keys(packageJson.dependencies)).not.toContain('@licensespring/node-sdk')
    expect(licenseSpringHwidFiles('linux', 'x64')).toContain('@licensespring/node-sdk/dist/hwid/index.js')
  })
})

describe('the Linux packages', () => {
  it('the deb gets its metadata: maintainer, vendor and homepage (electron-builder refuses a deb without them)', () => {
    const option = (name: string) => debArgs[debArgs.indexOf(name) + 1]
    expect(option('--name')).toBe('license-manager')
    expect(option('--maintainer')).toBe(releaseConfig.linux?.maintainer)
    expect(option('--url')).toBe(packageJson.homepage)
    expect(debArgs).toContain(`${appOutDir}/=/opt/License Manager`)
    expect(debArgs).toContain(`${join(ROOT, 'resources', 'icon.png')}=/usr/share/icons/hicolor/1024x1024/apps/license-manager.png`)
    expect(debArgs.some((arg) => arg.endsWith('=/usr/share/applications/license-manager.desktop'))).toBe(true)
  })

  it('the deb’s .desktop entry starts the installed app with the link and handles license-manager:// links', () => {
    const entry = Object.fromEntries(
      debDesktop
        .split('\n')
        .filter((line) => line.includes('='))
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)])
    )
    expect(entry).toMatchObject({
      Name: 'License Manager',
      Exec: '"/opt/License Manager/license-manager" %U',
      Type: 'Application',
      MimeType: `x-scheme-handler/${PREFILL_SCHEME};`,
      // Electron names its window after package.json's desktopName: the desktop links the window to this entry.
      StartupWMClass: packageJson.desktopName.replace(/\.desktop$/, ''),
      Categories: 'Utility;'
    })
  })

  it('the AppImage’s .desktop entry handles the links too, and keeps Chromium’s sandbox on (no --no-sandbox)', () => {
    expect(appImageDesktop?.desktopFileName).toBe('license-manager.desktop')
    expect(appImageDesktop?.desktop).toContain(`MimeType=x-scheme-handler/${PREFILL_SCHEME};`)
    expect(appImageDesktop?.desktop).toContain('Exec=AppRun %U\n')
    expect(appImageDesktop?.desktop).not.toContain('--no-sandbox')
  })
})
