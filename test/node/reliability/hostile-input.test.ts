import fc from 'fast-check'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { expectOk } from '../../support/expect-ok'
import defaultSeedJson from '../../../resources/sandbox-seed.json'
import { CONFIG_ENV, loadConfig } from '../../../src/main/engine/config'
import { createOfflineRequests } from '../../../src/main/engine/offline/offline-requests'
import { MAX_JSON_DEPTH, MAX_REQUEST_FILE_BYTES } from '../../../src/main/engine/offline/request-file'
import { readBundleBody } from '../../../src/sandbox/request-body'
import { loadSeed, parseSeed, SeedError } from '../../../src/sandbox/seed'
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/server'
import { UNSAFE_DISPLAY_CHARACTERS } from '../../../src/shared/control-characters'
import { FIELD_LIMITS } from '../../../src/shared/request-fields'
import { codeOf, engineService } from './support/engine'
import { AUTHORIZATION_CODES, dateWithinWindow, isWellFormedBundleBody } from './support/oracles'
import { fieldValue, headerText, hexSecret, nastyText, runs, Tally } from './support/properties'
import { closeAgent, envelopeOf, hmacAuthorization, hmacSignature, isEnvelope, post, type Reply } from './support/sandbox-http'
import { plural, reliabilityTable } from './support/table'
import { closeOpened } from '../../support/close-opened'

/*
 * Item 2: random and adversarial request bodies, Authorization and Date headers and seed files
 * against the sandbox, and random input against the engine's validation. Never a crash, never an
 * invalid request accepted, always the documented error envelope.
 */

const NOW = Date.parse('2031-05-06T07:08:09.000Z')
const DATE = new Date(NOW).toUTCString()
const table = reliabilityTable(__filename, 2, 'Hostile input')

let sandbox: RunningSandbox
beforeAll(async () => {
  sandbox = await startSandbox({ quiet: true, sso: false, now: () => NOW })
})
afterAll(async () => {
  await closeOpened(sandbox)
  closeAgent()
})
beforeEach(() => sandbox.reset())

const signed = (date = DATE) => ({ date, authorization: hmacAuthorization(sandbox.apiKey, sandbox.sharedKey, date) })
const api = (endpoint: string) => `${sandbox.apiUrl}${endpoint}`
const devices = () => JSON.stringify(sandbox.store.licenses().map((l) => [l.id, [...l.devices].sort()]))

