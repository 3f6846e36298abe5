import { expect, it } from 'vitest'
import { pageLines, readerPages, readPage } from './pages'

it('every page under docs/, and CONTRIBUTING.md, opens with who it is for', () => {
  const files = readerPages().filter((file) => file !== 'README.md')
  expect(files.length).toBeGreaterThan(10)
  for (const file of files) {
    const [title, , opener] = pageLines(readPage(file))
    expect(title, file).toMatch(/^# \S/)
    expect(opener, file).toMatch(/^\*For [^*]+\*/)
  }
})
