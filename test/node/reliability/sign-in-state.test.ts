import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { readCallback } from '../../../src/main/engine/sso/callback'
import { createSsoBrowserFlow } from '../../../src/main/engine/sso'
import { EXIT, EXIT_ON_SIGNAL } from '../../../src/cli/exit-codes'
import { startCli, killGroup, type CliChild } from './support/cli-child'
import { startHostileLicenseApi, type HostileLicenseApi } from './support/hostile-license-api'
import { runs, Tally } from './support/properties'
import { callListener, PROVIDER_URL, settledWithin } from './support/sso-sign-in'
import { reliabilityTable } from './support/table'

/*
 * Issue 20, item 1: a sign-in trusts only its own state. Whatever `state` the License API's link
 * came with (none, empty, short, numeric, repeated, encoded, very long), the browser is sent with
 * one the app drew itself, and only an answer carrying exactly that one, once, ends the sign-in.
 */

const table = reliabilityTable(__filename, 4, 'Security checks')

/** 256 bits in Base64url: what the flow draws from the OS's random source for each attempt. */
const OWN_STATE = /^[A-Za-z0-9_-]{43}$/

/** The `state` part of a License API's sign-in link, and the values a page could then try. */
interface ServerState {
  kind: string
  params: string
  /** The values an attacker who read (or guessed) the link would send back as `state`. */
  guesses: readonly string[]
}

const serverState: fc.Arbitrary<ServerState> = fc.oneof(
  fc.constant({ kind: 'none', params: '', guesses: ['', 'state'] }),
  fc.constant({ kind: 'empty', params: '&state=', guesses: [''] }),
  fc.constantFrom('1', 'acme', 'x', '0').map((s) => ({ kind: 'short', params: `&state=${s}`, guesses: [s] })),
  fc.integer({ min: 0, max: 2 ** 31 }).map((n) => ({ kind: 'numeric', params: `&state=${n}`, guesses: [String(n)] })),
  fc
    .tuple(
      fc.string({ unit: fc.constantFrom(...'abcXYZ019'.split('')), minLength: 1, maxLength: 6 }),
      fc.string({ unit: fc.constantFrom(...'klmn'.split('')), minLength: 1, maxLength: 6 })
    )
    .map(([a, b]) => ({ kind: 'repeated', params: `&state=${a}&state=${b}`, guesses: [a, b] })),
  fc.constant({ kind: 'encoded name', params: '&st%61te=acme', guesses: ['acme'] }),
  fc.string({ minLength: 1, maxLength: 12 }).map((s) => ({ kind: 'encoded value', params: `&state=${encodeURIComponent(s)}`, guesses: [s] })),
  fc.integer({ min: 500, max: 3000 }).map((n) => ({ kind: 'very long', params: `&state=${'s'.repeat(n)}`, guesses: ['s'.repeat(n)] })),
  fc.constant({ kind: 'look-alike of an own state', params: `&state=${'A'.repeat(43)}`, guesses: ['A'.repeat(43)] })
)

const query = (params: Array<[string, string]>) => `?${new URLSearchParams(params).toString()}`

