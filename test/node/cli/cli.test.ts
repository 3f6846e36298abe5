import { spawn } from 'node:child_process'
import { resolve } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createLicenseApiClient } from '../../../src/main/engine/license-api-client'
import { EXIT, EXIT_ON_SIGNAL, exitCodeFor } from '../../../src/cli/exit-codes'
import { help, runCli, type CliIo } from '../../../src/cli/run'
import { startSandbox, type RunningSandbox, type SandboxSso } from '../../../src/sandbox/server'
import { formatSummary } from '../../../src/sandbox/summary'
import { describeServerError, ERROR_CATALOGUE, type CatalogueEntry } from '../../../src/shared/errors'
import { methodChoiceLabel } from '../../../src/shared/method-choice-labels'
import { closedPort } from '../engine/support/servers'
import { expectOk } from '../../support/expect-ok'
import { stringMatching } from '../../support/matchers'
import { closeOpened } from '../../support/close-opened'

const ROOT = resolve(__dirname, '../../..')
const SPAWN_TIMEOUT_MS = 30_000

let sandbox: RunningSandbox

/** A minimal identity provider behind the sandbox's seam: code "code-<email>" identifies that user. */
const stubSso: SandboxSso = {
  async ssoUrl(query) {
    const redirect = encodeURIComponent('http://127.0.0.1/callback')
    return { ok: true, value: { url: `http://127.0.0.1:9/auth?response_type=${query.responseType}&redirect_uri=${redirect}`, openid_configuration: {} } }
  },
  async identify(credential) {
    const match = credential.kind === 'code' ? /^code-(.+)$/.exec(credential.code) : null
    return match ? { ok: true, value: { email: match[1]! } } : { ok: false, refusal: { status: 400, code: 'sso_code_invalid', message: 'no' } }
  },
  async close() {}
}

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, quiet: true, sso: false, ssoAuthority: stubSso })
})
afterAll(async () => {
  await closeOpened(sandbox)
})
beforeEach(() => sandbox.reset())

/** The parent's environment without any LM_* setting, plus the given ones. */
function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('LM_')) env[k] = v
  return { ...env, ...extra }
}

const sandboxEnv = () => ({ LM_API_URL: sandbox.apiUrl, LM_API_KEY: sandbox.apiKey, LM_SHARED_KEY: sandbox.sharedKey })

interface Finished {
  code: number | null
  stdout: string
  stderr: string
}

/** `npx tsx src/cli/index.ts …` as a user runs it; killed if it outlives the timeout. */
function runSpawned(args: string[], env: Record<string, string>, stdin?: string): Promise<Finished> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn('npx', ['tsx', 'src/cli/index.ts', ...args], { cwd: ROOT, env: childEnv(env), stdio: ['pipe', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')))
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')))
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`CLI did not finish within ${SPAWN_TIMEOUT_MS} ms: ${stderr}`))
    }, SPAWN_TIMEOUT_MS)
    child.once('error', reject)
    child.once('close', (code) => {
      clearTimeout(timer)
      resolvePromise({ code, stdout, stderr })
    })
    child.stdin.end(stdin ?? '')
  })
}

const onlyJsonLine = (stdout: string): unknown => {
  const lines = stdout.trim().split('\n')
  expect(lines).toHaveLength(1)
  return JSON.parse(lines[0]!)
}

