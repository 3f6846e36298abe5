import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import type { SsoProgress } from '../../../src/shared/api'
import { codeOf, engineService } from './support/engine'
import { answer, startFaultyServer } from './support/faulty-server'
import { nastyText, runs, Tally } from './support/properties'
import { callListener, foreignMarkup, PROVIDER_URL, settledWithin, startSignIn, type LoopbackReply, type RunningSignIn } from './support/sso-sign-in'
import { plural, reliabilityTable } from './support/table'
import { anyString } from '../../support/matchers'

/*
 * Item 2 (SSO part): what a hostile page or a broken provider can send to the engine's loopback
 * listener (src/main/engine/sso): odd, repeated, oversized and script-laden parameters.
 */

const table = reliabilityTable(__filename, 2, 'Hostile input')
const running: RunningSignIn[] = []
afterEach(async () => {
  for (const signIn of running.splice(0)) {
    signIn.cancel()
    await signIn.outcome
  }
})

async function signIn(grant: 'code' | 'token' = 'code', formPost = false) {
  const s = await startSignIn(grant, 10_000, formPost)
  running.push(s)
  return s
}

/** Percent-encodes every UTF-8 byte (a lone surrogate becomes U+FFFD, as a browser sends it). */
const percent = (text: string) => [...Buffer.from(text, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('')
const query = (params: Array<[string, string]>) => `?${params.map(([k, v]) => `${percent(k)}=${percent(v)}`).join('&')}`
const describeOutcome = (o: Awaited<RunningSignIn['outcome']> | 'pending') =>
  o === 'pending' ? 'still waiting' : o.ok ? (o.value.kind === 'code' ? `code "${o.value.code.slice(0, 20)}"` : 'tokens') : o.error.code

function expectSafePage(reply: LoopbackReply, input: string): void {
  expect(String(reply.headers['content-type'])).toMatch(/^text\/(html|plain); charset=utf-8$/)
  const csp = String(reply.headers['content-security-policy'])
  expect(csp).toContain("default-src 'none'")
  expect(csp).not.toMatch(/script-src/)
  expect(reply.headers['x-content-type-options']).toBe('nosniff')
  expect(foreignMarkup(reply.body), reply.body).toEqual([])
  for (const dangerous of ['<script', '<svg', '<img', '<a ', '<style>', '<!--']) {
    if (input.toLowerCase().includes(dangerous)) expect(reply.body.toLowerCase()).not.toContain(dangerous)
  }
}

describe('script-laden and odd answers', () => {
  it('the page check finds markup that was not escaped (it can fail)', () => {
    expect(foreignMarkup('<body><h1>Signed in</h1><p>ok</p></body>')).toEqual([])
    expect(foreignMarkup('<p>x</p><img src=x onerror=alert(1)><p onclick="x">y</p><style>*{}</style><script>')).toEqual([
      '<img src=x onerror=alert(1)>',
      '<p onclick="x">',
      '<style>',
      '<script>'
    ])
  })

  it('H10 provider errors with script-laden error and error_description → typed error, every character escaped', async (context) => {
    const markup = fc.oneof(
      nastyText,
      fc.string({ unit: fc.constantFrom('<', '>', '"', "'", '&', '/', '=', ' ', 'a', 's', 'c', 'r', 'i', 'p', 't', '\u2028', '\u0000'), maxLength: 40 }),
      fc.constantFrom(
        '<svg/onload=alert(1)>',
        '</p><script>alert(document.cookie)</script>',
        '<a href="javascript:alert(1)">x</a>',
        '&lt;script&gt;',
        '<!--',
        ']]>',
        '<style>*{display:none}</style>'
      )
    )
    const codes = new Tally()
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('access_denied', 'server_error', 'temporarily_unavailable'), markup, markup, async (error, errorText, description) => {
        const s = await signIn()
        const reply = await callListener(
          s.port,
          `${s.path}${query([
            ['state', s.state],
            ['error', error === 'server_error' ? `${error}${errorText}` : error],
            ['error_description', description]
          ])}`
        )
        const outcome = await s.outcome
        codes.add(codeOf(outcome))
        expect(reply.status).toBe(400)
        expectSafePage(reply, description)
        expectSafePage(reply, errorText)
        expect(codeOf(outcome)).toBe(error === 'access_denied' ? 'sso_access_denied' : 'sso_provider_error')
      }),
      runs(60)
    )
    table.record(context, {
      id: 'H10',
      case: 'SSO callback: provider error with script-laden error / error_description (markup, quotes, NUL, U+2028, comments) (60)',
      expected: 'sso_access_denied or sso_provider_error; a 400 page with a script-free CSP, nosniff, no markup of the input, nothing unescaped',
      observed: `${codes.total} callbacks: ${codes.toString()}; every page escaped, CSP default-src 'none' without script-src`
    })
  })

  it('H11 a code full of markup signs in, and the success page shows neither the code nor its markup', async (context) => {
    let pages = 0
    await fc.assert(
      fc.asyncProperty(markupCode(), async (code) => {
        const s = await signIn()
        const reply = await callListener(
          s.port,
          `${s.path}${query([
            ['state', s.state],
            ['code', code]
          ])}`
        )
        const outcome = await s.outcome
        expect(outcome).toEqual({ ok: true, value: { kind: 'code', code, redirectUri: anyString(), portChosen: true } })
        expect(reply.status).toBe(200)
        expectSafePage(reply, code)
        expect(reply.body).not.toContain(code)
        expect(reply.body).not.toContain(encodeURIComponent(code))
        pages += 1
      }),
      runs(40)
    )
    table.record(context, {
      id: 'H11',
      case: 'SSO callback: right state, code containing markup and quotes (40)',
      expected: 'the code is taken as is; the "Signed in" page contains neither the code nor any markup from it',
      observed: `${plural(pages, 'sign-in')} completed; no page echoed the code`
    })
  })

  it('H12 wrong, truncated, extended, re-cased, encoded or empty state → a 400 page, the sign-in keeps waiting and then takes the real answer', async (context) => {
    const wrong = fc.record({
      kind: fc.constantFrom('prefix', 'suffix', 'case', 'flip', 'encoded', 'empty', 'spaces', 'random', 'no-value'),
      at: fc.nat(),
      random: fc.string({ maxLength: 50 })
    })
    const seen = new Tally()
    await fc.assert(
      fc.asyncProperty(wrong, async (w) => {
        const s = await signIn()
        const S = s.state
        const i = 1 + (w.at % (S.length - 1))
        const candidates: Record<string, string> = {
          prefix: S.slice(0, i),
          suffix: `${S}${w.random || 'x'}`,
          case: S.toUpperCase() === S ? S.toLowerCase() : S.toUpperCase(),
          flip: S.slice(0, i) + (S[i] === 'A' ? 'B' : 'A') + S.slice(i + 1),
          encoded: `%${S.charCodeAt(0).toString(16).toUpperCase()}${S.slice(1)}`,
          empty: '',
          spaces: ` ${S} `,
          random: w.random
        }
        const target =
          w.kind === 'no-value' ? `${s.path}?state&code=attacker-code` : `${s.path}?state=${encodeURIComponent(candidates[w.kind]!)}&code=attacker-code`
        const reply = await callListener(s.port, target)
        const meanwhile = await settledWithin(s.outcome, 20)
        seen.add(`HTTP ${reply.status}, ${describeOutcome(meanwhile)}`)
        expect(meanwhile, `state variant ${w.kind}`).toBe('pending')
        expect(reply.status).toBe(400)
        expectSafePage(reply, 'attacker-code')
        await callListener(s.port, `${s.path}?state=${encodeURIComponent(S)}&code=real-code`)
        expect(await s.outcome).toEqual({ ok: true, value: { kind: 'code', code: 'real-code', redirectUri: anyString(), portChosen: true } })
      }),
      runs(60)
    )
    table.record(context, {
      id: 'H12',
      case: 'SSO callback with a wrong state: a prefix, the state plus more, re-cased, one character changed, percent-encoded twice, empty, padded, random, valueless (60), each followed by the real answer',
      expected: 'a 400 page and the sign-in keeps waiting every time; the attacker’s code is never delivered; the real answer then signs in',
      observed: `${seen.total} callbacks: ${seen.toString()}; the real answer then signed in each time`
    })
  })

  it('H13 repeated parameters are refused whole, and only an answer carrying the right state is taken', async (context) => {
    const cases: Array<[string, (S: string) => string, (outcome: string) => boolean]> = [
      ['state twice, wrong one first', (S) => `state=wrong&state=${S}&code=c1`, (o) => o === 'still waiting'],
      ['state twice, right one first', (S) => `state=${S}&state=wrong&code=c1`, (o) => o === 'still waiting'],
      ['state twice, both right', (S) => `state=${S}&state=${S}&code=c1`, (o) => o === 'still waiting'],
      ['code twice, no state', () => 'code=a&code=b', (o) => o === 'still waiting'],
      ['a stray error, no state', () => 'error=access_denied', (o) => o === 'still waiting'],
      ['no parameters', () => '', (o) => o === 'still waiting'],
      ['code twice', (S) => `state=${S}&code=first&code=second`, (o) => o === 'sso_invalid_callback'],
      ['code and error together', (S) => `state=${S}&code=c1&error=access_denied`, (o) => o === 'sso_access_denied'],
      ['empty code', (S) => `state=${S}&code=`, (o) => o === 'sso_invalid_callback'],
      ['code in a fragment-like parameter', (S) => `state=${S}&access_token=t1`, (o) => o === 'sso_invalid_callback'],
      ['unknown extra parameters', (S) => `state=${S}&code=c1&iss=https%3A%2F%2Fevil.test&session_state=x`, (o) => o === 'code "c1"']
    ]
    const observed: string[] = []
    for (const [name, make, allowed] of cases) {
      const s = await signIn()
      await callListener(s.port, `${s.path}?${make(s.state)}`)
      const outcome = describeOutcome(await settledWithin(s.outcome, 50))
      observed.push(`${name}: ${outcome}`)
      expect(allowed(outcome), `${name} → ${outcome}`).toBe(true)
    }
    table.record(context, {
      id: 'H13',
      case: 'SSO callback with repeated or conflicting parameters: state twice (either order, or both right), code twice or an error without state, no parameters, code with error, empty code, token on the code grant, unknown extras',
      expected:
        'without exactly one right state: nothing ends, the sign-in keeps waiting; with it, any repeated parameter → sso_invalid_callback (RFC 6749 §3.1 forbids repeats), error wins over code, empty/absent code → sso_invalid_callback',
      observed: observed.join('; ')
    })
  })

  it('H14 a query larger than Node’s header limit is refused by the HTTP parser and the sign-in keeps waiting', async (context) => {
    const s = await signIn()
    const huge = await callListener(s.port, `${s.path}?state=${s.state}&code=${'c'.repeat(20_000)}`)
    const meanwhile = await settledWithin(s.outcome, 200)
    const later = await callListener(s.port, `${s.path}?state=${s.state}&code=after-the-flood`)
    const outcome = await s.outcome
    table.record(context, {
      id: 'H14',
      case: 'SSO callback with a 20 KB query (over Node’s 16 KB header limit), then the real answer',
      expected: 'HTTP 431 from Node’s parser; the sign-in is not ended; the real answer is then taken',
      observed: `HTTP ${huge.status}; sign-in ${describeOutcome(meanwhile)}; then HTTP ${later.status} and ${describeOutcome(outcome)}`
    })
    expect(huge.status).toBe(431)
    expect(meanwhile).toBe('pending')
    expect(outcome).toEqual({ ok: true, value: { kind: 'code', code: 'after-the-flood', redirectUri: anyString(), portChosen: true } })
  })

  it('H15 wrong methods and paths are refused without ending the sign-in', async (context) => {
    const s = await signIn()
    const attempts: Array<[string, string, string]> = [
      ['POST', s.path, `state=${s.state}&code=posted`],
      ['PUT', `${s.path}?state=${s.state}&code=put`, ''],
      ['GET', `${s.path}/extra?state=${s.state}&code=sub`, ''],
      ['GET', `${s.path.toUpperCase()}?state=${s.state}&code=upper`, ''],
      ['GET', `/fragment?state=${s.state}&access_token=t`, '']
    ]
    const statuses: string[] = []
    for (const [method, target, body] of attempts) {
      const reply = await callListener(s.port, target, { method, body, headers: body ? { 'content-type': 'application/x-www-form-urlencoded' } : {} })
      statuses.push(`${method} ${target.split('?')[0]} → ${reply.status}`)
    }
    const meanwhile = await settledWithin(s.outcome, 100)
    table.record(context, {
      id: 'H15',
      case: 'SSO listener: POST/PUT on the redirect path, sub-path, upper-cased path, the relay path on the code grant',
      expected: '405 for other methods, 404 for other paths; the sign-in keeps waiting',
      observed: `${statuses.join('; ')}; sign-in ${describeOutcome(meanwhile)}`
    })
    expect(statuses.map((t) => t.slice(-3))).toEqual(['405', '405', '404', '404', '404'])
    expect(meanwhile).toBe('pending')
  })
})

