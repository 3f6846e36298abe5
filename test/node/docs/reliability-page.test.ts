import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { readFragments, renderTable, TABLE_FILE } from '../../../scripts/reliability-table'

const ROOT = join(__dirname, '..', '..', '..')

it('docs/reliability.md is its fragments as the generator renders them, opening with who it is for', () => {
  const page = readFileSync(join(ROOT, TABLE_FILE), 'utf8')
  const fragments = readFragments(ROOT)
  expect(fragments.length).toBeGreaterThan(0)
  expect(page).toBe(renderTable(fragments))
  expect(page.split('\n')[2]).toMatch(/^\*For [^*]+\*: /)
})
