// Sums vitest's and Playwright's JSON reports, and the checks run before them (typecheck, lint,
// format, build: one test each), into one line: "N passed, N failed, N skipped".
// A missing or unreadable report counts as a failure, so a crashed runner cannot pass.
import { readFileSync } from 'node:fs'

const [vitestPath, playwrightPath, checksPath] = process.argv.slice(2)
const totals = { passed: 0, failed: 0, skipped: 0 }
const skipReasons = new Map()
const failures = []
const relative = (path) => String(path ?? '').replace(`${process.cwd()}/`, '')
// eslint-disable-next-line no-control-regex -- ANSI colour codes (ESC [ … m)
const ANSI_COLOUR = /\u001b\[[0-9;]*m/g
const firstLine = (text) =>
  String(text ?? 'no message')
    .replace(ANSI_COLOUR, '')
    .split('\n')
    .find((line) => line.trim() !== '')
    ?.trim()
    .slice(0, 300) ?? 'no message'
let broken = false

function read(path, runner) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'))
  } catch (error) {
    console.error(`${runner}: no readable report at ${path} (${error.message})`)
    totals.failed += 1
    broken = true
    return null
  }
}

// checks.txt: one "NAME EXIT-CODE" line per check scripts/test-all.sh ran.
if (checksPath !== undefined) {
  let lines = []
  try {
    lines = readFileSync(checksPath, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
  } catch (error) {
    console.error(`checks: no readable list at ${checksPath} (${error.message})`)
  }
  if (lines.length === 0) {
    totals.failed += 1
    broken = true
  }
  for (const line of lines) {
    const [name, code] = line.trim().split(/\s+/)
    if (code === '0') totals.passed += 1
    else {
      totals.failed += 1
      failures.push(`check ${name}: exit code ${code} (output in ${relative(checksPath).replace(/checks\.txt$/, `${name}.log`)})`)
    }
  }
}

const vitest = read(vitestPath, 'vitest')
if (vitest) {
  totals.passed += vitest.numPassedTests
  totals.failed += vitest.numFailedTests
  totals.skipped += vitest.numPendingTests + vitest.numTodoTests
  if (vitest.numTotalTests === 0) broken = true
  for (const file of vitest.testResults ?? []) {
    const failedTests = (file.assertionResults ?? []).filter((t) => t.status === 'failed')
    for (const t of failedTests) failures.push(`vitest ${relative(file.name)} › ${t.fullName ?? t.title}: ${firstLine(t.failureMessages?.[0])}`)
    if (failedTests.length === 0 && file.status === 'failed') failures.push(`vitest ${relative(file.name)}: ${firstLine(file.message)}`)
  }
}

function walkSuites(suites, visit) {
  for (const suite of suites ?? []) {
    for (const spec of suite.specs ?? []) for (const test of spec.tests ?? []) visit(spec, test)
    walkSuites(suite.suites, visit)
  }
}

const playwright = read(playwrightPath, 'playwright')
if (playwright) {
  const { expected, unexpected, flaky, skipped } = playwright.stats
  totals.passed += expected + flaky
  totals.failed += unexpected
  totals.skipped += skipped
  if ((playwright.errors ?? []).length > 0) {
    totals.failed += playwright.errors.length
    for (const e of playwright.errors) console.error(`playwright: ${e.message ?? JSON.stringify(e)}`)
  }
  walkSuites(playwright.suites, (spec, test) => {
    if (test.status === 'unexpected') {
      const error = test.results?.at(-1)?.error?.message
      failures.push(`playwright [${test.projectName}] ${spec.file}:${spec.line} › ${spec.title}: ${firstLine(error)}`)
    }
    if (test.status !== 'skipped') return
    const reason = test.annotations?.find((a) => a.type === 'skip')?.description ?? 'no reason given'
    const key = `${test.projectName}: ${reason}`
    skipReasons.set(key, (skipReasons.get(key) ?? 0) + 1)
  })
}

// Named right above the closing line, so the tail of a CI log says what failed.
for (const failure of failures) console.log(`FAILED ${failure}`)
for (const [reason, count] of skipReasons) console.log(`skipped ${count} (${reason})`)
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`)
process.exit(totals.failed > 0 || broken ? 1 : 0)
