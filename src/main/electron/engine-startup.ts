import type { StartupFacts } from '../../shared/api'
import { describeError } from '../../shared/errors'
import { failure, success, type Outcome } from '../../shared/outcome'
import type { RunningSandbox, SandboxOptions } from '../../sandbox/server'
import { createHardwareIdSource, type HardwareIdSource } from '../engine/hardware-id'
import { isServerConfig, type BundleProducts, type EngineConfig, type ServerConfig } from '../engine/config'
import type { BrandConfig } from '../engine/brand/brand-config'
import type { LanguageSettings } from './language-choice'
import { httpSignInOriginsFor, type HttpSignInOrigins } from '../engine/external-url'
import { vettedOpenExternal } from './external-url'
import type { LicenseService, LicenseServiceDeps } from '../engine/service'
import type { NetworkCheck } from '../engine/network-check'
import type { ConnectionWarmer } from '../engine/warm-up'
import { logOutcome, type LogFields, type Logger } from '../logging/logger'

export interface EngineStartupDeps {
  /** The engine's `loadConfig` bound to this process's environment. */
  loadConfig: () => Outcome<EngineConfig>
  startSandbox: (options: SandboxOptions) => Promise<RunningSandbox>
  createLicenseService: (deps: LicenseServiceDeps) => LicenseService
  /** Electron's `net.fetch` in the app: system proxy and certificate store. */
  fetch: typeof fetch
  /** Opens a URL in the system browser (`shell.openExternal`); startEngine vets every URL first (external-url.ts). */
  openExternal: (url: string) => Promise<void>
  app: { name: string; version: string; os: string }
  /** Opens connections for `fetch` ahead of a call (Chromium's preconnect in the app). */
  warmer?: ConnectionWarmer
  /** This PC's hardware id (default node-machine-id): the service sends it and the sandbox pre-activates it. */
  hardwareIdSource?: HardwareIdSource
  /** Electron's `net.isOnline()`: false is a strong sign this PC has no network, true is inconclusive. */
  isOnline?: NetworkCheck
  /**
   * Told the vendor's brand as soon as the configuration is read (before any await, so before the
   * shell opens its window), and again on each restart; `undefined` when there is none or the
   * configuration failed (the app's own name and look).
   */
  onBrand?: (brand: BrandConfig | undefined) => void
  /** Told the vendor's language settings (`language`, `languages`) the same way; empty when none or the configuration failed. */
  onLanguages?: (settings: LanguageSettings) => void
}

export interface RunningEngine {
  /** The service, or why there is none: every window call then answers with this error. */
  service: Outcome<LicenseService>
  /** True when the in-process sandbox serves the requests. */
  sandbox: boolean
  /** Stops the sandbox, if one was started. */
  close: () => Promise<void>
  /** Puts the sandbox's licences back to their seeded devices; null when no sandbox runs. */
  resetSandbox: (() => void) | null
}

/** The configuration's language settings, as the language choice takes them. */
const languageSettingsOf = (config: EngineConfig): LanguageSettings => ({
  ...(config.language === undefined ? {} : { language: config.language }),
  ...(config.languages === undefined ? {} : { languages: config.languages })
})

const nothingToClose = async (): Promise<void> => undefined

/**
 * Builds the engine from configuration. Without a configured server the app starts
 * the sandbox in this process on a free loopback port and talks to it like any
 * server, with the sandbox's own API key; the window shows the sandbox banner.
 */
