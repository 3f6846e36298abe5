/**
 * Click to confirmation on a slow link: the sandbox serves the License API over TLS
 * (a certificate made for this run, trusted explicitly by each client) behind an
 * emulated link per sample that adds `oneWayDelayMs` each way (bench/lib/emulated-link.ts).
 * For every login method and every time the form stays open before the click, the
 * engine (with its warm-up) and LicenseSpring's Node SDK (in its own process) each
 * deactivate one seat per sample; the sandbox host counts, per link, connections,
 * TLS handshakes (full or resumed) and requests.
 *
 * The click is the service call the window's IPC handler makes (the engine) or the
 * SDK's deactivateBundle; for SSO it is the moment the browser's callback hands over
 * the code, the sign-in having taken the given time.
 */
import type { DeactivationRequestInput } from '../../src/shared/request'
import type { ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import type { AuthConfig } from '../../src/main/engine/config'
import { createSsoBrowserFlow } from '../../src/main/engine/sso'
import { failure, success } from '../../src/shared/outcome'
import { describeError } from '../../src/shared/errors'
import { makeSelfSignedCertificate } from '../../test/node/reliability/support/untrusted-tls'
import type { EngineClickSpec } from '../clients/engine-click-child'
import type { SdkDeactivatePayload, SdkSampleConfig, SdkSsoUrlQuery } from '../clients/sdk-click-child'
import { signInThroughBrowser, type SignInBrowser } from '../clients/sso-browser'
import { forkTs, rpc, stopChild, waitForMessage, type RpcMessage } from '../lib/child'
import { summarizeClickRow, type ClickMethod, type ClickRow as ClickRowOf, type ClickSample } from '../lib/click-rows'
import { goal, notMeasured, type SectionOutcome } from '../lib/goals'
import { round } from '../lib/stats'
import type { LinkStats } from '../sandbox/protocol'
import { startRemoteSandbox, type RemoteSandbox } from '../sandbox/remote'
import { BENCH_BUNDLE, BENCH_CUSTOMER_ACCOUNT, benchCredentials, buildClickSeed, type ClickSeat } from '../sandbox/seed'

export type ClickClient = 'engine' | 'LicenseSpring Node SDK'
export type ClickRow = ClickRowOf<ClickClient>
const METHODS: readonly ClickMethod[] = ['licence key', 'username', 'OAuth (licence key)', 'SSO code (from callback)']
const CLIENTS: readonly ClickClient[] = ['engine', 'LicenseSpring Node SDK']
const SSO: ClickMethod = 'SSO code (from callback)'
/** Sign-ins this short end before a batch of them has started: they are not overlapped. */
const SHORT_SIGN_IN_MS = 10_000

export interface ClickOptions {
  /** How long the form is open before the click (SSO: how long the browser sign-in takes). */
  openForMs: number[]
  samples: number
  oneWayDelayMs: number
  /** The sandbox closes connections idle this long (a load balancer's idle timeout). */
  idleTimeoutMs: number
  /** Clicks are spread this far apart so they do not compete for the CPU. */
  staggerMs: number
  /** SSO: the form is open this long before the sign-in button is pressed. */
  ssoFormOpenMs: number
}

export interface ClickData {
  roundTripMs: number
  oneWayDelayMs: number
  idleTimeoutMs: number
  samplesPerRow: number
  rows: ClickRow[]
  notes: string[]
}

interface Plan {
  index: number
  method: ClickMethod
  client: ClickClient
  openForMs: number
  hardwareId: string
  seat: ClickSeat
  startAtMs: number
}

const isApiPath = (path: string): boolean => path.startsWith('/api/')
const apiCount = (byPath: Record<string, number>): number => Object.entries(byPath).reduce((n, [p, c]) => n + (isApiPath(p) ? c : 0), 0)
const SIGN_IN_URL_PATH = '/api/v4/sso_url'

/** Server time spent after `before` (the click's snapshot), the sign-in URL requests aside. */
function serverMsSince(before: LinkStats | undefined, after: LinkStats): number {
  let total = 0
  for (const [path, ms] of Object.entries(after.serverMsByPath)) {
    if (path !== SIGN_IN_URL_PATH) total += ms - (before?.serverMsByPath[path] ?? 0)
  }
  return total
}

type RunResult = Omit<ClickSample, 'connections' | 'tls' | 'requests' | 'serverMs' | 'apiRequestsBeforeClick'> & { beforeClick?: LinkStats }
const sleepUntil = (at: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, Math.max(0, at - performance.now())))

