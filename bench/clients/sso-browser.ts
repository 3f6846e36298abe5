/**
 * The "system browser" for the SSO round-trip case: headless Chromium that opens
 * the sign-in URL the engine hands to openExternal, signs in on the sandbox's
 * identity provider and follows the redirect back to the engine's loopback listener.
 */
import { chromium, type Browser } from '@playwright/test'
import { DEBIAN_CHROMIUM } from '../../e2e/fixtures/debian-chromium'

export interface SignInBrowser {
  /** What openExternal does: starts the sign-in in the background, the person taking `pauseMs` to sign in. */
  open(url: string, pauseMs?: number): Promise<void>
  /** Waits for the last sign-in's browser steps, rethrowing their failure (for diagnostics). */
  settled(): Promise<void>
  unavailable?: string
  /** First line of each background sign-in that failed. */
  failures: string[]
  close: () => Promise<void>
}

const CLOSE_AFTER_MS = 3_000

const isLoopback = (url: string): boolean => ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(url).hostname)

export async function signInThroughBrowser(user: { email: string; password: string }): Promise<SignInBrowser> {
  let browser: Browser
  try {
    browser = await chromium.launch({ ...DEBIAN_CHROMIUM, timeout: 30_000 })
  } catch (error) {
    const reason = `Chromium could not start: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`
    return { open: async () => undefined, settled: async () => undefined, unavailable: reason, failures: [], close: async () => undefined }
  }
  let running: Promise<void> = Promise.resolve()
  const failures: string[] = []
  return {
    failures,
    async open(url, pauseMs = 0) {
      if (!isLoopback(url)) throw new Error(`refusing to open a non-loopback sign-in URL: ${url}`)
      running = (async () => {
        const context = await browser.newContext()
        try {
          context.setDefaultTimeout(60_000 + pauseMs)
          await context.route(/.*/, (route) => (isLoopback(route.request().url()) ? route.continue() : route.abort('blockedbyclient')))
          const page = await context.newPage()
          await page.goto(url)
          if (pauseMs > 0) await page.waitForTimeout(pauseMs)
          await page.getByLabel('Email').fill(user.email)
          await page.getByLabel('Password').fill(user.password)
          await page.getByRole('button', { name: 'Sign in' }).click()
          await page.waitForLoadState('load')
          // A person leaves the "Signed in" tab open: closing the context (Chromium's teardown) at
          // once would compete for the CPU with the deactivation the callback has just started.
          await page.waitForTimeout(CLOSE_AFTER_MS)
        } finally {
          await context.close()
        }
      })()
      running.catch((error: unknown) => failures.push(error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error)))
    },
    settled: () => running,
    close: () => browser.close()
  }
}
