import type { Configuration } from 'electron-builder'

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

export function builderConfig(flavour: BuildFlavour): Configuration {
  const e2e = flavour === 'e2e'
  return {
    // Also the Windows AppUserModelID set in src/main/index.ts.
    appId: 'com.licensemanager.desktop',
    productName: 'License Manager',
    copyright: 'Copyright © License Manager authors',
    directories: { output: e2e ? 'dist/e2e' : 'dist', buildResources: 'resources' },
    // Everything the app runs is bundled into out/; runtime dependencies come from package.json.
    files: ['out/**/*', '!**/*.map', 'package.json'],
    // The vendor configuration the installed app reads (src/main/index.ts); editable after installation by an administrator.
    extraResources: [{ from: e2e ? 'e2e/fixtures/packaged-config.json' : 'resources/config.json', to: 'config.json' }],
    asar: true,
    icon: 'resources/icon.png',
    // The helpdesk link license-manager://deactivate?… (src/shared/helpdesk/prefill-link.ts): the macOS
    // Info.plist URL type, the Linux .desktop x-scheme-handler and the Windows registry entry (NSIS).
    protocols: [{ name: 'License Manager helpdesk link', schemes: ['license-manager'] }],
    artifactName: 'License-Manager-${version}-${os}-${arch}.${ext}',
    electronFuses: e2e
      ? // Playwright's _electron.launch passes --inspect: the test flavour keeps that fuse on, and only that one.
        { ...RELEASE_FUSES, enableNodeCliInspectArguments: true }
      : { ...RELEASE_FUSES },
    win: { target: ['nsis'] },
    nsis: {
      oneClick: false,
      perMachine: false,
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
      maintainer: 'License Manager vendor <support@example.com>'
    },
    appImage: { artifactName: 'License-Manager-${version}-linux-${arch}.${ext}' },
    deb: { artifactName: 'license-manager_${version}_${arch}.${ext}' }
  }
}

export default builderConfig('release')
