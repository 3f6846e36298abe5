import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { benchSection, BENCH_END, BENCH_START, PERFORMANCE_PAGE, RESULTS_FILE, withBenchSection } from '../../../bench/lib/docs-section'
import { renderReport, type BenchResults } from '../../../bench/report'

const page = ['# Performance', '', 'Who it is for.', '', BENCH_START, '', 'old figures', '', BENCH_END, '', '## Analysis', '', 'Why.', ''].join('\n')

describe("the bench's section of docs/performance.md", () => {
  it('replaces what lies between the markers and keeps the rest of the page', () => {
    const written = withBenchSection(page, '**Goals**\n\nnew figures\n')
    expect(written).toBe(page.replace('old figures', '**Goals**\n\nnew figures'))
  })

  it('writes the section once, however often the bench runs', () => {
    const once = withBenchSection(page, 'new figures')
    expect(withBenchSection(once, 'new figures')).toBe(once)
    expect(once.split('new figures')).toHaveLength(2)
  })

  it('refuses a page without exactly one pair of markers in order, and a section holding a marker', () => {
    expect(() => withBenchSection(page.replace(BENCH_START, ''), 'x')).toThrow(/once each/)
    expect(() => withBenchSection(`${page}\n${BENCH_END}\n`, 'x')).toThrow(/once each/)
    expect(() => withBenchSection(page.replace(BENCH_START, 'TMP').replace(BENCH_END, BENCH_START).replace('TMP', BENCH_END), 'x')).toThrow(/comes before/)
    expect(() => withBenchSection(page, `a\n${BENCH_END}\nb`)).toThrow(/marker/)
  })

  it('holds bench/results.json as the bench renders it: one source for the figures and their text', () => {
    const real = readFileSync(PERFORMANCE_PAGE, 'utf8')
    const results = JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as BenchResults
    expect(benchSection(real)).toBe(renderReport(results).markdown.trim())
  })
})
