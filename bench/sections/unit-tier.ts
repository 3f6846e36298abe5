/**
 * The fast test tier as a developer runs it (`npm run test:unit`): wall time of whole runs,
 * one after another, each checked to pass. Vite's transform cache is warm after the first.
 */
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { stripVTControlCharacters } from 'node:util'
import { performance } from 'node:perf_hooks'
import { REPO_ROOT } from '../lib/child'
import { goal, type SectionOutcome } from '../lib/goals'
import { loadAverage } from '../lib/machine'
import { round, summarize } from '../lib/stats'

export interface UnitTierRun {
  wallMs: number
  /** CPU time of the run's processes (user + system), from the shell's `times`. */
  cpuMs: number | null
  loadAverageBefore: number
}

export interface UnitTierData {
  command: string
  runs: UnitTierRun[]
  medianWallMs: number
  tests: number
}

export const UNIT_TIER_GOAL = 'unit-tier'
export const UNIT_TIER_GOAL_TEXT = 'Fast test tier (`npm run test:unit`), wall time, median'
export const UNIT_TIER_TARGET = '≤ 30 s'
const COMMAND = 'vitest run --project node --project web'
const TIMEOUT_MS = 300_000

/** Children's user and system time as bash's `times` prints it on its second line: "0m12.34s 0m1.23s". */
function childCpuMs(timesOutput: string): number | null {
  const line = timesOutput.trim().split('\n').at(-1) ?? ''
  const parts = [...line.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60_000 + Number(m[2]) * 1000)
  return parts.length === 2 ? round(parts[0]! + parts[1]!, 0) : null
}

function runOnce(): Promise<{ run: UnitTierRun; tests: number }> {
  const vitest = join(REPO_ROOT, 'node_modules', 'vitest', 'vitest.mjs')
  const loadAverageBefore = loadAverage()[0] ?? 0
  const started = performance.now()
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', `node "${vitest}" run --project node --project web --reporter=dot >&2; status=$?; times; exit $status`], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1', CI: 'true' }
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-20_000)))
    const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS)
    child.on('error', reject)
    child.on('close', (status) => {
      clearTimeout(timer)
      const wallMs = performance.now() - started
      const passed = /Tests\s+(\d+) passed/.exec(stripVTControlCharacters(stderr))
      if (status !== 0 || !passed) return reject(new Error(`${COMMAND} did not pass (exit ${status}):\n${stripVTControlCharacters(stderr).slice(-1500)}`))
      resolve({ run: { wallMs: round(wallMs, 0), cpuMs: childCpuMs(stdout), loadAverageBefore }, tests: Number(passed[1]) })
    })
  })
}

export async function measureUnitTier(runs: number): Promise<SectionOutcome<UnitTierData>> {
  const results: UnitTierRun[] = []
  let tests = 0
  for (let n = 0; n < runs; n++) {
    const once = await runOnce()
    results.push(once.run)
    tests = once.tests
  }
  const wall = summarize(results.map((r) => r.wallMs))
  const cpu = results.map((r) => r.cpuMs).filter((c): c is number => c !== null)
  const cpuText = cpu.length ? `, CPU ${round(summarize(cpu).median / 1000, 1)} s` : ''
  const data: UnitTierData = { command: `npx ${COMMAND}`, runs: results, medianWallMs: round(wall.median, 0), tests }
  const measured = `${round(wall.median / 1000, 1)} s (${tests} tests, ${runs} ${runs === 1 ? 'run' : 'runs'}, slowest ${round(wall.max / 1000, 1)} s${cpuText})`
  return { data, goals: [goal(UNIT_TIER_GOAL, UNIT_TIER_GOAL_TEXT, UNIT_TIER_TARGET, wall.median, measured, wall.median <= 30_000)] }
}
