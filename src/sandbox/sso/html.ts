import { randomBytes } from 'node:crypto'
import type { ServerResponse } from 'node:http'

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c)

const STYLE = `body{font-family:system-ui,sans-serif;margin:3rem auto;max-width:26rem;padding:0 1rem;color:#1b1b1b}
h1{font-size:1.4rem}label{display:block;margin-top:1rem;font-weight:600}
input{display:block;width:100%;box-sizing:border-box;padding:.5rem;margin-top:.25rem;font-size:1rem}
.actions{margin-top:1.5rem;display:flex;gap:.75rem}button{padding:.5rem 1rem;font-size:1rem}
.error{color:#a00000;border:1px solid #a00000;padding:.5rem;margin-top:1rem}.note{color:#555;font-size:.9rem}`

/**
 * Sends one of the provider's own pages: self-contained (no fonts, scripts or images), never cached.
 * The CSP has no form-action: the login form's answer redirects to the app's loopback listener,
 * and Chromium applies form-action to the redirect target too.
 */
export function sendPage(res: ServerResponse, status: number, title: string, bodyHtml: string): void {
  const nonce = randomBytes(16).toString('base64')
  const html = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style nonce="${nonce}">${STYLE}</style></head>
<body>${bodyHtml}</body></html>`
  res.statusCode = status
  res.setHeader('Content-Type', 'text/html; charset=utf-8')
  res.setHeader('Cache-Control', 'no-store')
  res.setHeader('Content-Security-Policy', `default-src 'none'; style-src 'nonce-${nonce}'; frame-ancestors 'none'; base-uri 'none'`)
  res.setHeader('X-Content-Type-Options', 'nosniff')
  res.setHeader('Referrer-Policy', 'no-referrer')
  res.end(html)
}
