import { defineConfig } from 'vitest/config'
import react from '@vitejs/plugin-react'

/**
 * Suites that launch real Chromium, child processes or builds, hold TLS connections open over
 * seconds, or run load and secret scans.
 * `npm run test:unit` leaves them out (the `node` and `web` projects); `npm test` runs them too.
 */
export const SLOW_SUITES = [
  'test/node/reliability/**/*.test.ts',
  'test/node/sso/**/*.test.ts',
  'test/node/sandbox/cli.test.ts',
  'test/node/cli/cli.test.ts',
  'test/node/cli/status.test.ts',
  'test/node/cli/pipe.test.ts',
  'test/node/cli/languages-binary.test.ts',
  'test/node/helpdesk/guide-pdf.test.ts',
  'test/node/start/**/*.test.ts',
  'test/node/packaging/**/*.test.ts',
  'test/node/electron/built-main.test.ts',
  'test/node/electron/engine-startup.test.ts',
  'test/node/engine/warm-up.test.ts',
  'test/node/ci/workflow-scripts.test.ts',
  'test/node/ci/click-seed.test.ts'
]

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          setupFiles: ['test/support/i18n-setup.ts'],
          include: ['test/node/**/*.test.ts'],
          exclude: SLOW_SUITES,
          // One module graph per worker instead of one per file halves the fast tier's CPU time;
          // the code under test holds no state between files (test/web/setup.ts resets the page).
          isolate: false,
          testTimeout: 20_000,
          hookTimeout: 20_000
        }
      },
      {
        test: {
          name: 'node-slow',
          environment: 'node',
          setupFiles: ['test/support/i18n-setup.ts'],
          include: SLOW_SUITES,
          testTimeout: 20_000,
          hookTimeout: 20_000
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
          testTimeout: 15_000
        }
      }
    ]
  }
})