describe('a sign-in trusts only its own state', () => {
  it(
    'S23 links from the License API with every kind of state: the browser gets one state of the app’s own, and the server’s state (or a guess of it) never ends the sign-in',
    { timeout: 120_000 },
    async (context) => {
      const kinds = new Tally()
      const seen = new Set<string>()
      let forged = 0
      let refused = 0
      try {
        await fc.assert(
          fc.asyncProperty(serverState, async (s) => {
            kinds.add(s.kind)
            let opened!: (url: string) => void
            const browser = new Promise<string>((resolve) => (opened = resolve))
            const flow = createSsoBrowserFlow({
              httpSignInOrigins: [new URL(PROVIDER_URL).origin],
              timeoutMs: 10_000,
              requestSsoUrl: async () => ({ ok: true, value: { url: `${PROVIDER_URL}&response_type=code${s.params}`, openidConfiguration: null } }),
              openExternal: async (url) => opened(url)
            })
            const outcome = flow.signIn({ product: 'design-pack', customerAccountCode: 'acme', grant: 'code' }, () => undefined)
            try {
              const url = new URL(await Promise.race([browser, outcome.then((o) => Promise.reject(new Error(JSON.stringify(o))))]))
              const states = url.searchParams.getAll('state')
              expect(states, url.href).toHaveLength(1)
              const own = states[0]!
              expect(own).toMatch(OWN_STATE)
              expect(s.guesses).not.toContain(own)
              expect(seen.has(own)).toBe(false)
              seen.add(own)
              const redirect = new URL(url.searchParams.get('redirect_uri')!)
              const port = Number(redirect.port)
              for (const guess of s.guesses) {
                for (const forgedAnswer of [
                  [
                    ['state', guess],
                    ['code', 'ATTACKER-CODE']
                  ],
                  [
                    ['state', guess],
                    ['error', 'access_denied']
                  ],
                  [
                    ['state', guess],
                    ['state', own],
                    ['code', 'ATTACKER-CODE']
                  ]
                ] as Array<Array<[string, string]>>) {
                  forged += 1
                  const reply = await callListener(port, `${redirect.pathname}${query(forgedAnswer)}`)
                  if (reply.status === 400) refused += 1
                  expect(reply.status).toBe(400)
                }
              }
              expect(await settledWithin(outcome, 20)).toBe('pending')
              expect(
                (
                  await callListener(
                    port,
                    `${redirect.pathname}${query([
                      ['state', own],
                      ['code', 'real-code']
                    ])}`
                  )
                ).status
              ).toBe(200)
              expect(await outcome).toEqual({ ok: true, value: { kind: 'code', code: 'real-code', redirectUri: redirect.href, portChosen: true } })
            } finally {
              flow.cancel()
              await outcome
            }
          }),
          runs(80)
        )
      } finally {
        table.record(context, {
          id: 'S23',
          case: 'Sign-in links from the License API carrying a state of every kind: none, empty, short ("1", "acme"), numeric, repeated, percent-encoded name or value, very long (500–3000 characters), a look-alike of the app’s own (80); answers forged with each value the link held (query with code, with error=access_denied, and the server’s state next to the right one)',
          expected:
            'the browser is sent with exactly one state: the app’s own (43 Base64url characters = 256 bits from the OS random source), never one of the link’s, different every time; every forged answer gets HTTP 400 and the sign-in keeps waiting; the real answer then signs in',
          observed: `${kinds.total} links (${kinds.toString()}): ${seen.size} distinct own states; ${forged} forged answers, ${refused} refused with HTTP 400; the real answer signed in each time`
        })
      }
    }
  )

  it('S24 property: only a set of parameters with exactly one state equal to the attempt’s own ends it, whatever else it holds', (context) => {
    const own = 'Qm9uZC1KYW1lcy1Cb25kLTAwNy1pcy1oZXJlLXRvby1sb25n'.slice(0, 43)
    const near = fc.oneof(
      fc.constant(own),
      fc.constant(own.toLowerCase()),
      fc.constant(own.slice(0, -1)),
      fc.constant(`${own}x`),
      fc.constant(` ${own}`),
      fc.constant(encodeURIComponent(encodeURIComponent(own))),
      fc.string({ maxLength: 50 })
    )
    const outcomes = new Tally()
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('state', 'code', 'error', 'id_token', 'access_token', 'STATE', 'x'), near), { maxLength: 6 }),
        fc.constantFrom('code' as const, 'token' as const),
        (pairs, grant) => {
          const params = new URLSearchParams(pairs)
          const reading = readCallback(params, own, grant)
          const exactlyOwn = params.getAll('state').length === 1 && params.get('state') === own
          outcomes.add(reading.kind === 'answer' ? (exactlyOwn ? 'answer with the own state' : 'ANSWER WITHOUT IT') : 'not this sign-in')
          expect(reading.kind === 'answer').toBe(exactlyOwn)
        }
      ),
      runs(3000)
    )
    table.record(context, {
      id: 'S24',
      case: 'Callback parameters generated (3000): 0–6 of state, code, error, id_token, access_token, STATE and others, each the attempt’s own state, a re-cased, cut, extended, padded or doubly encoded copy of it, or random text; code and token grants',
      expected:
        'readCallback ends the sign-in (an answer, right or wrong) only when there is exactly one state and it equals the attempt’s own; otherwise “not this sign-in”',
      observed: outcomes.toString()
    })
  })
})

