import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { moduleSlug, parseArguments, type MutationRun } from '../../../scripts/mutation-run'
import { readWorkflow } from '../ci/workflow-files'
import {
  DOCS_FILE,
  readEquivalents,
  readModules,
  readSummary,
  renderMutationSection,
  sectionOf,
  summarize,
  type EquivalentMutant,
  type ModuleRun,
  type StrykerMutant,
  type StrykerReport
} from '../../../scripts/mutation-report'

const ROOT = resolve(__dirname, '../../..')
const byPlace = (a: EquivalentMutant, b: EquivalentMutant) => a.file.localeCompare(b.file) || a.line - b.line || a.mutator.localeCompare(b.mutator)

describe('the mutation testing table in docs/testing.md', () => {
  const summary = readSummary(ROOT)!

  it('is the committed summary (test/mutation/summary.json) as npm run test:mutation:report renders it', () => {
    const section = sectionOf(readFileSync(join(ROOT, DOCS_FILE), 'utf8'))
    expect(section, 'docs/testing.md lost its mutation-table marker lines').toBeDefined()
    expect(section).toBe(renderMutationSection(summary))
  })

  it('covers exactly the modules listed in test/mutation/modules.json, which stryker.config.mjs mutates', () => {
    expect(summary.modules.map((m) => [m.file, m.guards])).toEqual(readModules(ROOT).map((m) => [m.file, m.guards]))
  })

  it('is measured by the weekly workflow one job per listed module, the same list', () => {
    const job = readWorkflow('mutation.yml').jobs['module']
    const matrix = (job?.strategy?.matrix as { module?: string[] } | undefined)?.module
    expect(matrix).toEqual(readModules(ROOT).map((m) => m.file))
  })

  it('sets aside exactly the equivalent mutants of test/mutation/equivalent-mutants.json, each found among the run’s survivors', () => {
    expect(summary.stale).toEqual([])
    expect([...summary.equivalents].sort(byPlace)).toEqual([...readEquivalents(ROOT)].sort(byPlace))
    for (const e of readEquivalents(ROOT)) expect(e.reason.trim().length, `${e.file}:${e.line} needs its reason`).toBeGreaterThan(20)
  })

  it('shows each module that is not measured or under the goal as such', () => {
    const section = sectionOf(readFileSync(join(ROOT, DOCS_FILE), 'utf8')) ?? ''
    for (const row of summary.modules) {
      const line = section.split('\n').find((l) => l.startsWith(`| \`${row.file}\` |`))
      expect(line, row.file).toBeDefined()
      if (row.scoreWithoutEquivalents === null) expect(line).toMatch(/\| not measured \|$/)
      else expect(line).toMatch(row.scoreWithoutEquivalents >= 90 ? /\| met \|$/ : /\| NOT MET \|$/)
    }
  })
})

