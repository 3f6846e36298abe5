/**
 * `npm run test:mutation:report`: turns the last mutation run (StrykerJS's reports/mutation/mutation.json
 * and the run's facts in reports/mutation/run.json, both written by `npm run test:mutation`) into
 * test/mutation/summary.json, and rewrites the "Mutation testing" table of docs/testing.md from that
 * summary, between its marker lines. The equivalent mutants in test/mutation/equivalent-mutants.json
 * are matched against the run's survivors; an entry that matches none is reported as stale.
 * test/node/mutation/report.test.ts fails when the committed table and summary disagree.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { MutationRun } from './mutation-run'

export const MODULES_FILE = 'test/mutation/modules.json'
export const EQUIVALENTS_FILE = 'test/mutation/equivalent-mutants.json'
export const SUMMARY_FILE = 'test/mutation/summary.json'
export const REPORT_FILE = 'reports/mutation/mutation.json'
export const RUN_FILE = 'reports/mutation/run.json'
export const DOCS_FILE = 'docs/testing.md'
export const START_MARKER = '<!-- mutation-table:start (written by npm run test:mutation:report; do not edit by hand) -->'
export const END_MARKER = '<!-- mutation-table:end -->'
/** The issue's goal for every listed module: Stryker's own score, equivalent mutants counted as survivors. */
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
  /** Stryker's mutation score: killed and timed out over every judged mutant, in percent, one decimal. */
  score: number
  /** The same with the listed equivalent mutants set aside. */
  scoreWithoutEquivalents: number
}

