import { basename, resolve } from 'node:path'
import { afterAll, onTestFinished, type TestContext } from 'vitest'
import { writeFragment, type ReliabilityRow } from '../../../../scripts/reliability-table'

export const ROOT = resolve(__dirname, '../../../..')

export interface CaseRecord {
  id: string
  case: string
  expected: string
  observed: string
}

export interface ReliabilityTable {
  /**
   * Records what one test observed. Call it before the assertions: the row says what happened
   * even when the test then fails, and its Result column is the test's own verdict.
   */
  record(context: TestContext, row: CaseRecord): void
}

/** The tracked docs/reliability/*.json and docs/reliability.md are rewritten only on request. */
export const WRITE_RELIABILITY_DOCS = process.env.RELIABILITY_DOCS === '1'

/**
 * The rows one test file contributes to docs/reliability.md, written when the file's tests
 * have finished and RELIABILITY_DOCS=1. `file` is the test file's __filename.
 */
export function reliabilityTable(file: string, section: number, title: string): ReliabilityTable {
  const rows: ReliabilityRow[] = []
  const fileName = basename(file)
  afterAll(() => {
    if (WRITE_RELIABILITY_DOCS && rows.length > 0) writeFragment(ROOT, fileName.replace(/\.test\.ts$/, ''), { section, title, rows })
  })
  return {
    record(context, row) {
      const entry: ReliabilityRow = { ...row, passed: false, test: `${fileName} › ${context.task.name}` }
      const existing = rows.findIndex((r) => r.id === row.id)
      if (existing >= 0) rows.splice(existing, 1, entry)
      else rows.push(entry)
      onTestFinished(({ task }) => {
        entry.passed = task.result?.state === 'pass'
      })
    }
  }
}

/** "1 POST arrival" / "2 POST arrivals" / "2 addresses". */
export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : word.endsWith('s') ? 'es' : 's'}`
