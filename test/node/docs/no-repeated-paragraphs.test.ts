import { describe, expect, it } from 'vitest'
import { helpdeskSources, isGenerated, readerPages, readPage } from './pages'
import { MIN_PARAGRAPH_LENGTH, paragraphs } from './paragraphs'

describe('paragraphs(): what counts as a paragraph', () => {
  const sentence = 'The sandbox reads this PC’s hardware id the way the app does and starts with it activated.'

  it('finds the same paragraph however its lines are wrapped, and list items on their own', () => {
    const page = [
      sentence,
      '',
      sentence.replace(' reads ', '\nreads ').replace(' the way', '\n  the way'),
      '',
      `- ${sentence}`,
      `- ${'another item '.repeat(6)}`
    ].join('\n')
    const texts = paragraphs(page).map((p) => p.text)
    expect(texts).toEqual([sentence, sentence, sentence, 'another item '.repeat(6).trim()])
    expect(paragraphs(page).map((p) => p.line)).toEqual([1, 3, 7, 8])
  })

  it('leaves out code, tables, headings, HTML, pictures and short lines', () => {
    const page = [
      '```sh',
      sentence,
      '```',
      `| ${sentence} | x |`,
      `## ${sentence}`,
      `<div>${sentence}</div>`,
      `![${sentence}](picture.png)`,
      '',
      'Press **Try again** when you are ready.'
    ].join('\n')
    expect(paragraphs(page)).toEqual([])
    expect('Press **Try again** when you are ready.'.length).toBeLessThan(MIN_PARAGRAPH_LENGTH)
  })
})

describe('README.md, CONTRIBUTING.md and docs/', () => {
  it('say each paragraph once, within a page and across pages', () => {
    // A generated page says its source's text again (and the helpdesk's reference page gives each result
    // the catalogue's words, even where results share them): the hand-written sources are what is checked.
    const files = [...readerPages().filter((file) => !isGenerated(readPage(file))), ...helpdeskSources()]
    expect(files).toEqual(expect.arrayContaining(['docs/performance.md', 'docs/helpdesk/source/en/walkthrough.md', 'docs/reliability.md']))
    const places = new Map<string, string[]>()
    for (const file of files) {
      for (const paragraph of paragraphs(readPage(file))) {
        places.set(paragraph.text, [...(places.get(paragraph.text) ?? []), `${file}:${paragraph.line}`])
      }
    }
    expect(places.size).toBeGreaterThan(100)
    const repeated = [...places].filter(([, where]) => where.length > 1).map(([text, where]) => `${where.join(', ')}: ${text.slice(0, 120)}…`)
    expect(repeated).toEqual([])
  })
})
