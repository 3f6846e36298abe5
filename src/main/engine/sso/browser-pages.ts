import { randomBytes } from 'node:crypto'
import type { ServerResponse } from 'node:http'
import { t, translator } from '../../../shared/i18n/current'

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c)

/** A JavaScript string literal that is also safe inside a <script> element. */
const jsString = (text: string): string => JSON.stringify(text).replace(/</g, '\\u003c')

const STYLE =
  'body{font-family:system-ui,sans-serif;margin:3rem auto;max-width:32rem;padding:0 1rem;color:#1b1b1b}h1{font-size:1.4rem}#message{white-space:pre-line}'

/** The language the page is written in, for the browser's `lang` (the pseudo-locale is English underneath). */
const pageLanguage = (): string => escapeHtml(translator().locale)

/** Headers on every answer of the loopback listener: nothing cached, framed, sniffed or referred. */
function setCommonHeaders(res: ServerResponse, contentType: string, csp: string): void {
  res.setHeader('Content-Type', contentType)
  res.setHeader('Cache-Control', 'no-store')
  res.setHeader('Pragma', 'no-cache')
  res.setHeader('Content-Security-Policy', csp)
  res.setHeader('X-Content-Type-Options', 'nosniff')
  res.setHeader('Referrer-Policy', 'no-referrer')
  res.setHeader('X-Frame-Options', 'DENY')
}

export interface PageText {
  title: string
  paragraphs: string[]
}

/** A plain page for the browser tab; every text is escaped. */
export function sendPage(res: ServerResponse, status: number, page: PageText): void {
  const nonce = randomBytes(16).toString('base64')
  setCommonHeaders(
    res,
    'text/html; charset=utf-8',
    `default-src 'none'; style-src 'nonce-${nonce}'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'`
  )
  res.statusCode = status
  res.end(`<!DOCTYPE html>
<html lang="${pageLanguage()}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)}</title><style nonce="${nonce}">${STYLE}</style></head>
<body><h1>${escapeHtml(page.title)}</h1>${page.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('')}</body></html>`)
}

/** A plain-text answer (for the fragment relay's script, which shows it with textContent). */
export function sendText(res: ServerResponse, status: number, text: string): void {
  setCommonHeaders(res, 'text/plain; charset=utf-8', "default-src 'none'; frame-ancestors 'none'")
  res.statusCode = status
  res.end(text)
}

/** Name of the header the relay script sends: a cross-site page cannot send it without a CORS preflight. */
export const RELAY_HEADER = 'x-sso-relay'

/**
 * The page served at the redirect URI for the implicit grant: the tokens are in the URL fragment,
 * which browsers never send to a server, so a small inline script (allowed by a per-response nonce)
 * removes the fragment from the address bar and posts it back to the listener.
 */
export function sendFragmentRelayPage(res: ServerResponse, relayPath: string, appName: string): void {
  const nonce = randomBytes(16).toString('base64')
  setCommonHeaders(
    res,
    'text/html; charset=utf-8',
    `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; connect-src 'self'; ` +
      `frame-ancestors 'none'; base-uri 'none'; form-action 'none'`
  )
  res.statusCode = 200
  const failed = t('pages.relay.failed', { app: appName })
  const script = `(function(){
var fragment = location.hash.slice(1);
history.replaceState(null, '', location.pathname + location.search);
var message = document.getElementById('message');
fetch(${jsString(relayPath)}, { method: 'POST', headers: { 'Content-Type': 'text/plain;charset=UTF-8', '${RELAY_HEADER}': '1' }, body: fragment, cache: 'no-store', credentials: 'omit' })
  .then(function (r) { return r.text(); })
  .then(function (t) { message.textContent = t; })
  .catch(function () { message.textContent = ${jsString(failed)}; });
})();`
  res.end(`<!DOCTYPE html>
<html lang="${pageLanguage()}"><head><meta charset="utf-8"><title>${escapeHtml(t('pages.relay.title'))}</title><style nonce="${nonce}">${STYLE}</style></head>
<body><h1>${escapeHtml(t('pages.relay.title'))}</h1><p id="message" role="status">${escapeHtml(t('pages.relay.passing', { app: appName }))}</p>
<noscript><p>${escapeHtml(t('pages.relay.needs-javascript'))}</p></noscript>
<script nonce="${nonce}">${script}</script></body></html>`)
}