function seatFor(method: ClickMethod, index: number): ClickSeat {
  const hardwareId = `bench-click-${index}`
  if (method === 'username') return { kind: 'user', email: `bench.click.${index}@example.test`, password: `bench-click-password-${index}`, hardwareId }
  if (method === SSO) return { kind: 'sso', hardwareId }
  return { kind: 'key', licenseKey: `BNCH-CLCK-${String(index).padStart(4, '0')}`, hardwareId }
}

/**
 * A start time per form-open group, so that no group's clicks meet another group's
 * warm-ups or clicks (warm-ups may overlap each other).
 */
function groupOffsets(openForMs: readonly number[], windowFor: (openForMs: number) => number): Map<number, number> {
  const starts: Array<[number, number]> = []
  const clicks: Array<[number, number]> = []
  const clear = (busy: Array<[number, number]>, from: number, to: number): boolean => busy.every(([a, b]) => to <= a || from >= b)
  const offsets = new Map<number, number>()
  for (const d of [...openForMs].sort((a, b) => b - a)) {
    const windowMs = windowFor(d)
    let t = 0
    while (!(clear(clicks, t, t + windowMs) && clear(starts, t + d, t + d + windowMs) && clear(clicks, t + d, t + d + windowMs))) t += 1000
    starts.push([t, t + windowMs])
    clicks.push([t + d, t + d + windowMs])
    offsets.set(d, t)
  }
  return offsets
}

function buildPlan(options: ClickOptions): Plan[] {
  const plans: Plan[] = []
  // Interleaved, so each method and client meets the same machine load; the SSO
  // samples last and wider apart, their callbacks (and the browser's work) after the other clicks.
  const order: ClickMethod[] = []
  for (const batch of [METHODS.filter((m) => m !== SSO), [SSO]]) for (let n = 0; n < options.samples; n++) order.push(...batch)
  // A short sign-in would end while the next ones start: their sign-in pages and the provider's
  // work would then share the machine with its timed callback. Short sign-ins run one after another.
  const slotMs = (method: ClickMethod, openForMs: number): number =>
    method !== SSO ? options.staggerMs : Math.max(2 * options.staggerMs, openForMs <= SHORT_SIGN_IN_MS ? options.ssoFormOpenMs + openForMs + 1_500 : 0)
  const windowFor = (openForMs: number): number =>
    order.reduce((sum, method) => sum + CLIENTS.length * slotMs(method, openForMs), 0) + options.ssoFormOpenMs + 5_000
  const offsets = groupOffsets(options.openForMs, windowFor)
  let index = 0
  for (const openForMs of options.openForMs) {
    let at = offsets.get(openForMs) ?? 0
    for (const method of order) {
      for (const client of CLIENTS) {
        const seat = seatFor(method, index)
        plans.push({ index: index++, method, client, openForMs, hardwareId: seat.hardwareId, seat, startAtMs: at })
        at += slotMs(method, openForMs)
      }
    }
  }
  return plans
}

interface Environment {
  sandbox: RemoteSandbox
  certificate: { key: string; cert: string }
  engine: ChildProcess
  sdk: ChildProcess
  signInOrigin: string
  browser: SignInBrowser
  options: ClickOptions
}

function deactivateInput(plan: Plan): DeactivationRequestInput {
  const seat = plan.seat
  if (seat.kind === 'key') return { product: BENCH_BUNDLE, credentials: { method: 'license-key', licenseKey: seat.licenseKey } }
  if (seat.kind === 'user') return { product: BENCH_BUNDLE, credentials: { method: 'user', username: seat.email, password: seat.password } }
  throw new Error('A company sign-in seat deactivates through the browser sign-in, not with typed credentials.')
}

function linkUrls(env: Environment, port: number): { apiUrl: string; tokenUrl: string } {
  const tokenUrl = new URL(env.sandbox.oauth.tokenUrl)
  tokenUrl.port = String(port)
  return { apiUrl: `https://127.0.0.1:${port}/api/v4/`, tokenUrl: tokenUrl.href }
}

