import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test'
import { DEBIAN_CHROMIUM } from '../../../e2e/fixtures/debian-chromium'

const isLoopback = (url: string): boolean => {
  try {
    return ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(url).hostname)
  } catch {
    return false
  }
}

/** A real Chromium standing in for the user's system browser; it may talk to this PC only. */
export interface SystemBrowser {
  /** A fresh profile (no cookies), as a new browser window of another user would be. */
  newPage(): Promise<Page>
  /** Every request the browser tried to make off this PC (aborted). */
  readonly blocked: string[]
  close: () => Promise<void>
}

export async function launchSystemBrowser(): Promise<SystemBrowser> {
  const browser: Browser = await chromium.launch({ ...DEBIAN_CHROMIUM, timeout: 15_000 })
  const contexts: BrowserContext[] = []
  const blocked: string[] = []
  return {
    blocked,
    async newPage() {
      const context = await browser.newContext()
      context.setDefaultTimeout(10_000)
      context.setDefaultNavigationTimeout(10_000)
      await context.route('**/*', (route) => {
        const url = route.request().url()
        if (isLoopback(url)) return route.continue()
        blocked.push(url)
        return route.abort('blockedbyclient')
      })
      contexts.push(context)
      return context.newPage()
    },
    async close() {
      await Promise.all(contexts.map((c) => c.close().catch(() => undefined)))
      await browser.close()
    }
  }
}
