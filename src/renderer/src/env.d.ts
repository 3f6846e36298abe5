/// <reference types="vite/client" />
import type { LicenseManagerApi } from '../../shared/api'

declare global {
  interface Window {
    /** Exposed by the preload; the window's only way to reach the engine. */
    licenseManager: LicenseManagerApi
  }
}

export {}
