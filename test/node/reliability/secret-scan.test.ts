import type { Page } from '@playwright/test'
import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import defaultSeedJson from '../../../resources/sandbox-seed.json'
import type { AuthConfig } from '../../../src/main/engine/config'
import type { LicenseService } from '../../../src/main/engine/service'
import type { DeactivationRequestInput } from '../../../src/shared/request'
import { registerIpcHandlers, type IpcMainLike } from '../../../src/main/electron/ipc'
import type { InvokeEventLike } from '../../../src/main/electron/sender-check'
import type { SeedFile } from '../../../src/sandbox/seed'
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/server'
import { createSandboxSso } from '../../../src/sandbox/sso'
import type { SsoProgress } from '../../../src/shared/api'
import type { SsoSignInRequestInput } from '../../../src/shared/request'
import { IPC } from '../../../src/shared/ipc-channels'
import { success, type Outcome } from '../../../src/shared/outcome'
import { signInOnProviderPage } from '../sso/harness'
import { launchSystemBrowser, type SystemBrowser } from '../sso/system-browser'
import { OutputCapture, runTsx, type ChildResult } from './support/capture'
import { codeOf, engineService } from './support/engine'
import { closedPort } from './support/faulty-server'
import { hmacAuthorization } from './support/sandbox-http'
import { filesUnder, scan, type Capture, type Finding, type Secret } from './support/secret-scanner'
import { ROOT, plural, reliabilityTable } from './support/table'
import { closeOpened } from '../../support/close-opened'

/*
 * Item 4, secrets: seeded secrets (shared keys, OAuth client secrets, every password) and the
 * tokens and codes seen during the run never appear in logs, console output, diagnostics, CLI
 * output (--json and human), error messages, pages or files. Representative flows run against
 * a sandbox seeded with fresh random secrets; everything they produce is scanned at the end.
 */

const table = reliabilityTable(__filename, 4, 'Security checks')
const hex = (bytes: number) => randomBytes(bytes).toString('hex')

type SeedShape = typeof defaultSeedJson
const seed = structuredClone<SeedShape>(defaultSeedJson)
/** Seeded secrets, by what they are. */
const seeded: Secret[] = []
const secretFor = (label: string): string => {
  // A letter first: left unquoted in a JSON file, it is a bad token that JSON.parse quotes, not a number.
  const value = `q${hex(12)}`
  seeded.push({ label, value })
  return value
}
for (const k of seed.apiKeys) k.sharedKey = secretFor(`shared key of ${k.apiKey}`)
for (const c of seed.oauthClients) c.clientSecret = secretFor(`client secret of ${c.clientId}`)
for (const a of seed.customerAccounts) for (const u of a.users) u.password = secretFor(`SSO password of ${u.email}`)
const licencePasswords = new Map<string, string>()
for (const l of seed.licenses) {
  const user = 'user' in l ? (l.user as { email: string; password?: string }) : undefined
  if (user?.password === undefined) continue
  if (!licencePasswords.has(user.email)) licencePasswords.set(user.email, secretFor(`password of ${user.email}`))
  user.password = licencePasswords.get(user.email)!
}
const password = (email: string) => licencePasswords.get(email)!
const sharedKeyOf = (apiKey: string) => seed.apiKeys.find((k) => k.apiKey === apiKey)!.sharedKey
const ssoPassword = (email: string) => seed.customerAccounts.flatMap((a) => a.users).find((u) => u.email === email)!.password
/** Tokens and codes seen on the wire: bearer tokens the engine sent, SSO codes and tokens the License API received. */
const observed: Secret[] = []
const observe = (label: string, value: string) => {
  if (value.length >= 8 && !observed.some((o) => o.value === value)) observed.push({ label, value })
}
/** Licence keys are no secret, but diagnostics must leave them out. */
const licenceKeys: Secret[] = seed.licenses.flatMap((l) =>
  'licenseKey' in l && l.licenseKey ? [{ label: `licence key ${l.licenseKey}`, value: l.licenseKey }] : []
)

const output = new OutputCapture()
/** Failed outcomes with the input that caused them, for the diagnostics report. */
const failures: Array<{ input: DeactivationRequestInput | SsoSignInRequestInput; sso: boolean; outcome: Outcome<unknown> }> = []
let work: string
let seedFile: string
let sandbox: RunningSandbox
let browser: SystemBrowser

