import { Arch, type AfterPackContext, type Configuration } from 'electron-builder'
import { copyLicenseSpringHwid, type PackArch, type PackPlatform } from './scripts/packaging/licensespring-hwid'
import { vendorInstallerSettings } from './scripts/vendor-installer'

/*
 * How installers are built: `npm run dist` (release) and `npm run dist:e2e` (the test
 * flavour Playwright can drive). electron-builder reads this file itself (--config); a
 * test validates both flavours against electron-builder's own schema and checks the fuses.
 */

/** Electron's fuses as release builds set them: what an end user runs cannot be turned into a Node or debug host. */
export const RELEASE_FUSES = {
  /** ELECTRON_RUN_AS_NODE would turn the signed app into a plain Node runtime. */
  runAsNode: false,
  /** NODE_OPTIONS / NODE_EXTRA_CA_CERTS would inject code or trust from the environment. */
  enableNodeOptionsEnvironmentVariable: false,
  /** --inspect / --inspect-brk (and SIGUSR1) would open a debugger on the main process. */
  enableNodeCliInspectArguments: false,
  /** Only the (integrity-checked) app.asar is loaded, never a loose app/ folder. */
  onlyLoadAppFromAsar: true,
  enableEmbeddedAsarIntegrityValidation: true,
  /** The window is served from app:// (src/main/electron/app-protocol.ts), so file:// needs no extra powers. */
  grantFileProtocolExtraPrivileges: false
} as const

export type BuildFlavour = 'release' | 'e2e'

/** After packing, before fuses and signing: LicenseSpring's hardware-id module for the target, outside the asar (see its module). */
export function packLicenseSpringHwid(context: AfterPackContext): void {
  const platform = context.electronPlatformName === 'mas' ? 'darwin' : context.electronPlatformName
  copyLicenseSpringHwid({
    projectDir: context.packager.projectDir,
    resourcesDir: context.packager.getResourcesDir(context.appOutDir),
    platform: platform as PackPlatform,
    arch: Arch[context.arch] as PackArch
  })
}

/**
 * @param host The system building: a macOS build (only a Mac can make one) re-signs ad hoc after the fuses.
 */
export function builderConfig(flavour: BuildFlavour, host: NodeJS.Platform = process.platform): Configuration {
  const e2e = flavour === 'e2e'
  const fuses = e2e
    ? // Playwright's _electron.launch passes --inspect: the test flavour keeps that fuse on, and only that one.
      { ...RELEASE_FUSES, enableNodeCliInspectArguments: true }
    : { ...RELEASE_FUSES }
  return {
    // Also the Windows AppUserModelID set in src/main/index.ts.
    appId: 'com.licensemanager.desktop',
    productName: 'License Manager',
    copyright: 'Copyright © License Manager authors',
    directories: { output: e2e ? 'dist/e2e' : 'dist', buildResources: 'resources' },
    // Everything the app runs is bundled into out/; `dependencies` in package.json hold only what it requires at run time.
    files: ['out/**/*', '!**/*.map', 'package.json'],
    // The vendor configuration the installed app reads when the machine has no machine-wide one
    // (src/main/engine/config-location.ts, docs/packaging.md).
    extraResources: [{ from: e2e ? 'e2e/fixtures/packaged-config.json' : 'resources/config.json', to: 'config.json' }],
    asar: true,
    icon: 'resources/icon.png',
    // The helpdesk link license-manager://deactivate?… (src/shared/helpdesk/prefill-link.ts): the macOS
    // Info.plist URL type, the Linux .desktop x-scheme-handler and the Windows registry entry (NSIS).
    protocols: [{ name: 'License Manager helpdesk link', schemes: ['license-manager'] }],
    artifactName: 'License-Manager-${version}-${os}-${arch}.${ext}',
    // Flipping a fuse edits the executable and so breaks the signature Electron's macOS binary comes
    // with; Apple Silicon kills an app whose signature is broken. Re-signing ad hoc right after the
    // fuses keeps an uncertified build runnable; with a certificate, electron-builder signs right
    // after that and its Developer ID signature replaces the ad-hoc one.
    electronFuses: { ...fuses, resetAdHocDarwinSignature: host === 'darwin' },
    afterPack: packLicenseSpringHwid,
    win: { target: ['nsis'] },
    nsis: {
      oneClick: false,
      // The installer asks "Anyone who uses this computer" (per machine, needs an administrator; also /allusers)
      // or "Only for me"; a per-machine installation also makes the machine-wide configuration folder (installer.nsh).
      perMachine: false,
      include: 'resources/installer.nsh',
      allowToChangeInstallationDirectory: true,
      artifactName: 'License-Manager-Setup-${version}-${arch}.${ext}'
    },
    mac: {
      target: ['dmg'],
      category: 'public.app-category.utilities',
      hardenedRuntime: true,
      gatekeeperAssess: false,
      entitlements: 'resources/entitlements.mac.plist',
      entitlementsInherit: 'resources/entitlements.mac.plist',
      // Notarized when APPLE_API_KEY, APPLE_API_KEY_ID and APPLE_API_ISSUER are set (see README, Packaging).
      notarize: !e2e
    },
    dmg: { artifactName: 'License-Manager-${version}-mac-${arch}.${ext}' },
    linux: {
      target: ['AppImage', 'deb'],
      category: 'Utility',
      synopsis: 'Frees a LicenseSpring bundle licence from this PC',
      // The deb's Maintainer; the vendor puts its own here (and homepage and author in package.json).
      maintainer: 'License Manager vendor <support@license-manager.invalid>',
      executableName: 'license-manager'
    },
    appImage: {
      artifactName: 'License-Manager-${version}-linux-${arch}.${ext}',
      // electron-builder's AppImage entry would start the app with --no-sandbox, always: Chromium's
      // sandbox stays on. (Where the system refuses it, e.g. Ubuntu 24.04 without an AppArmor profile,
      // the AppImage's launcher still adds --no-sandbox; the app logs that, see docs/packaging.md.)
      executableArgs: []
    },
    deb: { artifactName: 'license-manager_${version}_${arch}.${ext}' },
    // A vendor's product name, app id, icon and config.json (LM_VENDOR_DIR; docs/packaging.md, "Your brand").
    ...(e2e ? {} : vendorInstallerSettings())
  }
}

export default builderConfig('release')
