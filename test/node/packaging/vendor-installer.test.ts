import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { validateConfiguration } from 'app-builder-lib/out/util/config/config'
import { DebugLogger } from 'builder-util'
import { afterEach, describe, expect, it, vi } from 'vitest'
import packageJson from '../../../package.json'
import { builderConfig } from '../../../electron-builder.config'
import { loadConfig } from '../../../src/main/engine/config'
import { VENDOR_DIR_ENV, vendorInstallerSettings } from '../../../scripts/vendor-installer'

/*
 * Installers in a vendor's name: LM_VENDOR_DIR names a folder with the vendor's config.json,
 * the logo it names and installer.json (app id, icon). The example vendor in the repository is
 * built into a configuration electron-builder's own schema accepts.
 */
const ROOT = resolve(__dirname, '../../..')
const EXAMPLE = 'resources/examples/vendor-brand'

afterEach(() => vi.unstubAllEnvs())

/** A copy of the example vendor's folder, with `changes` written over it. */
function vendorCopy(changes: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'lm-vendor-'))
  for (const name of ['config.json', 'logo.svg', 'installer.json', 'icon.png']) copyFileSync(join(ROOT, EXAMPLE, name), join(dir, name))
  for (const [name, content] of Object.entries(changes)) writeFileSync(join(dir, name), content)
  return dir
}

describe('installers in a vendor’s name (LM_VENDOR_DIR)', () => {
  it('without it, the release is the app’s own: its name, id, icon and resources/config.json', () => {
    expect(vendorInstallerSettings({}, ROOT)).toEqual({})
    const release = builderConfig('release')
    expect(release.productName).toBe(packageJson.productName)
    expect(release.extraResources).toEqual([{ from: 'resources/config.json', to: 'config.json' }])
  })

  it('with the example vendor, names the installers Tidewater Licence Helper, with its app id, icon, config.json and logo', async () => {
    vi.stubEnv(VENDOR_DIR_ENV, EXAMPLE)
    const release = builderConfig('release')
    expect(release.productName).toBe('Tidewater Licence Helper')
    expect(release.appId).toBe('example.tidewater.licence-helper')
    expect(release.icon).toBe(join(ROOT, EXAMPLE, 'icon.png'))
    expect(release.extraResources).toEqual([
      { from: join(ROOT, EXAMPLE, 'config.json'), to: 'config.json' },
      { from: join(ROOT, EXAMPLE, 'logo.svg'), to: 'logo.svg' }
    ])
    await expect(validateConfiguration(release, new DebugLogger(false))).resolves.toBeUndefined()
    // The test flavour keeps the app's own configuration whatever the variable says.
    expect(builderConfig('e2e').productName).toBe(packageJson.productName)
  })

  it('ships the logo where the shipped config.json finds it: next to it, under the same relative name', () => {
    const settings = vendorInstallerSettings({ [VENDOR_DIR_ENV]: EXAMPLE }, ROOT)
    const installed = mkdtempSync(join(tmpdir(), 'lm-installed-resources-'))
    for (const set of settings.extraResources as Array<{ from: string; to: string }>) copyFileSync(set.from, join(installed, set.to))
    const config = loadConfig({ env: {}, file: join(installed, 'config.json'), packaged: true })
    expect(config.ok && config.value.brand?.logo?.path).toBe(join(installed, 'logo.svg'))
  })

  it.each([
    [
      'a configuration the app refuses',
      { 'config.json': JSON.stringify({ productName: 'Tidewater', accentColor: '#ffd700' }) },
      /accentColor" has a contrast of only/
    ],
    [
      'a logo outside the folder',
      { 'config.json': JSON.stringify({ logo: resolve(ROOT, 'resources/icon.svg') }) },
      /The logo must be a file inside the folder/
    ],
    ['an app id that is not reverse-DNS', { 'installer.json': JSON.stringify({ appId: 'Tidewater Licence Helper' }) }, /"appId" must be a reverse-DNS id/],
    ['an icon that is an SVG', { 'installer.json': JSON.stringify({ icon: 'logo.svg' }) }, /"icon" must be a PNG of at least 512 × 512 pixels/],
    ['an icon outside the folder', { 'installer.json': JSON.stringify({ icon: '../icon.png' }) }, /"icon" must be a file inside the folder/]
  ])('stops the build on %s, saying what is wrong', (_case, changes, problem) => {
    const dir = vendorCopy(changes)
    expect(() => vendorInstallerSettings({ [VENDOR_DIR_ENV]: dir }, ROOT)).toThrow(problem)
  })

  it('stops the build on a folder without config.json', () => {
    expect(() => vendorInstallerSettings({ [VENDOR_DIR_ENV]: 'resources/examples' }, ROOT)).toThrow(/has no config\.json/)
  })
})
