/**
 * `npm run test:mutation [-- <module file>… | --mutate <module file> …] [-- <stryker options>]`:
 * StrykerJS over the modules listed in test/mutation/modules.json (stryker.config.mjs), one module
 * at a time, each incrementally from its own file in test/mutation/incremental/ (not committed). Without
 * a module it runs every listed one in the list's order. Each module's run writes Stryker's JSON and
 * HTML reports as reports/mutation/modules/<module>.json and .html, and <module>.run.json: when the
 * run started, the command, its wall time and the machine's load average through it, which
 * `npm run test:mutation:report` puts in docs/testing.md.
 *
 * One Stryker run per module: Stryker writes its incremental file and its report for the files it
 * mutated in that run only, so a run over one module would drop every other module's results.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { join, resolve } from 'node:path'

export const MODULE_REPORT_DIR = 'reports/mutation/modules'
export const INCREMENTAL_DIR = 'test/mutation/incremental'

export interface MutationRun {
  /** ISO time the run started. */
  startedAt: string
  /** As typed for this module: `npm run test:mutation -- <module>`, any options passed through, and `MUTATION_TIER=fast` when only the fast tiers ran. */
  command: string
  wallSeconds: number
  exitCode: number
  cpus: number
  node: string
  /** 1-minute load averages, sampled every minute from start to end: other work on the machine stretches the wall time. */
  loadAverage: { atStart: number; atEnd: number; mean: number; max: number; samples: number }
}

/** A module's file name in reports/mutation/modules/ and test/mutation/incremental/: its path with `/` as `__`. */
export const moduleSlug = (file: string): string => file.replace(/[\\/]/g, '__')
export const incrementalFileOf = (file: string): string => `${INCREMENTAL_DIR}/${moduleSlug(file)}.json`
export const moduleReportOf = (file: string): string => `${MODULE_REPORT_DIR}/${moduleSlug(file)}.json`
export const moduleRunOf = (file: string): string => `${MODULE_REPORT_DIR}/${moduleSlug(file)}.run.json`

/** Splits the command line into the modules asked for (bare paths or `--mutate <path>`) and the options for Stryker. */
export function parseArguments(args: readonly string[], listed: readonly string[]): { modules: string[]; strykerOptions: string[] } {
  const modules: string[] = []
  const strykerOptions: string[] = []
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!
    if (arg === '--mutate' || arg === '-m') {
      const value = args[++i]
      if (value === undefined) throw new Error(`${arg} needs a module file`)
      modules.push(...value.split(','))
    } else if (arg.startsWith('--mutate=')) modules.push(...arg.slice('--mutate='.length).split(','))
    else if (!arg.startsWith('-') && listed.includes(arg)) modules.push(arg)
    else strykerOptions.push(arg)
  }
  const unknown = modules.filter((m) => !listed.includes(m))
  if (unknown.length > 0) throw new Error(`not listed in test/mutation/modules.json: ${unknown.join(', ')} (one Stryker run per listed module)`)
  return { modules: modules.length > 0 ? modules : [...listed], strykerOptions }
}

const SAMPLE_MS = 60_000
const oneMinuteLoad = (): number => Math.round((os.loadavg()[0] ?? 0) * 100) / 100

function runStryker(root: string, file: string, strykerOptions: readonly string[]): Promise<MutationRun> {
  const startedAt = new Date()
  const samples = [oneMinuteLoad()]
  const sampler = setInterval(() => samples.push(oneMinuteLoad()), SAMPLE_MS)
  // Each module its own sandbox folder and report files, so runs of two modules can overlap.
  const args = ['run', '--mutate', file, '--incrementalFile', incrementalFileOf(file), '--tempDirName', `.stryker-tmp-${moduleSlug(file)}`, ...strykerOptions]
  process.stdout.write(`\n== ${file} ==\n`)
  const stryker = spawn(process.execPath, [join(root, 'node_modules/@stryker-mutator/core/bin/stryker.js'), ...args], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, MUTATION_REPORT_BASE: `${MODULE_REPORT_DIR}/${moduleSlug(file)}` }
  })
  return new Promise((done) => {
    let finished = false
    const finish = (exitCode: number): void => {
      if (finished) return
      finished = true
      clearInterval(sampler)
      samples.push(oneMinuteLoad())
      done({
        startedAt: startedAt.toISOString(),
        command: [...(process.env['MUTATION_TIER'] === 'fast' ? ['MUTATION_TIER=fast'] : []), 'npm run test:mutation --', file, ...strykerOptions].join(' '),
        wallSeconds: Math.round((Date.now() - startedAt.getTime()) / 1000),
        exitCode,
        cpus: os.availableParallelism(),
        node: process.version,
        loadAverage: {
          atStart: samples[0] ?? 0,
          atEnd: samples.at(-1) ?? 0,
          mean: Math.round((samples.reduce((a, b) => a + b, 0) / samples.length) * 100) / 100,
          max: Math.max(...samples),
          samples: samples.length
        }
      })
    }
    stryker.on('error', (error) => {
      process.stderr.write(`Could not start StrykerJS: ${error.message}\n`)
      finish(1)
    })
    stryker.on('exit', (code, signal) => finish(code ?? (signal === null ? 1 : 128 + os.constants.signals[signal])))
  })
}

async function main(): Promise<void> {
  const root = resolve(__dirname, '..')
  const listed = (JSON.parse(readFileSync(join(root, 'test/mutation/modules.json'), 'utf8')) as { modules: { file: string }[] }).modules.map((m) => m.file)
  const { modules, strykerOptions } = parseArguments(process.argv.slice(2), listed)
  mkdirSync(join(root, MODULE_REPORT_DIR), { recursive: true })
  const total = Date.now()
  let failed = 0
  for (const file of modules) {
    const startedAt = Date.now()
    const run = await runStryker(root, file, strykerOptions)
    // Stryker leaves the previous run's report in place when it fails early: keep run facts only for a report written by this run.
    const report = join(root, moduleReportOf(file))
    const fresh = existsSync(report) && statSync(report).mtimeMs >= startedAt
    if (run.exitCode === 0 && fresh) writeFileSync(join(root, moduleRunOf(file)), JSON.stringify(run, null, 2) + '\n')
    else failed++
    process.stdout.write(
      `${file}: ${run.wallSeconds} s wall time, exit ${run.exitCode}, load average ${run.loadAverage.mean} on ${run.cpus} cores${run.exitCode === 0 && fresh ? `; ${moduleReportOf(file)} written` : '; no report kept'}.\n`
    )
    if (run.exitCode >= 128) break // interrupted: stop, as the user asked
  }
  process.stdout.write(`Mutation run: ${modules.length} module(s), ${Math.round((Date.now() - total) / 1000)} s wall time, ${failed} without a report.\n`)
  process.exitCode = failed > 0 ? 1 : 0
}

if (require.main === module) void main()
