import type { AccentColours, BrandInfo } from '../../../shared/brand/brand-info'
import { parseHexColour, readableTextOn, toHex } from '../../../shared/brand/colour-contrast'
import type { BrandConfig } from './brand-config'

/** The accent with the text colour that reads on it (white or black). */
function withText(colour: string): AccentColours {
  const rgb = parseHexColour(colour)
  return { colour, text: rgb === null ? '#ffffff' : toHex(readableTextOn(rgb)) }
}

/** The brand as the window gets it: only what it shows (the logo as its data: URL, never its path). */
export function brandInfoOf(brand: BrandConfig | undefined): BrandInfo {
  return {
    accent: brand?.accent === undefined ? null : { light: withText(brand.accent.light), dark: withText(brand.accent.dark) },
    logo: brand?.logo?.dataUrl ?? null,
    support: brand?.support ?? null
  }
}

/** The name the app gives itself to a person: the vendor's product name, else the app's own. */
export const shownName = (brand: BrandConfig | undefined, appName: string): string => brand?.productName ?? appName
