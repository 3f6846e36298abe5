// Sums vitest's and Playwright's JSON reports, and the checks run before them (typecheck, lint,
// format, build, workflows: one test each), into one line: "N passed, N failed, N skipped".
// A fourth report, when named, is the main-process suites' run on Electron's Node line
// (scripts/electron-node.mjs, which writes `<report>.runtime.json` beside it); above the
// closing line one line per tier says which Node ran it and what it counted.
// A missing or unreadable report counts as a failure, so a crashed runner cannot pass.
import { readFileSync } from 'node:fs'

const [vitestPath, playwrightPath, checksPath, electronNodePath] = process.argv.slice(2)
const totals = { passed: 0, failed: 0, skipped: 0 }
/** One line per tier: which runner on which Node, and its own counts. */
const tiers = []
const counts = (passed, failed, skipped) => `${passed} passed, ${failed} failed, ${skipped} skipped`
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
  const names = []
  let passedChecks = 0
  for (const line of lines) {
    const [name, code] = line.trim().split(/\s+/)
    names.push(name)
    if (code === '0') {
      totals.passed += 1
      passedChecks += 1
    } else {
      totals.failed += 1
      failures.push(`check ${name}: exit code ${code} (output in ${relative(checksPath).replace(/checks\.txt$/, `${name}.log`)})`)
    }
  }
  tiers.push(`checks on Node ${process.version} (${names.join(', ')}): ${counts(passedChecks, names.length - passedChecks, 0)}`)
}

/** Adds one vitest report to the totals; `label` prefixes its failures. */
function addVitest(report, label) {
  totals.passed += report.numPassedTests
  totals.failed += report.numFailedTests
  totals.skipped += report.numPendingTests + report.numTodoTests
  if (report.numTotalTests === 0) broken = true
  for (const file of report.testResults ?? []) {
    const failedTests = (file.assertionResults ?? []).filter((t) => t.status === 'failed')
    for (const t of failedTests) failures.push(`${label} ${relative(file.name)} › ${t.fullName ?? t.title}: ${firstLine(t.failureMessages?.[0])}`)
    if (failedTests.length === 0 && file.status === 'failed') failures.push(`${label} ${relative(file.name)}: ${firstLine(file.message)}`)
  }
  return counts(report.numPassedTests, report.numFailedTests, report.numPendingTests + report.numTodoTests)
}

const vitest = read(vitestPath, 'vitest')
if (vitest) tiers.push(`vitest on Node ${process.version} (this machine; projects node, node-slow, web): ${addVitest(vitest, 'vitest')}`)

if (electronNodePath !== undefined) {
  const report = read(electronNodePath, "vitest on Electron's Node line")
  let runtime = null
  try {
    runtime = JSON.parse(readFileSync(`${electronNodePath}.runtime.json`, 'utf8'))
  } catch {
    // Reported below: a tier that cannot say which Node ran it does not count as run.
  }
  if (report && runtime) {
    const files = (report.testResults ?? []).length
    const tally = addVitest(report, `vitest [Node ${runtime.node}]`)
    tiers.push(`vitest on Node ${runtime.node} (Electron's main-process line; ${runtime.suites.join(', ')}: ${files} files): ${tally}`)
  } else if (report) {
    console.error(`vitest on Electron's Node line: no ${electronNodePath}.runtime.json saying which Node ran it`)
    totals.failed += 1
    broken = true
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
  tiers.push(
    `playwright, test process on Node ${process.version} (chromium: Debian's Chromium; electron: the app on Electron's own Node): ${counts(expected + flaky, unexpected, skipped)}`
  )
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
for (const tier of tiers) console.log(`tier: ${tier}`)
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`)
process.exit(totals.failed > 0 || broken ? 1 : 0)