describe('tried as an attacker would, from the command line', () => {
  let api: HostileLicenseApi | undefined
  const children: CliChild[] = []
  afterAll(async () => {
    for (const child of children) killGroup(child)
    await api?.close()
  })

  it(
    'S25 the CLI against a License API whose sso_url answer carries state=acme: forged answers to the printed port neither end nor steer the sign-in; the real one deactivates',
    { timeout: 90_000 },
    async (context) => {
      api = await startHostileLicenseApi({ stateParams: '&state=acme' })
      const env = { LM_API_URL: api.apiUrl, LM_API_KEY: 'attack-test-api-key', LM_SHARED_KEY: 'attack-test-shared-key' }
      const args = ['deactivate', '--product', 'design-pack', '--sso', '--customer-account', 'acme', '--no-browser', '--hardware-id', 'attacked-pc-0001']
      const observed: string[] = []
      try {
        // 1. A forged code or error with the server's state; the state twice; no state.
        const cli = startCli([...args, '--json'], { env })
        children.push(cli)
        const link = new URL((await cli.waitForStderr(/Sign in here: (\S+)/))[1]!)
        const own = link.searchParams.get('state') ?? ''
        const redirect = new URL(link.searchParams.get('redirect_uri') ?? '')
        const port = Number(redirect.port)
        const forgeries: Array<Array<[string, string]>> = [
          [
            ['state', 'acme'],
            ['code', 'ATTACKER-CODE']
          ],
          [
            ['state', 'acme'],
            ['error', 'access_denied']
          ],
          [['code', 'ATTACKER-CODE']],
          [
            ['state', 'acme'],
            ['state', own],
            ['code', 'ATTACKER-CODE']
          ],
          [
            ['state', own.toUpperCase()],
            ['code', 'ATTACKER-CODE']
          ]
        ]
        const statuses = []
        for (const f of forgeries) statuses.push((await callListener(port, `${redirect.pathname}${query(f)}`)).status)
        const meanwhile = await settledWithin(cli.exited, 300)
        observed.push(
          `the link’s state: ${own === 'acme' ? 'the server’s' : OWN_STATE.test(own) ? 'the app’s own (43 characters)' : 'other'}; forged answers: HTTP ${statuses.join(', ')}; ${meanwhile === 'pending' ? 'the CLI still waiting' : 'the CLI ended'}, ${api.deactivations().length} deactivations sent`
        )
        expect(link.searchParams.getAll('state')).toEqual([own])
        expect(own).toMatch(OWN_STATE)
        expect(statuses).toEqual(forgeries.map(() => 400))
        expect(meanwhile).toBe('pending')
        expect(api.deactivations()).toEqual([])

        // 2. The person's own answer: the deactivation goes out with that code, never the attacker's.
        expect(
          (
            await callListener(
              port,
              `${redirect.pathname}${query([
                ['state', own],
                ['code', 'REAL-CODE']
              ])}`
            )
          ).status
        ).toBe(200)
        const done = await cli.exited
        const sent = api.deactivations()
        observed.push(`then the real answer: exit ${done.code}, ${sent.length} deactivation with code ${sent.map((b) => String(b['code'])).join(', ')}`)
        expect(done.code).toBe(EXIT.success)
        expect(sent).toEqual([expect.objectContaining({ code: 'REAL-CODE', customer_account_code: 'acme' })])
        expect(JSON.stringify(api.calls.map((c) => c.body))).not.toContain('ATTACKER-CODE')

        // 3. Ctrl+C (a real SIGINT) while it waits cancels the sign-in; SIGTERM stops it; nothing is sent.
        for (const [signal, exit, code] of [
          ['SIGINT', EXIT.ssoIncomplete, 'sso_cancelled'],
          ['SIGTERM', EXIT_ON_SIGNAL.SIGTERM, 'interrupted']
        ] as const) {
          const waiting = startCli([...args, '--json'], { env })
          children.push(waiting)
          const forgedPort = Number(new URL(new URL((await waiting.waitForStderr(/Sign in here: (\S+)/))[1]!).searchParams.get('redirect_uri') ?? '').port)
          expect(
            (
              await callListener(
                forgedPort,
                `/callback${query([
                  ['state', 'acme'],
                  ['code', 'ATTACKER-CODE']
                ])}`
              )
            ).status
          ).toBe(400)
          const before = api.deactivations().length
          waiting.signal(signal)
          const stopped = await waiting.exited
          const json = JSON.parse(stopped.stdout.trim()) as { error?: { code?: string; explanation?: string } }
          observed.push(
            `${signal} while waiting: exit ${stopped.code}, ${json.error?.code ?? 'no error'}, ${api.deactivations().length - before} deactivations sent`
          )
          expect(stopped.code).toBe(exit)
          expect(json.error?.code).toBe(code)
          if (code === 'interrupted') expect(json.error?.explanation).toContain('waited for the browser sign-in')
          expect(api.deactivations().length).toBe(before)
        }
      } finally {
        table.record(context, {
          id: 'S25',
          case: '`license-manager deactivate --sso --customer-account acme --no-browser` (a child process) against a hostile License API on 127.0.0.1 whose sso_url answer carries state=acme; forged requests to the printed redirect port: state=acme with a code, state=acme with error=access_denied, a code without state, the server’s state next to the right one, the right one re-cased; then the real answer; then Ctrl+C (SIGINT) and SIGTERM to a waiting sign-in',
          expected:
            'the printed link holds only the app’s own state; every forged request gets HTTP 400, the CLI keeps waiting and sends nothing; the real answer deactivates with its own code (never ATTACKER-CODE); SIGINT → sso_cancelled (exit 5), SIGTERM → interrupted (exit 143), nothing sent',
          observed: observed.join('; ')
        })
      }
    }
  )
})
