import { afterAll, beforeAll } from 'vitest'
import { startSsoProvider, type RunningSsoProvider } from '../../../src/sandbox/sso'
import { closeOpened } from '../../support/close-opened'
import { ACCOUNTS } from './harness'
import { launchSystemBrowser, type SystemBrowser } from './system-browser'

export interface ProviderAndBrowser {
  provider: RunningSsoProvider
  browser: SystemBrowser
}

/** A real OpenID provider with these tests' accounts and the system browser, open for the calling test file's tests. */
export function providerAndBrowserForFile(): ProviderAndBrowser {
  const opened: Partial<ProviderAndBrowser> = {}
  beforeAll(async () => {
    opened.provider = await startSsoProvider({ seed: { customerAccounts: ACCOUNTS } })
    opened.browser = await launchSystemBrowser()
  })
  afterAll(() => closeOpened(opened.browser, opened.provider))
  return opened as ProviderAndBrowser
}
