// @ts-check
/**
 * Mutation testing (issue 28, docs/testing.md › Mutation testing): `npm run test:mutation`.
 * The modules measured are listed once, in test/mutation/modules.json.
 */
import { readFileSync } from 'node:fs'

/** @type {{ modules: { file: string }[] }} */
const listed = JSON.parse(readFileSync(new URL('./test/mutation/modules.json', import.meta.url), 'utf8'))

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
  incremental: true,
  incrementalFile: 'test/mutation/stryker-incremental.json',
  // Two cores, shared: one vitest runner per core at most.
  concurrency: 2,
  // A loaded machine stretches test times; a mutant that only slowed down is not a hang.
  timeoutMS: 20_000,
  timeoutFactor: 2,
  // The initial run is every suite on one thread: minutes on a busy machine.
  dryRunTimeoutMinutes: 90,
  reporters: ['html', 'json', 'clear-text', 'progress'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowEmojis: false, logTests: false, reportScoreTable: true },
  thresholds: { high: 95, low: 90, break: null },
  ignorePatterns: ['out', 'dist', 'reports', 'test-results', 'playwright-report', '.test-output', 'docs/screenshots'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always'
}
