/**
 * The window's Content-Security-Policy. It is stated twice on purpose: as the first
 * <meta> of src/renderer/index.html (applies wherever the page is opened) and as the
 * header the app:// handler sends with the page (app-protocol.ts). A test keeps the two
 * identical. `'self'` is the app's own origin, app://license-manager.
 */
export const RENDERER_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'"
