import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { BENCH_END, BENCH_START, withBenchSection } from '../../../bench/lib/docs-section'

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

  it('has its place in the real page', () => {
    const real = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'performance.md'), 'utf8')
    expect(() => withBenchSection(real, 'x')).not.toThrow()
  })
})
