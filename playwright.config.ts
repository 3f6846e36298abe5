import { defineConfig } from '@playwright/test'
import { DEBIAN_CHROMIUM } from './e2e/fixtures/debian-chromium'
import type { HarnessWorkerOptions } from './e2e/fixtures/test'

export default defineConfig<object, HarnessWorkerOptions>({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: 'list',
  use: {
    headless: true,
    launchOptions: DEBIAN_CHROMIUM,
    viewport: { width: 900, height: 700 },
    colorScheme: 'light',
    locale: 'en-GB',
    screenshot: 'only-on-failure',
    trace: 'off',
    actionTimeout: 10_000
  },
  projects: [
    { name: 'chromium', use: { appKind: 'browser' } },
    { name: 'electron', use: { appKind: 'electron' } }
  ]
})
