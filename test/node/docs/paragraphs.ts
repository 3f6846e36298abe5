/**
 * The paragraphs of a Markdown page, as the duplicate-paragraph test compares them: prose
 * blocks and list items, whitespace collapsed. Left out: fenced code, tables, headings, HTML
 * lines, pictures, and anything shorter than a sentence worth saying once.
 */

export interface Paragraph {
  /** Whitespace collapsed to single spaces, trimmed. */
  text: string
  /** 1-based line where the paragraph starts. */
  line: number
}

/** Shorter paragraphs (a label, "Press Try again.") may well stand in two places. */
export const MIN_PARAGRAPH_LENGTH = 60

const FENCE = /^\s*(```|~~~)/
const LIST_ITEM = /^\s*([-*+]|\d+[.)])\s+/
const SKIPPED_LINE = /^\s*(#|\||<|!\[[^\]]*\]\([^)]*\)\s*$)/

export function paragraphs(markdown: string): Paragraph[] {
  const found: Paragraph[] = []
  let current: { lines: string[]; line: number } | null = null
  const close = (): void => {
    if (current) {
      const text = current.lines.join(' ').replace(/\s+/g, ' ').trim()
      if (text.length >= MIN_PARAGRAPH_LENGTH) found.push({ text, line: current.line })
    }
    current = null
  }
  let fence: string | null = null
  markdown.split(/\r?\n/).forEach((raw, index) => {
    const fenceMark = FENCE.exec(raw)?.[1]
    if (fence !== null) {
      if (fenceMark === fence) fence = null
      return
    }
    if (fenceMark !== undefined) {
      close()
      fence = fenceMark
      return
    }
    const line = raw.replace(/^\s*>\s?/, '')
    if (line.trim() === '' || SKIPPED_LINE.test(line)) return close()
    const item = LIST_ITEM.exec(line)
    if (item) {
      close()
      current = { lines: [line.slice(item[0].length)], line: index + 1 }
      return
    }
    if (current) current.lines.push(line)
    else current = { lines: [line], line: index + 1 }
  })
  close()
  return found
}
