/**
 * Attributes the bytes of a generated file to its sources through the file's
 * source map (v3, "mappings" VLQ), then groups them by npm package: tells which
 * dependency a bundle's bytes come from.
 */
import { gzipSync } from 'node:zlib'

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const DIGIT = new Map(Array.from(BASE64, (c, i) => [c, i]))

/** Decodes one segment's VLQ fields. */
function decodeSegment(segment: string): number[] {
  const fields: number[] = []
  let value = 0
  let shift = 0
  for (const char of segment) {
    const digit = DIGIT.get(char)
    if (digit === undefined) throw new Error(`bad VLQ character ${char}`)
    value += (digit & 31) << shift
    if (digit & 32) shift += 5
    else {
      fields.push(value & 1 ? -(value >>> 1) : value >>> 1)
      value = 0
      shift = 0
    }
  }
  return fields
}

export interface SourceMapV3 {
  sources: string[]
  mappings: string
}

/** Generated text per source (text not covered by any mapping goes to "(unmapped)"). */
export function textPerSource(code: string, map: SourceMapV3): Map<string, string[]> {
  const totals = new Map<string, string[]>()
  const add = (source: string, text: string): void => {
    if (!text) return
    const parts = totals.get(source)
    if (parts) parts.push(text)
    else totals.set(source, [text])
  }
  const lines = code.split('\n')
  const mappingLines = map.mappings.split(';')
  let sourceIndex = 0
  for (let line = 0; line < lines.length; line++) {
    const text = lines[line]!
    const segments = (mappingLines[line] ?? '').split(',').filter(Boolean)
    let column = 0
    let previous: { column: number; source: string } | null = null
    let mappedFrom = text.length
    for (const segment of segments) {
      const fields = decodeSegment(segment)
      column += fields[0]!
      if (fields.length >= 4) sourceIndex += fields[1]!
      const source = fields.length >= 4 ? (map.sources[sourceIndex] ?? '(unknown)') : '(unmapped)'
      if (previous) add(previous.source, text.slice(previous.column, column))
      else mappedFrom = column
      previous = { column, source }
    }
    if (previous) add(previous.source, text.slice(previous.column))
    add('(unmapped)', `${text.slice(0, Math.min(mappedFrom, text.length))}\n`)
  }
  return totals
}

/** "react-dom", "@tanstack/query-core", or "app" for the project's own files. */
export function packageOf(source: string): string {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source)
  if (match) return match[1]!
  if (source.startsWith('(')) return source
  return 'app'
}

export interface PackageBytes {
  name: string
  /** Minified bytes in the bundle. */
  raw: number
  /** Its text gzipped on its own: an indication, since gzip sizes do not add up exactly. */
  gzip: number
}

export function bytesPerPackage(code: string, map: SourceMapV3): PackageBytes[] {
  const byPackage = new Map<string, string[]>()
  for (const [source, parts] of textPerSource(code, map)) {
    const name = packageOf(source)
    const list = byPackage.get(name)
    if (list) list.push(...parts)
    else byPackage.set(name, [...parts])
  }
  return [...byPackage]
    .map(([name, parts]) => {
      const text = parts.join('')
      return { name, raw: Buffer.byteLength(text), gzip: gzipSync(text).length }
    })
    .sort((a, b) => b.raw - a.raw)
}
