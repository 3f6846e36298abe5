/**
 * `npm run test:mutation:report`: turns the modules' last mutation runs (StrykerJS's JSON report and
 * the run's facts, reports/mutation/modules/<module>.json and .run.json, written by
 * `npm run test:mutation`) into test/mutation/summary.json, and rewrites the "Mutation testing" table
 * of docs/testing.md from that summary, between its marker lines. A module without a newer report
 * keeps its row of the committed summary; a module never measured is shown as such. The equivalent
 * mutants in test/mutation/equivalent-mutants.json are matched against each run's survivors; an entry
 * that matches none is reported as stale. test/node/mutation/report.test.ts fails when the committed
 * table and summary disagree.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { moduleReportOf, moduleRunOf, type MutationRun } from './mutation-run'

export const MODULES_FILE = 'test/mutation/modules.json'
export const EQUIVALENTS_FILE = 'test/mutation/equivalent-mutants.json'
export const SUMMARY_FILE = 'test/mutation/summary.json'
export const DOCS_FILE = 'docs/testing.md'
export const START_MARKER = '<!-- mutation-table:start (written by npm run test:mutation:report; do not edit by hand) -->'
export const END_MARKER = '<!-- mutation-table:end -->'
/** The issue's goal for every listed module: the mutation score with the listed equivalent mutants set aside. */
export const GOAL_PERCENT = 90

export interface ListedModule {
  guards: string
  file: string
}

/** A surviving mutant that no test can kill, because the mutated program behaves as the original. */
export interface EquivalentMutant {
  file: string
  /** Where the run found it (1-based); used only to tell apart mutants of the same text. */
  line: number
  mutator: string
  /** The code the mutant replaces and what it puts there, with runs of white space as one space. */
  original: string
  replacement: string
  reason: string
}

/** StrykerJS's statuses (mutation-testing-report-schema). */
type Status = 'Killed' | 'Survived' | 'NoCoverage' | 'Timeout' | 'CompileError' | 'RuntimeError' | 'Ignored' | 'Pending'

interface Position {
  line: number
  column: number
}

export interface StrykerMutant {
  id: string
  mutatorName: string
  replacement?: string
  location: { start: Position; end: Position }
  status: Status
}

export interface StrykerReport {
  files: Record<string, { source: string; mutants: StrykerMutant[] }>
  performance?: { setup: number; initialRun: number; mutation: number }
  framework?: { name: string; version?: string }
}

export interface ModuleRow {
  file: string
  guards: string
  /** The module's last run, or null: not measured yet. */
  measured: { at: string; command: string; wallSeconds: number; loadAverage: number } | null
  mutants: number
  killed: number
  timeout: number
  survived: number
  noCoverage: number
  /** Compile and runtime errors: mutants that could not be judged (Stryker leaves them out of the score). */
  errors: number
  /** Survivors listed in equivalent-mutants.json. */
  equivalent: number
  /** Survivors (or uncovered mutants) neither killed nor listed as equivalent. */
  unexplained: number
  /** Stryker's mutation score: killed and timed out over every judged mutant, in percent, one decimal; null when not measured. */
  score: number | null
  /** The same with the listed equivalent mutants set aside. */
  scoreWithoutEquivalents: number | null
}

export interface MutationSummary {
  stryker: string
  modules: ModuleRow[]
  equivalents: EquivalentMutant[]
  /** Listed equivalent mutants that matched no survivor of their module's last run (the code changed, a test now kills them, or the module was not re-run since). */
  stale: EquivalentMutant[]
  /** Not-killed mutants that are neither killed nor listed, for the reader to chase. */
  unexplained: Array<Omit<EquivalentMutant, 'reason'> & { status: Status }>
}

/** One module's last run: Stryker's report (holding that module only) and the run's facts. */
export interface ModuleRun {
  file: string
  report: StrykerReport
  run: MutationRun
}

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'))
const oneSpace = (text: string): string => text.replace(/\s+/g, ' ').trim()
const percent = (part: number, whole: number): number => (whole === 0 ? 100 : Math.floor((1000 * part) / whole) / 10)

/** The source text a mutant replaces (the report's lines and columns count from 1). */
export function originalText(source: string, location: StrykerMutant['location']): string {
  const lines = source.split('\n')
  const { start, end } = location
  if (start.line === end.line) return (lines[start.line - 1] ?? '').slice(start.column - 1, end.column - 1)
  const parts = [
    (lines[start.line - 1] ?? '').slice(start.column - 1),
    ...lines.slice(start.line, end.line - 1),
    (lines[end.line - 1] ?? '').slice(0, end.column - 1)
  ]
  return parts.join('\n')
}

