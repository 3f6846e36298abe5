// Sums vitest's and Playwright's JSON reports into one line: "N passed, N failed, N skipped".
// A missing or unreadable report counts as a failure, so a crashed runner cannot pass.
import { readFileSync } from 'node:fs'

const [vitestPath, playwrightPath] = process.argv.slice(2)
const totals = { passed: 0, failed: 0, skipped: 0 }
const skipReasons = new Map()
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

const vitest = read(vitestPath, 'vitest')
if (vitest) {
  totals.passed += vitest.numPassedTests
  totals.failed += vitest.numFailedTests
  totals.skipped += vitest.numPendingTests + vitest.numTodoTests
  if (vitest.numTotalTests === 0) broken = true
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
    if (test.status !== 'skipped') return
    const reason = test.annotations?.find((a) => a.type === 'skip')?.description ?? 'no reason given'
    const key = `${test.projectName}: ${reason}`
    skipReasons.set(key, (skipReasons.get(key) ?? 0) + 1)
  })
}

for (const [reason, count] of skipReasons) console.log(`skipped ${count} (${reason})`)
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`)
process.exit(totals.failed > 0 || broken ? 1 : 0)