describe('the report script', () => {
  const source = 'export const big = (n: number) => n > 10\nexport const name = "x"\n'
  const mutant = (
    id: string,
    mutatorName: string,
    replacement: string,
    line: number,
    from: number,
    to: number,
    status: StrykerMutant['status']
  ): StrykerMutant => ({
    id,
    mutatorName,
    replacement,
    location: { start: { line, column: from }, end: { line, column: to } },
    status
  })
  const report: StrykerReport = {
    files: {
      'src/a.ts': {
        source,
        mutants: [
          mutant('1', 'EqualityOperator', 'n >= 10', 1, 35, 41, 'Survived'),
          mutant('2', 'EqualityOperator', 'n <= 10', 1, 35, 41, 'Killed'),
          mutant('3', 'StringLiteral', '""', 2, 21, 24, 'NoCoverage'),
          mutant('4', 'BooleanLiteral', 'true', 1, 35, 41, 'Timeout'),
          mutant('5', 'ConditionalExpression', 'false', 1, 35, 41, 'RuntimeError')
        ]
      }
    }
  }
  const run: MutationRun = {
    startedAt: '2026-12-08T10:00:00.000Z',
    command: 'npm run test:mutation -- src/a.ts',
    wallSeconds: 4000,
    exitCode: 0,
    cpus: 2,
    node: 'v20.20.2',
    loadAverage: { atStart: 1, atEnd: 2, mean: 1.5, max: 2, samples: 3 }
  }
  const modules = [{ file: 'src/a.ts', guards: 'an example' }]
  const runs: ModuleRun[] = [{ file: 'src/a.ts', report, run }]
  const equivalent: EquivalentMutant = {
    file: 'src/a.ts',
    line: 1,
    mutator: 'EqualityOperator',
    original: 'n > 10',
    replacement: 'n >= 10',
    reason: 'ten never reaches it'
  }

  it('counts each status, and scores killed and timed-out mutants over the judged ones (errors left out)', () => {
    const [row] = summarize(undefined, runs, modules, [], '9.6.1').modules
    expect(row).toMatchObject({
      mutants: 5,
      killed: 1,
      timeout: 1,
      survived: 1,
      noCoverage: 1,
      errors: 1,
      equivalent: 0,
      unexplained: 2,
      score: 50,
      scoreWithoutEquivalents: 50
    })
  })

  it('sets a listed equivalent mutant aside by its file, mutator, code and replacement, and names the rest as unexplained', () => {
    const summary = summarize(undefined, runs, modules, [equivalent], '9.6.1')
    expect(summary.modules[0]).toMatchObject({ equivalent: 1, unexplained: 1, score: 50, scoreWithoutEquivalents: 66.6 })
    expect(summary.equivalents).toEqual([equivalent])
    expect(summary.unexplained).toEqual([{ file: 'src/a.ts', line: 2, mutator: 'StringLiteral', original: '"x"', replacement: '""', status: 'NoCoverage' }])
    expect(summary.stale).toEqual([])
  })

  it('names two unexplained mutants alike on one line (the same call twice) once, counted', () => {
    const summary = summarize(undefined, runs, modules, [equivalent], '9.6.1')
    const twice = { ...summary, unexplained: [summary.unexplained[0]!, summary.unexplained[0]!] }
    const items = renderMutationSection(twice)
      .split('\n')
      .filter((line) => line.startsWith('- `src/a.ts:2`'))
    expect(items).toEqual(['- `src/a.ts:2` StringLiteral (NoCoverage): `"x"` → `""` (×2)'])
  })

  it('meets the goal by the score without equivalents: a module whose every survivor is listed is met, whatever its raw score', () => {
    const uncovered: EquivalentMutant = {
      file: 'src/a.ts',
      line: 2,
      mutator: 'StringLiteral',
      original: '"x"',
      replacement: '""',
      reason: 'the name is never read'
    }
    const summary = summarize(undefined, runs, modules, [equivalent, uncovered], '9.6.1')
    expect(summary.modules[0]).toMatchObject({ score: 50, scoreWithoutEquivalents: 100, unexplained: 0 })
    expect(renderMutationSection(summary)).toMatch(/\| 50\.0 % \| 100\.0 % \| met \|$/m)
  })

  it('reports a listed mutant whose code changed, or that a test now kills, as stale', () => {
    const changed = { ...equivalent, original: 'n > 11' }
    const killed = { ...equivalent, replacement: 'n <= 10' }
    expect(summarize(undefined, runs, modules, [changed, killed], '9.6.1').stale).toEqual([changed, killed])
  })

  it("shows a listed module without a run as not measured, and keeps a measured module's row until a newer run", () => {
    const both = [...modules, { file: 'src/b.ts', guards: 'more' }]
    const first = summarize(undefined, runs, both, [equivalent], '9.6.1')
    expect(first.modules[1]).toMatchObject({ file: 'src/b.ts', measured: null, score: null })
    expect(renderMutationSection(first)).toContain('| `src/b.ts` | more | not measured |')
    const kept = summarize(first, [], both, [equivalent], '9.6.1')
    expect(kept.modules).toEqual(first.modules)
    expect(kept.equivalents).toEqual([equivalent])
    expect(kept.unexplained).toEqual(first.unexplained)
    const older = summarize(
      first,
      [{ ...runs[0]!, run: { ...run, startedAt: '2026-12-01T10:00:00.000Z' }, report: { files: { 'src/a.ts': { source, mutants: [] } } } }],
      both,
      [],
      '9.6.1'
    )
    expect(older.modules[0]).toEqual(first.modules[0])
  })

  it('marks a module under the goal in the table', () => {
    const section = renderMutationSection(summarize(undefined, runs, modules, [], '9.6.1'))
    expect(section).toContain('| `src/a.ts` | an example | 2026-12-08 | all | 1 h 7 min (1.5) | 5 | 1 | 1 | 1 | 1 | 0 | 2 | 50.0 % | 50.0 % | NOT MET |')
    expect(section).toContain('npm run test:mutation -- <module>')
    const fast = summarize(undefined, [{ ...runs[0]!, run: { ...run, command: 'MUTATION_TIER=fast npm run test:mutation -- src/a.ts' } }], modules, [], '9.6.1')
    expect(renderMutationSection(fast)).toContain('| `src/a.ts` | an example | 2026-12-08 | fast | 1 h 7 min (1.5) |')
  })

  it('rounds a wall time to the minute before it splits hours off: never "1 h 60 min"', () => {
    const almostTwoHours = summarize(undefined, [{ ...runs[0]!, run: { ...run, wallSeconds: 7176 } }], modules, [], '9.6.1')
    expect(renderMutationSection(almostTwoHours)).toContain('| 2 h 0 min (1.5) |')
    const minutes = summarize(undefined, [{ ...runs[0]!, run: { ...run, wallSeconds: 125 } }], modules, [], '9.6.1')
    expect(renderMutationSection(minutes)).toContain('| 2 min (1.5) |')
  })
})

describe('npm run test:mutation', () => {
  const listed = ['src/a.ts', 'src/b.ts']

  it('runs every listed module when none is named, and passes other options to Stryker', () => {
    expect(parseArguments(['--concurrency', '1'], listed)).toEqual({ modules: listed, strykerOptions: ['--concurrency', '1'] })
  })

  it('runs the modules named bare or with --mutate, one Stryker run each, with its own incremental file', () => {
    expect(parseArguments(['--mutate', 'src/b.ts', '--force'], listed)).toEqual({ modules: ['src/b.ts'], strykerOptions: ['--force'] })
    expect(parseArguments(['src/a.ts', '--mutate=src/b.ts'], listed).modules).toEqual(['src/a.ts', 'src/b.ts'])
    expect(moduleSlug('src/main/engine/auth/hmac.ts')).toBe('src__main__engine__auth__hmac.ts')
  })

  it('refuses a module that is not listed, so no run measures a file the table does not show', () => {
    expect(() => parseArguments(['--mutate', 'src/c.ts'], listed)).toThrow(/src\/c\.ts/)
  })
})