describe('forged answers', () => {
  it('H18 random answers without exactly one right state, by query, relay post or form post → a 400 and the sign-in keeps waiting; the real answer then signs in', async (context) => {
    const names = fc.constantFrom('code', 'error', 'error_description', 'id_token', 'access_token', 'token_type', 'iss', 'session_state', 'State', 'state ')
    const value = fc.oneof(fc.string({ maxLength: 30 }), nastyText, fc.constant(''))
    const forged = fc.record({
      channel: fc.constantFrom('query', 'relay', 'form'),
      params: fc.array(fc.tuple(names, value), { maxLength: 6 }),
      state: fc.constantFrom('none', 'wrong', 'twice-right', 'right-and-wrong', 'valueless'),
      wrong: fc.string({ minLength: 1, maxLength: 50 })
    })
    const seen = new Tally()
    await fc.assert(
      fc.asyncProperty(forged, async (f) => {
        const s = await signIn(f.channel === 'query' ? 'code' : 'token', f.channel === 'form')
        const wrong = f.wrong === s.state ? `${f.wrong}x` : f.wrong
        const states: Record<typeof f.state, string[]> = {
          none: [],
          wrong: [wrong],
          'twice-right': [s.state, s.state],
          'right-and-wrong': [s.state, wrong],
          valueless: []
        }
        const body =
          new URLSearchParams([...f.params, ...states[f.state].map((v): [string, string] => ['state', v])]).toString() +
          (f.state === 'valueless' ? '&state' : '')
        const send = (text: string) =>
          f.channel === 'query'
            ? callListener(s.port, `${s.path}?${text}`)
            : callListener(s.port, f.channel === 'relay' ? `${s.path}/fragment` : s.path, {
                method: 'POST',
                body: text,
                headers:
                  f.channel === 'relay'
                    ? { 'content-type': 'text/plain;charset=UTF-8', 'x-sso-relay': '1' }
                    : { 'content-type': 'application/x-www-form-urlencoded' }
              })
        const reply = await send(body)
        const meanwhile = await settledWithin(s.outcome, 20)
        seen.add(`${f.channel} HTTP ${reply.status} ${describeOutcome(meanwhile)}`)
        expect(meanwhile).toBe('pending')
        expect(reply.status).toBe(400)
        const real =
          f.channel === 'query' ? `state=${encodeURIComponent(s.state)}&code=real-code` : `state=${encodeURIComponent(s.state)}&access_token=real-token`
        expect((await send(real)).status).toBe(200)
        expect(await s.outcome).toEqual(
          f.channel === 'query'
            ? { ok: true, value: { kind: 'code', code: 'real-code', redirectUri: anyString(), portChosen: true } }
            : { ok: true, value: { kind: 'token', accessToken: 'real-token' } }
        )
      }),
      runs(90)
    )
    table.record(context, {
      id: 'H18',
      case: 'Forged answers to a waiting sign-in (90): random code, error, token and other parameters with no state, a wrong state, the right state twice, the right state with a wrong one, or a valueless state; sent as a query (code grant), a relay post or a form post (implicit grant with form_post); each followed by the real answer',
      expected: 'HTTP 400 and the sign-in keeps waiting every time; the real answer then signs in',
      observed: `${seen.total} forged answers: ${seen.toString()}; the real answer then signed in each time`
    })
  })
})