async function runEngineSample(env: Environment, plan: Plan, port: number, link: number): Promise<RunResult> {
  const { apiUrl, tokenUrl } = linkUrls(env, port)
  const auth: AuthConfig =
    plan.method === 'OAuth (licence key)'
      ? { scheme: 'oauth', tokenUrl, clientId: env.sandbox.oauth.clientId, clientSecret: env.sandbox.oauth.clientSecret }
      : { scheme: 'hmac', apiKey: env.sandbox.apiKey, sharedKey: env.sandbox.sharedKey }
  const spec: EngineClickSpec = {
    sample: plan.index,
    apiUrl,
    auth,
    caPem: env.certificate.cert,
    hardwareId: plan.hardwareId,
    openForMs: plan.openForMs,
    signInOrigin: env.signInOrigin,
    ...(plan.method === SSO
      ? { sso: { product: BENCH_BUNDLE, customerAccountCode: BENCH_CUSTOMER_ACCOUNT, formOpenMs: env.options.ssoFormOpenMs } }
      : { input: deactivateInput(plan) })
  }
  let before: LinkStats | undefined
  const onMessage = (message: RpcMessage): void => {
    if (message.sample !== plan.index) return
    if (message.type === 'open-browser') void env.browser.open(String(message.url), Number(message.pauseMs)).catch(() => undefined)
    if (message.type === 'before-click') {
      void env.sandbox
        .linkStats(link)
        .then(
          (stats) => (before = stats),
          () => undefined
        )
        .finally(() => env.engine.send({ type: 'click', sample: plan.index }))
    }
  }
  env.engine.on('message', onMessage)
  try {
    const answer = await rpc<RpcMessage & { ok: boolean; ms: number; error?: string }>(env.engine, { type: 'run', spec }, plan.openForMs + 180_000)
    return { ok: answer.ok, ms: answer.ms, ...(before ? { beforeClick: before } : {}), ...(answer.error ? { error: answer.error } : {}) }
  } finally {
    env.engine.off('message', onMessage)
  }
}

async function runSdkSample(env: Environment, plan: Plan, port: number, link: number): Promise<RunResult> {
  const { apiUrl, tokenUrl } = linkUrls(env, port)
  const config: SdkSampleConfig = {
    apiUrl,
    publicKey: env.sandbox.publicKey,
    hardwareId: plan.hardwareId,
    auth:
      plan.method === 'OAuth (licence key)'
        ? { tokenUrl, clientId: env.sandbox.oauth.clientId, clientSecret: env.sandbox.oauth.clientSecret }
        : { apiKey: env.sandbox.apiKey, sharedKey: env.sandbox.sharedKey }
  }
  const shown = performance.now()
  await rpc(env.sdk, { type: 'prepare', sample: plan.index, config })
  type Clicked = RpcMessage & { ms: number; ok: boolean; error?: string }
  if (plan.method !== SSO) {
    await sleepUntil(shown + plan.openForMs)
    const before = await env.sandbox.linkStats(link)
    const seat = plan.seat
    const payload: SdkDeactivatePayload =
      seat.kind === 'user'
        ? { username: seat.email, password: seat.password, hardware_id: plan.hardwareId, product: BENCH_BUNDLE }
        : { license_key: seat.kind === 'key' ? seat.licenseKey : '', hardware_id: plan.hardwareId, product: BENCH_BUNDLE }
    const answer = await rpc<Clicked>(env.sdk, { type: 'click', sample: plan.index, payload }, 30_000)
    return { ok: answer.ok, ms: answer.ms, beforeClick: before, ...(answer.error ? { error: answer.error } : {}) }
  }
  await sleepUntil(shown + env.options.ssoFormOpenMs)
  const before = await env.sandbox.linkStats(link)
  // The engine's loopback flow receives the code; the SDK asks for the sign-in URL and redeems the code.
  const flow = createSsoBrowserFlow({
    timeoutMs: plan.openForMs + 120_000,
    httpSignInOrigins: [env.signInOrigin],
    openExternal: (url) => env.browser.open(url, plan.openForMs),
    async requestSsoUrl(query) {
      const sdkQuery: SdkSsoUrlQuery = { product: query.product, customer_account_code: query.customerAccountCode, response_type: 'code' }
      const answer = await rpc<RpcMessage & { url?: string; error?: string }>(env.sdk, { type: 'sso-url', sample: plan.index, query: sdkQuery }, 30_000)
      return answer.url ? success({ url: answer.url }) : failure(describeError('unexpected_response'))
    }
  })
  const signIn = await flow.signIn({ product: BENCH_BUNDLE, customerAccountCode: BENCH_CUSTOMER_ACCOUNT, grant: 'code' }, () => undefined)
  if (!signIn.ok || signIn.value.kind !== 'code') return { ok: false, ms: Number.NaN, beforeClick: before, error: signIn.ok ? 'no code' : signIn.error.code }
  // The code is redeemed with the redirect URI it was issued for (the SDK's `redirect_uri`).
  const { code, redirectUri } = signIn.value
  const payload = {
    code,
    customer_account_code: BENCH_CUSTOMER_ACCOUNT,
    hardware_id: plan.hardwareId,
    product: BENCH_BUNDLE,
    ...(redirectUri ? { redirect_uri: redirectUri } : {})
  }
  const answer = await rpc<Clicked>(env.sdk, { type: 'deactivate-code', sample: plan.index, payload }, 30_000)
  return { ok: answer.ok, ms: answer.ms, beforeClick: before, ...(answer.error ? { error: answer.error } : {}) }
}

