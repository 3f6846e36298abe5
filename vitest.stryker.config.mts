import { defineConfig } from 'vitest/config'
import react from '@vitejs/plugin-react'
import type { RunnerTestCase, RunnerTestFile, TestError } from 'vitest'
import type { Reporter, Vitest } from 'vitest/node'
import { SLOW_SUITES } from './vitest.config.mts'

/**
 * The vitest configuration StrykerJS runs (stryker.config.mjs): the fast tier plus the slow suites
 * that run the mutated modules in the test process itself, each project isolated as in
 * vitest.config.mts. `MUTATION_TIER=fast` leaves the slow suites out, for quick rounds on one module
 * while writing tests; the recorded figures use all.
 */
const LEFT_OUT = [
  // Child processes (a built Electron main bundle, the sandbox CLI, `npm start`, electron-builder):
  // the code they run is not the test process's, so no mutant is ever switched on in them.
  'test/node/electron/built-main.test.ts',
  'test/node/sandbox/cli.test.ts',
  'test/node/start/**/*.test.ts',
  'test/node/packaging/**/*.test.ts',
  // Reads the source tree and asks the npm registry (`npm audit`): runs none of the measured code.
  'test/node/reliability/security-review.test.ts',
  // Throughput and memory under load: minutes of CPU per run, checking nothing about these modules
  // that the hostile-input and fault suites do not.
  'test/node/reliability/load.test.ts'
]

/**
 * A mutant that makes a module throw while it
 * loads (a constant, a pattern, a table) fails every test file that imports it before any test is
 * collected; StrykerJS's vitest runner builds its verdict from the tests it finds, finds none, and
 * would count the mutant as survived (stryker-js#6150). This turns such a file into one failed test,
 * so the mutant counts as killed: a test file that cannot load is a failing test. Errors outside
 * every test become one failed test too, for the same reason.
 */
class ErrorsAsFailedTests implements Reporter {
  private vitest: Vitest | undefined

  onInit(vitest: Vitest): void {
    this.vitest = vitest
  }

  onTestRunEnd(): void {
    const files = this.vitest?.state.getFiles() ?? []
    for (const file of files) {
      if (file.result?.state !== 'fail' || file.tasks.length > 0) continue
      file.tasks.push(failedTest(file, 'unloadable', 'the test file loads', file.result.errors ?? []))
    }
    // An error outside every test (an unhandled rejection, an uncaught exception) fails a normal
    // vitest run; StrykerJS's runner would call the mutant a runtime error and leave it out of the score.
    const outside = [...(this.vitest?.state.errorsSet ?? [])]
    const first = files[0]
    if (outside.length > 0 && first !== undefined) first.tasks.push(failedTest(first, 'unhandled', 'no error outside the tests', outside))
  }
}

function failedTest(file: RunnerTestFile, id: string, name: string, errors: readonly unknown[]): RunnerTestCase {
  const failed: Partial<RunnerTestCase> = {
    type: 'test',
    id: `${file.id}_${id}`,
    name,
    mode: 'run',
    file,
    suite: file,
    meta: {},
    result: { state: 'fail', errors: errors as TestError[] }
  }
  return failed as RunnerTestCase
}

const fastOnly = process.env.MUTATION_TIER === 'fast'

export default defineConfig({
  test: {
    reporters: ['dot', new ErrorsAsFailedTests()],
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          setupFiles: ['test/support/i18n-setup.ts'],
          include: ['test/node/**/*.test.ts'],
          exclude: SLOW_SUITES,
          // As in vitest.config.mts. Each Stryker run starts fresh workers, so a mutant in code that runs
          // while a module loads (a "static" mutant) still takes effect: checked on a probe module.
          isolate: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // The fast tiers first: a mutant that a fast test kills ends its run (bail) before a slow suite starts.
          sequence: { groupOrder: 0 }
        }
      },
      {
        plugins: [react()],
        test: {
          name: 'web',
          environment: 'happy-dom',
          include: ['test/web/**/*.test.{ts,tsx}'],
          setupFiles: ['test/support/i18n-setup.ts', 'test/web/setup.ts'],
          isolate: false,
          testTimeout: 30_000,
          sequence: { groupOrder: 1 }
        }
      },
      ...(fastOnly
        ? []
        : [
            {
              test: {
                name: 'node-slow',
                environment: 'node',
                setupFiles: ['test/support/i18n-setup.ts'],
                include: SLOW_SUITES,
                exclude: LEFT_OUT,
                isolate: true,
                testTimeout: 60_000,
                hookTimeout: 60_000,
                sequence: { groupOrder: 2 }
              }
            }
          ])
    ]
  }
})