describe('the CLI as a process against a running sandbox', () => {
  it('deactivates a seat activated for hardware id H (exit 0), then reports device_not_found (exit 3)', async () => {
    const hardwareId = 'cli-test-pc-0001'
    const client = createLicenseApiClient({
      apiUrl: sandbox.apiUrl,
      auth: { scheme: 'hmac', apiKey: sandbox.apiKey, sharedKey: sandbox.sharedKey },
      fetch,
      timeoutMs: 5_000,
      sdkVersion: 'CLI test'
    })
    const activated = await client.activateBundle({
      product: 'office-suite',
      hardwareId,
      credentials: { method: 'license-key', licenseKey: 'OFFICE-1111-FREE-SEAT' }
    })
    expectOk(activated)
    expect(sandbox.devicesOf('OFFICE-1111-FREE-SEAT')).toContain(hardwareId)

    const args = ['deactivate', '--product', 'office-suite', '--license-key', 'OFFICE-1111-FREE-SEAT', '--hardware-id', hardwareId, '--json']
    const first = await runSpawned(args, sandboxEnv())
    expect(first.code).toBe(EXIT.success)
    expect(onlyJsonLine(first.stdout)).toMatchObject({ ok: true, value: { product: 'office-suite', hardwareId, method: 'license-key' } })
    expect(sandbox.devicesOf('OFFICE-1111-FREE-SEAT')).not.toContain(hardwareId)

    const second = await runSpawned(args, sandboxEnv())
    expect(second.code).toBe(EXIT.refused)
    expect(onlyJsonLine(second.stdout)).toMatchObject({ ok: false, error: { code: 'device_not_found', status: 400 } })
    expect(second.stdout + second.stderr).not.toContain(sandbox.sharedKey)
  })

  it('reads the password from stdin and prints a human result', async () => {
    const finished = await runSpawned(
      ['deactivate', '--product', 'design-pack', '--username', 'bob@example.test', '--password-stdin', '--license-id', '2001', '--hardware-id', 'sandbox-pc-1'],
      sandboxEnv(),
      'bob-password\n'
    )
    expect(finished.code).toBe(EXIT.success)
    expect(finished.stdout).toContain('Deactivated')
    expect(finished.stdout).toContain('Username and password')
    // A configured server's answer names no products, and no bundleProducts setting names them.
    expect(finished.stdout).toContain('Products:    all products in bundle design-pack')
    expect(finished.stdout + finished.stderr).not.toContain('bob-password')
  })

  it('without a configured server exits 2 and says how to start the sandbox', async () => {
    const finished = await runSpawned(['deactivate', '--product', 'office-suite', '--license-key', 'K'], {})
    expect(finished.code).toBe(EXIT.invalid)
    expect(finished.stderr).toContain('npm run sandbox')
    expect(finished.stderr).toContain('LM_API_URL')
  })

  it('exits 4 when the server cannot be reached', async () => {
    const port = await closedPort()
    const finished = await runSpawned(['deactivate', '--product', 'office-suite', '--license-key', 'K', '--hardware-id', 'h', '--json'], {
      ...sandboxEnv(),
      LM_API_URL: `http://127.0.0.1:${port}/api/v4/`
    })
    expect(finished.code).toBe(EXIT.network)
    expect(onlyJsonLine(finished.stdout)).toMatchObject({ ok: false, error: { code: 'cannot_connect_to_server', family: 'network' } })
  })
})

/** runCli in-process with captured output. */
/** `fixedMachineId: false` leaves the id to the configured hardware-id source. */
function harness(env: Record<string, string> = {}, extra: Partial<CliIo> = {}, { fixedMachineId = true } = {}) {
  const out = { stdout: '', stderr: '' }
  let interrupt: (() => void) | undefined
  const io: CliIo = {
    env,
    stdout: (t) => (out.stdout += t),
    stderr: (t) => (out.stderr += t),
    readStdin: async () => '',
    fetch,
    openExternal: async () => undefined,
    onInterrupt: (handler) => {
      interrupt = handler
      return () => (interrupt = undefined)
    },
    ...(fixedMachineId ? { machineId: () => 'sandbox-pc-1' } : {}),
    ...extra
  }
  return { io, out, interrupt: () => interrupt?.() }
}

