/*
 * Contrast as WCAG 2.1 defines it (§1.4.3, §1.4.11, "relative luminance" and "contrast ratio"
 * in its glossary): sRGB channels linearised, weighted 0.2126 / 0.7152 / 0.0722, and the ratio
 * (L1 + 0.05) / (L2 + 0.05) of the lighter to the darker, from 1:1 to 21:1.
 */

/** A colour as the configuration writes it: `#rgb` or `#rrggbb`. */
const HEX_COLOUR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i

export interface Rgb {
  r: number
  g: number
  b: number
}

/** `#rgb` or `#rrggbb` (either case) as channels 0–255; null for anything else. */
export function parseHexColour(text: string): Rgb | null {
  if (!HEX_COLOUR.test(text)) return null
  const digits = text.length === 4 ? text.slice(1).replace(/./g, '$&$&') : text.slice(1)
  const channel = (at: number) => Number.parseInt(digits.slice(at, at + 2), 16)
  return { r: channel(0), g: channel(2), b: channel(4) }
}

/** The colour as `#rrggbb` in lower case. */
export function toHex({ r, g, b }: Rgb): string {
  return `#${[r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('')}`
}

/** One sRGB channel (0–255) in linear light, with WCAG 2.1's threshold 0.03928. */
function linear(channel: number): number {
  const c = channel / 255
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
}

/** WCAG 2.1 relative luminance: 0 for black, 1 for white. */
export function relativeLuminance({ r, g, b }: Rgb): number {
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
}

/** WCAG 2.1 contrast ratio of two colours, from 1 (the same luminance) to 21 (black on white); the order does not matter. */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number]
  return (light + 0.05) / (dark + 0.05)
}

/** WCAG 2.1 AA minimums: normal text (1.4.3) and the parts of a control or graphic that identify it (1.4.11). */
export const AA_TEXT = 4.5
export const AA_NON_TEXT = 3

const WHITE: Rgb = { r: 255, g: 255, b: 255 }
const BLACK: Rgb = { r: 0, g: 0, b: 0 }

/**
 * White or black, whichever reads better on `background`. One of them always reaches AA for
 * text: the worse case, a background of luminance √0.0525 − 0.05, still gives 4.58:1.
 */
export function readableTextOn(background: Rgb): Rgb {
  return contrastRatio(WHITE, background) >= contrastRatio(BLACK, background) ? WHITE : BLACK
}

/** A ratio as a person reads it, rounded down so a shortfall never shows as a pass: "2.94:1". */
export function formatRatio(ratio: number): string {
  return `${(Math.floor(ratio * 100) / 100).toFixed(2)}:1`
}
