import { describe, expect, it } from 'vitest'
import { chromiumExecutable } from '../../../e2e/fixtures/debian-chromium'

/* The tests' Chromium comes from the environment, so the same suites run on GitHub's runners. */

describe('the test browser', () => {
  const nothingInstalled = (): boolean => false
  const debianInstalled = (path: string): boolean => path === '/usr/bin/chromium'

  it('CHROMIUM_PATH names the executable', () => {
    expect(chromiumExecutable({ CHROMIUM_PATH: 'C:\\Chromium\\chrome.exe' }, nothingInstalled)).toBe('C:\\Chromium\\chrome.exe')
  })

  it('CHROMIUM_PATH=playwright picks Playwright’s own browser, even where Debian’s is installed', () => {
    expect(chromiumExecutable({ CHROMIUM_PATH: 'playwright' }, debianInstalled)).toBeUndefined()
  })

  it('unset: Debian’s Chromium where it is installed, otherwise Playwright’s own', () => {
    expect(chromiumExecutable({}, debianInstalled)).toBe('/usr/bin/chromium')
    expect(chromiumExecutable({}, nothingInstalled)).toBeUndefined()
  })
})
