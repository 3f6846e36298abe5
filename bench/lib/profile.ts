/**
 * In-process CPU profiling (the inspector's sampling profiler, the same data as
 * `node --cpu-prof`) and a summary of where self time went, by area and function.
 */
import { Session } from 'node:inspector'
import { writeFileSync } from 'node:fs'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  hitCount?: number
  children?: number[]
}

export interface CpuProfile {
  nodes: ProfileNode[]
  startTime: number
  endTime: number
  samples?: number[]
  timeDeltas?: number[]
}

export interface ProfileSummary {
  file?: string
  totalMs: number
  /** Self time per area, busiest first, excluding idle. */
  areas: Array<{ area: string; ms: number; share: number }>
  /** Busiest functions by self time. */
  functions: Array<{ fn: string; area: string; ms: number }>
}

function post(session: Session, method: string, params?: object): Promise<unknown> {
  return new Promise((resolve, reject) => session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result))))
}

export async function profile<T>(work: () => Promise<T>, file?: string): Promise<{ result: T; summary: ProfileSummary }> {
  const session = new Session()
  session.connect()
  await post(session, 'Profiler.enable')
  await post(session, 'Profiler.setSamplingInterval', { interval: 100 })
  await post(session, 'Profiler.start')
  const outcome = await work().then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error })
  )
  const { profile: data } = (await post(session, 'Profiler.stop')) as { profile: CpuProfile }
  session.disconnect()
  if (!outcome.ok) throw outcome.error
  const result = outcome.value
  if (file) writeFileSync(file, JSON.stringify(data))
  const summary = summarizeProfile(data)
  if (file) summary.file = file
  return { result, summary }
}

/** Names the code a frame belongs to. */
export function areaOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native / V8 builtins)'
  if (url.includes('/node_modules/ky/')) return 'ky'
  if (url.includes('/node_modules/axios/')) return 'axios (SDK)'
  if (url.includes('/@licensespring/')) return '@licensespring/node-sdk'
  if (url.includes('/node_modules/')) return `npm: ${/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1] ?? '?'}`
  if (url.includes('/src/main/engine/')) return 'engine (src/main/engine)'
  if (url.includes('/src/shared/')) return 'shared (src/shared)'
  if (url.includes('/bench/')) return 'bench harness'
  if (url.includes('internal/deps/undici')) return 'undici (fetch)'
  if (url.includes('internal/webstreams')) return 'web streams'
  if (url.includes('internal/abort_controller') || url.includes('internal/event_target')) return 'AbortSignal / EventTarget'
  if (url.includes('_http_') || url.includes('internal/http')) return 'node:http'
  if (url.includes('internal/streams') || url.includes('internal/stream_base')) return 'node streams'
  if (url.includes('internal/crypto')) return 'node:crypto'
  if (url.includes('internal/process/task_queues') || url.includes('internal/timers') || url.startsWith('node:timers')) return 'timers / microtasks'
  if (url.includes('net.js') || url.includes('node:net')) return 'node:net'
  if (url.startsWith('node:'))
    return `node: ${
      url
        .slice(5)
        .replace(/^internal\//, '')
        .split('/')[0]
    }`
  return url
}

export function summarizeProfile(data: CpuProfile): ProfileSummary {
  const byId = new Map(data.nodes.map((n) => [n.id, n]))
  const selfUs = new Map<number, number>()
  const samples = data.samples ?? []
  const deltas = data.timeDeltas ?? []
  for (let i = 0; i < samples.length; i++) {
    // timeDeltas[i] is the time before sample i; attribute the next delta to it.
    const us = deltas[i + 1] ?? 0
    selfUs.set(samples[i]!, (selfUs.get(samples[i]!) ?? 0) + us)
  }
  const areas = new Map<string, number>()
  const functions = new Map<string, { area: string; us: number }>()
  let busy = 0
  for (const [id, us] of selfUs) {
    const node = byId.get(id)
    if (!node) continue
    const { functionName, url, lineNumber } = node.callFrame
    if (functionName === '(idle)') continue
    const area = areaOf(url, functionName)
    busy += us
    areas.set(area, (areas.get(area) ?? 0) + us)
    const key = `${functionName || '(anonymous)'} ${url ? `${url.replace(/^.*\/(node_modules|src|bench)\//, '$1/')}:${lineNumber + 1}` : ''}`.trim()
    const entry = functions.get(key) ?? { area, us: 0 }
    entry.us += us
    functions.set(key, entry)
  }
  const ms = (us: number): number => Math.round(us / 10) / 100
  return {
    totalMs: ms(busy),
    areas: [...areas].sort((a, b) => b[1] - a[1]).map(([area, us]) => ({ area, ms: ms(us), share: Math.round((us / busy) * 1000) / 10 })),
    functions: [...functions]
      .sort((a, b) => b[1].us - a[1].us)
      .slice(0, 25)
      .map(([fn, v]) => ({ fn, area: v.area, ms: ms(v.us) }))
  }
}
