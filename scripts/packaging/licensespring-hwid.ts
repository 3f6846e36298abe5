import { cpSync, existsSync } from 'node:fs'
import { join } from 'node:path'

/*
 * LicenseSpring's hardware-id module (config `hardwareIdSource: "licensespring"`) is required by
 * name when the app runs (src/main/engine/hardware-id.ts). It is not a `dependencies` entry: that
 * would copy the whole @licensespring/node-sdk (about 120 MB, mostly its native library for every
 * system, plus an HTTP client the app does not use) into app.asar, where a native library cannot
 * be loaded at all. Instead, once electron-builder has packed the app, the three parts the module
 * needs for the target system are copied outside the asar, to `resources/node_modules/`, which is
 * where Node's module lookup from `resources/app.asar/out/main/` arrives after the asar's own
 * node_modules:
 *   @licensespring/node-sdk/dist/hwid/index.js (which needs only `os`, `path` and koffi),
 *   its native library for the target system and architecture (and the licences of what it links),
 *   koffi (the FFI it loads the library with) with its prebuilt Node-API binary for the target.
 */

/** electron-builder's names of the systems and architectures this app is built for. */
export type PackPlatform = 'linux' | 'darwin' | 'win32'
export type PackArch = 'x64' | 'arm64' | 'ia32' | 'armv7l'

/** Where the copies go, under the packed app's resources folder. */
export const HWID_MODULES_DIR = 'node_modules'

const SDK = '@licensespring/node-sdk'
const GENERATOR = `${SDK}/dist/hwid/hardware_id_generator`

/** The folder of LicenseSpring's library for a target, as its module picks it (glibc builds only, as it does). */
const LIBRARY_DIRS: Record<PackPlatform, Partial<Record<PackArch, string>>> = {
  linux: { x64: 'linux/x86_64/glibc', arm64: 'linux/aarch64/glibc', ia32: 'linux/i686/glibc', armv7l: 'linux/arm/glibc' },
  darwin: { x64: 'macos/x86_64', arm64: 'macos/arm64' },
  win32: { x64: 'windows/x64', arm64: 'windows/arm64', ia32: 'windows/x86' }
}

/** koffi's folder of prebuilt binaries for a target, as its loader names it. */
const KOFFI_TRIPLETS: Record<PackPlatform, Partial<Record<PackArch, string>>> = {
  linux: { x64: 'linux_x64', arm64: 'linux_arm64', ia32: 'linux_ia32', armv7l: 'linux_armhf' },
  darwin: { x64: 'darwin_x64', arm64: 'darwin_arm64' },
  win32: { x64: 'win32_x64', arm64: 'win32_arm64', ia32: 'win32_ia32' }
}

/** Paths relative to a node_modules folder: the same on the build machine and in the packed app. */
export function licenseSpringHwidFiles(platform: PackPlatform, arch: PackArch): string[] {
  const library = LIBRARY_DIRS[platform][arch]
  const triplet = KOFFI_TRIPLETS[platform][arch]
  if (library === undefined || triplet === undefined) {
    throw new Error(`LicenseSpring's hardware-id module has no build for ${platform} ${arch}: build for another architecture.`)
  }
  return [
    `${SDK}/package.json`,
    `${SDK}/dist/hwid/index.js`,
    `${GENERATOR}/bin/${library}`,
    `${GENERATOR}/documentation/licenses`,
    'koffi/package.json',
    'koffi/index.js',
    'koffi/LICENSE.txt',
    `koffi/build/koffi/${triplet}`
  ]
}

/** Copies the module's parts for the target from the project's node_modules into the packed app's resources. */
export function copyLicenseSpringHwid(options: { projectDir: string; resourcesDir: string; platform: PackPlatform; arch: PackArch }): void {
  const from = join(options.projectDir, 'node_modules')
  const to = join(options.resourcesDir, HWID_MODULES_DIR)
  for (const path of licenseSpringHwidFiles(options.platform, options.arch)) {
    const source = join(from, path)
    if (!existsSync(source)) throw new Error(`${source} is missing: run \`npm ci\` (LicenseSpring's hardware-id module is packed from node_modules).`)
    cpSync(source, join(to, path), { recursive: true })
  }
}
