import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { parsedMessages } from '../../../scripts/i18n/vite-plugin'

const root = mkdtempSync(join(tmpdir(), 'lm-locales-'))
const file = (language: string, table: Record<string, string>): string => {
  const dir = join(root, 'src', 'locales', language)
  mkdirSync(dir, { recursive: true })
  const path = join(dir, 'window.json')
  writeFileSync(path, JSON.stringify(table))
  return path
}
const english = file('en', { 'form.heading': 'Deactivate a licence', 'pc.count': '{count, plural, one {# licence} other {# licences}}' })
const german = file('de', { 'form.heading': 'Lizenz deaktivieren' })
afterAll(() => rmSync(root, { recursive: true, force: true }))

/** What the plugin makes of a file: the table of syntax trees the chunk exports, and the files it watches. */
function built(id: string): { table: Record<string, unknown> | null; watched: string[] } {
  const watched: string[] = []
  const load = parsedMessages().load as (this: unknown, id: string) => { code: string } | null
  const result = load.call({ addWatchFile: (path: string) => watched.push(path) }, id)
  if (result === null) return { table: null, watched }
  const inner = /^export default JSON\.parse\((".*")\)$/s.exec(result.code)?.[1]
  if (inner === undefined) throw new Error(`unexpected chunk: ${result.code.slice(0, 80)}`)
  return { table: JSON.parse(JSON.parse(inner) as string) as Record<string, unknown>, watched }
}

describe('the build’s message files', () => {
  it('carry syntax trees, not ICU text', () => {
    const { table } = built(english)
    expect(table?.['form.heading']).toEqual([{ type: 0, value: 'Deactivate a licence' }])
    expect(JSON.stringify(table?.['pc.count'])).toContain('"pluralType":"cardinal"')
  })

  it('give a language the English message for any it lacks, and keep its own', () => {
    const { table, watched } = built(german)
    expect(table?.['form.heading']).toEqual([{ type: 0, value: 'Lizenz deaktivieren' }])
    expect(table?.['pc.count']).toEqual(built(english).table?.['pc.count'])
    expect(watched).toEqual([english])
  })

  it('leave every other file to the bundler', () => {
    expect(built(join(root, 'package.json')).table).toBeNull()
  })
})
