/**
 * `npm run test:mutation [-- <stryker options>]`: StrykerJS over the modules listed in
 * test/mutation/modules.json (stryker.config.mjs), incrementally. Beside Stryker's reports in
 * reports/mutation/ it writes run.json: when the run started, the command, its wall time and the
 * machine's load average through the run, which `npm run test:mutation:report` puts in docs/testing.md.
 */
import { spawn } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { join, resolve } from 'node:path'

export const RUN_FILE = 'reports/mutation/run.json'

export interface MutationRun {
  /** ISO time the run started. */
  startedAt: string
  /** As typed: `npm run test:mutation` and any options passed through. */
  command: string
  wallSeconds: number
  exitCode: number
  cpus: number
  node: string
  /** 1-minute load averages, sampled every minute from start to end: other work on the machine stretches the wall time. */
  loadAverage: { atStart: number; atEnd: number; mean: number; max: number; samples: number }
}

const SAMPLE_MS = 60_000
const oneMinuteLoad = (): number => Math.round((os.loadavg()[0] ?? 0) * 100) / 100

function main(): void {
  const root = resolve(__dirname, '..')
  const args = process.argv.slice(2)
  const startedAt = new Date()
  const samples = [oneMinuteLoad()]
  const sampler = setInterval(() => samples.push(oneMinuteLoad()), SAMPLE_MS)
  const stryker = spawn(process.execPath, [join(root, 'node_modules/@stryker-mutator/core/bin/stryker.js'), 'run', ...args], { cwd: root, stdio: 'inherit' })
  let finished = false
  const finish = (exitCode: number): void => {
    if (finished) return
    finished = true
    clearInterval(sampler)
    samples.push(oneMinuteLoad())
    const run: MutationRun = {
      startedAt: startedAt.toISOString(),
      command: ['npm run test:mutation', ...(args.length > 0 ? ['--', ...args] : [])].join(' '),
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
    }
    mkdirSync(join(root, 'reports/mutation'), { recursive: true })
    writeFileSync(join(root, RUN_FILE), JSON.stringify(run, null, 2) + '\n')
    process.stdout.write(
      `Mutation run: ${run.wallSeconds} s wall time, load average ${run.loadAverage.mean} (mean of ${run.loadAverage.samples} samples) on ${run.cpus} cores; ${RUN_FILE} written.\n`
    )
    process.exitCode = exitCode
  }
  stryker.on('error', (error) => {
    process.stderr.write(`Could not start StrykerJS: ${error.message}\n`)
    finish(1)
  })
  stryker.on('exit', (code, signal) => finish(code ?? (signal === null ? 1 : 128 + os.constants.signals[signal])))
}

if (require.main === module) main()
