/** Order statistics of a sample of durations (milliseconds). */
export interface Summary {
  n: number
  min: number
  mean: number
  median: number
  p90: number
  p99: number
  max: number
}

/** Nearest-rank percentile of an ascending array (q in 0..1). */
export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN
  const rank = Math.ceil(q * sorted.length)
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b)
  const total = sorted.reduce((sum, x) => sum + x, 0)
  return {
    n: sorted.length,
    min: sorted[0] ?? Number.NaN,
    mean: sorted.length ? total / sorted.length : Number.NaN,
    median: percentile(sorted, 0.5),
    p90: percentile(sorted, 0.9),
    p99: percentile(sorted, 0.99),
    max: sorted[sorted.length - 1] ?? Number.NaN
  }
}

export function median(samples: readonly number[]): number {
  return percentile(
    [...samples].sort((a, b) => a - b),
    0.5
  )
}

/** Rounds for JSON and tables: 4 significant decimals below 1, 3 otherwise. */
export function round(value: number, digits = 3): number {
  if (!Number.isFinite(value)) return value
  const factor = 10 ** (Math.abs(value) < 1 ? digits + 1 : digits)
  return Math.round(value * factor) / factor
}

export function roundSummary(summary: Summary): Summary {
  const out = { ...summary }
  for (const key of ['min', 'mean', 'median', 'p90', 'p99', 'max'] as const) out[key] = round(summary[key])
  return out
}
