import { describeError } from '../../shared/errors'
import { failure, success, type Outcome } from '../../shared/outcome'
import type { RunningSandbox, SandboxOptions } from '../../sandbox/server'
import { isServerConfig, type EngineConfig, type ServerConfig } from '../engine/config'
import type { LicenseService, LicenseServiceDeps } from '../engine/service'

export interface EngineStartupDeps {
  /** The engine's `loadConfig` bound to this process's environment. */
  loadConfig: () => Outcome<EngineConfig>
  startSandbox: (options: SandboxOptions) => Promise<RunningSandbox>
  createLicenseService: (deps: LicenseServiceDeps) => LicenseService
  /** Electron's `net.fetch` in the app: system proxy and certificate store. */
  fetch: typeof fetch
  /** Already vetted (see external-url.ts). */
  openExternal: (url: string) => Promise<void>
  app: { name: string; version: string; os: string }
}

export interface RunningEngine {
  /** The service, or why there is none: every window call then answers with this error. */
  service: Outcome<LicenseService>
  /** True when the in-process sandbox serves the requests. */
  sandbox: boolean
  /** Stops the sandbox, if one was started. */
  close(): Promise<void>
}

const nothingToClose = async (): Promise<void> => undefined

/**
 * Builds the engine from configuration. Without a configured server the app starts
 * the sandbox in this process on a free loopback port and talks to it like any
 * server, with the sandbox's own API key; the window shows the sandbox banner.
 */
export async function startEngine(deps: EngineStartupDeps): Promise<RunningEngine> {
  const config = deps.loadConfig()
  if (!config.ok) return { service: config, sandbox: false, close: nothingToClose }

  const create = (serverConfig: ServerConfig, sandbox: boolean) =>
    deps.createLicenseService({ config: serverConfig, fetch: deps.fetch, openExternal: deps.openExternal, app: deps.app, sandbox })

  if (isServerConfig(config.value)) return { service: success(create(config.value, false)), sandbox: false, close: nothingToClose }

  let running: RunningSandbox
  try {
    running = await deps.startSandbox({ port: 0, quiet: true })
  } catch {
    return { service: failure(describeError('sandbox_start_failed')), sandbox: false, close: nothingToClose }
  }
  const serverConfig: ServerConfig = {
    ...config.value,
    apiUrl: running.apiUrl,
    auth: { scheme: 'hmac', apiKey: running.apiKey, sharedKey: running.sharedKey }
  }
  try {
    return { service: success(create(serverConfig, true)), sandbox: true, close: () => running.close() }
  } catch (error) {
    await running.close()
    throw error
  }
}

/** e.g. "linux 6.1.0-18-amd64 (x64)": what the diagnostics show as the OS. */
export function describeOs(platform: string, release: string, arch: string): string {
  return `${platform} ${release} (${arch})`
}
