import { request } from 'node:http'
import { createSsoBrowserFlow, type SsoCredential } from '../../../../src/main/engine/sso'
import type { SsoGrant } from '../../../../src/shared/request'
import type { Outcome } from '../../../../src/shared/outcome'

/** The provider URL a License API would hand out: a loopback redirect with any port, no state. */
export const PROVIDER_URL =
  'http://127.0.0.1:9/realms/user-portal/protocol/openid-connect/auth?client_id=license-users&scope=openid' +
  '&redirect_uri=' +
  encodeURIComponent('http://127.0.0.1/callback') +
  '&kc_idp_hint=acme'

export interface RunningSignIn {
  /** The URL the browser was sent to. */
  url: string
  state: string
  port: number
  /** The loopback listener's redirect path. */
  path: string
  outcome: Promise<Outcome<SsoCredential>>
  cancel(): void
}

/**
 * Starts one browser sign-in of the engine's flow and waits until its listener is up.
 * `formPost`: the provider's discovery document offers `response_mode=form_post`.
 */
export async function startSignIn(grant: SsoGrant, timeoutMs = 10_000, formPost = false): Promise<RunningSignIn> {
  let opened!: (url: string) => void
  const browser = new Promise<string>((resolve) => (opened = resolve))
  const flow = createSsoBrowserFlow({
    httpSignInOrigins: [new URL(PROVIDER_URL).origin],
    timeoutMs,
    requestSsoUrl: async () => ({
      ok: true,
      value: {
        url: `${PROVIDER_URL}&response_type=${grant === 'code' ? 'code' : 'token'}`,
        openidConfiguration: formPost ? { response_modes_supported: ['query', 'fragment', 'form_post'] } : null
      }
    }),
    openExternal: async (url) => opened(url)
  })
  const outcome = flow.signIn({ product: 'design-pack', customerAccountCode: 'acme', grant }, () => undefined)
  const url = await Promise.race([browser, outcome.then((o) => Promise.reject(new Error(`sign-in ended early: ${JSON.stringify(o)}`)))])
  const redirect = new URL(new URL(url).searchParams.get('redirect_uri')!)
  return {
    url,
    state: new URL(url).searchParams.get('state')!,
    port: Number(redirect.port),
    path: redirect.pathname,
    outcome,
    cancel: () => flow.cancel()
  }
}

export interface LoopbackReply {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** One request to the loopback listener as a browser (or a hostile page) would send it. */
export function callListener(
  port: number,
  target: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {}
): Promise<LoopbackReply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: target,
        method: options.method ?? 'GET',
        headers: { host: `127.0.0.1:${port}`, connection: 'close', ...options.headers },
        timeout: 5_000
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }))
        res.on('error', reject)
      }
    )
    req.on('timeout', () => req.destroy(new Error('listener did not answer')))
    req.on('error', reject)
    req.end(options.body)
  })
}

/** Resolves to 'pending' if `promise` has not settled within `ms`. */
export async function settledWithin<T>(promise: Promise<T>, ms: number): Promise<T | 'pending'> {
  let timer: NodeJS.Timeout | undefined
  try {
    return await Promise.race([promise, new Promise<'pending'>((resolve) => (timer = setTimeout(() => resolve('pending'), ms)))])
  } finally {
    clearTimeout(timer)
  }
}

/** Every tag the listener's page template writes; anything else in a page came from the input. */
const TEMPLATE_TAGS = [
  /^<!DOCTYPE html>$/,
  /^<html lang="en">$/,
  /^<meta charset="utf-8">$/,
  /^<meta name="viewport" content="width=device-width, initial-scale=1">$/,
  /^<style nonce="[A-Za-z0-9+/=]+">$/,
  /^<script nonce="[A-Za-z0-9+/=]+">$/,
  /^<p id="message" role="status">$/,
  /^<(head|title|body|h1|p|noscript)>$/,
  /^<\/(head|title|style|script|body|h1|p|noscript|html)>$/
]

/** Tags in `html` that the page template does not write (empty when every input was escaped). */
export function foreignMarkup(html: string): string[] {
  return [...html.matchAll(/<[^>]*>?/g)].map((m) => m[0]).filter((tag) => !TEMPLATE_TAGS.some((allowed) => allowed.test(tag)))
}
