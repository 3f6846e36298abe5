import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { expect, it } from 'vitest'

const ROOT = join(__dirname, '..', '..', '..')

it('every page under docs/, and CONTRIBUTING.md, opens with who it is for', () => {
  const files = readdirSync(join(ROOT, 'docs'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)))
  expect(files.length).toBeGreaterThan(10)
  const openers = [...files, 'CONTRIBUTING.md'].map((file) => {
    const lines = readFileSync(join(ROOT, file), 'utf8').split('\n')
    return { file, title: lines[0], opener: lines[2] }
  })
  for (const { file, title, opener } of openers) {
    expect(title, file).toMatch(/^# \S/)
    expect(opener, file).toMatch(/^\*For [^*]+\*/)
  }
})
