/**
 * The bench's part of docs/performance.md: the text between the two marker lines is the
 * bench's, the rest of the page (title, who it is for, the analysis) is written by hand.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { REPO_ROOT } from './child'

export const BENCH_START = '<!-- bench:start -->'
export const BENCH_END = '<!-- bench:end -->'

export const PERFORMANCE_PAGE = join(REPO_ROOT, 'docs', 'performance.md')
/** The complete default run's results, from which the page's section is rendered. */
export const RESULTS_FILE = join(REPO_ROOT, 'bench', 'results.json')
/** Any other run's (git-ignored). */
export const PARTIAL_RESULTS_FILE = join(REPO_ROOT, 'out', 'bench-results.json')

const count = (text: string, marker: string): number => text.split(marker).length - 1

/**
 * The page with `section` between its markers, replacing what was there. A page without
 * exactly one pair of markers, in that order, is refused: the section is never written twice
 * and never outside its place.
 */
export function withBenchSection(page: string, section: string): string {
  const starts = count(page, BENCH_START)
  const ends = count(page, BENCH_END)
  if (starts !== 1 || ends !== 1) throw new Error(`the page must hold "${BENCH_START}" and "${BENCH_END}" once each (found ${starts} and ${ends})`)
  const from = page.indexOf(BENCH_START)
  const to = page.indexOf(BENCH_END)
  if (to < from) throw new Error(`"${BENCH_END}" comes before "${BENCH_START}"`)
  if (section.includes(BENCH_START) || section.includes(BENCH_END)) throw new Error('the section must not hold a marker line')
  return `${page.slice(0, from + BENCH_START.length)}\n\n${section.trim()}\n\n${page.slice(to)}`
}

/** The text between the page's markers, trimmed. */
export function benchSection(page: string): string {
  const from = page.indexOf(BENCH_START)
  const to = page.indexOf(BENCH_END)
  if (from < 0 || to < from) throw new Error(`the page has no "${BENCH_START}" … "${BENCH_END}" section`)
  return page.slice(from + BENCH_START.length, to).trim()
}

/** Rewrites the section of the page at `path` in place (written to a temporary file first). */
export function writeBenchSection(path: string, section: string): void {
  const page = withBenchSection(readFileSync(path, 'utf8'), section)
  writeFileSync(`${path}.tmp`, page)
  renameSync(`${path}.tmp`, path)
}