export async function startEngine(deps: EngineStartupDeps): Promise<RunningEngine> {
  const config = deps.loadConfig()
  deps.onBrand?.(config.ok ? config.value.brand : undefined)
  deps.onLanguages?.(config.ok ? languageSettingsOf(config.value) : {})
  if (!config.ok) return { service: config, sandbox: false, close: nothingToClose, resetSandbox: null }

  // The id the service sends, read the way the configuration says (hardwareIdSource).
  const hardwareIdSource = deps.hardwareIdSource ?? createHardwareIdSource(config.value.hardwareIdSource ? { source: config.value.hardwareIdSource } : {})
  const create = (serverConfig: ServerConfig, sandbox: boolean, httpOrigins: HttpSignInOrigins) =>
    deps.createLicenseService({
      config: serverConfig,
      fetch: deps.fetch,
      openExternal: vettedOpenExternal(deps.openExternal, httpOrigins),
      app: deps.app,
      sandbox,
      ...(deps.warmer ? { warmer: deps.warmer } : {}),
      ...(deps.isOnline ? { isOnline: deps.isOnline } : {}),
      hardwareIdSource
    })

  if (isServerConfig(config.value)) {
    // A configured License API on this PC (a developer's sandbox) may send the browser to its own loopback pages.
    return {
      service: success(create(config.value, false, httpSignInOriginsFor(config.value.apiUrl))),
      sandbox: false,
      close: nothingToClose,
      resetSandbox: null
    }
  }

  // The sandbox pre-activates the id the service will send, so the first try needs no override.
  const thisPc = await hardwareIdSource.machine()
  let running: RunningSandbox
  try {
    running = await deps.startSandbox({ port: 0, quiet: true, ...(thisPc.ok ? { thisPcHardwareId: thisPc.value.id } : {}) })
  } catch {
    return { service: failure(describeError('sandbox_start_failed')), sandbox: false, close: nothingToClose, resetSandbox: null }
  }
  const serverConfig: ServerConfig = {
    ...config.value,
    apiUrl: running.apiUrl,
    auth: { scheme: 'hmac', apiKey: running.apiKey, sharedKey: running.sharedKey },
    // The sandbox knows its own bundles, so the success view can name the products freed.
    bundleProducts: config.value.bundleProducts ?? sandboxBundleProducts(running),
    // The sandbox signs its answers with its own key: the app checks them with its public half.
    publicKey: running.publicKey
  }
  try {
    return {
      service: success(create(serverConfig, true, sandboxSignInOrigins(running))),
      sandbox: true,
      close: () => running.close(),
      resetSandbox: () => running.reset()
    }
  } catch (error) {
    await running.close()
    throw error
  }
}

/**
 * The engine, started again by the next call after a failed start (a configuration fixed
 * since, a sandbox that could not start): what "Try again" on the start-up failure screen
 * relies on. Concurrent calls share one start; a running engine is never restarted.
 */
export function restartingOnFailure(start: () => Promise<RunningEngine>): { current(): Promise<RunningEngine>; latest(): Promise<RunningEngine> } {
  let failed = false
  const begin = () => {
    failed = false
    const started = start()
    started.then(
      (engine) => void (failed = !engine.service.ok),
      () => void (failed = true)
    )
    return started
  }
  let latest = begin()
  return {
    current() {
      if (failed) latest = begin()
      return latest
    },
    latest: () => latest
  }
}

/**
 * Logs how the engine started (which configuration file, the server, or the error). A failed
 * start is logged once, here, and its error carries the reference: every window call then
 * answers with it, and the start-up failure screen shows it.
 */
export async function withStartLogged(logger: Logger, configFields: () => LogFields, start: () => Promise<RunningEngine>): Promise<RunningEngine> {
  const began = performance.now()
  const running = await start()
  const durationMs = performance.now() - began
  if (running.service.ok) {
    const { server } = running.service.value.appInfo()
    logger.write('info', 'engine.start', { result: 'ok', sandbox: running.sandbox, server, ...configFields(), durationMs: Math.round(durationMs) })
    return running
  }
  const { error } = running.service
  const reference = logOutcome(logger, 'engine.start', running.service, { durationMs, fields: { explanation: error.explanation, ...configFields() } })
  return { ...running, service: failure({ ...error, reference }) }
}

/** What the start-up failure screen shows: the app, and this PC's id read the default way (the configuration may be what failed). */
export async function readStartupFacts(app: EngineStartupDeps['app'], hardwareIdSource: HardwareIdSource = createHardwareIdSource()): Promise<StartupFacts> {
  const id = await hardwareIdSource.machine()
  return { name: app.name, version: app.version, os: app.os, hardwareId: id.ok ? id.value : null }
}

/** Each of the sandbox's bundles with its products' codes, from its seed. */
export function sandboxBundleProducts(running: Pick<RunningSandbox, 'summary'>): BundleProducts {
  return Object.fromEntries(running.summary().bundles.map((bundle) => [bundle.code, bundle.products]))
}

/** In sandbox mode the browser may be sent over plain http to the sandbox's own provider, and nowhere else. */
function sandboxSignInOrigins(running: RunningSandbox): string[] {
  const issuer = running.summary().sso['issuer']
  return typeof issuer === 'string' && URL.canParse(issuer) ? [new URL(issuer).origin] : []
}

/** e.g. "linux 6.1.0-18-amd64 (x64)": what the diagnostics show as the OS. */
export function describeOs(platform: string, release: string, arch: string): string {
  return `${platform} ${release} (${arch})`
}
