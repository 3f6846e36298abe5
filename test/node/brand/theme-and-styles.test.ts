import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { THEME } from '../../../src/shared/brand/theme'

const STYLES = readFileSync(resolve(__dirname, '../../../src/renderer/src/styles.css'), 'utf8')

/** The custom properties set in the first `:root { … }` of a CSS text. */
function rootProperties(css: string): Record<string, string> {
  const block = /:root\s*\{([^}]*)\}/.exec(css)?.[1] ?? ''
  return Object.fromEntries([...block.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()]))
}

const light = rootProperties(STYLES)
const dark = rootProperties(STYLES.slice(STYLES.indexOf('@media (prefers-color-scheme: dark)')))

describe('the colours an accent is checked against are the window’s own', () => {
  it.each([
    ['light', light],
    ['dark', dark]
  ] as const)('%s theme: the page and card backgrounds, and the app’s accent behind the vendor’s', (scheme, properties) => {
    expect(properties['--bg']).toBe(THEME[scheme].backgrounds.page)
    expect(properties['--surface']).toBe(THEME[scheme].backgrounds.surface)
    expect(properties['--accent']).toBe(`var(--brand-accent-${scheme}, ${THEME[scheme].accent})`)
    expect(properties['--accent-text']).toMatch(new RegExp(`^var\\(--brand-accent-text-${scheme}, #[0-9a-f]{6}\\)$`))
  })

  it('uses the accent only where 3:1 is what WCAG asks (fills behind the app’s chosen text, borders, outlines), never as a text colour', () => {
    const textColours = [...STYLES.matchAll(/(?:^|[;{\s])color\s*:\s*var\(--accent\)/g)]
    expect(textColours).toEqual([])
  })
})
