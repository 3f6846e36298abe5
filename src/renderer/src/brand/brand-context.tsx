import { createContext, useContext, type ReactNode } from 'react'
import type { SupportContact } from '../../../shared/brand/brand-info'

/** What the window's parts need of the vendor's brand beyond the header: whom to contact. */
export interface WindowBrand {
  productName: string
  support: SupportContact | null
}

const BrandContext = createContext<WindowBrand | null>(null)

export function BrandProvider({ brand, children }: { brand: WindowBrand | null; children: ReactNode }) {
  return <BrandContext.Provider value={brand}>{children}</BrandContext.Provider>
}

/** The brand once the app's information is read; null before (or outside the app). */
export const useWindowBrand = (): WindowBrand | null => useContext(BrandContext)
