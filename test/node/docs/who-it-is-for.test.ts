import { expect, it } from 'vitest'
import { pageLines, readerPages, readPage } from './pages'

/** “For …” as the helpdesk guide's translated pages (docs/helpdesk/<lang>/) say it. */
const FOR_WHOM: Readonly<Record<string, RegExp>> = {
  de: /^\*Für [^*]+\*/,
  fr: /^\*Pour [^*]+\*/,
  es: /^\*Para [^*]+\*/,
  ja: /^\*[^*]+向け\*/
}
const forWhom = (file: string) => FOR_WHOM[/^docs\/helpdesk\/([a-z]{2})\//.exec(file)?.[1] ?? ''] ?? /^\*For [^*]+\*/

it('every page under docs/, and CONTRIBUTING.md, opens with who it is for', () => {
  const files = readerPages().filter((file) => file !== 'README.md')
  expect(files.length).toBeGreaterThan(10)
  for (const file of files) {
    const [title, , opener] = pageLines(readPage(file))
    expect(title, file).toMatch(/^# \S/)
    expect(opener, file).toMatch(forWhom(file))
  }
})
