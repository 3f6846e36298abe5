import { useEffect } from 'react'
import type { BrandInfo } from '../../../shared/brand/brand-info'

/** The custom properties styles.css takes the accent from, per colour scheme (absent: the app's own accent). */
const PROPERTIES = {
  light: { colour: '--brand-accent-light', text: '--brand-accent-text-light' },
  dark: { colour: '--brand-accent-dark', text: '--brand-accent-text-dark' }
} as const

/**
 * Puts the vendor's accent on the page and its product name in the page's title. The colours are
 * set through the CSSOM (`style.setProperty`), which the CSP's `style-src 'self'` allows, unlike
 * a style attribute or an inline <style>. Undone when the app unmounts.
 */
export function useBrandStyle(productName: string | null, accent: BrandInfo['accent']): void {
  useEffect(() => {
    if (productName === null) return
    const before = document.title
    document.title = productName
    return () => {
      document.title = before
    }
  }, [productName])

  useEffect(() => {
    if (accent === null) return
    const style = document.documentElement.style
    for (const scheme of ['light', 'dark'] as const) {
      style.setProperty(PROPERTIES[scheme].colour, accent[scheme].colour)
      style.setProperty(PROPERTIES[scheme].text, accent[scheme].text)
    }
    return () => {
      for (const scheme of ['light', 'dark'] as const) {
        style.removeProperty(PROPERTIES[scheme].colour)
        style.removeProperty(PROPERTIES[scheme].text)
      }
    }
  }, [accent])
}