/** Scans and turns findings into readable lines. */
function leaks(captures: readonly Capture[], secrets: readonly Secret[] = [...seeded, ...observed]): string[] {
  return scan(captures, secrets).map((f: Finding) => `${f.label} (${f.form}) in ${f.where}`)
}
const capturesSince = (start: number) => output.captures.slice(start)

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'lm-reliability-secrets-'))
  for (const dir of ['home', 'config', 'cache', 'data', 'state']) mkdirSync(join(work, 'written', dir), { recursive: true })
  seedFile = join(work, 'seed.json')
  writeFileSync(seedFile, JSON.stringify(seed, null, 2))
  sandbox = await output.during('the in-process sandbox starting', () =>
    startSandbox({
      seed: seed as SeedFile,
      quiet: true,
      async ssoFactory(context) {
        const real = await createSandboxSso(context)
        return {
          ...real,
          identify(credential, account) {
            observe(credential.kind === 'code' ? 'SSO authorization code' : 'SSO token', credential.kind === 'code' ? credential.code : credential.token)
            return real.identify(credential, account)
          }
        }
      }
    })
  )
  browser = await launchSystemBrowser()
}, 40_000)

afterAll(async () => {
  await closeOpened(browser, sandbox)
  if (work) rmSync(work, { recursive: true, force: true })
})

const hmac = (apiKey = 'sandbox-api-key', sharedKey = sharedKeyOf(apiKey)): AuthConfig => ({ scheme: 'hmac', apiKey, sharedKey })

/** The engine against the seeded sandbox; bearer tokens it sends are recorded as observed secrets. */
function service(auth: AuthConfig, page?: Page): LicenseService {
  const watching: typeof fetch = (input, init) => {
    for (const headers of [input instanceof Request ? input.headers : undefined, init?.headers]) {
      const authorization = headers === undefined ? null : new Headers(headers).get('authorization')
      if (authorization?.startsWith('Bearer ')) observe('OAuth bearer token', authorization.slice(7))
    }
    return fetch(input, init)
  }
  return engineService({
    apiUrl: sandbox.apiUrl,
    auth,
    fetch: watching,
    timeoutMs: 10_000,
    ssoTimeoutMs: 20_000,
    openExternal: async (url) => {
      if (page) await page.goto(url)
    }
  })
}

async function deactivate(where: string, auth: AuthConfig, input: DeactivationRequestInput, expected: string): Promise<void> {
  const outcome = await output.during(where, () => service(auth).deactivate(input))
  output.keep(`outcome of ${where}`, outcome)
  if (!outcome.ok) failures.push({ input, sso: false, outcome })
  expect(codeOf(outcome), where).toBe(expected)
}

const OAUTH = (clientSecret = seed.oauthClients[0]!.clientSecret): AuthConfig => ({
  scheme: 'oauth',
  tokenUrl: sandbox.oauth.tokenUrl,
  clientId: 'sandbox-client',
  clientSecret
})

