// @ts-check
/**
 * Mutation testing (issue 28, docs/testing.md › Mutation testing): `npm run test:mutation`.
 * The modules measured are listed once, in test/mutation/modules.json.
 */
import { readFileSync } from 'node:fs'

/** @type {{ modules: { file: string }[] }} */
const listed = JSON.parse(readFileSync(new URL('./test/mutation/modules.json', import.meta.url), 'utf8'))

const reportBase = process.env.MUTATION_REPORT_BASE ?? 'reports/mutation/mutation'

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.stryker.config.mts' },
  mutate: listed.modules.map((m) => m.file),
  // Each mutant runs only the tests that reached it in the initial run.
  coverageAnalysis: 'perTest',
  // A re-run after a small change re-tests only the mutants whose code or covering tests changed.
  // npm run test:mutation runs one module at a time and gives each its own file in test/mutation/incremental/.
  incremental: true,
  incrementalFile: 'test/mutation/incremental/stryker-incremental.json',
  // Two cores, shared: one vitest runner per core at most.
  concurrency: 2,
  // A loaded machine stretches test times; a mutant that only slowed down is not a hang.
  timeoutMS: 20_000,
  timeoutFactor: 2,
  // The initial run is every suite on one thread: minutes on a busy machine.
  dryRunTimeoutMinutes: 90,
  reporters: ['html', 'json', 'clear-text', 'progress'],
  // npm run test:mutation gives each module's run its own report files (reports/mutation/modules/<module>).
  htmlReporter: { fileName: `${reportBase}.html` },
  jsonReporter: { fileName: `${reportBase}.json` },
  clearTextReporter: { allowEmojis: false, logTests: false, reportScoreTable: true },
  thresholds: { high: 95, low: 90, break: null },
  ignorePatterns: ['.stryker-tmp*', 'out', 'dist', 'reports', 'test-results', 'playwright-report', '.test-output', 'docs/screenshots'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always'
}
