/**
 * Child process: the engine for the click-to-confirmation bench, in its own process
 * like the SDK, so neither shares an event loop with the bench's browser driver.
 * Each sample is a fresh service, as the app builds it, on Node's fetch through the
 * engine's connection pool (trusting the run's test certificate) with its warm-up.
 *
 * Protocol over IPC: `run` (answered with `ran`, carrying the request's id); while a
 * sample runs the child asks `before-click` and waits for `click` (the bench counts
 * what was sent before the click), and asks the bench to `open-browser` for SSO.
 */
import { performance } from 'node:perf_hooks'
import type { AuthConfig } from '../../src/main/engine/config'
import { createNodeConnections } from '../../src/main/engine/node-connections'
import { createLicenseService } from '../../src/main/engine/service'
import type { DeactivationRequestInput } from '../../src/shared/request'
import { BENCH_APP } from './engine'
import { speakEnglish } from '../../src/shared/i18n/english'

speakEnglish()

type Message = { id?: number | undefined; type: string; [key: string]: unknown }

export interface EngineClickSpec {
  sample: number
  apiUrl: string
  auth: AuthConfig
  caPem: string
  hardwareId: string
  /** The sandbox's identity provider (plain http on loopback, beside the TLS License API). */
  signInOrigin: string
  /** The form is open this long before the click; SSO: the browser sign-in takes this long. */
  openForMs: number
  /** Absent: a browser sign-in (SSO code grant) for `sso`. */
  input?: DeactivationRequestInput
  sso?: { product: string; customerAccountCode: string; formOpenMs: number }
}

const send = (message: Message): void => {
  process.send?.(message)
}
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)))
const clicks = new Map<number, () => void>()

/** Tells the bench the click is next and waits for its go-ahead (untimed). */
function beforeClick(sample: number): Promise<void> {
  return new Promise((resolve) => {
    clicks.set(sample, resolve)
    send({ type: 'before-click', sample })
  })
}

async function run(spec: EngineClickSpec): Promise<{ ok: boolean; ms: number; error?: string }> {
  const connections = createNodeConnections({ ca: spec.caPem })
  const service = createLicenseService({
    config: {
      apiUrl: spec.apiUrl,
      auth: spec.auth,
      defaultProduct: '',
      defaultCustomerAccount: '',
      timeoutMs: 15_000,
      ssoTimeoutMs: spec.openForMs + 120_000,
      ssoTokenField: 'access_token',
      warmUp: true
    },
    fetch: connections.fetch,
    warmer: connections.warmer,
    openExternal: async (url) => send({ type: 'open-browser', sample: spec.sample, url, pauseMs: spec.openForMs }),
    machineId: () => spec.hardwareId,
    httpSignInOrigins: [spec.signInOrigin],
    app: BENCH_APP,
    sandbox: true
  })
  try {
    const shown = performance.now()
    service.warmUp()
    if (spec.input) {
      await sleep(shown + spec.openForMs - performance.now())
      await beforeClick(spec.sample)
      const start = performance.now()
      const outcome = await service.deactivate(spec.input)
      const ms = performance.now() - start
      return outcome.ok ? { ok: true, ms } : { ok: false, ms, error: outcome.error.code }
    }
    const sso = spec.sso!
    await sleep(shown + sso.formOpenMs - performance.now())
    await beforeClick(spec.sample)
    let callbackAt = Number.NaN
    const outcome = await service.deactivateWithSso({ product: sso.product, customerAccountCode: sso.customerAccountCode, grant: 'code' }, (progress) => {
      if (progress.stage === 'deactivating') callbackAt = performance.now()
    })
    const ms = performance.now() - callbackAt
    return outcome.ok ? { ok: true, ms } : { ok: false, ms, error: outcome.error.code }
  } finally {
    service.stopWarmUp()
    await connections.close()
  }
}

process.on('message', (message: Message) => {
  if (message.type === 'click') {
    const go = clicks.get(Number(message.sample))
    clicks.delete(Number(message.sample))
    go?.()
    return
  }
  if (message.type === 'close') process.exit(0)
  if (message.type !== 'run') return
  run(message.spec as EngineClickSpec).then(
    (result) => send({ id: message.id, type: 'ran', ...result }),
    (error: unknown) => send({ id: message.id, type: 'ran', ok: false, ms: Number.NaN, error: error instanceof Error ? error.message : String(error) })
  )
})
process.on('disconnect', () => process.exit(0))
send({ type: 'ready' })