describe('seeded secrets stay out of everything a run writes', () => {
  it('S13 the engine’s service: outcomes, error messages and console output of HMAC and OAuth calls', async (context) => {
    sandbox.reset()
    const start = output.captures.length
    await deactivate(
      'licence key',
      hmac(),
      { product: 'office-suite', hardwareId: 'sandbox-pc-1', credentials: { method: 'license-key', licenseKey: 'OFFICE-2222-IN-USE' } },
      'ok'
    )
    await deactivate(
      'wrong password',
      hmac(),
      {
        product: 'design-pack',
        hardwareId: 'sandbox-pc-1',
        credentials: { method: 'user', username: 'bob@example.test', password: password('carol@example.test') }
      },
      'license_not_found'
    )
    await deactivate(
      'username and password',
      hmac(),
      {
        product: 'design-pack',
        licenseId: '2001',
        hardwareId: 'sandbox-pc-1',
        credentials: { method: 'user', username: 'bob@example.test', password: password('bob@example.test') }
      },
      'ok'
    )
    await deactivate(
      'another key’s shared key',
      hmac('sandbox-api-key', sharedKeyOf('sandbox-design-only-api-key')),
      { product: 'office-suite', hardwareId: 'x', credentials: { method: 'license-key', licenseKey: 'OFFICE-1111-FREE-SEAT' } },
      'signature_mismatch'
    )
    await deactivate(
      'revoked key',
      hmac('sandbox-revoked-api-key'),
      { product: 'office-suite', hardwareId: 'x', credentials: { method: 'license-key', licenseKey: 'OFFICE-1111-FREE-SEAT' } },
      'revoked_api_key'
    )
    await deactivate(
      'read-only key',
      hmac('sandbox-read-only-api-key'),
      { product: 'office-suite', hardwareId: 'x', credentials: { method: 'license-key', licenseKey: 'OFFICE-1111-FREE-SEAT' } },
      'read_only_api_key'
    )
    await deactivate(
      'OAuth',
      OAUTH(),
      { product: 'office-suite', hardwareId: 'sandbox-pc-1', credentials: { method: 'license-key', licenseKey: 'OFFICE-6666-UNTIL-2030' } },
      'ok'
    )
    await deactivate(
      'OAuth with the other client’s secret',
      OAUTH(seed.oauthClients[1]!.clientSecret),
      { product: 'office-suite', hardwareId: 'x', credentials: { method: 'license-key', licenseKey: 'K' } },
      'oauth_token_request_failed'
    )
    await deactivate(
      'password with a control character',
      hmac(),
      { product: 'design-pack', credentials: { method: 'user', username: 'bob@example.test', password: `${password('bob@example.test')}\u0000` } },
      'invalid_input'
    )
    const found = leaks(capturesSince(start))
    table.record(context, {
      id: 'S13',
      case: 'Engine service, 9 calls (HMAC ok, wrong password, user ok, another key’s shared key, revoked and read-only keys, OAuth ok, wrong client secret, password with NUL): outcomes, error messages, console output',
      expected: 'no shared key, client secret, password or bearer token in any of it (raw or encoded)',
      observed: `${plural(capturesSince(start).length, 'capture')} scanned for ${plural(seeded.length, 'seeded secret')} and ${observed.some((o) => o.label === 'OAuth bearer token') ? 'the bearer token' : 'no bearer token'}: ${found.length === 0 ? 'nothing found' : found.join('; ')}`
    })
    expect(observed.some((o) => o.label === 'OAuth bearer token')).toBe(true)
    expect(found).toEqual([])
  })

  it('S14 SSO through the engine and through IPC in a real browser: outcomes, progress, loopback pages, console', { timeout: 60_000 }, async (context) => {
    sandbox.reset()
    const start = output.captures.length
    const ann = { email: 'ann@acme.test', password: ssoPassword('ann@acme.test') }
    const input = (grant: 'code' | 'token'): SsoSignInRequestInput => ({
      product: 'design-pack',
      customerAccountCode: 'acme',
      grant,
      hardwareId: 'sandbox-pc-1'
    })

    async function signIn(where: string, run: (page: Page) => Promise<Outcome<unknown>>, user = ann): Promise<Outcome<unknown>> {
      const page = await browser.newPage()
      const outcome = await output.during(where, async () => {
        const pending = run(page)
        await page.getByRole('heading', { name: 'Sign in to Acme Corp' }).waitFor()
        await signInOnProviderPage(page, user)
        return pending
      })
      await page.getByRole('heading').first().waitFor()
      output.keep(`loopback page after ${where}`, await page.content())
      output.keep(`outcome of ${where}`, outcome)
      return outcome
    }

    for (const grant of ['code', 'token'] as const) {
      sandbox.reset()
      const progress: SsoProgress[] = []
      const outcome = await signIn(`SSO ${grant} grant`, (page) => service(hmac(), page).deactivateWithSso(input(grant), (p) => progress.push(p)))
      output.keep(`progress of SSO ${grant} grant`, progress)
      expect(codeOf(outcome)).toBe('ok')
    }

    sandbox.reset()
    const dora = await signIn('SSO user without a licence', (page) => service(hmac(), page).deactivateWithSso(input('code'), () => undefined), {
      email: 'dora@acme.test',
      password: ssoPassword('dora@acme.test')
    })
    if (!dora.ok) failures.push({ input: input('code'), sso: true, outcome: dora })
    expect(codeOf(dora)).toBe('sso_user_not_found')

    // A code used once is refused when replayed through the engine (as the CLI's --code would).
    const usedCode = observed.find((o) => o.label === 'SSO authorization code')!.value
    await deactivate(
      'replayed SSO code',
      hmac(),
      { product: 'design-pack', hardwareId: 'sandbox-pc-1', credentials: { method: 'sso-code', code: usedCode, customerAccountCode: 'acme' } },
      'sso_code_invalid'
    )

    // The window's route: IPC handler → engine → browser; what the window receives is scanned.
    sandbox.reset()
    const sent: unknown[] = []
    const handlers = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>>()
    const ipcMain: IpcMainLike = { handle: (c, l) => void handlers.set(c, l), removeHandler: (c) => void handlers.delete(c) }
    const page = await browser.newPage()
    const engine = service(hmac(), page)
    registerIpcHandlers({ ipcMain, service: () => success(engine), isTrustedSender: () => true })
    const event: InvokeEventLike = {
      sender: { id: 1, isDestroyed: () => false, send: (...args) => void sent.push(args) },
      senderFrame: { url: 'file:///app/index.html', parent: null }
    }
    const viaIpc = (await output.during('IPC deactivateWithSso', async () => {
      const pending = handlers.get(IPC.deactivateWithSso)!(event, input('code'))
      await page.getByRole('heading', { name: 'Sign in to Acme Corp' }).waitFor()
      await signInOnProviderPage(page, ann)
      return pending
    })) as Outcome<unknown>
    const wrongPassword = await handlers.get(IPC.deactivate)!(event, {
      product: 'design-pack',
      credentials: { method: 'user', username: 'bob@example.test', password: password('carol@example.test') }
    })
    output.keep('what the window received over IPC', { viaIpc, wrongPassword, sent })
    expect(codeOf(viaIpc)).toBe('ok')

    const found = leaks(capturesSince(start))
    const codes = observed.filter((o) => o.label.startsWith('SSO')).length
    table.record(context, {
      id: 'S14',
      case: 'SSO in a real browser (Chromium): code and token grants through the engine, a user without a licence, a replayed code, the code grant and a wrong password through the IPC handlers; outcomes, progress events, what the window receives, the loopback pages, console',
      expected: 'no seeded secret, SSO code or token in any of it',
      observed: `${plural(codes, 'SSO code/token')} observed; ${plural(capturesSince(start).length, 'capture')} scanned: ${found.length === 0 ? 'nothing found' : found.join('; ')}`
    })
    expect(codes).toBeGreaterThanOrEqual(3)
    expect(found).toEqual([])
  })

  /** The CLI as a user runs it, with HOME and the XDG folders inside the scanned work folder. */
  function cli(args: string[], env: Record<string, string>, options: { stdin?: string; onStderr?: (text: string) => void } = {}): Promise<ChildResult> {
    const base: NodeJS.ProcessEnv = {}
    for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('LM_')) base[k] = v
    const written = join(work, 'written')
    return runTsx('src/cli/index.ts', args, {
      cwd: ROOT,
      env: {
        ...base,
        HOME: join(written, 'home'),
        XDG_CONFIG_HOME: join(written, 'config'),
        XDG_CACHE_HOME: join(written, 'cache'),
        XDG_DATA_HOME: join(written, 'data'),
        XDG_STATE_HOME: join(written, 'state'),
        ...env
      },
      stdin: options.stdin ?? '',
      timeoutMs: 40_000,
      ...(options.onStderr ? { onStderr: options.onStderr } : {})
    })
  }

  it(
    'S15 the CLI as a child process: --json and human output of successes and refusals, keys from flags, env and stdin',
    { timeout: 90_000 },
    async (context) => {
      sandbox.reset()
      const start = output.captures.length
      const env = { LM_API_URL: sandbox.apiUrl, LM_API_KEY: 'sandbox-api-key', LM_SHARED_KEY: sharedKeyOf('sandbox-api-key') }
      const oauthEnv = {
        LM_API_URL: sandbox.apiUrl,
        LM_AUTH_SCHEME: 'oauth',
        LM_OAUTH_TOKEN_URL: sandbox.oauth.tokenUrl,
        LM_OAUTH_CLIENT_ID: 'sandbox-client',
        LM_OAUTH_CLIENT_SECRET: seed.oauthClients[0]!.clientSecret
      }
      const runs: Array<[string, Promise<ChildResult>, number]> = []
      const run = async (name: string, exit: number, result: Promise<ChildResult>) => {
        const r = await result
        output.keep(`cli ${name}: stdout`, r.stdout)
        output.keep(`cli ${name}: stderr`, r.stderr)
        runs.push([name, result, exit])
        expect(r.code, `${name}: ${r.stderr}`).toBe(exit)
      }
      await run(
        '--json licence key (ok)',
        0,
        cli(['deactivate', '--json', '--product', 'office-suite', '--license-key', 'OFFICE-2222-IN-USE', '--hardware-id', 'sandbox-pc-1'], env)
      )
      await run(
        '--json wrong password from stdin',
        3,
        cli(['deactivate', '--json', '--product', 'design-pack', '--username', 'bob@example.test', '--password-stdin', '--hardware-id', 'sandbox-pc-1'], env, {
          stdin: `${password('carol@example.test')}\n`
        })
      )
      await run(
        'human, password from LM_PASSWORD (ok)',
        0,
        cli(['deactivate', '--product', 'design-pack', '--username', 'bob@example.test', '--license-id', '2001', '--hardware-id', 'sandbox-pc-1'], {
          ...env,
          LM_PASSWORD: password('bob@example.test')
        })
      )
      await run(
        'human, --password on the command line, wrong',
        3,
        cli(
          ['deactivate', '--product', 'design-pack', '--username', 'carol@example.test', '--password', password('bob@example.test'), '--hardware-id', 'h'],
          env
        )
      )
      await run(
        'human, --shared-key of another key',
        3,
        cli(
          ['deactivate', '--product', 'office-suite', '--license-key', 'K', '--hardware-id', 'h', '--shared-key', sharedKeyOf('sandbox-revoked-api-key')],
          env
        )
      )
      await run(
        '--json OAuth (ok)',
        0,
        cli(['deactivate', '--json', '--product', 'office-suite', '--license-key', 'OFFICE-6666-UNTIL-2030', '--hardware-id', 'sandbox-pc-1'], oauthEnv)
      )
      await run(
        '--json OAuth, the other client’s secret',
        3,
        cli(['deactivate', '--json', '--product', 'office-suite', '--license-key', 'K', '--hardware-id', 'h'], {
          ...oauthEnv,
          LM_OAUTH_CLIENT_SECRET: seed.oauthClients[1]!.clientSecret
        })
      )
      await run(
        '--json server unreachable',
        4,
        cli(['deactivate', '--json', '--product', 'office-suite', '--license-key', 'K', '--hardware-id', 'h'], {
          ...env,
          LM_API_URL: `http://127.0.0.1:${await closedPort()}/api/v4/`
        })
      )

      // --sso --no-browser: the CLI prints the sign-in link; the "user" opens it in Chromium.
      const page = await browser.newPage()
      let opened = false
      const sso = cli(
        ['deactivate', '--json', '--sso', '--no-browser', '--product', 'design-pack', '--customer-account', 'acme', '--hardware-id', 'sandbox-pc-1'],
        env,
        {
          onStderr: (text) => {
            const link = /Sign in here: ([^\s]+)/.exec(text)?.[1]
            if (link && !opened) {
              opened = true
              void page
                .goto(link)
                .then(() => signInOnProviderPage(page, { email: 'ann@acme.test', password: ssoPassword('ann@acme.test') }))
                .catch(() => undefined)
            }
          }
        }
      )
      await run('--json --sso code grant (ok)', 0, sso)
      const code = observed.filter((o) => o.label === 'SSO authorization code').at(-1)!.value
      // A code may start with "-": the inline form is how the CLI takes such a value.
      await run(
        '--json --code replayed',
        3,
        cli(['deactivate', '--json', '--product', 'design-pack', `--code=${code}`, '--customer-account', 'acme', '--hardware-id', 'sandbox-pc-1'], env)
      )

      const found = leaks(capturesSince(start))
      table.record(context, {
        id: 'S15',
        case: `CLI child processes (${runs.length}): --json and human output; licence key ok; wrong password on stdin; password from LM_PASSWORD; password and --shared-key on the command line; OAuth ok and wrong secret; server unreachable; --sso code grant via Chromium; the same code replayed with --code`,
        expected: 'exit codes 0/3/4 as documented; no seeded secret, bearer token or SSO code in stdout or stderr',
        observed: `${runs.length} runs, exit codes as documented; ${plural(capturesSince(start).length, 'stream')} scanned: ${found.length === 0 ? 'nothing found' : found.join('; ')}`
      })
      expect(found).toEqual([])
    }
  )

  it('S16 the sandbox CLI: serving requests and refusing a broken seed writes no secret beyond its --json summary', { timeout: 60_000 }, async (context) => {
    const start = output.captures.length
    const base: NodeJS.ProcessEnv = { ...process.env, HOME: join(work, 'written', 'home') }
    let summary = ''
    const served = runTsx('src/sandbox/cli.ts', ['--seed', seedFile, '--json', '--port', '0', '--no-sso'], {
      cwd: ROOT,
      env: base,
      timeoutMs: 40_000,
      onStdout: (text, child) => {
        if (summary !== '' || !text.includes('\n')) return
        summary = text.split('\n')[0]!
        const { apiUrl } = JSON.parse(summary) as { apiUrl: string }
        const engine = (auth: AuthConfig) => engineService({ apiUrl, auth, timeoutMs: 10_000 })
        void (async () => {
          const outcomes = [
            await engine(hmac()).deactivate({
              product: 'office-suite',
              hardwareId: 'sandbox-pc-1',
              credentials: { method: 'license-key', licenseKey: 'OFFICE-2222-IN-USE' }
            }),
            await engine(hmac()).deactivate({
              product: 'design-pack',
              hardwareId: 'h',
              credentials: { method: 'user', username: 'bob@example.test', password: password('carol@example.test') }
            }),
            await engine(hmac('sandbox-api-key', sharedKeyOf('sandbox-read-only-api-key'))).deactivate({
              product: 'office-suite',
              hardwareId: 'h',
              credentials: { method: 'license-key', licenseKey: 'K' }
            }),
            await fetch(`${apiUrl}deactivate_bundle`, {
              method: 'POST',
              headers: {
                date: new Date().toUTCString(),
                authorization: hmacAuthorization('sandbox-api-key', sharedKeyOf('sandbox-api-key'), new Date().toUTCString())
              },
              body: `{"password": ${password('bob@example.test')}}`
            }).then((r) => r.text())
          ]
          output.keep('outcomes from the sandbox CLI', outcomes)
        })().finally(() => child.kill('SIGTERM'))
      }
    })
    const result = await served
    const afterSummary = result.stdout.split('\n').slice(1).join('\n')
    output.keep('sandbox CLI stdout after the summary line', afterSummary)
    output.keep('sandbox CLI stderr', result.stderr)

    const broken = join(work, 'broken-seed.json')
    writeFileSync(broken, readFileSync(seedFile, 'utf8').replace(`"${sharedKeyOf('sandbox-api-key')}"`, sharedKeyOf('sandbox-api-key')))
    const refused = await runTsx('src/sandbox/cli.ts', ['--seed', broken, '--json', '--port', '0'], { cwd: ROOT, env: base, timeoutMs: 40_000 })
    output.keep('sandbox CLI stdout, broken seed', refused.stdout)
    output.keep('sandbox CLI stderr, broken seed', refused.stderr)

    const captured = capturesSince(start)
    // JSON.parse quotes about ten characters around an error: look for any ten characters of a seeded secret too.
    const fragments = seeded.flatMap((s) =>
      Array.from({ length: s.value.length - 9 }, (_, i) => ({ label: `10 characters of ${s.label}`, value: s.value.slice(i, i + 10) }))
    )
    const found = [...leaks(captured), ...scan(captured, fragments).map((f) => `${f.label} in ${f.where}`)]
    const summaryHasKeys = summary.includes(sharedKeyOf('sandbox-api-key'))
    table.record(context, {
      id: 'S16',
      case: '`npm run sandbox -- --seed <file> --json`: serving an ok deactivation, a wrong password, a read-only key and a body with an unquoted password; then a seed file with an unquoted shared key',
      expected:
        'the summary (first stdout line) lists the sandbox’s test credentials by design; nothing after it, no stderr line and no answer holds a secret or 10 characters of one; the broken seed exits 2',
      observed: `summary ${summaryHasKeys ? 'lists the keys (by design, excluded)' : 'missing'}; exit ${result.code} on SIGTERM; broken seed exit ${refused.code}; ${found.length === 0 ? 'nothing found elsewhere' : found.join('; ')}`
    })
    expect(summaryHasKeys).toBe(true)
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain('is not valid JSON')
    expect(found).toEqual([])
  })

  it(
    'S22 offline request files: every file the window (save dialog) and the CLI write, decoded too, and the upload outcomes',
    { timeout: 90_000 },
    async (context) => {
      sandbox.reset()
      const start = output.captures.length
      const folder = join(work, 'written', 'home', 'request-files')
      mkdirSync(folder, { recursive: true })
      const handlers = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>>()
      const ipcMain: IpcMainLike = { handle: (c, l) => void handlers.set(c, l), removeHandler: (c) => void handlers.delete(c) }
      const event: InvokeEventLike = {
        sender: { id: 1, isDestroyed: () => false, send: () => undefined },
        senderFrame: { url: 'file:///app/index.html', parent: null }
      }
      let label = ''
      const windowApp = (auth: AuthConfig) => {
        handlers.clear()
        registerIpcHandlers({
          ipcMain,
          service: () => success(service(auth)),
          isTrustedSender: () => true,
          // A stand-in for the native save dialog: the person picks a file in the scanned folder; Node's writeFile writes it.
          saveFile: { showSaveDialog: async (_window, options) => ({ canceled: false, filePath: join(folder, `${label}-${options.defaultPath}`) }) }
        })
      }
      const received: Array<[string, unknown]> = []
      const save = async (name: string, auth: AuthConfig, input: Record<string, unknown>) => {
        label = name
        windowApp(auth)
        const outcome = (await handlers.get(IPC.saveOfflineRequest)!(event, input)) as Outcome<unknown>
        received.push([`save ${name}`, outcome])
        return outcome
      }
      expect(
        codeOf(
          await save('window-key', hmac(), {
            product: 'office-suite',
            hardwareId: 'sandbox-pc-1',
            credentials: { method: 'license-key', licenseKey: 'OFFICE-2222-IN-USE' }
          })
        )
      ).toBe('ok')
      expect(
        codeOf(
          await save('window-user', hmac(), {
            product: 'design-pack',
            hardwareId: 'sandbox-pc-1',
            credentials: { method: 'user', username: 'bob@example.test' }
          })
        )
      ).toBe('ok')
      expect(
        codeOf(
          await save('window-oauth', OAUTH(), {
            product: 'office-suite',
            hardwareId: 'sandbox-pc-1',
            credentials: { method: 'license-key', licenseKey: 'OFFICE-6666-UNTIL-2030' }
          })
        )
      ).toBe('ok')
      expect(
        codeOf(
          await save('window-password', hmac(), {
            product: 'design-pack',
            credentials: { method: 'user', username: 'bob@example.test', password: password('bob@example.test') }
          })
        )
      ).toBe('invalid_input')

      const env = { LM_API_KEY: 'sandbox-api-key', LM_SHARED_KEY: sharedKeyOf('sandbox-api-key') }
      const oauthEnv = {
        LM_AUTH_SCHEME: 'oauth',
        LM_OAUTH_TOKEN_URL: sandbox.oauth.tokenUrl,
        LM_OAUTH_CLIENT_ID: 'sandbox-client',
        LM_OAUTH_CLIENT_SECRET: seed.oauthClients[0]!.clientSecret
      }
      for (const [name, childEnv, credential] of [
        ['cli-key', env, ['--license-key', 'OFFICE-1111-FREE-SEAT']],
        ['cli-oauth', oauthEnv, ['--username', 'carol@example.test']]
      ] as const) {
        const result = await cli(
          [
            'deactivate-offline',
            '--json',
            '--product',
            name === 'cli-key' ? 'office-suite' : 'design-pack',
            ...credential,
            '--hardware-id',
            'sandbox-pc-1',
            '--out',
            join(folder, `${name}.req`)
          ],
          childEnv
        )
        output.keep(`cli deactivate-offline ${name}: stdout`, result.stdout)
        output.keep(`cli deactivate-offline ${name}: stderr`, result.stderr)
        expect(result.code, result.stderr).toBe(0)
      }
      const uploadEnv = { ...env, LM_API_URL: sandbox.apiUrl }
      const upload = await cli(['upload-offline', join(folder, 'cli-key.req')], uploadEnv)
      output.keep('cli upload-offline: stdout', upload.stdout)
      output.keep('cli upload-offline: stderr', upload.stderr)

      // Upload what the window wrote, through the window's route; the refusal of the replay too.
      windowApp(hmac())
      const windowFile = readFileSync(join(folder, 'window-key-office-suite-sandbox-deactivate.req'), 'utf8')
      for (const attempt of ['first', 'replay'])
        received.push([`upload ${attempt}`, await handlers.get(IPC.uploadOfflineRequest)!(event, { content: windowFile })])
      output.keep('what the window received over IPC (request files)', received)
      expect(received.map(([, o]) => codeOf(o as Outcome<unknown>)).slice(-2)).toEqual(['ok', 'offline_request_replayed'])

      const files = filesUnder(folder)
      const decoded = files.map((f) => ({
        where: `${f.where} (Base64 decoded)`,
        text: Buffer.from(readFileSync(join(folder, f.where.replace(/^file /, '')), 'utf8'), 'base64').toString('utf8')
      }))
      const found = leaks([...files, ...decoded, ...capturesSince(start)])
      table.record(context, {
        id: 'S22',
        case: `Offline request files (${plural(files.length, 'file')}): written by the window's save handler (licence key, username, OAuth; a password smuggled in is refused) and by the CLI (HMAC and OAuth), read raw and Base64-decoded; CLI output; upload and replay outcomes through IPC`,
        expected:
          'no shared key, client secret, password, token or code in any file or output; the file holds the API key and the licence key or username only',
        observed: `${plural(files.length, 'file')} written, each read raw and decoded, ${plural(capturesSince(start).length, 'capture')}: ${found.length === 0 ? 'nothing found' : found.join('; ')}`
      })
      expect(files.map((f) => f.where).sort()).toEqual(
        [
          'cli-key.req',
          'cli-oauth.req',
          'window-key-office-suite-sandbox-deactivate.req',
          'window-oauth-office-suite-sandbox-deactivate.req',
          'window-user-design-pack-sandbox-deactivate.req'
        ].map((n) => `file ${n}`)
      )
      for (const d of decoded) expect(JSON.parse(d.text)).toHaveProperty('request.request', 'deactivation')
      expect(found).toEqual([])
    }
  )

  it('S17 diagnostics reports of every failure above leave out secrets and licence keys', async (context) => {
    const start = output.captures.length
    const modulePath = join(ROOT, 'src/renderer/src/diagnostics.ts')
    const { buildDiagnostics } = (await import(modulePath)) as {
      buildDiagnostics: (context: { app: object; attempt: object; outcome: Outcome<unknown>; at: Date }) => string
    }
    const app = { name: 'License Manager', version: '0.1.0', os: 'linux', server: sandbox.apiUrl, sandbox: true }
    for (const [i, f] of failures.entries()) {
      const method = f.sso || 'code' in f.input ? 'sso-code' : 'licenseKey' in f.input ? 'license-key' : 'username' in f.input ? 'user' : 'sso-token'
      const attempt = {
        kind: f.sso ? 'sso' : 'direct',
        method,
        hardware: { id: 'sandbox-pc-1', source: 'override', description: 'Typed into the hardware id override' },
        input: f.input
      }
      output.keep(`diagnostics of failure ${i + 1} (${codeOf(f.outcome)})`, buildDiagnostics({ app, attempt, outcome: f.outcome, at: new Date(0) }))
    }
    const captured = capturesSince(start)
    const found = leaks(captured, [...seeded, ...observed, ...licenceKeys])
    table.record(context, {
      id: 'S17',
      case: 'Copy-diagnostics text (src/renderer/src/diagnostics.ts) built from each failure of S13–S14 with the input that caused it',
      expected: 'no password, shared key, client secret, token, code or licence key',
      observed: `${plural(captured.length, 'report')} (${[...new Set(failures.map((f) => codeOf(f.outcome)))].sort().join(', ')}): ${found.length === 0 ? 'nothing found' : found.join('; ')}`
    })
    expect(captured.length).toBeGreaterThanOrEqual(5)
    expect(found).toEqual([])
  })

  it('S18 files written during the run (HOME and XDG folders of the children) and the reliability table', (context) => {
    const written = filesUnder(join(work, 'written'))
    const docs = filesUnder(join(ROOT, 'docs'), (path) => path.endsWith('.png'))
    const all = [...written, ...docs, ...output.captures]
    const found = leaks([...written, ...docs])
    table.record(context, {
      id: 'S18',
      case: 'Every file under the children’s HOME/XDG folders, every file under docs/ (this table included), and a final pass over all captures',
      expected: 'no seeded secret, token or code',
      observed: `${plural(written.length, 'file')} written by the run, every docs file, ${plural(all.length - docs.length, 'capture')} and files in all: ${found.length === 0 && leaks(output.captures).length === 0 ? 'nothing found' : [...found, ...leaks(output.captures)].join('; ')}`
    })
    expect(found).toEqual([])
    expect(leaks(output.captures)).toEqual([])
  })
})

