/**
 * Sandbox throughput: C concurrent clients, each on its own keep-alive socket and
 * its own licence, loop signed activate/deactivate pairs for a fixed time.
 *
 * The sandbox runs in its own process (bench/sandbox/host.ts) and this process is
 * the load generator, so on a 2-core machine each side has a core, the sandbox's
 * memory is its own, and the generator's CPU never steals from the server's event
 * loop (the sandbox's RSA signing runs on libuv's pool, which shares those cores).
 */
import { generateKeyPairSync, sign } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import { createFloorClient, DEFAULT_HEADER_TEMPLATE, type FloorClient, type WireAnswer } from '../clients/floor'
import type { HmacKeys } from '../clients/wire'
import type { MemorySnapshot } from '../sandbox/protocol'
import type { RemoteSandbox } from '../sandbox/remote'
import { licenceKeys } from '../sandbox/seed'
import { goal, type GoalResult } from '../lib/goals'
import { round, roundSummary, summarize, type Summary } from '../lib/stats'

export interface ThroughputOptions {
  clients: number
  warmupMs: number
  durationMs: number
  product: string
  /**
   * true: every pair uses a new hardware id, so each activation answer is signed
   * afresh (RSA-2048); false: each client re-activates its own device, whose
   * answer the sandbox may serve from its signature memo.
   */
  newDevicePerPair: boolean
  profileFile?: string
}

export interface ThroughputData {
  workload: string
  clients: number
  durationMs: number
  warmupMs: number
  generator: string
  /** Answers completed inside the measured window. */
  requests: number
  /** Non-200 answers over the whole run, warm-up included. */
  errors: number
  firstError?: string
  requestsPerSecond: number
  pairsPerSecond: number
  latency: Summary
  activateLatency: Summary
  deactivateLatency: Summary
  sandboxMemoryBefore: MemorySnapshot
  sandboxMemoryAfter: MemorySnapshot
  sandboxMemoryAfterGc: MemorySnapshot | null
  sandboxCountedRequests: number
  profile?: string
}

interface Sample {
  start: number
  end: number
  latency: number
  kind: 'activate' | 'deactivate'
}

async function timed(client: FloorClient, path: string, body: string): Promise<{ answer: WireAnswer; start: number; end: number }> {
  const start = performance.now()
  const answer = await client.post(path, body)
  return { answer, start, end: performance.now() }
}

export async function measureThroughput(sandbox: RemoteSandbox, keys: HmacKeys, options: ThroughputOptions): Promise<ThroughputData> {
  const clients = Array.from({ length: options.clients }, () =>
    createFloorClient({ apiUrl: sandbox.apiUrl, keys, headerTemplate: DEFAULT_HEADER_TEMPLATE, maxSockets: 1, timeoutMs: 10_000 })
  )
  const memoryBefore = (await sandbox.memory()).beforeGc
  const statsBefore = await sandbox.stats()
  const samples: Sample[] = []
  let errors = 0
  let firstError: string | undefined
  const begin = performance.now()
  const windowStart = begin + options.warmupMs
  const windowEnd = windowStart + options.durationMs

  const record = (kind: Sample['kind'], r: { answer: WireAnswer; start: number; end: number }, ok: boolean): void => {
    if (!ok) {
      errors++
      firstError ??= `${kind}: HTTP ${r.answer.status} ${r.answer.text.slice(0, 160)}`
    }
    samples.push({ start: r.start, end: r.end, latency: r.end - r.start, kind })
  }

  const loop = async (client: FloorClient, index: number): Promise<void> => {
    const fixedBody = JSON.stringify({ hardware_id: `bench-load-device-${index}`, product: options.product, license_key: licenceKeys.load(index) })
    // Pairs always complete, so every seat is free again when the run ends.
    for (let pair = 0; performance.now() < windowEnd; pair++) {
      const body = options.newDevicePerPair
        ? JSON.stringify({ hardware_id: `bench-load-device-${index}-${pair}`, product: options.product, license_key: licenceKeys.load(index) })
        : fixedBody
      const activation = await timed(client, 'activate_bundle', body)
      record('activate', activation, activation.answer.status === 200)
      const deactivation = await timed(client, 'deactivate_bundle', body)
      record('deactivate', deactivation, deactivation.answer.status === 200)
    }
  }

  // The sandbox's profiler covers the measured window only.
  let profiling: Promise<boolean> = Promise.resolve(false)
  const profileTimer = options.profileFile
    ? setTimeout(() => {
        profiling = sandbox.startProfile().then(
          () => true,
          () => false
        )
      }, options.warmupMs)
    : undefined
  try {
    await Promise.all(clients.map(loop))
  } finally {
    clearTimeout(profileTimer)
    for (const client of clients) client.close()
  }
  const profiled = await profiling
  if (profiled && options.profileFile) await sandbox.stopProfile(options.profileFile)
  const statsAfter = await sandbox.stats()
  const memory = await sandbox.memory()

  // Throughput: answers completed inside the window; latency: requests sent inside it.
  const completed = samples.filter((s) => s.end >= windowStart && s.end <= windowEnd)
  const inWindow = samples.filter((s) => s.start >= windowStart && s.start <= windowEnd)
  const seconds = options.durationMs / 1000
  const data: ThroughputData = {
    workload: options.newDevicePerPair
      ? 'a new hardware id every pair: each activation answer freshly RSA-signed'
      : "each client re-activates its own device: activation answers may come from the sandbox's signature memo",
    clients: options.clients,
    durationMs: options.durationMs,
    warmupMs: options.warmupMs,
    generator: 'this process (node:http keep-alive agents, one socket per client); sandbox in its own process',
    requests: completed.length,
    errors,
    requestsPerSecond: round(completed.length / seconds, 1),
    pairsPerSecond: round(completed.filter((s) => s.kind === 'deactivate').length / seconds, 1),
    latency: roundSummary(summarize(inWindow.map((s) => s.latency))),
    activateLatency: roundSummary(summarize(inWindow.filter((s) => s.kind === 'activate').map((s) => s.latency))),
    deactivateLatency: roundSummary(summarize(inWindow.filter((s) => s.kind === 'deactivate').map((s) => s.latency))),
    sandboxMemoryBefore: memoryBefore,
    sandboxMemoryAfter: memory.beforeGc,
    sandboxMemoryAfterGc: memory.afterGc,
    sandboxCountedRequests: statsAfter.requests - statsBefore.requests
  }
  if (firstError) data.firstError = firstError
  if (profiled && options.profileFile) data.profile = options.profileFile
  return data
}