describe('the implicit grant’s fragment relay', () => {
  it('H16 relay posts: oversized, script-laden, wrong state, without the relay header', async (context) => {
    const results: string[] = []
    const relay = async (body: string, headers: Record<string, string>, stateOf: (S: string) => string) => {
      const s = await signIn('token')
      const reply = await callListener(s.port, `${s.path}/fragment`, {
        method: 'POST',
        body: body.replace('STATE', stateOf(s.state)),
        headers: { 'content-type': 'text/plain;charset=UTF-8', ...headers }
      })
      const outcome = await settledWithin(s.outcome, 100)
      return { reply, outcome }
    }
    const relayHeader = { 'x-sso-relay': '1' }

    const oversized = await relay(`state=STATE&access_token=${'t'.repeat(70_000)}`, relayHeader, (S) => S)
    results.push(`70 KB: HTTP ${oversized.reply.status}, ${describeOutcome(oversized.outcome)}`)
    expect(oversized.reply.status).toBe(413)
    expect(oversized.outcome).toBe('pending')

    const script = '<script>alert(1)</script>'
    const laden = await relay(`state=wrong&access_token=${encodeURIComponent(script)}&error_description=${encodeURIComponent(script)}`, relayHeader, (S) => S)
    results.push(
      `script-laden, wrong state: HTTP ${laden.reply.status} ${String(laden.reply.headers['content-type']).split(';')[0]}, ${describeOutcome(laden.outcome)}`
    )
    expect(laden.reply.status).toBe(400)
    expect(laden.outcome).toBe('pending')
    expect(String(laden.reply.headers['content-type'])).toMatch(/^text\/plain/)
    expect(laden.reply.body).not.toContain('<')

    const noHeader = await relay('state=STATE&access_token=t', {}, (S) => S)
    results.push(`no relay header: HTTP ${noHeader.reply.status}, ${describeOutcome(noHeader.outcome)}`)
    expect(noHeader.reply.status).toBe(403)
    expect(noHeader.outcome).toBe('pending')

    const good = await relay('state=STATE&access_token=tok-1&id_token=id-1', relayHeader, (S) => S)
    results.push(`valid: HTTP ${good.reply.status}, ${describeOutcome(good.outcome)}`)
    expect(good.outcome).toEqual({ ok: true, value: { kind: 'token', accessToken: 'tok-1', idToken: 'id-1' } })
    expect(good.reply.body).not.toContain('tok-1')

    table.record(context, {
      id: 'H16',
      case: 'Implicit-grant relay: a 70 KB fragment, a script-laden fragment with a wrong state, a post without the relay header, a valid one',
      expected:
        'oversized → 413 and still waiting; wrong state → 400 answered as text/plain and still waiting; no header → 403 and still waiting; valid → tokens, not echoed',
      observed: results.join('; ')
    })
  })
})

