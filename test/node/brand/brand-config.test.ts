import fc from 'fast-check'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { BRAND_EXAMPLES } from '../../../src/main/engine/brand/brand-config'
import { MAX_LOGO_BYTES } from '../../../src/main/engine/brand/logo-file'
import { brandInfoOf } from '../../../src/main/engine/brand/shown-brand'
import { loadConfig, type EngineConfig } from '../../../src/main/engine/config'
import { THEME } from '../../../src/shared/brand/theme'
import { expectOk } from '../../support/expect-ok'
import { axeContrastOfHex } from './support/axe-contrast'

const EXAMPLE_DIR = resolve(__dirname, '../../../resources/examples/vendor-brand')
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#0f766e"/></svg>'

/** The first bytes of a PNG: its signature and IHDR chunk (what the app reads of it), then filler. */
function pngBytes(width: number, height: number): Buffer {
  const header = Buffer.alloc(33)
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(header, 0)
  header.writeUInt32BE(13, 8)
  header.write('IHDR', 12, 'latin1')
  header.writeUInt32BE(width, 16)
  header.writeUInt32BE(height, 20)
  return Buffer.concat([header, Buffer.alloc(40)])
}

/** A configuration file (and other files beside it) in a fresh folder; returns the file's path. */
function vendorFolder(config: unknown, files: Record<string, string | Buffer> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'lm-brand-'))
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true })
    writeFileSync(join(dir, name), content)
  }
  const file = join(dir, 'config.json')
  writeFileSync(file, JSON.stringify(config))
  return file
}

const ok: (outcome: ReturnType<typeof loadConfig>) => EngineConfig = expectOk

/** config_invalid naming `field`, with the problem after the name and a valid example; never quoting `value`. */
function expectRefused(outcome: ReturnType<typeof loadConfig>, field: string, value?: string): string {
  expect(outcome.ok).toBe(false)
  if (outcome.ok) return ''
  expect(outcome.error.code).toBe('config_invalid')
  expect(outcome.error.field).toBe(field)
  expect(outcome.error.explanation.startsWith(`${field} `)).toBe(true)
  expect(outcome.error.explanation).toMatch(/ A valid value looks like \S.+\.$/)
  if (value !== undefined) expect(JSON.stringify(outcome.error)).not.toContain(value)
  return outcome.error.explanation
}

const fileField = (key: string) => `config file field "${key}"`

