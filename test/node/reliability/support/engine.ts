import type { AuthConfig, ServerConfig } from '../../../../src/main/engine/config'
import { createLicenseService, type LicenseService } from '../../../../src/main/engine/service'
import type { Outcome } from '../../../../src/shared/outcome'

export const APP = { name: 'License Manager', version: '0.1.0-reliability', os: 'linux test (x64)' }

export interface EngineOptions {
  apiUrl: string
  auth?: AuthConfig
  fetch?: typeof fetch
  timeoutMs?: number
  ssoTimeoutMs?: number
  openExternal?: (url: string) => Promise<void>
  ssoTokenField?: ServerConfig['ssoTokenField']
}

export const TEST_AUTH: AuthConfig = { scheme: 'hmac', apiKey: 'reliability-api-key', sharedKey: 'reliability-shared-key-0f3a9c' }

/** The engine's service as the app and the CLI build it, against any server. */
export function engineService(options: EngineOptions): LicenseService {
  return createLicenseService({
    config: {
      apiUrl: options.apiUrl,
      auth: options.auth ?? TEST_AUTH,
      defaultProduct: 'office-suite',
      defaultCustomerAccount: '',
      timeoutMs: options.timeoutMs ?? 5_000,
      ssoTimeoutMs: options.ssoTimeoutMs ?? 10_000,
      ssoTokenField: options.ssoTokenField ?? 'access_token'
    },
    fetch: options.fetch ?? fetch,
    openExternal: options.openExternal ?? (async () => undefined),
    machineId: () => 'reliability-machine-0001',
    app: APP,
    sandbox: false
  })
}

/** The error code of a failed outcome, or "ok". */
export const codeOf = (outcome: Outcome<unknown>): string => (outcome.ok ? 'ok' : outcome.error.code)

/** Runs `work` and returns its result with the elapsed milliseconds. */
export async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now()
  const value = await work()
  return { value, ms: performance.now() - started }
}