describe('through the engine’s service', () => {
  it('H17 an 8 KB or control-character code from the browser is refused before deactivate_bundle is called', async (context) => {
    const api = await startFaultyServer((socket, arrival) => {
      if (arrival.method === 'GET')
        answer(socket, '200 OK', { 'content-type': 'application/json' }, JSON.stringify({ url: `${PROVIDER_URL}&response_type=code` }))
      else answer(socket, '200 OK', { 'content-type': 'application/json' }, '"license_deactivated"')
    })
    const observed: string[] = []
    try {
      for (const [label, code] of [
        ['8 KB code', 'c'.repeat(8_192)],
        ['code with CR LF NUL', 'abc\r\n\u0000def']
      ] as const) {
        let browser!: (url: string) => void
        const opened = new Promise<string>((resolve) => (browser = resolve))
        const service = engineService({ apiUrl: api.apiUrl, openExternal: async (url) => browser(url) })
        const progress: SsoProgress[] = []
        const outcome = service.deactivateWithSso({ product: 'design-pack', customerAccountCode: 'acme', grant: 'code', hardwareId: 'sso-pc-1' }, (p) =>
          progress.push(p)
        )
        const url = new URL(await opened)
        const redirect = new URL(url.searchParams.get('redirect_uri')!)
        await callListener(Number(redirect.port), `${redirect.pathname}?state=${url.searchParams.get('state')}&code=${encodeURIComponent(code)}`)
        const result = await outcome
        const posts = api.arrivals().filter((a) => a.method === 'POST').length
        observed.push(`${label}: ${codeOf(result)} (field ${result.ok ? '-' : result.error.field}), ${plural(posts, 'POST')}`)
        expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'code' } })
        expect(posts).toBe(0)
        expect(progress.map((p) => p.stage)).not.toContain('deactivating')
      }
    } finally {
      table.record(context, {
        id: 'H17',
        case: 'SSO sign-in through the service: the browser brings back an 8 KB code, or a code with CR LF NUL',
        expected: 'invalid_input naming the code; deactivate_bundle never called',
        observed: observed.join('; ')
      })
      await api.close()
    }
  })
})

/** Codes made of markup and quotes, with a prefix no page template contains. */
function markupCode() {
  return fc.string({ unit: fc.constantFrom('<', '>', '"', "'", '&', '/', 'x', '=', ' ', ';'), minLength: 1, maxLength: 30 }).map((s) => `C0DE-${s}`)
}