async function runSample(env: Environment, plan: Plan, begin: number): Promise<ClickSample> {
  await sleepUntil(begin + plan.startAtMs)
  const { link, port } = await env.sandbox.openLink(env.options.oneWayDelayMs)
  let result: RunResult
  try {
    result = plan.client === 'engine' ? await runEngineSample(env, plan, port, link) : await runSdkSample(env, plan, port, link)
  } catch (error) {
    result = { ok: false, ms: Number.NaN, error: error instanceof Error ? error.message : String(error) }
  }
  const stats: LinkStats = await env.sandbox.linkStats(link)
  const { beforeClick, ...sample } = result
  return {
    ...sample,
    apiRequestsBeforeClick: beforeClick ? apiCount(beforeClick.byPath) : 0,
    serverMs: round(serverMsSince(beforeClick, stats), 2),
    connections: stats.connections,
    tls: stats.tls,
    requests: stats.byPath
  }
}

export const CLICK_GOAL = 'click-to-confirmation'
export const CLICK_GOAL_TEXT = "Click to confirmation, 100 ms RTT, less the server's own time (engine, median)"
const GOAL_TARGET = '≤ 1.2 round trips'

/** The goal covers every engine row, SSO only where the sign-in took under a minute. */
export function clickGoal(data: ClickData) {
  const covered = data.rows.filter((r) => r.client === 'engine' && (r.method !== SSO || r.openForMs < 60_000))
  const measured = covered.filter((r) => Number.isFinite(r.medianLessServerRoundTrips))
  const failures = covered.reduce((n, r) => n + r.failures, 0)
  const failed = failures
    ? `${failures} of ${covered.reduce((n, r) => n + r.samples.length, 0)} engine samples failed (${[...new Set(covered.flatMap((r) => r.samples.filter((s) => !s.ok).map((s) => `${r.method}: ${s.error ?? '?'}`)))].join('; ')})`
    : undefined
  if (measured.length === 0) return notMeasured(CLICK_GOAL, CLICK_GOAL_TEXT, GOAL_TARGET, failed ?? 'no engine row')
  const worst = measured.reduce((a, b) => (b.medianLessServerRoundTrips > a.medianLessServerRoundTrips ? b : a))
  const met = failures === 0 && measured.length === covered.length && measured.every((r) => r.medianLessServerRoundTrips <= 1.2)
  const sdk = data.rows.find((r) => r.client !== 'engine' && r.method === worst.method && r.openForMs === worst.openForMs)
  return goal(
    CLICK_GOAL,
    CLICK_GOAL_TEXT.replace('100 ms', `${data.roundTripMs} ms`),
    GOAL_TARGET,
    worst.medianLessServerRoundTrips,
    `worst ${worst.medianLessServerRoundTrips.toFixed(2)} RTT = ${worst.medianLessServerMs.toFixed(0)} ms (${worst.method}, ${worst.openForMs / 1000} s; p90 ${worst.p90LessServerRoundTrips.toFixed(2)}; with the server's ${worst.medianServerMs.toFixed(0)} ms ${worst.medianRoundTrips.toFixed(2)} RTT)${sdk && Number.isFinite(sdk.medianLessServerRoundTrips) ? `; SDK there ${sdk.medianLessServerRoundTrips.toFixed(2)} RTT` : ''}`,
    met,
    failed
  )
}

