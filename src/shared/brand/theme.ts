/**
 * The window's own colours the vendor's accent must stand out from, per colour scheme: the page
 * (`--bg`) and the cards and fields on it (`--surface`), as src/renderer/src/styles.css sets them
 * (a test keeps the two the same), and the app's own accent (`--accent`), which a vendor's replaces.
 */
export const THEME = {
  light: { backgrounds: { page: '#f4f5f7', surface: '#ffffff' }, accent: '#0b57d0' },
  dark: { backgrounds: { page: '#15171a', surface: '#1f2227' }, accent: '#8ab4f8' }
} as const

export type ColourScheme = keyof typeof THEME

export const COLOUR_SCHEMES: readonly ColourScheme[] = ['light', 'dark']