const NOT_KILLED: ReadonlySet<Status> = new Set(['Survived', 'NoCoverage'])

/** Matches each listed equivalent mutant to one not-killed mutant of the report: same file, mutator, text and replacement; the line decides among several. */
export function matchEquivalents(
  report: StrykerReport,
  listed: readonly EquivalentMutant[]
): { matched: Map<StrykerMutant, EquivalentMutant>; stale: EquivalentMutant[] } {
  const matched = new Map<StrykerMutant, EquivalentMutant>()
  const stale: EquivalentMutant[] = []
  for (const entry of listed) {
    const file = report.files[entry.file]
    const candidates = (file?.mutants ?? []).filter(
      (m) =>
        NOT_KILLED.has(m.status) &&
        !matched.has(m) &&
        m.mutatorName === entry.mutator &&
        oneSpace(m.replacement ?? '') === oneSpace(entry.replacement) &&
        oneSpace(originalText(file?.source ?? '', m.location)) === oneSpace(entry.original)
    )
    const chosen = candidates.length === 1 ? candidates[0] : candidates.find((m) => m.location.start.line === entry.line)
    if (chosen) matched.set(chosen, entry)
    else stale.push(entry)
  }
  return { matched, stale }
}

const notMeasured = (module: ListedModule): ModuleRow => ({
  file: module.file,
  guards: module.guards,
  measured: null,
  mutants: 0,
  killed: 0,
  timeout: 0,
  survived: 0,
  noCoverage: 0,
  errors: 0,
  equivalent: 0,
  unexplained: 0,
  score: null,
  scoreWithoutEquivalents: null
})

/**
 * The summary after the given module runs: a module with a run newer than its row in `previous`
 * gets a new row from it; any other keeps its previous row (or is not measured).
 */
export function summarize(
  previous: MutationSummary | undefined,
  runs: readonly ModuleRun[],
  modules: readonly ListedModule[],
  listed: readonly EquivalentMutant[],
  stryker: string
): MutationSummary {
  const equivalents: EquivalentMutant[] = []
  const stale: EquivalentMutant[] = []
  const unexplained: MutationSummary['unexplained'] = []
  const rows = modules.map((module): ModuleRow => {
    const listedHere = listed.filter((e) => e.file === module.file)
    const before = previous?.modules.find((r) => r.file === module.file)
    const latest = runs.find((r) => r.file === module.file)
    const fresh = latest && (before?.measured == null || latest.run.startedAt >= before.measured.at) ? latest : undefined
    if (!fresh) {
      const kept = before ? { ...before, guards: module.guards } : notMeasured(module)
      const matchedBefore = (previous?.equivalents ?? []).filter((e) => e.file === module.file)
      const same = (a: EquivalentMutant, b: EquivalentMutant) =>
        a.mutator === b.mutator && oneSpace(a.original) === oneSpace(b.original) && oneSpace(a.replacement) === oneSpace(b.replacement) && a.line === b.line
      for (const e of listedHere) (matchedBefore.some((m) => same(m, e)) ? equivalents : stale).push(e)
      unexplained.push(...(previous?.unexplained ?? []).filter((u) => u.file === module.file))
      return kept
    }
    const file = fresh.report.files[module.file]
    if (!file) throw new Error(`The report of ${module.file}'s run holds no result for it.`)
    const { matched, stale: staleHere } = matchEquivalents(fresh.report, listedHere)
    stale.push(...staleHere)
    equivalents.push(...matched.values())
    const count = (status: Status) => file.mutants.filter((m) => m.status === status).length
    const killed = count('Killed')
    const timeout = count('Timeout')
    const survived = count('Survived')
    const noCoverage = count('NoCoverage')
    const equivalent = file.mutants.filter((m) => matched.has(m)).length
    for (const m of [...file.mutants].sort((x, y) => x.location.start.line - y.location.start.line)) {
      if (NOT_KILLED.has(m.status) && !matched.has(m)) {
        unexplained.push({
          file: module.file,
          line: m.location.start.line,
          mutator: m.mutatorName,
          original: oneSpace(originalText(file.source, m.location)),
          replacement: oneSpace(m.replacement ?? ''),
          status: m.status
        })
      }
    }
    const judged = killed + timeout + survived + noCoverage
    return {
      file: module.file,
      guards: module.guards,
      measured: { at: fresh.run.startedAt, command: fresh.run.command, wallSeconds: fresh.run.wallSeconds, loadAverage: fresh.run.loadAverage.mean },
      mutants: file.mutants.length,
      killed,
      timeout,
      survived,
      noCoverage,
      errors: count('CompileError') + count('RuntimeError'),
      equivalent,
      unexplained: survived + noCoverage - equivalent,
      score: percent(killed + timeout, judged),
      scoreWithoutEquivalents: percent(killed + timeout, judged - equivalent)
    }
  })
  return {
    stryker,
    modules: rows,
    equivalents: equivalents.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line),
    stale,
    unexplained
  }
}