export async function measureClickToConfirmation(options: ClickOptions, log: (message: string) => void): Promise<SectionOutcome<ClickData>> {
  const roundTripMs = 2 * options.oneWayDelayMs
  const plans = buildPlan(options)
  const certificate = makeSelfSignedCertificate()
  const dir = mkdtempSync(join(tmpdir(), 'lm-bench-ca-'))
  const caFile = join(dir, 'test-ca.pem')
  writeFileSync(caFile, certificate.cert)
  const closers: Array<() => Promise<void>> = [async () => rmSync(dir, { recursive: true, force: true })]
  try {
    const sandbox = await startRemoteSandbox({
      sso: true,
      seed: buildClickSeed(plans.map((p) => p.seat)),
      tls: certificate,
      idleTimeoutMs: options.idleTimeoutMs
    })
    closers.push(() => sandbox.close())
    const sdk = forkTs('bench/clients/sdk-click-child.ts', [], [], { NODE_EXTRA_CA_CERTS: caFile })
    closers.push(() => stopChild(sdk))
    const engine = forkTs('bench/clients/engine-click-child.ts')
    closers.push(() => stopChild(engine))
    // Every sample in flight waits on its child's messages at once.
    for (const child of [sdk, engine]) child.setMaxListeners(2 * plans.length + 10)
    await Promise.all([waitForMessage(sdk, 'ready', 30_000), waitForMessage(engine, 'ready', 30_000)])
    const browser = await signInThroughBrowser(benchCredentials.ssoUser)
    closers.push(() => browser.close())
    const env: Environment = { sandbox, certificate, engine, sdk, browser, options, signInOrigin: sandbox.ssoIssuer }
    const active = browser.unavailable ? plans.filter((p) => p.method !== SSO) : plans

    log(
      `click to confirmation: ${active.length} samples (${options.samples} per row), form open ${options.openForMs.map((ms) => `${ms / 1000} s`).join(' / ')}, ${roundTripMs} ms RTT, idle timeout ${options.idleTimeoutMs / 1000} s…`
    )
    const begin = performance.now()
    const samples = await Promise.all(active.map((plan) => runSample(env, plan, begin)))

    const rows: ClickRow[] = []
    for (const openForMs of options.openForMs) {
      for (const method of METHODS) {
        for (const client of CLIENTS) {
          const picked = active
            .map((p, i) => ({ p, s: samples[i]! }))
            .filter(({ p }) => p.method === method && p.client === client && p.openForMs === openForMs)
          if (picked.length)
            rows.push(
              summarizeClickRow(
                { method, client, openForMs },
                picked.map((x) => x.s),
                roundTripMs
              )
            )
        }
      }
    }
    const notes = [
      `Engine and SDK each run in their own process, apart from the bench's browser driver.`,
      `Sandbox over TLS 1.3 with a certificate made for this run: the engine trusts it through its fetch's CA option, the SDK (own process) through NODE_EXTRA_CA_CERTS; verification stays on.`,
      `Each sample has its own emulated link (${options.oneWayDelayMs} ms each way, plus one round trip for a new connection's TCP handshake) and its own client; names resolve locally, so a cold DNS lookup would add to the clients that connect at the click.`,
      `The sandbox closes connections idle for ${options.idleTimeoutMs / 1000} s; the SDK uses Node's global-agent options (keep-alive, 5 s idle timeout).`,
      `SSO: the form is open ${options.ssoFormOpenMs / 1000} s before the sign-in button, the browser sign-in takes the listed time; timed from the callback's code to the confirmation. The SDK's deactivateBundle accepts no code: its request layer sends the same call.`,
      `${options.samples} samples per row, clicks ${options.staggerMs} ms apart (SSO sign-ins ${2 * options.staggerMs} ms; sign-ins of ${SHORT_SIGN_IN_MS / 1000} s or less one after another, so no other sign-in's pages load during a timed callback), each form-open time in a window of its own; p90 of so few samples is close to the maximum.`,
      ...(browser.unavailable ? [`SSO not measured: ${browser.unavailable}`] : []),
      ...(browser.failures.length ? [`Browser sign-ins that failed: ${[...new Set(browser.failures)].join('; ')}`] : [])
    ]
    const data: ClickData = {
      roundTripMs,
      oneWayDelayMs: options.oneWayDelayMs,
      idleTimeoutMs: options.idleTimeoutMs,
      samplesPerRow: options.samples,
      rows,
      notes
    }
    return { data, goals: [clickGoal(data)] }
  } finally {
    for (const close of closers.reverse()) await close().catch(() => undefined)
  }
}
