import { createHmac } from 'node:crypto'
import { request, type IncomingHttpHeaders } from 'node:http'
import { expect } from 'vitest'
import type { SsoAuthority, SsoCredentialOfCall, SsoUrlQuery } from '../../../src/sandbox/sso-authority'

export interface HmacKey {
  apiKey: string
  sharedKey: string
}

export const DEFAULT_KEY: HmacKey = { apiKey: 'sandbox-api-key', sharedKey: 'sandbox-shared-key' }

/** Base64(HMAC-SHA256(shared key, "licenseSpring\ndate: " + date)), computed independently of the sandbox. */
export const hmacSignature = (sharedKey: string, date: string): string =>
  createHmac('sha256', sharedKey).update(`licenseSpring\ndate: ${date}`).digest('base64')

/** The node SDK's spelling: no spaces, `apikey`. */
export const authorizationHeader = (key: HmacKey, date: string, signature = hmacSignature(key.sharedKey, date)) =>
  `algorithm="hmac-sha256",headers="date",signature="${signature}",apikey="${key.apiKey}"`

export const signedHeaders = (key: HmacKey = DEFAULT_KEY, date = new Date().toUTCString()): Record<string, string> => ({
  Date: date,
  Authorization: authorizationHeader(key, date)
})

export interface RawResponse {
  status: number
  headers: IncomingHttpHeaders
  text: string
  /** The parsed body, or undefined when it is not JSON. */
  json: unknown
}

/** One HTTP round trip with full control over method, headers and raw body bytes. */
export function send(
  origin: string,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer }
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const body = options.body
    const chunked = Object.keys(options.headers ?? {}).some((name) => name.toLowerCase() === 'transfer-encoding')
    const req = request(
      `${origin}${options.path}`,
      {
        method: options.method ?? 'POST',
        headers: {
          ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
          ...(body !== undefined && !chunked ? { 'Content-Length': String(Buffer.byteLength(body)) } : {}),
          ...options.headers
        },
        timeout: 10_000
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          let json: unknown
          try {
            json = JSON.parse(text)
          } catch {
            json = undefined
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json })
        })
        res.on('error', reject)
      }
    )
    req.on('timeout', () => req.destroy(new Error('request timed out')))
    req.on('error', reject)
    req.end(body)
  })
}

/** POSTs a JSON body to /api/v4/<endpoint>, signed with `key` unless headers are given. */
export function callApi(
  origin: string,
  endpoint: string,
  body: unknown,
  options: { key?: HmacKey; headers?: Record<string, string>; date?: string } = {}
): Promise<RawResponse> {
  return send(origin, {
    path: `/api/v4/${endpoint}`,
    headers: options.headers ?? signedHeaders(options.key, options.date),
    body: typeof body === 'string' ? body : JSON.stringify(body)
  })
}

/** The documented error envelope: the status, and a body of exactly {status, code, message}. */
export function expectRefusal(response: RawResponse, status: number, code: string): void {
  expect({ status: response.status, code: (response.json as { code?: unknown } | undefined)?.code }).toEqual({ status, code })
  expect(response.headers['content-type']).toMatch(/^application\/json/)
  const body = response.json as Record<string, unknown>
  expect(Object.keys(body).sort()).toEqual(['code', 'message', 'status'])
  expect(body['status']).toBe(status)
  expect(typeof body['message']).toBe('string')
  expect((body['message'] as string).length).toBeGreaterThan(0)
}

/**
 * A stand-in for the SSO side behind the SsoAuthority seam: single-use codes and reusable
 * tokens that map to emails, as the real OpenID provider's answers would.
 */
export class ScriptedSsoAuthority implements SsoAuthority {
  readonly codes = new Map<string, string>()
  readonly tokens = new Map<string, string>()
  readonly urlQueries: SsoUrlQuery[] = []
  /** Every credential presented, as the sandbox handed it over. */
  readonly identified: SsoCredentialOfCall[] = []
  closed = false

  async ssoUrl(query: SsoUrlQuery) {
    this.urlQueries.push(query)
    const redirect = query.redirectUri ?? 'http://127.0.0.1'
    return {
      ok: true as const,
      value: {
        url: `https://idp.test/auth?response_type=${query.responseType}&client_id=license-users&redirect_uri=${encodeURIComponent(redirect)}&kc_idp_hint=${query.customerAccountCode}`,
        openid_configuration: { issuer: 'https://idp.test', authorization_endpoint: 'https://idp.test/auth' }
      }
    }
  }

  async identify(credential: SsoCredentialOfCall, customerAccountCode: string) {
    this.identified.push(credential)
    const email = credential.kind === 'code' ? this.codes.get(credential.code) : this.tokens.get(credential.token)
    if (credential.kind === 'code') this.codes.delete(credential.code)
    if (email === undefined || customerAccountCode !== 'acme')
      return {
        ok: false as const,
        refusal:
          credential.kind === 'code'
            ? { status: 400, code: 'sso_code_invalid', message: 'The code is invalid or was already used' }
            : { status: 400, code: 'sso_token_invalid', message: 'The token is not valid' }
      }
    return { ok: true as const, value: { email } }
  }

  async close() {
    this.closed = true
  }
}
