/** Engine start: fresh processes load the engine modules, read the hardware id, and load the built main bundle. */
import { spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { forkTs, REPO_ROOT, spawnedOutput, waitForMessage, type RpcMessage } from '../lib/child'
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
  mainBundleRequireMs: number
  mainBundleWindowMs: number
}

const MAIN_BUNDLE = join(REPO_ROOT, 'out', 'main', 'index.js')
export const MAIN_BUNDLE_GOAL = 'main-bundle'
export const MAIN_BUNDLE_GOAL_TEXT = 'Main bundle, out/main/index.js (raw)'
export const MAIN_BUNDLE_TARGET = '≤ 400 KB'
const MAIN_BUNDLE_GOAL_BYTES = 400 * 1024
const MAIN_SOURCES = ['src/main', 'src/shared', 'src/sandbox', 'resources'].map((d) => join(REPO_ROOT, d))

function newestMtime(dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs)
  }
  return newest
}

/** out/main/index.js as `npm run build` makes it, rebuilt when older than its sources. */
function ensureMainBundle(): void {
  const fresh = existsSync(MAIN_BUNDLE) && statSync(MAIN_BUNDLE).mtimeMs >= Math.max(...MAIN_SOURCES.map(newestMtime))
  if (fresh) return
  const build = spawnSync('npm', ['run', '-s', 'build'], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 180_000 })
  if (build.status !== 0 || !existsSync(MAIN_BUNDLE)) throw new Error(`npm run build failed:\n${spawnedOutput(build).slice(-2000)}`)
}

async function stopChild(child: ChildProcess): Promise<void> {
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

export interface EngineStartRow {
  key: string
  label: string
  median: number
  samples: number[]
}

export interface EngineStartData {
  runs: number
  rows: EngineStartRow[]
  /** out/main/index.js as built, in bytes (what Electron loads first; the sandbox chunk apart). */
  mainBundleBytes: number
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
  ['hardwareIdCachedMs', 'hardware id, cached (mean of 10,000)'],
  ['mainBundleRequireMs', 'main bundle out/main/index.js: require (stand-in electron)'],
  ['mainBundleWindowMs', 'main bundle: require until the window opens (config, engine; no sandbox)']
]

export async function measureEngineStart(options: EngineStartOptions): Promise<SectionOutcome<EngineStartData>> {
  const results: ChildResult[] = []
  ensureMainBundle()
  for (let run = 0; run < options.runs + 1; run++) {
    const execArgv =
      options.profileDir && run === options.runs ? ['--cpu-prof', `--cpu-prof-dir=${options.profileDir}`, '--cpu-prof-name=engine-start.cpuprofile'] : []
    const child = forkTs('bench/children/engine-start.ts', [], execArgv)
    try {
      const result = await waitForMessage<ChildResult>(child, 'result', 30_000)
      const bundleChild = forkTs('bench/children/main-bundle-load.ts', [MAIN_BUNDLE])
      try {
        Object.assign(result, await waitForMessage<ChildResult>(bundleChild, 'result', 30_000))
      } finally {
        await stopChild(bundleChild)
      }
      // The first process may populate tsx's transform cache; it is not counted.
      if (run > 0) results.push(result)
    } finally {
      await stopChild(child)
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
  const mainBundleBytes = statSync(MAIN_BUNDLE).size
  const data: EngineStartData = {
    runs: options.runs,
    rows,
    mainBundleBytes,
    hardwareIdOk: ok,
    notes: [
      "Each run is a fresh `node --import tsx` process (one extra unmeasured run warms tsx's transform cache). Import times include tsx transpiling on a cache miss; the packaged app loads one prebuilt bundle instead.",
      'The main bundle rows load out/main/index.js (what Electron runs) in another fresh process, with a stand-in `electron` module, and a configured server, so the sandbox chunk is not loaded. Electron itself (its own start-up, Chromium) is not included.'
    ]
  }
  const error = results.find((r) => !r.ok)?.error
  if (error) data.hardwareIdError = error
  return {
    data,
    goals: [
      goal(
        'hardware-id-cached',
        'Hardware id, cached call',
        '≤ 1 ms',
        second,
        `${ms(second)} (first call ${ms(first, 2)}; mean of 10,000 cached calls ${ms(cached)})`,
        ok && second <= 1,
        ok ? undefined : `hardware id failed: ${error}`
      ),
      goal(
        MAIN_BUNDLE_GOAL,
        MAIN_BUNDLE_GOAL_TEXT,
        MAIN_BUNDLE_TARGET,
        round(mainBundleBytes / 1024, 1),
        `${(mainBundleBytes / 1024).toFixed(1)} KB`,
        mainBundleBytes <= MAIN_BUNDLE_GOAL_BYTES
      )
    ]
  }
}
