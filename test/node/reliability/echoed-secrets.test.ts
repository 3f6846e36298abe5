import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AuthConfig } from '../../../src/main/engine/config'
import type { DeactivationRequestInput } from '../../../src/shared/request'
import { codeOf, engineService } from './support/engine'
import { answer, startFaultyServer, type FaultyServer } from './support/faulty-server'
import { charOf, runs, Tally } from './support/properties'
import { reliabilityTable } from './support/table'
import { closeOpened } from '../../support/close-opened'

/*
 * A server (or a proxy in front of it) that echoes a secret of the call back, in any common
 * encoding and at any place of its message, never gets it shown: the engine scrubs every text
 * of the error it returns, after cutting it to length.
 */

const table = reliabilityTable(__filename, 4, 'Security checks')

type Kind = 'licence key' | 'password' | 'ID token' | 'SSO code' | 'API key' | 'shared key' | 'client secret' | 'bearer token'
type Form = 'plain' | 'url-encoded' | 'form-encoded' | 'lower-case hex' | 'JSON-escaped'
type Place = 'message' | 'unknown code' | 'error_description'

/** Encodings written here apart from the engine's own list, as the test's oracle. */
function encode(secret: string, form: Form): string {
  switch (form) {
    case 'plain':
      return secret
    case 'url-encoded':
      return encodeURIComponent(secret)
    case 'form-encoded':
      return new URLSearchParams([['k', secret]]).toString().slice(2)
    case 'lower-case hex':
      return encodeURIComponent(secret).replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase())
    case 'JSON-escaped':
      return JSON.stringify(secret).slice(1, -1)
  }
}
const FORMS: Form[] = ['plain', 'url-encoded', 'form-encoded', 'lower-case hex', 'JSON-escaped']

/** Characters that survive every field's validation and need escaping in some encoding. */
const secretChar = charOf('ABCDEFGHJKMNPQRSTUVWabcdefghjkmnpqrstuvw0123456789-_.~+/=&%"\\<é€')
const longSecret = fc.string({ unit: secretChar, minLength: 8, maxLength: 64 })
/** Short secrets: a letter and a digit first, so no word of the app's own texts can equal one. */
const shortSecret = fc.tuple(charOf('kqzKQZ'), charOf('23456789'), fc.string({ unit: charOf('abc+&=%/'), maxLength: 4 })).map((p) => p.join(''))

const WINDOW = 8