/** A module row's verdict against the goal. */
export const goalOf = (row: ModuleRow): 'met' | 'NOT MET' | 'not measured' =>
  row.scoreWithoutEquivalents === null ? 'not measured' : row.scoreWithoutEquivalents >= GOAL_PERCENT ? 'met' : 'NOT MET'

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')
const code = (text: string): string => (text === '' ? '(empty)' : `\`${cell(text).replace(/`/g, 'ˋ')}\``)
function duration(seconds: number): string {
  if (seconds < 120) return `${seconds} s`
  // Rounded to the minute first: 119.6 minutes are 2 h 0 min, not 1 h 60 min.
  const minutes = Math.round(seconds / 60)
  const hours = Math.floor(minutes / 60)
  return hours > 0 ? `${hours} h ${minutes % 60} min` : `${minutes} min`
}

/** The generated part of docs/testing.md, markers excluded. */
export function renderMutationSection(summary: MutationSummary): string {
  const measured = summary.modules.filter((r) => r.measured !== null)
  const wall = measured.reduce((t, r) => t + (r.measured?.wallSeconds ?? 0), 0)
  const lines = [
    `Each row is its module's last run on the date shown: \`npm run test:mutation -- <module>\` (StrykerJS ${summary.stryker}) runs every suite of`,
    `\`vitest.stryker.config.mts\` (tests *all*); with \`MUTATION_TIER=fast\` only the fast tiers (tests *fast*: a lower bound, since more tests can only kill more mutants).`,
    `Wall time is that run's, with the machine's mean 1-minute load average through it in brackets; a run that re-used incremental results is shorter.`,
    `${measured.length} of ${summary.modules.length} modules measured; their last runs took ${duration(wall)} together.`,
    '',
    `*Score* is StrykerJS's own: killed and timed-out mutants over all judged ones, the equivalent mutants counted as survivors. *Without equivalents* is the mutation score`,
    `proper: the listed equivalent mutants (no test can tell them from the original) set aside. Goal: ≥ ${GOAL_PERCENT} % without equivalents for every module.`,
    '',
    '| Module | Guards | Measured | Tests | Wall time (load) | Mutants | Killed | Timeout | Survived | No coverage | Equivalent | Unexplained | Score | Without equivalents | Goal |',
    '|---|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|'
  ]
  for (const r of summary.modules) {
    if (r.measured === null || r.score === null || r.scoreWithoutEquivalents === null) {
      lines.push(`| \`${r.file}\` | ${cell(r.guards)} | not measured | | | | | | | | | | | | not measured |`)
      continue
    }
    lines.push(
      `| \`${r.file}\` | ${cell(r.guards)} | ${r.measured.at.slice(0, 10)} | ${r.measured.command.startsWith('MUTATION_TIER=fast') ? 'fast' : 'all'} | ${duration(r.measured.wallSeconds)} (${r.measured.loadAverage}) | ${r.mutants} | ${r.killed} | ${r.timeout} | ${r.survived} | ${r.noCoverage} | ${r.equivalent} | ${r.unexplained} | ${r.score.toFixed(1)} % | ${r.scoreWithoutEquivalents.toFixed(1)} % | ${goalOf(r)} |`
    )
  }
  const total = measured.reduce(
    (t, r) => ({
      mutants: t.mutants + r.mutants,
      killed: t.killed + r.killed + r.timeout,
      judged: t.judged + r.killed + r.timeout + r.survived + r.noCoverage
    }),
    { mutants: 0, killed: 0, judged: 0 }
  )
  const below = summary.modules.filter((r) => goalOf(r) !== 'met').length
  lines.push(
    '',
    `${measured.length} modules measured, ${total.mutants} mutants, ${percent(total.killed, total.judged).toFixed(1)} % killed overall; ${below} of ${summary.modules.length} modules not (yet) at the goal.`,
    ''
  )
  lines.push(`### Equivalent mutants (${summary.equivalents.length})`, '')
  if (summary.equivalents.length === 0) lines.push('None listed.')
  else {
    lines.push("Listed in `test/mutation/equivalent-mutants.json`; each matched a survivor of its module's last run.", '')
    lines.push('| Where | Mutator | Original | Replacement | Why no test can tell |', '|---|---|---|---|---|')
    for (const e of summary.equivalents)
      lines.push(`| \`${e.file}:${e.line}\` | ${e.mutator} | ${code(e.original)} | ${code(e.replacement)} | ${cell(e.reason)} |`)
  }
  if (summary.stale.length > 0) {
    lines.push('', `**${summary.stale.length} listed equivalent mutants matched no survivor** (remove them, or re-check them against the code):`, '')
    for (const e of summary.stale) lines.push(`- \`${e.file}:${e.line}\` ${e.mutator}: ${code(e.original)} → ${code(e.replacement)}`)
  }
  if (summary.unexplained.length > 0) {
    lines.push('', `**${summary.unexplained.length} mutants neither killed nor listed as equivalent:**`, '')
    // Two mutants alike on one line (the same call twice) are one item, counted.
    const items = new Map<string, number>()
    for (const u of summary.unexplained) {
      const item = `- \`${u.file}:${u.line}\` ${u.mutator} (${u.status}): ${code(u.original)} → ${code(u.replacement)}`
      items.set(item, (items.get(item) ?? 0) + 1)
    }
    for (const [item, count] of items) lines.push(count === 1 ? item : `${item} (×${count})`)
  }
  return lines.join('\n')
}

