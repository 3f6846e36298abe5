/**
 * Where ky's time goes on one deactivate_bundle call, and which options buy it
 * back. Two views:
 *  - micro costs: the Web-API objects ky builds per call, timed in a tight loop;
 *  - variants: the same signed POST through fetch and several ky set-ups, timed
 *    against the sandbox with the same activate/deactivate rounds as the overhead
 *    section, so the figures line up with it.
 */
import { performance } from 'node:perf_hooks'
import ky, { type KyInstance, type Options } from 'ky'
import { expectDeactivated, type FloorClient } from '../clients/floor'
import { signedHeaders, type HmacKeys } from '../clients/wire'
import { runRounds, type TimedDeactivator } from '../lib/rounds'
import { round, roundSummary, summarize, type Summary } from '../lib/stats'

export interface MicroCost {
  operation: string
  microseconds: number
}

export interface VariantResult {
  name: string
  options: string
  latency: Summary
  /** Median minus the floor's median, in ms. */
  overMedianFloor: number
}

export interface KyAnatomyData {
  micro: MicroCost[]
  variants: VariantResult[]
}

export interface KyAnatomyOptions {
  apiUrl: string
  keys: HmacKeys
  floor: TimedDeactivator
  armer: FloorClient
  activationBody: string
  deactivationBody: Record<string, unknown>
  rounds: number
  warmupRounds: number
  timeoutMs: number
}

function timeLoop(iterations: number, body: () => unknown): number {
  for (let i = 0; i < Math.min(2000, iterations); i++) body()
  const start = performance.now()
  for (let i = 0; i < iterations; i++) body()
  return ((performance.now() - start) * 1000) / iterations
}

async function timeAsyncLoop(iterations: number, body: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 500; i++) await body()
  const start = performance.now()
  for (let i = 0; i < iterations; i++) await body()
  return ((performance.now() - start) * 1000) / iterations
}

/** Per-call costs of the objects ky allocates, without any network. */
export async function measureMicroCosts(apiUrl: string, body: string): Promise<MicroCost[]> {
  const url = `${apiUrl}deactivate_bundle`
  const headers = { 'content-type': 'application/json', accept: 'application/json', date: new Date().toUTCString(), authorization: 'x' }
  const n = 20_000
  const request = (): Request => new Request(url, { method: 'POST', headers, body, duplex: 'half' })
  const costs: MicroCost[] = [
    { operation: 'new Headers(4 entries)', microseconds: timeLoop(n, () => new Headers(headers)) },
    { operation: 'new Request(url, {POST, headers, string body})', microseconds: timeLoop(n, request) },
    { operation: 'request.clone() (tees the body stream)', microseconds: timeLoop(n, () => request().clone()) - timeLoop(n, request) },
    { operation: 'new AbortController()', microseconds: timeLoop(n, () => new AbortController()) },
    { operation: 'AbortSignal.timeout(15000)', microseconds: timeLoop(n / 4, () => AbortSignal.timeout(15_000)) },
    {
      operation: 'AbortSignal.any([user signal, ky controller])',
      microseconds: timeLoop(n / 4, () => AbortSignal.any([new AbortController().signal, new AbortController().signal]))
    },
    { operation: 'setTimeout + clearTimeout', microseconds: timeLoop(n, () => clearTimeout(setTimeout(() => undefined, 15_000))) },
    {
      operation: 'new Response(text).clone() + read both',
      microseconds: await timeAsyncLoop(n / 4, async () => {
        const response = new Response('"license_deactivated"')
        const copy = response.clone()
        await Promise.all([response.text(), copy.text()])
      })
    },
    {
      operation: 'new Response(text) + read once',
      microseconds: await timeAsyncLoop(n / 4, async () => new Response('"license_deactivated"').text())
    }
  ]
  return costs.map((c) => ({ operation: c.operation, microseconds: round(c.microseconds, 2) }))
}