/** The outcome leaks the secret: a long one by any 8 consecutive characters of any form, a short one as a whole token. */
function leaks(text: string, secret: string): string | undefined {
  for (const form of FORMS) {
    const shown = encode(secret, form)
    if (secret.length >= WINDOW) {
      for (let i = 0; i + WINDOW <= shown.length; i++) if (text.includes(shown.slice(i, i + WINDOW))) return `${form} "${shown.slice(i, i + WINDOW)}"`
    } else {
      const escaped = shown.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      if (new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u').test(text)) return `${form} "${shown}"`
    }
  }
  return undefined
}

interface Case {
  kind: Kind
  secret: string
  form: Form
  place: Place
  /** Characters before the echo: past 450 the secret straddles the 500-character cut. */
  pad: number
}

let current: Case | undefined
let apiServer: FaultyServer
let tokenServer: FaultyServer

const echoed = (c: Case) => `${'x'.repeat(c.pad)} You sent ${encode(c.secret, c.form)} which is wrong`

beforeAll(async () => {
  apiServer = await startFaultyServer((socket) => {
    const c = current!
    const code = c.place === 'unknown code' ? `bad_${encode(c.secret, c.form)}`.slice(0, 100) : 'license_not_found'
    answer(socket, '400 Bad Request', { 'content-type': 'application/json' }, JSON.stringify({ status: 400, code, message: echoed(c) }))
  })
  tokenServer = await startFaultyServer((socket) => {
    const c = current!
    if (c.kind === 'bearer token') {
      answer(socket, '200 OK', { 'content-type': 'application/json' }, JSON.stringify({ access_token: c.secret, token_type: 'Bearer', expires_in: 300 }))
    } else {
      answer(socket, '401 Unauthorized', { 'content-type': 'application/json' }, JSON.stringify({ error: 'invalid_client', error_description: echoed(c) }))
    }
  })
})
afterAll(async () => {
  await closeOpened(apiServer, tokenServer)
})

function callFor(c: Case): { auth: AuthConfig; input: DeactivationRequestInput } {
  const hmac: AuthConfig = {
    scheme: 'hmac',
    apiKey: c.kind === 'API key' ? c.secret : 'echo-api-key',
    sharedKey: c.kind === 'shared key' ? c.secret : 'echo-shared-key'
  }
  const oauth: AuthConfig = {
    scheme: 'oauth',
    tokenUrl: `${tokenServer.origin}/token`,
    clientId: 'echo-client',
    clientSecret: c.kind === 'client secret' ? c.secret : 'echo-client-secret'
  }
  const base = { product: 'office-suite', hardwareId: 'echo-pc-1' }
  switch (c.kind) {
    case 'licence key':
      return { auth: hmac, input: { ...base, credentials: { method: 'license-key', licenseKey: c.secret } } }
    case 'password':
      return { auth: hmac, input: { ...base, credentials: { method: 'user', username: 'ann@example.test', password: c.secret } } }
    case 'ID token':
      return { auth: hmac, input: { ...base, credentials: { method: 'sso-token', idToken: c.secret, customerAccountCode: 'acme' } } }
    case 'SSO code':
      return { auth: hmac, input: { ...base, credentials: { method: 'sso-code', code: c.secret, customerAccountCode: 'acme' } } }
    case 'API key':
    case 'shared key':
      return { auth: hmac, input: { ...base, credentials: { method: 'license-key', licenseKey: 'ECHO-KEY-0001' } } }
    case 'client secret':
    case 'bearer token':
      return { auth: oauth, input: { ...base, credentials: { method: 'license-key', licenseKey: 'ECHO-KEY-0001' } } }
  }
}

describe('secrets echoed by a server', () => {
  it(
    'S20 every secret of the call, echoed in any common encoding at any place of the message, the code or the OAuth error_description, is absent from every field of the outcome',
    { timeout: 120_000 },
    async (context) => {
      const kinds: Kind[] = ['licence key', 'password', 'ID token', 'SSO code', 'API key', 'shared key', 'client secret', 'bearer token']
      const cases = fc
        .record({
          kind: fc.constantFrom(...kinds),
          secret: fc.oneof({ weight: 3, arbitrary: longSecret }, { weight: 1, arbitrary: shortSecret }),
          form: fc.constantFrom(...FORMS),
          place: fc.constantFrom<Place>('message', 'unknown code'),
          pad: fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 440, max: 520 }))
        })
        .map((c): Case => ({
          ...c,
          // The token endpoint answers the client secret's refusal; a bearer token cannot hold quotes or spaces.
          place: c.kind === 'client secret' ? 'error_description' : c.place,
          secret: c.kind === 'bearer token' ? c.secret.replace(/["\\]/g, 'Q') : c.secret
        }))
      const seen = new Tally()
      const forms = new Tally()
      let outcomes = 0
      try {
        await fc.assert(
          fc.asyncProperty(cases, async (c) => {
            current = c
            const { auth, input } = callFor(c)
            const outcome = await engineService({ apiUrl: apiServer.apiUrl, auth, timeoutMs: 5_000 }).deactivate(input)
            outcomes += 1
            seen.add(`${c.kind} → ${codeOf(outcome)}`)
            forms.add(c.form)
            expect(outcome.ok).toBe(false)
            const leak = leaks(JSON.stringify(outcome), c.secret) ?? leaks(Object.values(outcome.ok ? {} : outcome.error).join('\n'), c.secret)
            expect(leak, `${c.kind} "${c.secret}" ${c.form} in ${c.place} at ${c.pad}: ${JSON.stringify(outcome)}`).toBeUndefined()
          }),
          runs(240)
        )
      } finally {
        table.record(context, {
          id: 'S20',
          case: `A server echoes a secret of the call (licence key, password, ID token, SSO code, API key, shared key, client secret, bearer token; 1–64 characters, with characters that need escaping) in its message, an unknown error code or the OAuth error_description: plain, URL-encoded, form-encoded, lower-case hex, JSON-escaped; at the start or straddling the 500-character cut (240)`,
          expected: 'no field of the outcome holds the secret: a long one not even 8 consecutive characters of any form, a short one not as a whole token',
          observed: `${outcomes} outcomes (${forms.toString()}): ${seen.toString()}; no secret found`
        })
      }
    }
  )
})