describe('runCli in-process', () => {
  it('the catalogue’s command-line actions name only options --help lists; the window’s name the window’s labels', async () => {
    const h = harness()
    expect(await runCli(['--help'], h.io)).toBe(EXIT.success)
    const entries: Array<[string, CatalogueEntry]> = Object.entries(ERROR_CATALOGUE)
    const worded = entries.filter(([, entry]) => entry.commandLineAction !== undefined)
    expect(worded.map(([code]) => code)).toEqual(expect.arrayContaining(['invalid_input', 'device_not_found', 'license_key_required']))
    for (const [code, entry] of worded) {
      for (const flag of entry.commandLineAction?.match(/--[a-z-]+/g) ?? []) expect(h.out.stdout, `${code}: ${flag}`).toContain(`${flag} `)
      expect(entry.commandLineAction, code).not.toMatch(/highlighted|override|Choose “/)
    }
    expect(ERROR_CATALOGUE.license_key_required.action).toContain(`Choose “${methodChoiceLabel('license-key')}”`)
  })

  it('the lines the sandbox prints for the command line work as printed', async () => {
    const printed = formatSummary(sandbox.summary()).split('\n')
    const exportLine = printed.find((line) => line.startsWith('  export '))
    const commandLine = printed.find((line) => line.startsWith('  npx license-manager '))
    expect(exportLine).toBe(`  export LM_API_URL=${sandbox.apiUrl} LM_API_KEY=${sandbox.apiKey} LM_SHARED_KEY=${sandbox.sharedKey}`)
    const env = Object.fromEntries(
      (exportLine ?? '')
        .trim()
        .split(' ')
        .slice(1)
        .map((pair) => pair.split('=', 2) as [string, string])
    )
    const h = harness(env, {}, { fixedMachineId: false })
    expect(await runCli((commandLine ?? '').trim().split(' ').slice(2), h.io)).toBe(EXIT.success)
    expect(h.out.stdout).toContain('Deactivated: bundle')

    // The optional public key line, as a shell reads it (\n stays two characters), then the status line.
    const publicKey = /^ {2}export LM_PUBLIC_KEY="([^"]+)"/.exec(printed.find((line) => line.startsWith('  export LM_PUBLIC_KEY=')) ?? '')?.[1]
    expect(publicKey).toContain('BEGIN PUBLIC KEY')
    expect(printed.at(-1)).toBe('  npx license-manager status')
    const status = harness({ ...env, LM_PUBLIC_KEY: publicKey! }, {}, { fixedMachineId: false })
    expect(await runCli(['status'], status.io)).toBe(EXIT.success)
    expect(status.out.stdout).toContain('The answer’s signatures were checked with the software vendor’s public key.')
  })

  it('--version prints the name and version (exit 0), as a first try would ask', async () => {
    const h = harness()
    expect(await runCli(['--version'], h.io)).toBe(EXIT.success)
    expect(h.out.stdout).toMatch(/^License Manager CLI \d+\.\d+\.\d+\n$/)
    expect(h.out.stderr).toBe('')
  })

  it('--help documents the commands and every exit code (exit 0); no command shows help with exit 2', async () => {
    const h = harness()
    expect(await runCli(['--help'], h.io)).toBe(0)
    for (const text of [
      'deactivate',
      'hardware-id',
      '--password-stdin',
      '--sso',
      '0  success',
      '2  invalid',
      '3  the License API refused',
      '4  network',
      '5  the browser sign-in'
    ]) {
      expect(h.out.stdout).toContain(text)
    }
    expect(await runCli([], harness().io)).toBe(EXIT.invalid)
  })

  it.each([
    [['deactivate', '--bogus'], 'arguments'],
    [['frobnicate'], 'command'],
    [['deactivate', 'extra-positional'], 'arguments'],
    [['deactivate', '--product', 'p', '--sso', '--customer-account', 'acme', '--license-key', 'K'], 'credentials'],
    [['deactivate', '--product', 'p', '--sso', '--customer-account', 'acme', '--redirect-uri', 'http://127.0.0.1:5000'], 'credentials'],
    [['deactivate', '--product', 'p', '--license-key', 'K', '--redirect-uri', 'http://127.0.0.1:5000'], 'redirectUri'],
    [['deactivate', '--product', 'p', '--license-key', 'K', '--implicit'], 'implicit'],
    [['deactivate', '--product', 'p', '--username', 'u', '--password', 'x', '--password-stdin'], 'password']
  ])('%j → invalid_input on %s, exit 2, nothing sent', async (args, field) => {
    const h = harness(sandboxEnv())
    const before = sandbox.stats().requests
    expect(await runCli([...args, '--json'], h.io)).toBe(EXIT.invalid)
    expect(JSON.parse(h.out.stdout)).toMatchObject({ ok: false, error: { code: 'invalid_input', field } })
    expect(sandbox.stats().requests).toBe(before)
  })

  it.each([
    [['deactivate', '--product', 'p', '--username', 'u', '--password-stdin', 'Hunter2-typed-here'], 'arguments', 'Unexpected argument at position 7'],
    [['Hunter2-typed-here', 'deactivate'], 'command', 'Unknown command at position 1'],
    [['deactivate', '--Hunter2-typed-here'], 'arguments', 'Unknown option at position 2'],
    [['deactivate', '--password=x', '--Hunter2-typed-here=value'], 'arguments', 'Unknown option at position 3'],
    [['deactivate', '-Hunter2-typed-here'], 'arguments', 'Unknown option at position 2'],
    [['deactivate', '--json=Hunter2-typed-here'], 'arguments', 'Option --json at position 2 takes no value'],
    [['deactivate', '--product'], 'arguments', 'Option --product at position 2 needs a value']
  ])('%j: the problem is named by its position, the stray text is never echoed (human and --json)', async (args, field, message) => {
    for (const json of [false, true]) {
      const h = harness(sandboxEnv())
      expect(await runCli(json ? [...args, '--json'] : args, h.io)).toBe(EXIT.invalid)
      const printed = h.out.stdout + h.out.stderr
      expect(printed).toContain(message)
      expect(printed).not.toContain('Hunter2')
      expect(printed).not.toMatch(/\bunter2|ped-here/)
      if (json) expect(JSON.parse(h.out.stdout)).toMatchObject({ ok: false, error: { code: 'invalid_input', field } })
    }
  })

  it('activate puts the bundle on the hardware id (exit 0, products named), so deactivate can be tried again; a refusal exits 3', async () => {
    const h = harness(sandboxEnv())
    const key = ['--product', 'office-suite', '--license-key', 'OFFICE-1111-FREE-SEAT', '--hardware-id', 'cli-activated-pc']
    expect(await runCli(['activate', ...key, '--json'], h.io)).toBe(EXIT.success)
    expect(JSON.parse(h.out.stdout)).toMatchObject({
      ok: true,
      value: { product: 'office-suite', hardwareId: 'cli-activated-pc', method: 'license-key', products: ['writer', 'sheets', 'slides'] }
    })
    expect(sandbox.devicesOf('OFFICE-1111-FREE-SEAT')).toEqual(['cli-activated-pc'])
    const human = harness(sandboxEnv())
    expect(await runCli(['deactivate', ...key], human.io)).toBe(EXIT.success)
    expect(sandbox.devicesOf('OFFICE-1111-FREE-SEAT')).toEqual([])
    const refused = harness(sandboxEnv())
    expect(await runCli(['activate', '--product', 'office-suite', '--license-key', 'OFFICE-4444-DISABLED'], refused.io)).toBe(EXIT.refused)
    expect(refused.out.stderr).toContain('license_not_enabled')
    const sso = harness(sandboxEnv())
    expect(await runCli(['activate', '--product', 'design-pack', '--sso', '--customer-account', 'acme', '--json'], sso.io)).toBe(EXIT.invalid)
  })

  it('names the flag when a flag carries a bad setting, and asks the user to correct it; a variable’s is whoever set the app up', async () => {
    const h = harness(sandboxEnv())
    expect(await runCli(['deactivate', '--product', 'p', '--license-key', 'K', '--api-url', 'http://api.example.com/', '--json'], h.io)).toBe(EXIT.invalid)
    expect(JSON.parse(h.out.stdout)).toMatchObject({
      ok: false,
      error: {
        code: 'config_invalid',
        field: '--api-url',
        explanation: stringMatching(
          /^--api-url must use https: \(http: is allowed only for a server on this PC: 127\.0\.0\.1, \[::1\] or localhost\)\. A valid value looks like "https:\/\/api\.licensespring\.com\/api\/v4\/"/
        ),
        action: 'Correct the option named above and try again.'
      }
    })
    const fromVariable = harness({ ...sandboxEnv(), LM_API_URL: 'http://api.example.com/' })
    expect(await runCli(['deactivate', '--product', 'p', '--license-key', 'K', '--json'], fromVariable.io)).toBe(EXIT.invalid)
    expect(JSON.parse(fromVariable.out.stdout)).toMatchObject({
      ok: false,
      error: {
        code: 'config_invalid',
        field: 'LM_API_URL',
        action: 'Ask whoever set up this app (your IT department or the software vendor) to correct the setting named above, then try again.'
      }
    })
  })

  it('takes the server and keys from flags, and the password from LM_PASSWORD', async () => {
    const h = harness({ LM_PASSWORD: 'bob-password' })
    const code = await runCli(
      [
        'deactivate',
        '--product',
        'design-pack',
        '--username',
        'bob@example.test',
        '--license-id',
        '2001',
        '--api-url',
        sandbox.apiUrl,
        '--api-key',
        sandbox.apiKey,
        '--shared-key',
        sandbox.sharedKey,
        '--json'
      ],
      h.io
    )
    expect(code).toBe(EXIT.success)
    expect(JSON.parse(h.out.stdout)).toMatchObject({ ok: true, value: { method: 'user', hardwareId: 'sandbox-pc-1' } })
    expect(h.out.stderr).toContain('prefer the LM_SHARED_KEY')
    expect(h.out.stdout + h.out.stderr).not.toContain(sandbox.sharedKey)
    expect(h.out.stdout + h.out.stderr).not.toContain('bob-password')
  })

  it('human output of a refusal shows title, explanation, action, code and status', async () => {
    const h = harness(sandboxEnv())
    expect(await runCli(['deactivate', '--product', 'office-suite', '--license-key', 'OFFICE-3333-NOT-ACTIVE'], h.io)).toBe(EXIT.refused)
    const entry = ERROR_CATALOGUE.license_not_active
    expect(h.out.stderr).toContain(`Error: ${entry.title}`)
    expect(h.out.stderr).toContain(entry.explanation)
    expect(h.out.stderr).toContain(`What to do: ${entry.action}`)
    expect(h.out.stderr).toContain('Code: license_not_active (HTTP 400)')
    expect(h.out.stderr).toMatch(/^Reference: LM-NACT-400-[0-9A-HJKMNP-TV-Z]{4}$/m)
  })

  it('--json carries the reference next to the outcome; a success has one too', async () => {
    const h = harness(sandboxEnv())
    expect(await runCli(['deactivate', '--product', 'office-suite', '--license-key', 'OFFICE-2222-IN-USE', '--json'], h.io)).toBe(EXIT.success)
    expect(JSON.parse(h.out.stdout)).toMatchObject({ ok: true, reference: stringMatching(/^LM-YES-200-[0-9A-Z]{4}$/) })
  })

  it('names the flag, not the field, in a human message', async () => {
    const h = harness(sandboxEnv())
    expect(await runCli(['deactivate', '--license-key', 'K'], h.io)).toBe(EXIT.invalid)
    expect(h.out.stderr).toContain('flag: --product')
    expect(h.out.stderr).not.toContain('field: product')
  })

  it('says what to do in command-line words, never the window’s (highlighted field, override)', async () => {
    const bad = harness(sandboxEnv())
    expect(await runCli(['deactivate', '--license-key', 'K'], bad.io)).toBe(EXIT.invalid)
    // The option at fault is named; "--help" only where no option is.
    expect(bad.out.stderr).toContain('What to do: Correct --product and try again.')
    const noCredentials = harness(sandboxEnv())
    expect(await runCli(['deactivate', '--product', 'office-suite'], noCredentials.io)).toBe(EXIT.invalid)
    expect(noCredentials.out.stderr).toContain('What to do: Correct the login options (exactly one of: --license-key;')
    expect(noCredentials.out.stderr).not.toContain('named above')
    const unknownCommand = harness(sandboxEnv())
    expect(await runCli(['frobnicate'], unknownCommand.io)).toBe(EXIT.invalid)
    expect(unknownCommand.out.stderr).toContain(`What to do: ${ERROR_CATALOGUE.invalid_input.commandLineAction}`)
    const notHere = harness(sandboxEnv(), {}, { fixedMachineId: false })
    const args = ['deactivate', '--product', 'office-suite', '--license-key', 'OFFICE-1111-FREE-SEAT', '--hardware-id', 'pc-never-activated']
    expect(await runCli(args, notHere.io)).toBe(EXIT.refused)
    expect(notHere.out.stderr).toContain('give it with --hardware-id and try again')
    expect(await runCli([...args, '--json'], notHere.io)).toBe(EXIT.refused)
    const json: unknown = JSON.parse(notHere.out.stdout)
    expect(json).toMatchObject({ ok: false, error: { code: 'device_not_found', action: ERROR_CATALOGUE.device_not_found.commandLineAction } })
    for (const out of [bad.out.stderr, notHere.out.stderr, notHere.out.stdout]) expect(out).not.toMatch(/highlighted|override/)
  })

  it.each([
    ['--licence-key', '--license-key'],
    ['--prodcut', '--product'],
    ['--customer-acount', '--customer-account'],
    ['--user-name', '--username']
  ])('a misspelt %s gets the suggestion %s', async (typo, flag) => {
    const h = harness(sandboxEnv())
    expect(await runCli(['deactivate', '--product', 'office-suite', `${typo}=SECRET-VALUE-1234`], h.io)).toBe(EXIT.invalid)
    expect(h.out.stderr).toContain(`Did you mean ${flag}?`)
    expect(h.out.stderr).not.toContain('SECRET-VALUE-1234')
  })

  it('--username without a password asks for it on a terminal, and otherwise names --password-stdin and LM_PASSWORD', async () => {
    const asked: string[] = []
    const tty = harness(sandboxEnv(), { promptPassword: async (question) => (asked.push(question), 'bob-password') })
    expect(await runCli(['deactivate', '--product', 'design-pack', '--username', 'bob@example.test', '--license-id', '2001'], tty.io)).toBe(EXIT.success)
    expect(asked).toEqual(['Password for bob@example.test (not shown): '])
    const piped = harness(sandboxEnv(), { promptPassword: async () => undefined })
    const before = sandbox.stats().requests
    expect(await runCli(['deactivate', '--product', 'design-pack', '--username', 'bob@example.test', '--json'], piped.io)).toBe(EXIT.invalid)
    const error = (JSON.parse(piped.out.stdout) as { error: { field: string; explanation: string } }).error
    expect(error.field).toBe('password')
    expect(error.explanation).toContain('--password-stdin')
    expect(error.explanation).toContain('LM_PASSWORD')
    expect(sandbox.stats().requests).toBe(before)
  })

  it('hardware-id prints this PC’s id, or the override, as JSON', async () => {
    const h = harness()
    expect(await runCli(['hardware-id', '--json'], h.io)).toBe(0)
    expect(JSON.parse(h.out.stdout)).toMatchObject({ ok: true, value: { id: 'sandbox-pc-1', source: 'machine-id' } })
    const o = harness()
    expect(await runCli(['hardware-id', '--hardware-id', ' other-pc ', '--json'], o.io)).toBe(0)
    expect(JSON.parse(o.out.stdout)).toMatchObject({ ok: true, value: { id: 'other-pc', source: 'override' } })
    const broken = harness({}, { machineId: () => '' })
    expect(await runCli(['hardware-id'], broken.io)).toBe(EXIT.invalid)
    expect(broken.out.stderr).toContain('hardware_id_unavailable')
  })

  it('hardware-id follows the configured hardwareIdSource, and refuses an unknown one (exit 2)', async () => {
    // No fixed machine id: the id is read the way the configured source reads it.
    const ls = harness({ LM_HARDWARE_ID_SOURCE: 'licensespring', LM_HARDWARE_ID_ALGORITHM: 'LinuxMachineId' }, {}, { fixedMachineId: false })
    const code = await runCli(['hardware-id', '--json'], ls.io)
    const answer = JSON.parse(ls.out.stdout) as { ok: boolean; value?: { description: string } }
    if (process.platform === 'linux') {
      expect(code).toBe(0)
      expect(answer.value?.description).toContain('LinuxMachineId (4)')
    }
    const bad = harness({ LM_HARDWARE_ID_SOURCE: 'registry' })
    expect(await runCli(['hardware-id', '--json'], bad.io)).toBe(EXIT.invalid)
    expect(JSON.parse(bad.out.stdout)).toMatchObject({ ok: false, error: { code: 'config_invalid', field: 'LM_HARDWARE_ID_SOURCE' } })
  })

  it('--sso prints the sign-in link, waits for the browser, then deactivates (exit 0)', async () => {
    const browser = async (url: string) => {
      const signIn = new URL(url)
      const callback = `${signIn.searchParams.get('redirect_uri')}?${new URLSearchParams({ code: 'code-ann@acme.test', state: signIn.searchParams.get('state')! }).toString()}`
      void fetch(callback, { signal: AbortSignal.timeout(5_000) }).catch(() => undefined)
    }
    const h = harness(sandboxEnv(), { openExternal: browser })
    const code = await runCli(['deactivate', '--product', 'design-pack', '--sso', '--customer-account', 'acme', '--json'], h.io)
    expect(code).toBe(EXIT.success)
    expect(h.out.stderr).toContain('Sign in here: http://127.0.0.1:9/auth?')
    expect(JSON.parse(h.out.stdout)).toMatchObject({ ok: true, value: { method: 'sso-code' } })
    expect(sandbox.devicesOf(3001)).not.toContain('sandbox-pc-1')
  })

  it('--sso cancelled with Ctrl+C exits 5', async () => {
    const h = harness(sandboxEnv())
    const running = runCli(['deactivate', '--product', 'design-pack', '--sso', '--customer-account', 'acme', '--no-browser', '--json'], h.io)
    for (let i = 0; i < 100 && !h.out.stderr.includes('Sign in here'); i++) await new Promise((r) => setTimeout(r, 20))
    // --no-browser never claims it tried to open one.
    expect(h.out.stderr).toContain('Open the link above in a browser and sign in.')
    expect(h.out.stderr).not.toContain('could not be opened')
    expect(h.out.stderr).not.toContain('Opening your browser')
    h.interrupt()
    expect(await running).toBe(EXIT.ssoIncomplete)
    expect(JSON.parse(h.out.stdout)).toMatchObject({ ok: false, error: { code: 'sso_cancelled' } })
  })
})

describe('exit codes', () => {
  it('each catalogue code exits with the group its entry names', () => {
    for (const [code, entry] of Object.entries(ERROR_CATALOGUE)) expect(exitCodeFor({ code }), code).toBe(EXIT[entry.exit])
  })

  it('a code the catalogue does not know is a License API refusal', () => {
    expect(exitCodeFor(describeServerError('some_future_server_code', { status: 400 }))).toBe(EXIT.refused)
  })

  it('every group is a failure exit code, and the groups are those --help documents', () => {
    const groups = new Set(Object.values(ERROR_CATALOGUE).map((entry) => entry.exit))
    expect([...groups].sort()).toEqual(['interrupted', 'invalid', 'network', 'refused', 'ssoIncomplete', 'unexpected'])
    for (const group of groups) expect(EXIT[group]).toBeGreaterThan(0)
    for (const code of [...Object.values(EXIT), ...Object.values(EXIT_ON_SIGNAL)])
      expect(help(), String(code)).toMatch(new RegExp(`^  (\\d+, )?${code}\\b`, 'm'))
  })
})