describe('the vendor’s brand in the configuration', () => {
  it('is absent when nothing is set: the app keeps its own name and look', () => {
    expect(ok(loadConfig({ env: {} })).brand).toBeUndefined()
    expect(brandInfoOf(undefined)).toEqual({ accent: null, logo: null, support: null })
  })

  it('reads the example vendor’s configuration in the repository whole', () => {
    const brand = ok(loadConfig({ env: {}, file: join(EXAMPLE_DIR, 'config.json') })).brand
    expect(brand).toMatchObject({
      productName: 'Tidewater Licence Helper',
      logo: { mediaType: 'image/svg+xml', path: join(EXAMPLE_DIR, 'logo.svg') },
      accent: { light: '#0f766e', dark: '#2dd4bf' },
      support: { kind: 'email', address: 'support@tidewater.example' }
    })
    expect(brandInfoOf(brand).accent).toEqual({ light: { colour: '#0f766e', text: '#ffffff' }, dark: { colour: '#2dd4bf', text: '#000000' } })
  })

  it('takes each setting from a variable too, over the file, but not in an installed app unless the file allows it', () => {
    const file = vendorFolder({ productName: 'From the file' })
    const env = { LM_PRODUCT_NAME: 'From the variable', LM_ACCENT_COLOR: '#2f6fde', LM_SUPPORT_CONTACT: 'https://help.tidewater.example/' }
    expect(ok(loadConfig({ env, file })).brand).toEqual({
      productName: 'From the variable',
      accent: { light: '#2f6fde', dark: '#2f6fde' },
      support: { kind: 'web', address: 'https://help.tidewater.example/' }
    })
    expect(ok(loadConfig({ env, file, packaged: true })).brand).toEqual({ productName: 'From the file' })
    const allowing = vendorFolder({ productName: 'From the file', allowEnvironmentOverrides: true })
    expect(ok(loadConfig({ env, file: allowing, packaged: true })).brand?.productName).toBe('From the variable')
  })

  describe('productName', () => {
    it('is trimmed; up to 60 characters as people count them, in any script', () => {
      expect(ok(loadConfig({ env: { LM_PRODUCT_NAME: '  Tidewater Licence Helper ' } })).brand?.productName).toBe('Tidewater Licence Helper')
      for (const name of ['é'.repeat(60), 'e\u0301'.repeat(60), 'ライセンス管理', 'Helper 🌊'])
        expect(ok(loadConfig({ env: { LM_PRODUCT_NAME: name } })).brand?.productName).toBe(name)
    })

    it.each([
      ['too long', 'x'.repeat(61)],
      ['a line break', 'Tidewater\nHelper'],
      ['a control character', 'Tide\u0007water'],
      ['a bidi override', 'Tide\u202ewater'],
      ['a zero-width space', 'Tide\u200bwater']
    ])('refuses %s, naming the variable', (_case, value) => {
      expectRefused(loadConfig({ env: { LM_PRODUCT_NAME: value } }), 'LM_PRODUCT_NAME', value)
    })

    it.each([
      ['a number', 42],
      ['only spaces', '   '],
      ['a list', ['Tidewater']]
    ])('refuses %s in the file, naming the field', (_case, value) => {
      expectRefused(loadConfig({ env: {}, file: vendorFolder({ productName: value }) }), fileField('productName'))
    })
  })

  describe('logo', () => {
    it('reads an SVG or PNG from the configuration file’s folder (a variable’s from the working folder) as a data: URL', () => {
      const svgConfig = vendorFolder({ logo: 'art/logo.svg' }, { 'art/logo.svg': SVG })
      const svg = ok(loadConfig({ env: {}, file: svgConfig })).brand?.logo
      expect(svg?.mediaType).toBe('image/svg+xml')
      expect(svg?.path).toBe(join(svgConfig, '..', 'art', 'logo.svg'))
      expect(Buffer.from(svg!.dataUrl.replace('data:image/svg+xml;base64,', ''), 'base64').toString()).toBe(SVG)
      const png = ok(loadConfig({ env: {}, file: vendorFolder({ logo: 'logo.png' }, { 'logo.png': pngBytes(512, 128) }) })).brand?.logo
      expect(png?.dataUrl.startsWith('data:image/png;base64,iVBORw0KGgo')).toBe(true)
      // A variable's relative path is the working folder's: the project's own example logo from the project folder.
      expect(ok(loadConfig({ env: { LM_LOGO: 'resources/examples/vendor-brand/logo.svg' } })).brand?.logo?.path).toBe(join(EXAMPLE_DIR, 'logo.svg'))
    })

    it('takes the SVG a design tool writes: a BOM, an XML declaration, comments and a DOCTYPE before <svg>', () => {
      const exported = `\uFEFF<?xml version="1.0" encoding="UTF-8"?>\n<!-- Generator: a design tool -->\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n<svg version="1.1" xmlns='http://www.w3.org/2000/svg' width="10" height="10"/>`
      expect(ok(loadConfig({ env: {}, file: vendorFolder({ logo: 'logo.svg' }, { 'logo.svg': exported }) })).brand?.logo?.mediaType).toBe('image/svg+xml')
    })

    it.each([
      ['a missing file', 'missing.svg', {}, /does not exist/],
      ['a folder', 'art', { 'art/x.txt': 'x' }, /is a directory, not a regular file/],
      ['a file over 256 KiB', 'big.svg', { 'big.svg': SVG.replace('<rect', `<!--${'x'.repeat(MAX_LOGO_BYTES)}--><rect`) }, /is larger than 262144 bytes/],
      ['a JPEG', 'logo.jpg', { 'logo.jpg': Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]) }, /neither a PNG nor an SVG/],
      ['an HTML page', 'logo.svg', { 'logo.svg': '<html><body><svg xmlns="http://www.w3.org/2000/svg"/></body></html>' }, /neither a PNG nor an SVG/],
      ['an SVG without its namespace', 'logo.svg', { 'logo.svg': '<svg viewBox="0 0 1 1"/>' }, /lacks xmlns=/],
      ['an SVG that declares entities', 'logo.svg', { 'logo.svg': `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa">]>${SVG}` }, /declares entities/],
      [
        'an SVG that is not UTF-8',
        'logo.svg',
        { 'logo.svg': Buffer.concat([Buffer.from(SVG.slice(0, -6)), Buffer.from([0xff, 0xfe]), Buffer.from('</svg>')]) },
        /not UTF-8/
      ],
      ['a PNG 5000 pixels wide', 'logo.png', { 'logo.png': pngBytes(5000, 100) }, /between 1 × 1 and 4096 × 4096/],
      ['a PNG of no pixels', 'logo.png', { 'logo.png': pngBytes(0, 0) }, /between 1 × 1/],
      ['a truncated PNG', 'logo.png', { 'logo.png': pngBytes(10, 10).subarray(0, 12) }, /neither a PNG nor an SVG/]
    ])('refuses %s, naming the field and the problem', (_case, logo, files, problem) => {
      expect(expectRefused(loadConfig({ env: {}, file: vendorFolder({ logo }, files) }), fileField('logo'))).toMatch(problem)
    })

    it('never quotes the file’s content in a refusal', () => {
      const marker = 'SECRET-IN-THE-LOGO-FILE'
      expectRefused(loadConfig({ env: {}, file: vendorFolder({ logo: 'logo.svg' }, { 'logo.svg': `<svg>${marker}</svg>` }) }), fileField('logo'), marker)
    })

    it('refuses a value that is not a path', () => {
      for (const value of ['', ' ', 42, ['logo.svg']]) expectRefused(loadConfig({ env: {}, file: vendorFolder({ logo: value }) }), fileField('logo'))
    })
  })

  describe('accentColor', () => {
    it('takes one colour for both themes, or one per theme (an object, or "light,dark" in the variable), as #rrggbb', () => {
      expect(ok(loadConfig({ env: { LM_ACCENT_COLOR: ' #2F6FDE ' } })).brand?.accent).toEqual({ light: '#2f6fde', dark: '#2f6fde' })
      expect(ok(loadConfig({ env: { LM_ACCENT_COLOR: '#6b2fa3, #c9f' } })).brand?.accent).toEqual({ light: '#6b2fa3', dark: '#cc99ff' })
      const file = vendorFolder({ accentColor: { light: '#0f766e', dark: '#2dd4bf' } })
      expect(ok(loadConfig({ env: {}, file })).brand?.accent).toEqual({ light: '#0f766e', dark: '#2dd4bf' })
    })

    it('accepts the examples its refusal gives, and the app’s own accents', () => {
      expect(BRAND_EXAMPLES.accentColor()).toContain('"#2f6fde"')
      expect(ok(loadConfig({ env: { LM_ACCENT_COLOR: '#2f6fde' } })).brand?.accent).toBeDefined()
      expect(ok(loadConfig({ env: { LM_ACCENT_COLOR: '#6b2fa3,#c39bff' } })).brand?.accent).toBeDefined()
      expect(ok(loadConfig({ env: {}, file: vendorFolder({ accentColor: { light: '#6b2fa3', dark: '#c39bff' } }) })).brand?.accent).toBeDefined()
      expect(ok(loadConfig({ env: { LM_ACCENT_COLOR: `${THEME.light.accent},${THEME.dark.accent}` } })).brand?.accent).toBeDefined()
    })

    it.each([
      ['a colour name', 'teal'],
      ['an rgb() colour', 'rgb(15, 118, 110)'],
      ['four hex digits', '#0f76'],
      ['three colours', '#000,#111,#222']
    ])('refuses %s, naming the variable', (_case, value) => {
      expect(expectRefused(loadConfig({ env: { LM_ACCENT_COLOR: value } }), 'LM_ACCENT_COLOR', value)).toContain('must be a colour written #rgb or #rrggbb')
    })

    it.each([
      ['a number', 0x0f766e, 'accentColor'],
      ['only the light colour', { light: '#0f766e' }, 'accentColor'],
      ['a third key', { light: '#0f766e', dark: '#2dd4bf', hover: '#000000' }, 'accentColor'],
      ['a dark colour that is no colour', { light: '#0f766e', dark: 'turquoise' }, 'accentColor.dark']
    ])('refuses %s in the file, naming the field', (_case, value, field) => {
      expectRefused(loadConfig({ env: {}, file: vendorFolder({ accentColor: value }) }), fileField(field))
    })

    it('refuses a colour too faint for a theme, naming the theme, the background, the ratio and the 3:1 it needs', () => {
      // The app's own light-theme blue on the dark theme's cards: 2.50:1.
      const one = expectRefused(loadConfig({ env: { LM_ACCENT_COLOR: '#0b57d0' } }), 'LM_ACCENT_COLOR')
      expect(one).toContain('LM_ACCENT_COLOR has a contrast of only 2.49:1 with the dark theme’s card background (#1f2227)')
      expect(one).toContain('WCAG 2.1 AA asks at least 3:1')
      expect(one).toContain('A valid value looks like "#2f6fde"')
      const dark = expectRefused(
        loadConfig({ env: {}, file: vendorFolder({ accentColor: { light: '#0f766e', dark: '#0f766e' } }) }),
        fileField('accentColor.dark')
      )
      expect(dark).toContain('the dark theme’s card background (#1f2227)')
      const light = expectRefused(loadConfig({ env: { LM_ACCENT_COLOR: '#ffd700,#ffd700' } }), 'LM_ACCENT_COLOR (light)')
      expect(light).toContain('has a contrast of only 1.28:1 with the light theme’s page background (#f4f5f7)')
    })

    it('accepts exactly the colours with at least 3:1 against both backgrounds of each theme (axe-core’s ratio as the oracle)', () => {
      const hex = fc.integer({ min: 0, max: 0xffffff }).map((n) => `#${n.toString(16).padStart(6, '0')}`)
      fc.assert(
        fc.property(hex, hex, (light, dark) => {
          const passes = (colour: string, scheme: 'light' | 'dark') => Object.values(THEME[scheme].backgrounds).every((bg) => axeContrastOfHex(colour, bg) >= 3)
          const outcome = loadConfig({ env: { LM_ACCENT_COLOR: `${light},${dark}` } })
          expect(outcome.ok).toBe(passes(light, 'light') && passes(dark, 'dark'))
        }),
        { numRuns: 300 }
      )
    })
  })

  describe('supportContact', () => {
    it.each([
      ['support@tidewater.example', { kind: 'email', address: 'support@tidewater.example' }],
      ['  mailto:Help.Desk+licences@tidewater.example ', { kind: 'email', address: 'Help.Desk+licences@tidewater.example' }],
      ['https://support.tidewater.example/licences?topic=seat#form', { kind: 'web', address: 'https://support.tidewater.example/licences?topic=seat#form' }]
    ])('takes %s', (value, support) => {
      expect(ok(loadConfig({ env: { LM_SUPPORT_CONTACT: value } })).brand?.support).toEqual(support)
    })

    it('is none when null in the file', () => {
      expect(ok(loadConfig({ env: {}, file: vendorFolder({ supportContact: null }) })).brand).toBeUndefined()
    })

    it.each([
      ['plain http', 'http://support.tidewater.example/', 'https: web address'],
      ['a user name in the address', 'https://admin:pw@support.tidewater.example/', 'https: web address'],
      ['another scheme', 'ftp://support.tidewater.example/', 'https: web address'],
      ['words', 'call us on 555-0100', 'not an e-mail address'],
      ['an address without a domain', 'support@localhost', 'not an e-mail address'],
      ['two @', 'a@b@tidewater.example', 'not an e-mail address'],
      ['a very long address', `https://support.tidewater.example/${'a'.repeat(2000)}`, 'at most 2000 characters']
    ])('refuses %s, naming the variable', (_case, value, problem) => {
      expect(expectRefused(loadConfig({ env: { LM_SUPPORT_CONTACT: value } }), 'LM_SUPPORT_CONTACT', value)).toContain(problem)
    })

    it('refuses what is not text in the file', () => {
      expectRefused(loadConfig({ env: {}, file: vendorFolder({ supportContact: { email: 'support@tidewater.example' } }) }), fileField('supportContact'))
    })
  })

  it('never quotes a refused value, whatever it holds', () => {
    const secretish = fc.string({ minLength: 8, maxLength: 40 }).map((s) => `S3CRET-${s}`)
    fc.assert(
      fc.property(secretish, fc.constantFrom('LM_PRODUCT_NAME', 'LM_ACCENT_COLOR', 'LM_SUPPORT_CONTACT'), (value, variable) => {
        const tooLong = variable === 'LM_PRODUCT_NAME' ? `${value}${'x'.repeat(61)}` : `${value} `
        const outcome = loadConfig({ env: { [variable]: tooLong } })
        expect(outcome.ok).toBe(false)
        if (!outcome.ok) expect(JSON.stringify(outcome.error)).not.toContain(value)
      }),
      { numRuns: 100 }
    )
  })
})