export interface MutationSummary {
  measuredAt: string
  command: string
  wallSeconds: number
  phases: { setupSeconds: number; initialRunSeconds: number; mutationSeconds: number } | null
  loadAverage: MutationRun['loadAverage']
  cpus: number
  node: string
  stryker: string
  modules: ModuleRow[]
  equivalents: EquivalentMutant[]
  /** Listed equivalent mutants that matched no survivor of the run (the code changed, or a test now kills them). */
  stale: EquivalentMutant[]
  /** Not-killed mutants that are neither killed nor listed, for the reader to chase. */
  unexplained: Array<Omit<EquivalentMutant, 'reason'> & { status: Status }>
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

export function summarize(
  report: StrykerReport,
  run: MutationRun,
  modules: readonly ListedModule[],
  listed: readonly EquivalentMutant[],
  stryker: string
): MutationSummary {
  const missing = modules.filter((m) => report.files[m.file] === undefined).map((m) => m.file)
  if (missing.length > 0)
    throw new Error(`${REPORT_FILE} holds no result for ${missing.join(', ')}: run \`npm run test:mutation\` over every listed module first.`)
  const { matched, stale } = matchEquivalents(report, listed)
  const unexplained: MutationSummary['unexplained'] = []
  const rows = modules.map((module): ModuleRow => {
    const file = report.files[module.file]!
    const count = (status: Status) => file.mutants.filter((m) => m.status === status).length
    const killed = count('Killed')
    const timeout = count('Timeout')
    const survived = count('Survived')
    const noCoverage = count('NoCoverage')
    const equivalent = file.mutants.filter((m) => matched.has(m)).length
    for (const m of file.mutants) {
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
  const seconds = (ms: number) => Math.round(ms / 1000)
  return {
    measuredAt: run.startedAt,
    command: run.command,
    wallSeconds: run.wallSeconds,
    phases: report.performance
      ? {
          setupSeconds: seconds(report.performance.setup),
          initialRunSeconds: seconds(report.performance.initialRun),
          mutationSeconds: seconds(report.performance.mutation)
        }
      : null,
    loadAverage: run.loadAverage,
    cpus: run.cpus,
    node: run.node,
    stryker,
    modules: rows,
    equivalents: [...matched.values()].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line),
    stale,
    unexplained
  }
}

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')
const code = (text: string): string => (text === '' ? '(empty)' : `\`${cell(text).replace(/`/g, 'ˋ')}\``)
const duration = (seconds: number): string =>
  seconds < 120 ? `${seconds} s` : `${Math.floor(seconds / 3600) > 0 ? `${Math.floor(seconds / 3600)} h ` : ''}${Math.round((seconds % 3600) / 60)} min`

/** The generated part of docs/testing.md, markers excluded. */
export function renderMutationSection(summary: MutationSummary): string {
  const lines = [
    `Measured ${summary.measuredAt.slice(0, 10)} with \`${summary.command}\` (StrykerJS ${summary.stryker}, ${summary.node}, ${summary.cpus} cores):`,
    `${duration(summary.wallSeconds)} wall time${summary.phases ? ` (initial test run ${duration(summary.phases.initialRunSeconds)}, mutants ${duration(summary.phases.mutationSeconds)})` : ''},`,
    `the machine's 1-minute load average ${summary.loadAverage.mean} on average through the run (${summary.loadAverage.max} at most).`,
    '',
    `Score is StrykerJS's own: killed and timed-out mutants over all judged ones, the equivalent mutants counted as survivors. Goal: ≥ ${GOAL_PERCENT} % for every module.`,
    '',
    '| Module | Guards | Mutants | Killed | Timeout | Survived | No coverage | Equivalent | Unexplained | Score | Without equivalents | Goal |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|'
  ]
  for (const r of summary.modules) {
    lines.push(
      `| \`${r.file}\` | ${cell(r.guards)} | ${r.mutants} | ${r.killed} | ${r.timeout} | ${r.survived} | ${r.noCoverage} | ${r.equivalent} | ${r.unexplained} | ${r.score.toFixed(1)} % | ${r.scoreWithoutEquivalents.toFixed(1)} % | ${r.score >= GOAL_PERCENT ? 'met' : 'NOT MET'} |`
    )
  }
  const total = summary.modules.reduce(
    (t, r) => ({
      mutants: t.mutants + r.mutants,
      killed: t.killed + r.killed + r.timeout,
      judged: t.judged + r.killed + r.timeout + r.survived + r.noCoverage
    }),
    { mutants: 0, killed: 0, judged: 0 }
  )
  lines.push('', `${summary.modules.length} modules, ${total.mutants} mutants, ${percent(total.killed, total.judged).toFixed(1)} % killed overall.`, '')
  lines.push(`### Equivalent mutants (${summary.equivalents.length})`, '')
  if (summary.equivalents.length === 0) lines.push('None listed.')
  else {
    lines.push('Listed in `test/mutation/equivalent-mutants.json`; each matched a survivor of the run above.', '')
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
    for (const u of summary.unexplained) lines.push(`- \`${u.file}:${u.line}\` ${u.mutator} (${u.status}): ${code(u.original)} → ${code(u.replacement)}`)
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
export const readSummary = (root: string): MutationSummary => readJson(join(root, SUMMARY_FILE)) as MutationSummary

function main(): void {
  const root = resolve(__dirname, '..')
  const report = readJson(join(root, REPORT_FILE)) as StrykerReport
  const run = readJson(join(root, RUN_FILE)) as MutationRun
  const stryker = (readJson(join(root, 'node_modules/@stryker-mutator/core/package.json')) as { version: string }).version
  const summary = summarize(report, run, readModules(root), readEquivalents(root), stryker)
  writeFileSync(join(root, SUMMARY_FILE), JSON.stringify(summary, null, 2) + '\n')
  const docsPath = join(root, DOCS_FILE)
  writeFileSync(docsPath, withSection(readFileSync(docsPath, 'utf8'), renderMutationSection(summary)))
  const below = summary.modules.filter((m) => m.score < GOAL_PERCENT)
  process.stdout.write(
    `${SUMMARY_FILE} and ${DOCS_FILE} written: ${summary.modules.length} modules, ${below.length} below ${GOAL_PERCENT} %, ${summary.unexplained.length} mutants neither killed nor listed, ${summary.stale.length} stale equivalent entries.\n`
  )
  if (below.length > 0 || summary.stale.length > 0) process.exitCode = 1
}

if (require.main === module) main()
