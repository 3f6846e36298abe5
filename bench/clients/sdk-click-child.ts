/**
 * Child process: LicenseSpring's Node SDK for the click-to-confirmation bench. It
 * runs apart because the SDK (axios on node:https) trusts the bench's test CA only
 * through NODE_EXTRA_CA_CERTS, which Node reads at start. Each sample gets its own
 * LicenseAPI, as an app that opened its form would have, and its own https.Agent with
 * the options of Node's global agent (keep-alive, 5 s idle timeout), so no sample
 * reuses another's connection. Calls run one at a time: the agent is axios's default.
 *
 * Protocol over IPC (answers carry the request's id): prepare, click, sso-url,
 * deactivate-code, close.
 */
import { Agent, globalAgent } from 'node:https'
import { createRequire } from 'node:module'
import { performance } from 'node:perf_hooks'
import { LicenseAPI } from '@licensespring/node-sdk'

type Message = { id?: number | undefined; type: string; [key: string]: unknown }

export interface SdkSampleConfig {
  apiUrl: string
  publicKey: string
  hardwareId: string
  auth: { apiKey: string; sharedKey: string } | { tokenUrl: string; clientId: string; clientSecret: string }
}

/*
 * What the bench hands the SDK's deactivateBundle and getSSOUrl, as the License API documents them:
 * the SDK's own parameter types come from json-schema-to-ts, which it does not install.
 */
export type SdkDeactivatePayload = { product: string; hardware_id: string } & ({ license_key: string } | { username: string; password: string })
export type SdkSsoUrlQuery = { product: string; customer_account_code: string; response_type: 'code' | 'token' }

/** The SDK's own axios instance, whose defaults its requests use. */
const axios = createRequire(require.resolve('@licensespring/node-sdk'))('axios') as { defaults: { httpsAgent?: Agent } }

interface Sample {
  api: LicenseAPI
  agent: Agent
}

const samples = new Map<number, Sample>()
let queue: Promise<unknown> = Promise.resolve()

const send = (message: Message): void => {
  process.send?.(message)
}

function describe(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error) return String(error.code)
  return error instanceof Error ? error.message : String(error)
}

function create(config: SdkSampleConfig): Sample {
  const common = {
    apiPath: config.apiUrl,
    publicKey: config.publicKey,
    hardwareID: config.hardwareId,
    appName: 'license-manager-bench',
    appVersion: '0.0.0',
    logLevel: 'off' as const
  }
  const api =
    'apiKey' in config.auth
      ? new LicenseAPI({ ...common, apiKey: config.auth.apiKey, sharedKey: config.auth.sharedKey })
      : new LicenseAPI({ ...common, clientID: config.auth.clientId, clientSecret: config.auth.clientSecret, tokenUrl: config.auth.tokenUrl })
  const { keepAlive, scheduling, timeout } = globalAgent.options
  return { api, agent: new Agent({ keepAlive, scheduling, timeout }) }
}

/** Runs one SDK call on the sample's agent, timed from its start to its answer. */
function timed(sample: Sample, call: (api: LicenseAPI) => Promise<unknown>): Promise<{ ms: number; value?: unknown; error?: string }> {
  const run = async () => {
    axios.defaults.httpsAgent = sample.agent
    const start = performance.now()
    try {
      const value = await call(sample.api)
      return { ms: performance.now() - start, value }
    } catch (error) {
      return { ms: performance.now() - start, error: describe(error) }
    }
  }
  const result = queue.then(run)
  queue = result.catch(() => undefined)
  return result
}

function sampleOf(message: Message): Sample {
  const sample = samples.get(Number(message.sample))
  if (!sample) throw new Error(`no sample ${String(message.sample)}`)
  return sample
}

async function handle(message: Message): Promise<void> {
  switch (message.type) {
    case 'prepare':
      samples.set(Number(message.sample), create(message.config as SdkSampleConfig))
      send({ id: message.id, type: 'prepared' })
      return
    case 'click': {
      const payload = message.payload as SdkDeactivatePayload
      const result = await timed(sampleOf(message), (api) => api.deactivateBundle(payload))
      send({ id: message.id, type: 'clicked', ms: result.ms, ok: result.value === true, ...(result.error ? { error: result.error } : {}) })
      return
    }
    case 'sso-url': {
      const query = message.query as SdkSsoUrlQuery
      const result = await timed(sampleOf(message), (api) => api.getSSOUrl(query))
      const url = (result.value as { url?: unknown } | undefined)?.url
      send({ id: message.id, type: 'sso-url', ...(typeof url === 'string' ? { url } : { error: result.error ?? 'no url' }) })
      return
    }
    case 'deactivate-code': {
      // The SDK's deactivateBundle accepts no SSO code: the same call through its own request layer.
      const payload = message.payload as Record<string, unknown>
      const result = await timed(sampleOf(message), async (api) => {
        const service = (api as unknown as { service: { postRequest(path: string, body: unknown): Promise<{ response: unknown }> } }).service
        return (await service.postRequest('deactivate_bundle', payload)).response
      })
      send({ id: message.id, type: 'clicked', ms: result.ms, ok: result.value === 'license_deactivated', ...(result.error ? { error: result.error } : {}) })
      return
    }
    case 'close':
      for (const sample of samples.values()) sample.agent.destroy()
      process.exit(0)
      return
    default:
      throw new Error(`unknown request ${message.type}`)
  }
}

process.on('message', (message: Message) => {
  void handle(message).catch((error: unknown) => send({ id: message.id, type: 'error', message: describe(error) }))
})
process.on('disconnect', () => process.exit(0))
send({ type: 'ready' })
