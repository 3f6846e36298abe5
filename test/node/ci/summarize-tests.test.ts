import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { ROOT } from './workflow-files'

/*
 * scripts/summarize-tests.mjs: the closing line counts every tier, the lines above it say which
 * Node ran which tier, and a tier that cannot say which Node ran it does not count as run.
 */

const vitestReport = (passed: number, failed: number, file: string) => ({
  numPassedTests: passed,
  numFailedTests: failed,
  numPendingTests: 0,
  numTodoTests: 0,
  numTotalTests: passed + failed,
  testResults: [
    {
      name: join(ROOT, file),
      status: failed ? 'failed' : 'passed',
      assertionResults: [
        ...Array.from({ length: passed }, (_, i) => ({ status: 'passed', title: `ok ${i}` })),
        ...Array.from({ length: failed }, (_, i) => ({ status: 'failed', title: `broken ${i}`, fullName: `broken ${i}`, failureMessages: ['Error: no'] }))
      ]
    }
  ]
})
const playwrightReport = { stats: { expected: 3, unexpected: 0, flaky: 0, skipped: 2 }, errors: [], suites: [] }

let dir = ''
afterEach(() => rmSync(dir, { recursive: true, force: true }))

function summarize(files: Record<string, unknown>): { status: number | null; lines: string[] } {
  dir = mkdtempSync(join(tmpdir(), 'lm-summary-'))
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content))
  const args = ['vitest.json', 'playwright.json', 'checks.txt', 'electron-node.json'].map((name) => join(dir, name))
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts', 'summarize-tests.mjs'), ...args], { cwd: ROOT, encoding: 'utf8' })
  return { status: result.status, lines: result.stdout.trim().split('\n') }
}

describe('the closing summary', () => {
  it('adds the Electron-Node tier to the total and names the Node of each tier', () => {
    const { status, lines } = summarize({
      'vitest.json': vitestReport(10, 0, 'test/node/engine/a.test.ts'),
      'playwright.json': playwrightReport,
      'checks.txt': 'typecheck 0\nworkflows 0\n',
      'electron-node.json': vitestReport(4, 1, 'test/node/engine/a.test.ts'),
      'electron-node.json.runtime.json': { node: 'v24.22.3', suites: ['test/node/engine'], projects: ['node', 'node-slow'] }
    })
    expect(status).toBe(1)
    expect(lines.at(-1)).toBe('19 passed, 1 failed, 2 skipped')
    expect(lines).toContain(`tier: vitest on Node ${process.version} (this machine; projects node, node-slow, web): 10 passed, 0 failed, 0 skipped`)
    expect(lines).toContain("tier: vitest on Node v24.22.3 (Electron's main-process line; test/node/engine: 1 files): 4 passed, 1 failed, 0 skipped")
    expect(lines).toContain(`tier: checks on Node ${process.version} (typecheck, workflows): 2 passed, 0 failed, 0 skipped`)
    expect(lines).toContain('FAILED vitest [Node v24.22.3] test/node/engine/a.test.ts › broken 0: Error: no')
  })

  it('a missing Electron-Node report, or one without its Node version, counts as a failure', () => {
    const base = { 'vitest.json': vitestReport(1, 0, 'a.test.ts'), 'playwright.json': playwrightReport, 'checks.txt': 'build 0\n' }
    const missing = summarize(base)
    expect(missing.status).toBe(1)
    expect(missing.lines.at(-1)).toBe('5 passed, 1 failed, 2 skipped')
    rmSync(dir, { recursive: true, force: true })
    const unnamed = summarize({ ...base, 'electron-node.json': vitestReport(2, 0, 'a.test.ts') })
    expect(unnamed.status).toBe(1)
    expect(unnamed.lines.at(-1)).toBe('5 passed, 1 failed, 2 skipped')
  })
})
