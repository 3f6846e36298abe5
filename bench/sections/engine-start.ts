/** Engine start: fresh processes load the engine modules and read the hardware id. */
import { forkTs, waitForMessage, type RpcMessage } from '../lib/child'
import { goal, type SectionOutcome } from '../lib/goals'
import { median, round } from '../lib/stats'
import { ms } from '../lib/table'

interface ChildResult extends RpcMessage {
  bootMs: number
  importHardwareIdMs: number
  importClientMs: number
  importServiceMs: number
  importEngineMs: number
  hardwareIdFirstMs: number
  hardwareIdSecondMs: number
  hardwareIdCachedMs: number
  ok: boolean
  error?: string
  idLength: number
}

export interface EngineStartRow {
  key: string
  label: string
  median: number
  samples: number[]
}

export interface EngineStartData {
  runs: number
  rows: EngineStartRow[]
  hardwareIdOk: boolean
  hardwareIdError?: string
  notes: string[]
}

export interface EngineStartOptions {
  runs: number
  profileDir?: string
}

const LABELS: Array<[keyof ChildResult & string, string]> = [
  ['bootMs', 'Node + tsx loader boot (to first line)'],
  ['importHardwareIdMs', 'import hardware-id module'],
  ['importClientMs', 'import License API client (ky, auth, errors)'],
  ['importServiceMs', 'import service (validation/zod, SSO flow, config)'],
  ['importEngineMs', 'import whole engine (sum of the three)'],
  ['hardwareIdFirstMs', 'hardware id, first call (node-machine-id)'],
  ['hardwareIdSecondMs', 'hardware id, second call (cached)'],
  ['hardwareIdCachedMs', 'hardware id, cached (mean of 10,000)']
]

export async function measureEngineStart(options: EngineStartOptions): Promise<SectionOutcome<EngineStartData>> {
  const results: ChildResult[] = []
  for (let run = 0; run < options.runs + 1; run++) {
    const execArgv = options.profileDir && run === options.runs ? ['--cpu-prof', `--cpu-prof-dir=${options.profileDir}`, '--cpu-prof-name=engine-start.cpuprofile'] : []
    const child = forkTs('bench/children/engine-start.ts', [], execArgv)
    try {
      const result = await waitForMessage<ChildResult>(child, 'result', 30_000)
      // The first process may populate tsx's transform cache; it is not counted.
      if (run > 0) results.push(result)
    } finally {
      await new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve()
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000)
        child.once('exit', () => {
          clearTimeout(timer)
          resolve()
        })
        child.disconnect()
      })
    }
  }
  const rows: EngineStartRow[] = LABELS.map(([key, label]) => {
    const samples = results.map((r) => Number(r[key]))
    return { key, label, median: round(median(samples), 4), samples: samples.map((s) => round(s, 4)) }
  })
  const cached = rows.find((r) => r.key === 'hardwareIdCachedMs')!.median
  const second = rows.find((r) => r.key === 'hardwareIdSecondMs')!.median
  const first = rows.find((r) => r.key === 'hardwareIdFirstMs')!.median
  const ok = results.every((r) => r.ok)
  const data: EngineStartData = {
    runs: options.runs,
    rows,
    hardwareIdOk: ok,
    notes: [
      'Each run is a fresh `node --import tsx` process (one extra unmeasured run warms tsx\'s transform cache). Import times include tsx transpiling on a cache miss; the packaged app loads one prebuilt bundle instead.'
    ]
  }
  const error = results.find((r) => !r.ok)?.error
  if (error) data.hardwareIdError = error
  return {
    data,
    goals: [
      goal('hardware-id-cached', 'Hardware id, cached call', '≤ 1 ms', second,
        `${ms(second)} (first call ${ms(first, 2)}; mean of 10,000 cached calls ${ms(cached)})`,
        ok && second <= 1, ok ? undefined : `hardware id failed: ${error}`)
    ]
  }
}