/** Serialises [name, value] pairs as written: repeated names and "__proto__" stay in the text; undefined is written null. */
const objectText = (entries: ReadonlyArray<readonly [string, unknown]>) =>
  `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${(JSON.stringify(v) as string | undefined) ?? 'null'}`).join(',')}}`

function parsed(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/** Sends a body; checks the answer is a success of a well-formed body or the envelope, and that a refusal changed nothing. */
async function sendBody(action: 'activate' | 'deactivate', body: string | Buffer, codes: Tally): Promise<Reply> {
  const before = devices()
  const reply = await post(api(`${action}_bundle`), { headers: signed(), body })
  if (reply.status === 200) {
    codes.add('accepted')
    expect(isWellFormedBundleBody(parsed(body.toString()), action), `accepted a malformed body: ${body.toString().slice(0, 300)}`).toBe(true)
    sandbox.reset()
  } else {
    const { code, status } = envelopeOf(reply)
    codes.add(code)
    expect(status, `server failure for ${body.toString().slice(0, 300)}`).toBeLessThan(500)
    expect(devices()).toBe(before)
  }
  return reply
}

describe('request bodies against the sandbox', () => {
  it('H01 random JSON, random text and random bytes → the envelope, never a crash, never accepted', async (context) => {
    const codes = new Tally()
    const body = fc.oneof(
      fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes)),
      fc.dictionary(fc.string({ maxLength: 12 }), fieldValue, { maxKeys: 6 }).map((o) => JSON.stringify(o))
    )
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('activate' as const, 'deactivate' as const), body, async (action, text) => {
        await sendBody(action, text, codes)
      }),
      runs(250)
    )
    table.record(context, {
      id: 'H01',
      case: 'Random JSON values, random Unicode text and random bytes as activate/deactivate bodies (250)',
      expected: 'every answer the envelope with status 400–499; nothing accepted; seats unchanged',
      observed: `${codes.total} bodies: ${codes.get('accepted')} accepted; refused with ${codes
        .keys()
        .filter((k) => k !== 'accepted')
        .join(', ')}; 0 server failures`
    })
    expect(codes.get('accepted')).toBe(0)
  })

  it('H02 adversarial variations of valid bodies → accepted only when well formed, the envelope otherwise', async (context) => {
    const codes = new Tally()
    const bases: Array<{ action: 'activate' | 'deactivate'; entries: Array<[string, unknown]> }> = [
      {
        action: 'deactivate',
        entries: [
          ['hardware_id', 'sandbox-pc-1'],
          ['product', 'office-suite'],
          ['license_key', 'OFFICE-2222-IN-USE']
        ]
      },
      {
        action: 'deactivate',
        entries: [
          ['hardware_id', 'sandbox-pc-1'],
          ['product', 'design-pack'],
          ['username', 'bob@example.test'],
          ['password', 'bob-password'],
          ['license_id', 2001]
        ]
      },
      {
        action: 'deactivate',
        entries: [
          ['hardware_id', 'sandbox-pc-1'],
          ['product', 'design-pack'],
          ['code', 'c0de'],
          ['customer_account_code', 'acme']
        ]
      },
      {
        action: 'activate',
        entries: [
          ['hardware_id', 'hostile-pc'],
          ['product', 'office-suite'],
          ['license_key', 'OFFICE-1111-FREE-SEAT'],
          ['is_vm', false]
        ]
      }
    ]
    const fieldName = fc.oneof(
      fc.constantFrom(
        'hardware_id',
        'product',
        'license_key',
        'username',
        'password',
        'id_token',
        'code',
        'customer_account_code',
        'license_id',
        'sdk_ver',
        'is_vm',
        'variables'
      ),
      fc.constantFrom('__proto__', 'constructor', 'toString', 'LICENSE_KEY', 'license_key ', 'hardware-id', ''),
      fc.string({ maxLength: 10 })
    )
    const mutation = fc.oneof(
      fc.record({ op: fc.constant('set' as const), name: fieldName, value: fieldValue }),
      fc.record({ op: fc.constant('remove' as const), index: fc.nat() }),
      fc.record({ op: fc.constant('repeat' as const), index: fc.nat(), value: fieldValue })
    )
    let accepted = 0
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: bases.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 3 }), async (baseIndex, mutations) => {
        const base = bases[baseIndex]!
        const entries: Array<readonly [string, unknown]> = base.entries.map(([k, v]) => [k, v] as const)
        for (const m of mutations) {
          if (m.op === 'set') {
            const at = entries.findIndex(([k]) => k === m.name)
            if (at >= 0) entries[at] = [m.name, m.value]
            else entries.push([m.name, m.value])
          } else if (entries.length > 0) {
            const at = m.index % entries.length
            if (m.op === 'remove') entries.splice(at, 1)
            else entries.push([entries[at]![0], m.value])
          }
        }
        const reply = await sendBody(base.action, objectText(entries), codes)
        if (reply.status === 200) accepted += 1
      }),
      runs(300)
    )
    table.record(context, {
      id: 'H02',
      case: 'Valid bodies with 1–3 mutations: unknown, repeated, "__proto__"/"constructor" and look-alike fields, wrong types, nulls, removed fields, mixed credential sets, nasty strings (300)',
      expected: 'accepted only if well formed (independent oracle); otherwise the envelope, 4xx, seats unchanged',
      observed: `${codes.total} bodies: ${accepted} accepted (all well formed); refused with ${codes
        .keys()
        .filter((k) => k !== 'accepted')
        .join(', ')}; 0 server failures`
    })
  })

  it('H03 oversized bodies, with and without Content-Length → 413 in the envelope, seats unchanged', async (context) => {
    const big = JSON.stringify({ hardware_id: 'sandbox-pc-1', product: 'office-suite', license_key: 'OFFICE-2222-IN-USE', sdk_ver: 'x'.repeat(70_000) })
    const withLength = await post(api('deactivate_bundle'), { headers: signed(), body: big })
    const before = devices()
    const chunked = await post(api('deactivate_bundle'), { headers: { ...signed(), 'transfer-encoding': 'chunked' }, body: big })
    table.record(context, {
      id: 'H03',
      case: 'A 70 KB body (limit 64 KiB), declared and streamed',
      expected: 'HTTP 413 validation_error in the envelope; nothing changed',
      observed: `declared: HTTP ${withLength.status} ${isEnvelope(withLength) ? envelopeOf(withLength).code : 'no envelope'}; streamed: HTTP ${chunked.status} ${isEnvelope(chunked) ? envelopeOf(chunked).code : 'no envelope'}`
    })
    expect(envelopeOf(withLength)).toMatchObject({ status: 413, code: 'validation_error' })
    expect(envelopeOf(chunked)).toMatchObject({ status: 413, code: 'validation_error' })
    expect(devices()).toBe(before)
  })
})

describe('Authorization and Date headers against the sandbox', () => {
  /** A deactivation that, once authenticated, is refused with device_not_found and changes nothing. */
  const PROBE = JSON.stringify({ hardware_id: 'nobody-pc', product: 'office-suite', license_key: 'OFFICE-1111-FREE-SEAT' })

  async function probe(headers: Record<string, string>, codes: Tally): Promise<string> {
    const reply = await post(api('deactivate_bundle'), { headers, body: PROBE })
    const { code, status } = envelopeOf(reply)
    codes.add(code)
    expect(status).toBeLessThan(500)
    return code
  }

  it('H04 random and mutated Authorization headers → authenticated only with the right key and signature', async (context) => {
    const signature = hmacSignature(sandbox.sharedKey, DATE)
    const correct: Record<string, string> = { algorithm: 'hmac-sha256', headers: 'date', signature, apikey: sandbox.apiKey }
    const flip = (text: string, at: number) => {
      const i = at % Math.max(text.length, 1)
      return text.slice(0, i) + (text[i] === 'A' ? 'B' : 'A') + text.slice(i + 1)
    }
    type Param = { name: string; value: string; quoted: boolean }
    /** Changes that keep the header valid (the server must still accept it) and changes that break it. */
    const harmless = ['upper-case-name', 'unquote', 'swap'] as const
    const harmful = ['drop', 'repeat', 'flip-value', 'other-algorithm', 'random-value', 'rename', 'no-date'] as const
    const change = fc.record({ kind: fc.constantFrom(...harmless, ...harmful), at: fc.nat(), random: headerText(16) })
    const structured = fc.tuple(fc.array(change, { maxLength: 3 }), fc.constantFrom(',', ', ', ' , ', ';', ',,')).map(([changes, separator]) => {
      let params: Param[] = Object.entries(correct).map(([name, value]) => ({ name, value, quoted: true }))
      for (const c of changes) {
        if (params.length === 0) break
        const i = c.at % params.length
        const p = params[i]!
        if (c.kind === 'upper-case-name') params[i] = { ...p, name: p.name.toUpperCase() }
        else if (c.kind === 'unquote') params[i] = { ...p, quoted: false }
        else if (c.kind === 'swap') params = [...params.slice(i), ...params.slice(0, i)]
        else if (c.kind === 'drop') params.splice(i, 1)
        else if (c.kind === 'repeat') params.push({ ...p })
        else if (c.kind === 'flip-value') params[i] = { ...p, value: flip(p.value, c.at) }
        else if (c.kind === 'other-algorithm') params = params.map((q) => (q.name.toLowerCase() === 'algorithm' ? { ...q, value: 'hmac-sha1' } : q))
        else if (c.kind === 'no-date') params = params.map((q) => (q.name.toLowerCase() === 'headers' ? { ...q, value: 'host' } : q))
        else if (c.kind === 'rename') params[i] = { ...p, name: `${p.name}x` }
        else params[i] = { ...p, value: c.random }
      }
      const text = params.map((p) => `${p.name}=${p.quoted ? `"${p.value}"` : p.value}`).join(separator)
      const mustAccept = [',', ', ', ' , '].includes(separator) && changes.every((c) => (harmless as readonly string[]).includes(c.kind))
      return { text, mustAccept }
    })
    const header = fc.oneof(
      { weight: 3, arbitrary: structured },
      { weight: 1, arbitrary: headerText(120).map((text) => ({ text, mustAccept: false })) },
      {
        weight: 1,
        arbitrary: fc
          .constantFrom('Bearer', 'Bearer ', 'bearer x.y', `Bearer ${signature}`, 'Basic YWxhZGRpbjpvcGVuc2VzYW1l')
          .map((text) => ({ text, mustAccept: false }))
      }
    )
    const codes = new Tally()
    let wronglyRefused = 0
    await fc.assert(
      fc.asyncProperty(header, async ({ text, mustAccept }) => {
        const code = await probe({ date: DATE, authorization: text }, codes)
        const authenticated = code === 'device_not_found'
        if (authenticated) {
          expect(text.includes(signature) && text.includes(sandbox.apiKey) && text.toLowerCase().includes('hmac-sha256'), `accepted ${text}`).toBe(true)
        } else {
          expect(AUTHORIZATION_CODES.has(code), `unexpected code ${code} for ${text}`).toBe(true)
        }
        if (mustAccept && !authenticated) wronglyRefused += 1
        expect(authenticated || !mustAccept, `refused a valid header: ${text} (${code})`).toBe(true)
      }),
      runs(400)
    )
    table.record(context, {
      id: 'H04',
      case: 'Authorization headers: random text, Bearer/Basic forms, and parameter lists with renamed, repeated, missing, unquoted, case-changed or bit-flipped parameters (400)',
      expected: 'authenticated only with the right API key, algorithm and signature (spelling variants allowed); else an authorization code in the envelope',
      observed: `${codes.total} headers: ${codes.get('device_not_found')} authenticated (all with the right signature, ${wronglyRefused} valid ones refused); refused with ${codes
        .keys()
        .filter((k) => k !== 'device_not_found')
        .join(', ')}`
    })
  })

  it('H05 Date headers: shifted, reformatted and random → authenticated only inside ±15 minutes', async (context) => {
    const pad = (n: number) => String(n).padStart(2, '0')
    const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']
    const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
    const formats: Record<string, (d: Date) => string> = {
      imf: (d) => d.toUTCString(),
      iso: (d) => d.toISOString(),
      local: (d) => d.toString(),
      rfc850: (d) =>
        `${DAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())}-${MONTHS[d.getUTCMonth()]}-${pad(d.getUTCFullYear() % 100)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} GMT`,
      asctime: (d) =>
        `${DAYS[d.getUTCDay()]!.slice(0, 3)} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${d.getUTCFullYear()}`,
      epoch: (d) => String(d.getTime()),
      lower: (d) => d.toUTCString().toLowerCase(),
      spaced: (d) => ` ${d.toUTCString()} `
    }
    const MINUTE = 60_000
    const offset = fc.oneof(
      fc.integer({ min: -120 * MINUTE, max: 120 * MINUTE }),
      fc.constantFrom(-15 * MINUTE, 15 * MINUTE, -15 * MINUTE - 1000, 15 * MINUTE + 1000, 0, -50 * 365 * 24 * 60 * MINUTE, 8.64e15 - NOW)
    )
    const date = fc.oneof(
      {
        weight: 4,
        arbitrary: fc.tuple(fc.constantFrom(...Object.keys(formats)), offset).map(([format, ms]) => ({ text: formats[format]!(new Date(NOW + ms)), format }))
      },
      { weight: 1, arbitrary: headerText(60).map((text) => ({ text, format: 'random' })) },
      {
        weight: 1,
        arbitrary: fc
          .constantFrom('Tue, 07 Jun 2011 20:51:35 GMT', 'Thu, 01 Jan 1970 00:00:00 GMT', 'now', '0', '-1', 'Infinity', 'x'.repeat(4000))
          .map((text) => ({ text, format: 'fixed' }))
      }
    )
    const codes = new Tally()
    let acceptedInside = 0
    await fc.assert(
      fc.asyncProperty(date, async ({ text, format }) => {
        const code = await probe({ date: text, authorization: hmacAuthorization(sandbox.apiKey, sandbox.sharedKey, text) }, codes)
        const authenticated = code === 'device_not_found'
        if (authenticated) {
          acceptedInside += 1
          expect(dateWithinWindow(text, NOW), `accepted Date ${JSON.stringify(text)}`).toBe(true)
        } else {
          expect(AUTHORIZATION_CODES.has(code), `unexpected code ${code}`).toBe(true)
        }
        if (format === 'imf' && dateWithinWindow(text, NOW)) expect(authenticated, `refused an IMF-fixdate inside the window: ${text} (${code})`).toBe(true)
      }),
      runs(300)
    )
    table.record(context, {
      id: 'H05',
      case: 'Date headers (each correctly signed): IMF-fixdate, ISO 8601, RFC 850, asctime, epoch, lower-case, padded, random text; offsets up to ±2 h, the ±15 min edges, year 1981 and year 275760 (300)',
      expected:
        'authenticated only when the date parses to within ±15 min of the server clock; every IMF-fixdate inside the window authenticated; date_header_diff (or another auth code) otherwise',
      observed: `${codes.total} dates: ${acceptedInside} authenticated, all inside the window; refused with ${codes
        .keys()
        .filter((k) => k !== 'device_not_found')
        .join(', ')}`
    })
  })
})

describe('seed files', () => {
  type SeedLike = typeof defaultSeedJson
  /** The default seed with every shared key, client secret and password replaced by a random 24-hex secret. */
  function seedWithSecrets(secrets: string[]): { seed: SeedLike; used: string[] } {
    const seed = structuredClone<SeedLike>(defaultSeedJson)
    const used: string[] = []
    const take = () => {
      const s = secrets[used.length % secrets.length]! + String(used.length).padStart(2, '0')
      used.push(s)
      return s
    }
    for (const k of seed.apiKeys) k.sharedKey = take()
    for (const c of seed.oauthClients) c.clientSecret = take()
    for (const a of seed.customerAccounts) for (const u of a.users) u.password = take()
    for (const l of seed.licenses) if ('user' in l && 'password' in l.user) (l.user as { password: string }).password = take()
    return { seed, used }
  }

  /** A message leaks a secret when any 8 characters of it appear (JSON.parse quotes ~10 characters around an error). */
  const leaked = (message: string, secrets: readonly string[]) =>
    secrets.filter((s) => Array.from({ length: s.length - 7 }, (_, i) => s.slice(i, i + 8)).some((w) => message.includes(w)))

  function paths(value: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
    if (typeof value !== 'object' || value === null) return [prefix]
    const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value)
    return [prefix, ...entries.flatMap(([k, v]) => paths(v, [...prefix, k]))]
  }

  it('H06 mutated seed objects → a valid seed or a SeedError naming the problem, never a crash or a secret', async (context) => {
    const outcomes = new Tally()
    fc.assert(
      fc.property(
        fc.array(hexSecret(24), { minLength: 4, maxLength: 4 }),
        fc.array(fc.tuple(fc.nat(), fc.oneof(fc.constant(undefined), fieldValue, nastyText)), { minLength: 1, maxLength: 3 }),
        (secrets, mutations) => {
          const { seed, used } = seedWithSecrets(secrets)
          for (const [at, value] of mutations) {
            const all = paths(seed).filter((p) => p.length > 0)
            const path = all[at % all.length]!
            const parent = path.slice(0, -1).reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], seed) as Record<string | number, unknown>
            const key = path[path.length - 1]!
            if (value === undefined) {
              if (Array.isArray(parent)) parent.splice(Number(key), 1)
              // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- the property removes a random key of the seed on purpose
              else delete parent[key]
            } else parent[key] = value
          }
          try {
            parseSeed(seed, 'the hostile seed')
            outcomes.add('valid')
          } catch (error) {
            expect(error).toBeInstanceOf(SeedError)
            outcomes.add('SeedError')
            expect(leaked((error as Error).message, used), (error as Error).message).toEqual([])
          }
        }
      ),
      runs(400)
    )
    table.record(context, {
      id: 'H06',
      case: 'Seed objects (parseSeed) with 1–3 random deletions or replacements anywhere: wrong types, nasty strings, broken references (400)',
      expected: 'a valid seed or a SeedError; no other exception; no message holds 8+ characters of a seeded secret',
      observed: `${outcomes.total} seeds: ${outcomes.get('valid')} still valid, ${outcomes.get('SeedError')} SeedError; 0 other exceptions; 0 messages with a secret`
    })
  })

  it('H07 seed files with broken JSON text → a SeedError that quotes none of the seed’s secrets', async (context) => {
    const dir = mkdtempSync(join(tmpdir(), 'lm-reliability-seed-'))
    let leaks = 0
    let errors = 0
    try {
      const corruption = fc.oneof(
        fc.record({ kind: fc.constant('unquote-secret' as const), at: fc.nat() }),
        fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
        fc.record({ kind: fc.constant('delete-char' as const), at: fc.nat() }),
        fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom('x', '"', '}', ',', '\u0001', '\\') })
      )
      fc.assert(
        fc.property(fc.array(hexSecret(24), { minLength: 4, maxLength: 4 }), corruption, (secrets, c) => {
          const { seed, used } = seedWithSecrets(secrets)
          let text = JSON.stringify(seed, null, 2)
          if (c.kind === 'unquote-secret') {
            const secret = used[c.at % used.length]!
            const start = text.indexOf(`"${secret}"`)
            text = text.slice(0, start) + secret + text.slice(start + secret.length + 2)
          } else {
            const at = c.at % text.length
            if (c.kind === 'truncate') text = text.slice(0, at)
            else if (c.kind === 'delete-char') text = text.slice(0, at) + text.slice(at + 1)
            else text = text.slice(0, at) + c.text + text.slice(at)
          }
          const file = join(dir, 'seed.json')
          writeFileSync(file, text)
          try {
            loadSeed(file)
          } catch (error) {
            expect(error).toBeInstanceOf(SeedError)
            errors += 1
            const found = leaked((error as Error).message, used)
            if (found.length > 0) leaks += 1
            expect(found, (error as Error).message).toEqual([])
          }
        }),
        runs(200)
      )
    } finally {
      table.record(context, {
        id: 'H07',
        case: 'Seed files (loadSeed, as `npm run sandbox -- --seed`) with broken JSON: a secret left unquoted, truncation, a deleted or inserted character (200)',
        expected: 'SeedError saying the file is not valid JSON (or what is wrong), without quoting the text around the error',
        observed: `${errors} SeedErrors; ${leaks === 0 ? 'none' : plural(leaks, 'message')} quoting part of a secret`
      })
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('the engine’s validation', () => {
  /** A License API that refuses every call: the engine's input is what is under test. */
  function recordingFetch() {
    const sent: string[] = []
    const impl: typeof fetch = async (input, init) => {
      const request = input instanceof Request ? input : new Request(input, init)
      sent.push(await request.text())
      return new Response(JSON.stringify({ status: 400, code: 'device_not_found', message: 'no' }), {
        status: 400,
        headers: { 'content-type': 'application/json' }
      })
    }
    return { sent, impl }
  }

  it('H08 random deactivation input → invalid_input naming a field and nothing sent, or a well-formed body within the limits', async (context) => {
    const { sent, impl } = recordingFetch()
    const service = engineService({ apiUrl: 'https://licence.example.test/api/v4/', fetch: impl })
    const TARGET_FIELDS = ['product', 'hardwareId', 'licenseId'] as const
    const CREDENTIAL_FIELDS = ['licenseKey', 'username', 'password', 'idToken', 'code', 'customerAccountCode'] as const
    type Field = (typeof TARGET_FIELDS)[number] | (typeof CREDENTIAL_FIELDS)[number]
    const METHODS = ['license-key', 'user', 'sso-token', 'sso-code'] as const
    const text = fc.oneof(fc.constantFrom('office-suite', 'K-1', 'bob@example.test', 'acme', '  padded  ', '12'), fc.string({ maxLength: 30 }), nastyText)
    /** One credential set with its method, its fields filled with plain, padded or nasty text: often valid, often just not. */
    const oneMethod = fc
      .tuple(
        fc.constantFrom<[(typeof METHODS)[number], ReadonlyArray<Field>]>(
          ['license-key', ['licenseKey']],
          ['user', ['username', 'password']],
          ['sso-token', ['idToken', 'customerAccountCode']],
          ['sso-code', ['code', 'customerAccountCode']]
        ),
        fc.array(text, { minLength: 2, maxLength: 2 }),
        fc.option(text, { nil: undefined }),
        fc.option(fc.oneof(text, fc.integer()), { nil: undefined }),
        text
      )
      .map(([[method, fields], values, hardwareId, licenseId, product]) => ({
        product,
        ...(hardwareId === undefined ? {} : { hardwareId }),
        ...(licenseId === undefined ? {} : { licenseId }),
        credentials: { method, ...Object.fromEntries(fields.map((f, i) => [f, values[i]])) }
      }))
    const anyValue = fc.oneof({ weight: 5, arbitrary: text }, { weight: 1, arbitrary: fieldValue })
    /** Any fields with any values, the credentials under any method or none: mixed credential sets, wrong types. */
    const anyFields = fc.record(
      {
        ...Object.fromEntries(TARGET_FIELDS.map((f) => [f, anyValue])),
        credentials: fc.record(
          { method: fc.oneof(fc.constantFrom(...METHODS), fieldValue), ...Object.fromEntries(CREDENTIAL_FIELDS.map((f) => [f, anyValue])) },
          { requiredKeys: [] }
        )
      },
      { requiredKeys: [] }
    )
    const input = fc.oneof({ weight: 3, arbitrary: oneMethod }, { weight: 2, arbitrary: anyFields }, { weight: 1, arbitrary: fc.anything() })
    const outcomes = new Tally()
    await fc.assert(
      fc.asyncProperty(input, async (raw) => {
        const before = sent.length
        const outcome = await service.deactivate(raw as never)
        if (sent.length > before) {
          outcomes.add('sent')
          expect(sent.length).toBe(before + 1)
          const wire = sent[sent.length - 1]!
          const body = JSON.parse(wire) as Record<string, unknown>
          expect(isWellFormedBundleBody(body, 'deactivate'), wire).toBe(true)
          expect(readBundleBody(wire, 'deactivate').ok, wire).toBe(true)
          for (const [field, value] of Object.entries(body)) {
            if (typeof value !== 'string' || field === 'sdk_ver') continue
            // eslint-disable-next-line no-control-regex -- control characters are what it looks for
            expect(/[\u0000-\u001f\u007f]/.test(value), `${field} carries a control character`).toBe(false)
            const limit = {
              hardware_id: FIELD_LIMITS.hardwareId,
              product: FIELD_LIMITS.product,
              license_key: FIELD_LIMITS.licenseKey,
              username: FIELD_LIMITS.username,
              password: FIELD_LIMITS.password,
              id_token: FIELD_LIMITS.idToken,
              code: FIELD_LIMITS.code,
              customer_account_code: FIELD_LIMITS.customerAccountCode
            }[field]
            expect(value.length).toBeLessThanOrEqual(limit ?? 0)
          }
          expect(codeOf(outcome)).toBe('device_not_found')
        } else {
          expect(outcome.ok).toBe(false)
          if (!outcome.ok) {
            outcomes.add(outcome.error.code)
            expect(['invalid_input', 'hardware_id_unavailable']).toContain(outcome.error.code)
            expect(outcome.error.field, JSON.stringify(outcome.error)).toBeTruthy()
            const password = (raw as { credentials?: { password?: unknown } } | null)?.credentials?.password
            if (typeof password === 'string' && password.length >= 8) expect(JSON.stringify(outcome.error)).not.toContain(password)
          }
        }
      }),
      runs(500)
    )
    table.record(context, {
      id: 'H08',
      case: 'Engine service.deactivate with random input: any JSON-like value, random/nasty/padded strings or wrong types in every field, mixed credential sets (500)',
      expected:
        'never throws; invalid_input naming a field and nothing sent, or exactly one request whose body is well formed, within the limits, free of control characters and accepted by the sandbox’s body check',
      observed: `${outcomes.total} inputs: ${outcomes.get('sent')} sent (all well formed), ${outcomes.get('invalid_input')} invalid_input, ${outcomes.get('hardware_id_unavailable')} hardware_id_unavailable; 0 exceptions`
    })
    expect(outcomes.get('sent')).toBeGreaterThan(0)
  })

  it('H09 random configuration environments → an engine config or config_invalid, never a secret in the message', async (context) => {
    const outcomes = new Tally()
    const envValue = fc.oneof(
      fc.string({ maxLength: 30 }),
      nastyText,
      fc.constantFrom(
        'hmac',
        'oauth',
        'https://api.example.test/api/v4/',
        'http://10.0.0.1/api/',
        'http://127.0.0.1:1/api/v4',
        'https://user:pw@api.example.test/',
        '15000',
        '-1',
        '0',
        'access_token'
      )
    )
    const names = Object.values(CONFIG_ENV).filter((n) => n !== CONFIG_ENV.sharedKey && n !== CONFIG_ENV.clientSecret)
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...names), envValue, { maxKeys: 4 }),
        hexSecret(20),
        hexSecret(20),
        fc.boolean(),
        fc.boolean(),
        (env, sharedKey, clientSecret, controlChar, startValid) => {
          const valid = { [CONFIG_ENV.apiUrl]: 'https://api.example.test/api/v4/', [CONFIG_ENV.apiKey]: 'reliability-key' }
          const secretEnv = {
            ...(startValid ? valid : {}),
            ...env,
            [CONFIG_ENV.sharedKey]: controlChar ? `${sharedKey}\u0007` : sharedKey,
            ...(startValid ? {} : { [CONFIG_ENV.clientSecret]: clientSecret })
          }
          const outcome = loadConfig({ env: secretEnv })
          outcomes.add(outcome.ok ? 'config' : outcome.error.code)
          if (!outcome.ok) {
            const text = JSON.stringify(outcome.error)
            expect(text).not.toContain(sharedKey)
            expect(text).not.toContain(clientSecret)
          }
        }
      ),
      runs(400)
    )
    table.record(context, {
      id: 'H09',
      case: 'Engine loadConfig with random LM_* environments (random and nasty values, URLs with credentials, bad timeouts) and random 20-hex shared key / client secret, sometimes with a control character (400)',
      expected: 'never throws; a config or config_invalid naming the variable; the shared key and client secret never in the error',
      observed: `${outcomes.total} environments: ${outcomes.get('config')} configs, ${outcomes.get('config_invalid')} config_invalid; 0 exceptions; 0 errors holding a secret`
    })
  })
})

describe('offline request files', () => {
  /** The genuine file for the seeded seat, written by the engine with the sandbox's keys, dated at the sandbox's clock. */
  async function genuineFile() {
    const offline = createOfflineRequests({
      auth: { scheme: 'hmac', apiKey: sandbox.apiKey, sharedKey: sandbox.sharedKey },
      app: { name: 'License Manager', version: '0.1.0' },
      sdkVersion: 'License Manager 0.1.0',
      resolveHardwareId: async () => ({ ok: true, value: 'sandbox-pc-1' }),
      now: () => new Date(NOW)
    })
    const file = expectOk(await offline.create({ product: 'office-suite', credentials: { method: 'license-key', licenseKey: 'OFFICE-2222-IN-USE' } }))
    return {
      offline,
      content: file.content,
      wrapped: JSON.parse(Buffer.from(file.content, 'base64').toString('utf8')) as { request: Record<string, unknown>; signature: string }
    }
  }
  const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64')
  const nested = (depth: number) => `${'['.repeat(depth)}1${']'.repeat(depth)}`

  /** Hostile variants of a genuine file: each kind a reader meets in the wild or from an attacker. */
  function hostileFiles(genuine: Awaited<ReturnType<typeof genuineFile>>) {
    const { request, signature } = genuine.wrapped
    const withRequest = (changed: Record<string, unknown> | string, sig = signature) =>
      b64(typeof changed === 'string' ? `{"request":${changed},"signature":${JSON.stringify(sig)}}` : JSON.stringify({ request: changed, signature: sig }))
    const requestText = JSON.stringify(request)
    return fc.oneof(
      fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
      fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes).toString('base64')),
      fc.jsonValue({ maxDepth: 4 }).map((v) => b64(JSON.stringify(v))),
      fc.integer({ min: MAX_JSON_DEPTH - 2, max: 20_000 }).map((depth) => withRequest(`{"variables":{"x":${nested(depth)}}}`)),
      fc.integer({ min: 1, max: 30_000 }).map((depth) => b64(nested(depth))),
      fc
        .record({ key: fc.constantFrom('__proto__', 'constructor', 'prototype'), inVariables: fc.boolean() })
        .map(({ key, inVariables }) =>
          withRequest(
            inVariables
              ? `${requestText.slice(0, -1)},"variables":{${JSON.stringify(key)}:{"polluted":true}}}`
              : `{${JSON.stringify(key)}:{"polluted":true},${requestText.slice(1)}`
          )
        ),
      fc
        .record({ name: fc.constantFrom(...Object.keys(request), 'variables', 'password', 'extra'), value: fieldValue })
        .map(({ name, value }) => withRequest({ ...request, [name]: value })),
      fc
        .record({ name: fc.constantFrom(...Object.keys(request)) })
        .map(({ name }) => withRequest(Object.fromEntries(Object.entries(request).filter(([k]) => k !== name)))),
      fc.nat({ max: genuine.content.length - 1 }).map((cut) => genuine.content.slice(0, cut)),
      fc.integer({ min: MAX_REQUEST_FILE_BYTES + 1, max: MAX_REQUEST_FILE_BYTES + 4096 }).map((size) => 'A'.repeat(size)),
      fc.constant(genuine.content),
      fc.constant(`  ${genuine.content}\r\n`)
    )
  }
  const READER_CODES = ['offline_file_too_large', 'offline_file_wrong_type', 'offline_file_truncated']
  /** Every text of a summary, nested ones included. */
  const textsOf = (value: unknown): string[] =>
    typeof value === 'string' ? [value] : typeof value === 'object' && value !== null ? Object.values(value).flatMap(textsOf) : []

  it('H20 hostile request files read by the engine → a plain refusal or a deactivation request shown safely, never a throw or a polluted prototype', async (context) => {
    const genuine = await genuineFile()
    const outcomes = new Tally()
    fc.assert(
      fc.property(hostileFiles(genuine), (content) => {
        const outcome = genuine.offline.inspect(content)
        outcomes.add(outcome.ok ? 'read' : outcome.error.code)
        expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
        if (outcome.ok) {
          // The app judges no signature (the server does): a file is read when it is a deactivation request
          // naming its seat, and every text it shows of it is safe to show and bounded.
          for (const text of textsOf(outcome.value)) {
            expect(text).not.toMatch(new RegExp(UNSAFE_DISPLAY_CHARACTERS.source))
            expect(text.length).toBeLessThanOrEqual(1024)
          }
          expect(JSON.stringify(outcome.value)).not.toContain('OFFICE-2222-IN-USE')
        } else {
          expect(READER_CODES).toContain(outcome.error.code)
          expect(outcome.error.explanation).toMatch(/Nothing was sent/)
        }
      }),
      runs(600)
    )
    table.record(context, {
      id: 'H20',
      case: 'Request files for the upload screen (600): random bytes and Base64, Base64 of random JSON, nesting up to 20,000 deep, "__proto__"/"constructor"/"prototype" keys, wrong types, removed fields, cut-off files, files over 64 KiB',
      expected:
        'never throws; no prototype changed; refused with a catalogued offline_file_* error, or read as a deactivation request (its signature is the server’s to judge) with every shown text safe to show and the licence key masked',
      observed: `${outcomes.total} files: ${outcomes
        .keys()
        .map((k) => `${outcomes.get(k)} ${k}`)
        .join(', ')}; 0 exceptions`
    })
    expect(outcomes.get('read')).toBeGreaterThan(0)
  })

  it('H21 hostile request files uploaded to the sandbox → the envelope, never a server failure; only the genuine file frees the seat, once', async (context) => {
    const genuine = await genuineFile()
    const codes = new Tally()
    const headers = () => ({ ...signed(), 'content-type': 'text/plain' })
    // Fresh connections: the sandbox closes keep-alive sockets left idle by the tests before (5 s).
    closeAgent()
    await fc.assert(
      fc.asyncProperty(hostileFiles(genuine), async (content) => {
        const before = devices()
        const reply = await post(api('deactivate_bundle_offline'), { headers: headers(), body: content })
        expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
        if (reply.status === 200) {
          codes.add('accepted')
          expect(content.trim()).toBe(genuine.content)
          expect(sandbox.devicesOf('OFFICE-2222-IN-USE')).toEqual([])
          sandbox.reset()
        } else {
          const { code, status } = envelopeOf(reply)
          codes.add(code)
          expect(status).toBeLessThan(500)
          expect(devices()).toBe(before)
        }
      }),
      runs(300)
    )
    table.record(context, {
      id: 'H21',
      case: 'The same kinds of hostile request files POSTed to deactivate_bundle_offline (300)',
      expected: 'the envelope with 4xx, seats unchanged; the genuine file accepted the first time and refused as replayed after',
      observed: `${codes.total} uploads: ${codes
        .keys()
        .map((k) => `${codes.get(k)} ${k}`)
        .join(', ')}; 0 server failures`
    })
    expect(codes.get('accepted')).toBe(1)
    expect(codes.get('offline_request_replayed')).toBeGreaterThan(0)
  })
})
