import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  AA_TEXT,
  contrastRatio,
  formatRatio,
  parseHexColour,
  readableTextOn,
  relativeLuminance,
  toHex,
  type Rgb
} from '../../../src/shared/brand/colour-contrast'
import { axeContrast } from './support/axe-contrast'

const rgb = (hex: string): Rgb => {
  const parsed = parseHexColour(hex)
  if (parsed === null) throw new Error(`not a colour: ${hex}`)
  return parsed
}

const anyRgb = fc.record({ r: fc.integer({ min: 0, max: 255 }), g: fc.integer({ min: 0, max: 255 }), b: fc.integer({ min: 0, max: 255 }) })

describe('WCAG 2.1 relative luminance and contrast ratio', () => {
  it('gives the known values of the definition: black 0, white 1, pure red, green and blue their coefficients', () => {
    expect(relativeLuminance(rgb('#000000'))).toBe(0)
    expect(relativeLuminance(rgb('#ffffff'))).toBeCloseTo(1, 12)
    expect(relativeLuminance(rgb('#ff0000'))).toBeCloseTo(0.2126, 12)
    expect(relativeLuminance(rgb('#00ff00'))).toBeCloseTo(0.7152, 12)
    expect(relativeLuminance(rgb('#0000ff'))).toBeCloseTo(0.0722, 12)
    // Mid grey: ((128/255 + 0.055) / 1.055)^2.4
    expect(relativeLuminance(rgb('#808080'))).toBeCloseTo(0.21586, 5)
  })

  it.each([
    ['#000000', '#ffffff', 21],
    ['#ffffff', '#ffffff', 1],
    // The pairs every contrast checker quotes: #767676 is the lightest grey that reaches 4.5:1 on white.
    ['#767676', '#ffffff', 4.54],
    ['#777777', '#ffffff', 4.48],
    ['#949494', '#ffffff', 3.03],
    ['#ff0000', '#ffffff', 4.0],
    ['#0000ff', '#ffffff', 8.59],
    ['#008000', '#ffffff', 5.14]
  ])('%s on %s is %s:1', (a, b, ratio) => {
    expect(contrastRatio(rgb(a), rgb(b))).toBeCloseTo(ratio, 2)
  })

  it('agrees with axe-core (whose rule the e2e checks judge the window by) on any two colours', () => {
    fc.assert(
      fc.property(anyRgb, anyRgb, (a, b) => {
        expect(contrastRatio(a, b)).toBeCloseTo(axeContrast(a, b), 9)
      })
    )
  })

  it('is symmetric, between 1 and 21, and 1 for a colour with itself', () => {
    fc.assert(
      fc.property(anyRgb, anyRgb, (a, b) => {
        const ratio = contrastRatio(a, b)
        expect(ratio).toBe(contrastRatio(b, a))
        expect(ratio).toBeGreaterThanOrEqual(1)
        expect(ratio).toBeLessThanOrEqual(21 + 1e-9)
        expect(contrastRatio(a, a)).toBe(1)
      })
    )
  })

  it('grows with each channel: a lighter colour never has less luminance', () => {
    fc.assert(
      fc.property(anyRgb, fc.constantFrom('r', 'g', 'b'), (colour, channel) => {
        fc.pre(colour[channel] < 255)
        expect(relativeLuminance({ ...colour, [channel]: colour[channel] + 1 })).toBeGreaterThan(relativeLuminance(colour))
      })
    )
  })

  it('puts white or black on any background with at least 4.5:1, the one of the two that reads better', () => {
    fc.assert(
      fc.property(anyRgb, (background) => {
        const text = readableTextOn(background)
        expect(['#ffffff', '#000000']).toContain(toHex(text))
        const other = toHex(text) === '#ffffff' ? rgb('#000000') : rgb('#ffffff')
        expect(contrastRatio(text, background)).toBeGreaterThanOrEqual(AA_TEXT)
        expect(contrastRatio(text, background)).toBeGreaterThanOrEqual(contrastRatio(other, background))
      })
    )
  })

  it('rounds a ratio down for people, so a shortfall never reads as a pass', () => {
    expect(formatRatio(2.999)).toBe('2.99:1')
    expect(formatRatio(4.5)).toBe('4.50:1')
    expect(formatRatio(21)).toBe('21.00:1')
  })
})

describe('colours as the configuration writes them', () => {
  it('reads #rgb and #rrggbb in either case, and nothing else', () => {
    expect(parseHexColour('#0F766E')).toEqual({ r: 15, g: 118, b: 110 })
    expect(parseHexColour('#abc')).toEqual(parseHexColour('#aabbcc'))
    for (const text of ['0f766e', '#0f766', '#0f766e0', '#ggg', 'teal', 'rgb(1,2,3)', ' #abc', '#abcd', '']) expect(parseHexColour(text), text).toBeNull()
  })

  it('writes any colour back as the #rrggbb it reads', () => {
    fc.assert(
      fc.property(anyRgb, (colour) => {
        expect(parseHexColour(toHex(colour))).toEqual(colour)
      })
    )
  })
})
