import { existsSync, readFileSync } from 'node:fs'
import { isAbsolute, join, relative, resolve } from 'node:path'
import type { Configuration } from 'electron-builder'
import { loadConfig } from '../src/main/engine/config'

/*
 * Installers in a vendor's name (docs/packaging.md, "Your brand"): `LM_VENDOR_DIR=<folder> npm run
 * dist`. The folder holds the vendor's config.json (checked by the app's own loadConfig, so a
 * build never ships a configuration the app would refuse), the files it names (the logo), and
 * installer.json with what only the installers know: the app id and the icon.
 */

/** The variable that names the vendor's folder; unset → the app's own name, id and icon. */
export const VENDOR_DIR_ENV = 'LM_VENDOR_DIR'

/** The electron-builder settings a vendor's folder sets. */
export type VendorInstallerSettings = Pick<Configuration, 'productName' | 'appId' | 'icon' | 'extraResources'>

/** electron-builder wants an icon of at least 512 × 512 pixels for macOS (1024 × 1024 is best). */
const MIN_ICON_PIXELS = 512
/** A reverse-DNS identifier: the macOS bundle id and the Windows AppUserModelID. */
const APP_ID = /^[A-Za-z][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)+$/

const fail = (dir: string, problem: string): never => {
  throw new Error(`${VENDOR_DIR_ENV} (${dir}): ${problem}`)
}

/** The width and height a PNG's IHDR chunk gives; null for anything that is not a PNG. */
function pngSize(bytes: Buffer): { width: number; height: number } | null {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(signature) || bytes.toString('latin1', 12, 16) !== 'IHDR') return null
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
}

/** A path the vendor's file names, inside its folder (the build copies the folder's files only). */
function inside(dir: string, path: string, what: string): string {
  const full = resolve(dir, path)
  const rel = relative(dir, full)
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) fail(dir, `${what} must be a file inside the folder.`)
  return rel
}

interface InstallerFile {
  appId?: unknown
  icon?: unknown
}

/**
 * The settings for installers in the vendor's name, or none when `LM_VENDOR_DIR` is unset. A
 * folder that would build a broken installer (a configuration the app refuses, a logo outside
 * the folder, a bad app id, a small icon) stops the build with what is wrong.
 */
export function vendorInstallerSettings(env: NodeJS.ProcessEnv = process.env, root: string = process.cwd()): VendorInstallerSettings {
  const given = env[VENDOR_DIR_ENV]
  if (given === undefined || given === '') return {}
  const dir = resolve(root, given)
  const configFile = join(dir, 'config.json')
  if (!existsSync(configFile)) fail(dir, 'has no config.json.')
  const config = loadConfig({ env: {}, file: configFile, keysWithoutServer: true })
  if (!config.ok) return fail(dir, config.error.explanation)
  const brand = config.value.brand

  const resources: NonNullable<Configuration['extraResources']> = [{ from: configFile, to: 'config.json' }]
  if (brand?.logo !== undefined) {
    const logo = inside(dir, brand.logo.path, 'The logo')
    resources.push({ from: join(dir, logo), to: logo })
  }

  const installerFile = join(dir, 'installer.json')
  const installer = (existsSync(installerFile) ? JSON.parse(readFileSync(installerFile, 'utf8')) : {}) as InstallerFile
  let appId: string | undefined
  if (installer.appId !== undefined) {
    if (typeof installer.appId !== 'string' || !APP_ID.test(installer.appId))
      return fail(dir, 'installer.json "appId" must be a reverse-DNS id such as "com.example.licence-helper".')
    appId = installer.appId
  }
  let icon: string | undefined
  if (installer.icon !== undefined) {
    if (typeof installer.icon !== 'string') return fail(dir, 'installer.json "icon" must name a PNG file.')
    icon = join(dir, inside(dir, installer.icon, 'installer.json "icon"'))
    const size = existsSync(icon) ? pngSize(readFileSync(icon)) : null
    if (size === null || size.width < MIN_ICON_PIXELS || size.height < MIN_ICON_PIXELS)
      fail(dir, `installer.json "icon" must be a PNG of at least ${MIN_ICON_PIXELS} × ${MIN_ICON_PIXELS} pixels.`)
  }
  return {
    extraResources: resources,
    ...(brand?.productName === undefined ? {} : { productName: brand.productName }),
    ...(appId === undefined ? {} : { appId }),
    ...(icon === undefined ? {} : { icon })
  }
}