/** The text between the markers of docs/testing.md, or undefined without both markers. */
export function sectionOf(docs: string): string | undefined {
  const start = docs.indexOf(START_MARKER)
  const end = docs.indexOf(END_MARKER)
  if (start < 0 || end < start) return undefined
  return docs
    .slice(start + START_MARKER.length, end)
    .replace(/^\n/, '')
    .replace(/\n$/, '')
}

export function withSection(docs: string, section: string): string {
  const start = docs.indexOf(START_MARKER)
  const end = docs.indexOf(END_MARKER)
  if (start < 0 || end < start) throw new Error(`${DOCS_FILE} has no ${START_MARKER} … ${END_MARKER} lines`)
  return `${docs.slice(0, start + START_MARKER.length)}\n${section}\n${docs.slice(end)}`
}

export const readModules = (root: string): ListedModule[] => (readJson(join(root, MODULES_FILE)) as { modules: ListedModule[] }).modules
export const readEquivalents = (root: string): EquivalentMutant[] => (readJson(join(root, EQUIVALENTS_FILE)) as { mutants: EquivalentMutant[] }).mutants
export const readSummary = (root: string): MutationSummary | undefined =>
  existsSync(join(root, SUMMARY_FILE)) ? (readJson(join(root, SUMMARY_FILE)) as MutationSummary) : undefined

/** The module runs kept in reports/mutation/modules/ by `npm run test:mutation`. */
export function readModuleRuns(root: string, modules: readonly ListedModule[]): ModuleRun[] {
  return modules
    .filter((m) => existsSync(join(root, moduleReportOf(m.file))) && existsSync(join(root, moduleRunOf(m.file))))
    .map((m) => ({
      file: m.file,
      report: readJson(join(root, moduleReportOf(m.file))) as StrykerReport,
      run: readJson(join(root, moduleRunOf(m.file))) as MutationRun
    }))
}

function main(): void {
  const root = resolve(__dirname, '..')
  const modules = readModules(root)
  const stryker = (readJson(join(root, 'node_modules/@stryker-mutator/core/package.json')) as { version: string }).version
  const summary = summarize(readSummary(root), readModuleRuns(root, modules), modules, readEquivalents(root), stryker)
  writeFileSync(join(root, SUMMARY_FILE), JSON.stringify(summary, null, 2) + '\n')
  const docsPath = join(root, DOCS_FILE)
  writeFileSync(docsPath, withSection(readFileSync(docsPath, 'utf8'), renderMutationSection(summary)))
  const below = summary.modules.filter((m) => goalOf(m) !== 'met')
  process.stdout.write(
    `${SUMMARY_FILE} and ${DOCS_FILE} written: ${summary.modules.length} modules, ${below.length} not measured or below ${GOAL_PERCENT} %, ${summary.unexplained.length} mutants neither killed nor listed, ${summary.stale.length} stale equivalent entries.\n`
  )
  if (summary.stale.length > 0) process.exitCode = 1
}

if (require.main === module) main()
