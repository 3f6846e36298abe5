import axe from 'axe-core'
import type { Rgb } from '../../../../src/shared/brand/colour-contrast'

/** The part of axe-core's colour utilities its typings leave out: what its color-contrast rule computes with. */
interface AxeColourApi {
  Color: new (red: number, green: number, blue: number, alpha: number) => object
  getContrast(background: object, foreground: object): number
}

const colour = (axe.commons as unknown as { color: AxeColourApi }).color

/** axe-core's contrast ratio of two colours: an oracle independent of the app's own maths. */
export const axeContrast = (a: Rgb, b: Rgb): number => colour.getContrast(new colour.Color(a.r, a.g, a.b, 1), new colour.Color(b.r, b.g, b.b, 1))

/** The same for two `#rrggbb` colours, read without the app's parser. */
export const axeContrastOfHex = (a: string, b: string): number => {
  const rgb = (hex: string): Rgb => ({
    r: Number.parseInt(hex.slice(1, 3), 16),
    g: Number.parseInt(hex.slice(3, 5), 16),
    b: Number.parseInt(hex.slice(5, 7), 16)
  })
  return axeContrast(rgb(a), rgb(b))
}
