/** What the app calls itself when the vendor names it nothing else. */
export const DEFAULT_PRODUCT_NAME = 'License Manager'

/** The vendor's accent in one colour scheme: the colour, and the text colour that reads on it (`#rrggbb`). */
export interface AccentColours {
  colour: string
  text: string
}

/** Where the vendor's customers reach its support: an e-mail address or an https: page. */
export type SupportContact = { kind: 'email'; address: string } | { kind: 'web'; address: string }

/**
 * The vendor's brand as the window shows it (the product name is `AppInfo.name`). Each part is
 * null when the vendor configured none: the window then looks as it does for every vendor.
 */
export interface BrandInfo {
  /** Replaces the app's accent (buttons, the current task, outlines), per colour scheme. */
  accent: { light: AccentColours; dark: AccentColours } | null
  /** The vendor's logo as a `data:image/png` or `data:image/svg+xml` URL, checked by the main process; shown only as an image. */
  logo: string | null
  support: SupportContact | null
}

export const NEUTRAL_BRAND: BrandInfo = { accent: null, logo: null, support: null }