export interface SigningCeiling {
  /** RSA-2048 PKCS#1 v1.5 signatures per second, async on libuv's pool, this machine's cores all busy. */
  signaturesPerSecond: number
  /**
   * Requests per second the new-device workload could reach if signing were the only work:
   * each pair is two requests and its activation two signatures (licence and body).
   */
  requestsPerSecondCeiling: number
}

/**
 * What the new-device workload costs at least: its RSA signatures, measured the way the
 * sandbox signs (crypto.sign with a callback, 16 in flight) for `durationMs`.
 */
export async function measureSigningCeiling(durationMs: number): Promise<SigningCeiling> {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const end = performance.now() + durationMs
  let signed = 0
  const worker = async (lane: number): Promise<void> => {
    for (let i = 0; performance.now() < end; i++) {
      await new Promise<void>((resolve, reject) =>
        sign('sha256', Buffer.from(`bench-${lane}-${i}`), privateKey, (error) => (error ? reject(error) : resolve()))
      )
      signed++
    }
  }
  const start = performance.now()
  await Promise.all(Array.from({ length: 16 }, (_, lane) => worker(lane)))
  const signaturesPerSecond = signed / ((performance.now() - start) / 1000)
  return { signaturesPerSecond: round(signaturesPerSecond, 0), requestsPerSecondCeiling: round(signaturesPerSecond, 0) }
}

/**
 * The goal: the new-device workload's req/s over the signing ceiling of the same run, at least
 * this share. No absolute req/s holds from one machine to the next; the ratio says how much of
 * what this machine's RSA signing allows the sandbox turns into answers.
 */
export const THROUGHPUT_GOAL_RATIO = 0.9

const perSecond = (n: number): string => Math.round(n).toLocaleString('en-US')

/** The goal row from the new-device run, with the same-device run and the ceiling beside it. */
export function throughputGoal(goalText: string, target: string, fresh: ThroughputData, repeat: ThroughputData, ceiling: SigningCeiling): GoalResult {
  const ratio = fresh.requestsPerSecond / ceiling.requestsPerSecondCeiling
  const errors = (d: ThroughputData): string => (d.errors ? `, ${d.errors} errors` : '')
  return goal(
    'sandbox-throughput',
    goalText,
    target,
    round(ratio, 2),
    `${ratio.toFixed(2)} (${perSecond(fresh.requestsPerSecond)} of ${perSecond(ceiling.requestsPerSecondCeiling)} req/s; p99 ${fresh.latency.p99.toFixed(1)} ms${errors(fresh)})`,
    ratio >= THROUGHPUT_GOAL_RATIO && fresh.errors === 0,
    `same device per client (signature memo, no RSA): ${perSecond(repeat.requestsPerSecond)} req/s at p99 ${repeat.latency.p99.toFixed(1)} ms${errors(repeat)}`
  )
}