describe('the scan itself', () => {
  it('S19 finds secrets planted in console output, a child’s output, a written file and a page, in the forms they take', async (context) => {
    const planted: Secret[] = [
      { label: 'planted shared key', value: hex(12) },
      { label: 'planted password', value: `pw ${hex(6)}/+&` },
      { label: 'planted token', value: `tok/${hex(16)}+=` },
      { label: 'planted code', value: `<${hex(8)}>` }
    ]
    const probe = new OutputCapture()
    await probe.during('a flow that logs a key', async () => console.error('[debug] key =', planted[0]!.value))
    const echo = await runTsx(join(__dirname, 'support/echo-encoded.ts'), [planted[2]!.value], { cwd: ROOT, env: process.env, timeoutMs: 30_000 })
    probe.keep('child stdout', echo.stdout)
    const dir = mkdtempSync(join(tmpdir(), 'lm-reliability-planted-'))
    try {
      writeFileSync(join(dir, 'app.log'), `Authorization: Basic ${Buffer.from(planted[1]!.value).toString('base64')}\n`)
      probe.keep('a page', `<p>${planted[3]!.value.replace('<', '&lt;').replace('>', '&gt;')}</p>`)
      const found = scan([...probe.captures, ...filesUnder(dir)], planted)
      const described = found.map((f) => `${f.label}: ${f.form} in ${f.where.replace(dir, '<tmp>')}`)
      table.record(context, {
        id: 'S19',
        case: 'Scanner self-test: a shared key logged raw with console.error, a token printed URL-encoded by a child process, a password Base64-encoded in a written log file, a code HTML-escaped in a page',
        expected: 'all four found, each in its form and place (so a clean scan means something)',
        observed: described.join('; ')
      })
      expect(found.map((f) => [f.label, f.form])).toEqual([
        ['planted shared key', 'raw'],
        ['planted password', 'base64'],
        ['planted token', 'url-encoded'],
        ['planted code', 'HTML-escaped']
      ])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
