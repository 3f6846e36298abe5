import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/server'
import { startSsoProvider, type RunningSsoProvider } from '../../../src/sandbox/sso'
import { codeOf, engineService } from './support/engine'
import { runs, Tally } from './support/properties'
import { anyRequest, isPlainPath, sendRaw, type RawRequest } from './support/raw-http'
import { settledWithin, startSignIn } from './support/sso-sign-in'
import { plural, reliabilityTable } from './support/table'
import { expectOk } from '../../support/expect-ok'
import { closeOpened } from '../../support/close-opened'

/*
 * Every HTTP entry point — the SSO loopback listener (and its relay and form-post paths), the
 * sandbox's License API and its OpenID provider — takes any request line, target, header and
 * body over a raw socket, answers it, and then still serves a normal request.
 */

const table = reliabilityTable(__filename, 2, 'Hostile input')
const HEADER_LIMIT = 16 * 1024

let sandbox: RunningSandbox
let provider: RunningSsoProvider
beforeAll(async () => {
  sandbox = await startSandbox({ quiet: true, sso: false })
  provider = await startSsoProvider({ seed: { customerAccounts: [{ code: 'acme', sso: { enabled: true }, users: [] }] } })
})
afterAll(async () => {
  await closeOpened(sandbox, provider)
})

/** What the server must answer: Node's 431 past its header limit, 400 for a target that is not a path, else any status below 500. */
function expectedOf(request: RawRequest): 'too-large' | 'bad-target' | 'any' {
  const head = request.method.length + request.target.length + request.headers.reduce((n, [k, v]) => n + k.length + v.length + 4, 0)
  if (head > HEADER_LIMIT) return 'too-large'
  return isPlainPath(request.target) ? 'any' : 'bad-target'
}

async function fire(port: number, host: string, request: RawRequest, tally: Tally): Promise<void> {
  const reply = await sendRaw(port, host, request)
  const expected = expectedOf(request)
  tally.add(reply.status === undefined ? 'no answer' : String(reply.status))
  expect(reply.status, `${request.method} ${request.target.slice(0, 80)}: ${reply.text.slice(0, 200)}`).toBeDefined()
  expect(reply.status!).toBeLessThan(500)
  if (expected === 'too-large') expect([400, 431]).toContain(reply.status)
  if (expected === 'bad-target') expect(reply.status, `${request.method} ${request.target.slice(0, 80)}`).toBe(400)
}

describe('any request at every entry point', () => {
  it(
    'H19 random request lines, targets, headers and bodies over raw sockets → an answer below 500 (400 for a target that is not a path); nothing crashes and a normal request then works',
    { timeout: 120_000 },
    async (context) => {
      const observed: string[] = []
      const record = () =>
        table.record(context, {
          id: 'H19',
          case: 'Raw requests over TCP (150 per entry point): random and odd methods (CONNECT, PRI, lower case), targets (//, *, absolute-form, authority-form, broken percent-encoding, 20 KB, non-ASCII, fragments), headers (duplicate Host, chunked, Expect, Upgrade, 20 KB) and bodies, at the SSO listener (code grant; implicit grant with its relay and form-post paths), the sandbox’s License API and its OpenID provider',
          expected:
            'every request answered with a status below 500: 400 for a target that is not a path, 400/431 past Node’s header limit; the sign-in keeps waiting; then a normal request works at each',
          observed: observed.join('; ')
        })
      record()

      for (const grant of ['code', 'token'] as const) {
        const signIn = await startSignIn(grant, 60_000, true)
        const host = `127.0.0.1:${signIn.port}`
        const statuses = new Tally()
        try {
          await fc.assert(
            fc.asyncProperty(anyRequest([signIn.path, `${signIn.path}/fragment`]), async (request) => {
              await fire(signIn.port, host, request, statuses)
              expect(await settledWithin(signIn.outcome, 0)).toBe('pending')
            }),
            runs(150)
          )
          const real = await sendRaw(signIn.port, host, {
            method: 'GET',
            target: `${signIn.path}?state=${encodeURIComponent(signIn.state)}&${grant === 'code' ? 'code=real' : 'access_token=real'}`,
            headers: [],
            body: ''
          })
          const outcome = await signIn.outcome
          observed.push(`SSO listener (${grant} grant): ${statuses.toString()}; then the real answer: HTTP ${real.status}, ${codeOf(outcome)}`)
          expect(real.status).toBe(200)
          expectOk(outcome)
        } finally {
          signIn.cancel()
          record()
        }
      }

      const api = new URL(sandbox.apiUrl)
      const apiStatuses = new Tally()
      await fc.assert(
        fc.asyncProperty(anyRequest(['/api/v4/deactivate_bundle', '/api/v4/activate_bundle', '/api/v4/sso_url', '/auth/token']), (request) =>
          fire(Number(api.port), api.host, request, apiStatuses)
        ),
        runs(150)
      )
      sandbox.reset()
      const engine = engineService({ apiUrl: sandbox.apiUrl, auth: { scheme: 'hmac', apiKey: sandbox.apiKey, sharedKey: sandbox.sharedKey } })
      const deactivation = await engine.deactivate({
        product: 'office-suite',
        hardwareId: 'sandbox-pc-1',
        credentials: { method: 'license-key', licenseKey: 'OFFICE-2222-IN-USE' }
      })
      observed.push(`sandbox License API: ${apiStatuses.toString()}; then a deactivation: ${codeOf(deactivation)}`)
      record()
      expectOk(deactivation)

      const issuer = new URL(provider.issuer)
      const providerStatuses = new Tally()
      await fc.assert(
        fc.asyncProperty(
          anyRequest(['/', '/auth', '/token', '/.well-known/openid-configuration', '/jwks', '/me', '/interaction/abc', '/interaction/abc/login']),
          (request) => fire(Number(issuer.port), issuer.host, request, providerStatuses)
        ),
        runs(150)
      )
      const discovery = await fetch(`${provider.issuer}/.well-known/openid-configuration`)
      observed.push(`sandbox OpenID provider: ${providerStatuses.toString()}; then discovery: HTTP ${discovery.status}`)
      record()
      expect(discovery.status).toBe(200)
      expect(plural(observed.length, 'entry point')).toBe('4 entry points')
    }
  )
})