/** Builds the timed variants: one bare fetch, then ky from defaults to fully tuned. */
export function buildVariants(options: KyAnatomyOptions): Array<TimedDeactivator & { options: string }> {
  const bodyText = JSON.stringify(options.deactivationBody)
  const url = `${options.apiUrl}deactivate_bundle`
  const base = { 'content-type': 'application/json', accept: 'application/json' }
  const headers = (): Record<string, string> => ({ ...base, ...signedHeaders(options.keys) })
  const check = (status: number, text: string): void => expectDeactivated({ status, text })

  const viaKy = (
    name: string,
    described: string,
    client: KyInstance,
    extra: () => Options,
    read: 'text' | 'json' | 'response'
  ): TimedDeactivator & { options: string } => ({
    name,
    options: described,
    async deactivate() {
      const call = client.post('deactivate_bundle', { json: options.deactivationBody, headers: headers(), ...extra() })
      if (read === 'response') {
        const response = await call
        check(response.status, await response.text())
      } else if (read === 'json') {
        const value = await call.json<unknown>()
        check(200, JSON.stringify(value))
      } else {
        check(200, await call.text())
      }
    }
  })

  const prefixUrl = options.apiUrl
  const defaults = ky.create({ prefixUrl })
  const noRetryNoTimeout = ky.create({ prefixUrl, retry: 0, timeout: false, throwHttpErrors: false })
  const withHook = ky.create({
    prefixUrl,
    retry: 0,
    timeout: false,
    throwHttpErrors: false,
    hooks: { afterResponse: [(_request, _options, response) => response] }
  })

  return [
    {
      name: 'fetch (global, bare)',
      options: 'fetch(url, {method, headers, body}) → res.text()',
      async deactivate() {
        const response = await fetch(url, { method: 'POST', headers: headers(), body: bodyText })
        check(response.status, await response.text())
      }
    },
    {
      name: 'fetch as the engine could call it',
      options: "fetch(url, {method, headers, body: string, redirect: 'manual', signal: AbortSignal.timeout(ms)}) → content-type + res.text()",
      async deactivate() {
        const response = await fetch(url, {
          method: 'POST',
          headers: headers(),
          body: bodyText,
          redirect: 'manual',
          signal: AbortSignal.timeout(options.timeoutMs)
        })
        response.headers.get('content-type')
        check(response.status, await response.text())
      }
    },
    {
      name: 'fetch(new Request(url, init))',
      options: "a Request object instead of url+init (what ky passes): undici re-wraps it and makes its signal follow the input's",
      async deactivate() {
        const request = new Request(url, { method: 'POST', headers: headers(), body: bodyText, signal: new AbortController().signal })
        const response = await fetch(request)
        check(response.status, await response.text())
      }
    },
    {
      name: 'fetch(Request) after request.clone()',
      options: 'as above, plus the clone ky keeps for retries (tees the body stream), cancelled afterwards',
      async deactivate() {
        const request = new Request(url, { method: 'POST', headers: headers(), body: bodyText, signal: new AbortController().signal })
        const spare = request.clone()
        const response = await fetch(request)
        check(response.status, await response.text())
        void spare.body?.cancel().catch(() => undefined)
      }
    },
    viaKy(
      'ky defaults',
      'ky.create({prefixUrl}) · .post().text() (timeout 10 s via setTimeout race, retry object, throwHttpErrors)',
      defaults,
      () => ({}),
      'text'
    ),
    viaKy('ky defaults, .json()', 'as above but .json() (text + JSON.parse)', defaults, () => ({}), 'json'),
    viaKy(
      'ky retry 0, timeout false, throwHttpErrors false',
      'no timer race; ky still builds Request, clones it, makes an AbortController',
      noRetryNoTimeout,
      () => ({}),
      'response'
    ),
    viaKy(
      'ky tuned + signal AbortSignal.timeout',
      'as above + signal: AbortSignal.timeout(ms) (ky then calls AbortSignal.any)',
      noRetryNoTimeout,
      () => ({ signal: AbortSignal.timeout(options.timeoutMs) }),
      'response'
    ),
    viaKy('ky tuned + afterResponse hook', 'as tuned + one afterResponse hook (ky clones the Response for each hook)', withHook, () => ({}), 'response')
  ]
}

export async function measureKyAnatomy(options: KyAnatomyOptions): Promise<KyAnatomyData> {
  const micro = await measureMicroCosts(options.apiUrl, JSON.stringify(options.deactivationBody))
  const variants = buildVariants(options)
  const samples = await runRounds([options.floor, ...variants], {
    rounds: options.rounds,
    warmupRounds: options.warmupRounds,
    armer: options.armer,
    activationBody: options.activationBody
  })
  const floorMedian = summarize(samples[options.floor.name] ?? []).median
  return {
    micro,
    variants: [options.floor, ...variants].map((v) => {
      const latency = summarize(samples[v.name] ?? [])
      return {
        name: v.name,
        options: 'options' in v ? String(v.options) : 'node:http keep-alive agent, same headers and body',
        latency: roundSummary(latency),
        overMedianFloor: round(latency.median - floorMedian)
      }
    })
  }
}
