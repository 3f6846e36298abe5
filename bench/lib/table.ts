/** A plain-text table: first row is the header; numbers right-aligned. */
export function renderTable(rows: readonly (readonly string[])[], title?: string): string {
  if (rows.length === 0) return ''
  const header = rows[0]!
  const widths = header.map((_, col) => Math.max(...rows.map((row) => (row[col] ?? '').length)))
  const numeric = header.map((_, col) => rows.slice(1).every((row) => /^[-+]?[\d.,]+( ?[a-zA-Z%/×]+)?$|^[—-]$/.test(row[col] ?? '')))
  const line = (row: readonly string[]): string =>
    row
      .map((cell, col) => (numeric[col] && rows.indexOf(row) !== 0 ? cell.padStart(widths[col]!) : cell.padEnd(widths[col]!)))
      .join('  ')
      .trimEnd()
  const rule = widths.map((w) => '-'.repeat(w)).join('  ')
  const body = [line(header), rule, ...rows.slice(1).map(line)].join('\n')
  return title ? `${title}\n${body}\n` : `${body}\n`
}

/** The same rows as a GitHub-flavoured Markdown table. */
export function renderMarkdownTable(rows: readonly (readonly string[])[]): string {
  if (rows.length === 0) return ''
  const escape = (cell: string): string => cell.replace(/\|/g, '\\|')
  const [head = [], ...rest] = rows
  return (
    [`| ${head.map(escape).join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rest.map((row) => `| ${row.map(escape).join(' | ')} |`)].join('\n') +
    '\n'
  )
}

export function ms(value: number | null | undefined, digits = 3): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—'
  if (Math.abs(value) < 0.01 && value !== 0) return `${(value * 1000).toFixed(2)} µs`
  return `${value.toFixed(Math.abs(value) < 10 ? digits : 1)} ms`
}

export function ratio(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—'
  return `${value.toFixed(2)}×`
}

export function kb(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes)) return '—'
  return `${(bytes / 1024).toFixed(1)} KB`
}

export function mb(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes)) return '—'
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

export function count(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—'
  return Math.round(value).toLocaleString('en-US')
}
