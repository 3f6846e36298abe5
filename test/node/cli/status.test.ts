import { spawn, type ChildProcess } from 'node:child_process'
import { resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EXIT } from '../../../src/cli/exit-codes'
import { runCli } from '../../../src/cli/run'
import { createHardwareIdSource } from '../../../src/main/engine/hardware-id'
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/server'
import type { SandboxSummary } from '../../../src/sandbox/summary'
import { ERROR_CATALOGUE } from '../../../src/shared/errors'
import type { PcLicences } from '../../../src/shared/licences-on-pc'
import { capturedCli } from '../support/captured-cli'
import { startHttpServer } from '../engine/support/servers'

const ROOT = resolve(__dirname, '../../..')
const SPAWN_TIMEOUT_MS = 40_000

/** The parent's environment without any LM_* setting, plus the given ones. */
function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('LM_')) env[k] = v
  return { ...env, ...extra }
}

/** `npx tsx src/cli/index.ts …`, as a user runs the command line. */
function runSpawned(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn('npx', ['tsx', 'src/cli/index.ts', ...args], { cwd: ROOT, env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')))
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')))
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      fail(new Error(`the CLI did not finish within ${SPAWN_TIMEOUT_MS} ms: ${stderr}`))
    }, SPAWN_TIMEOUT_MS)
    child.once('error', fail)
    child.once('close', (code) => {
      clearTimeout(timer)
      done({ code, stdout, stderr })
    })
  })
}

/*
 * Tried as a new user would (README's "A first try on the sandbox", in a terminal): `npm run
 * sandbox` in one terminal, then the command line in another with the variables it prints. The
 * sandbox pre-activated this PC (its real hardware id, read like the app reads it).
 */
describe('license-manager status against `npm run sandbox`, as a new user tries it', () => {
  let sandboxProcess: ChildProcess
  let summary: SandboxSummary
  let env: Record<string, string>

  beforeAll(async () => {
    sandboxProcess = spawn(process.execPath, ['--import', 'tsx', 'src/sandbox/cli.ts', '--json', '--port', '0', '--no-sso'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'ignore']
    })
    const line = await new Promise<string>((done, fail) => {
      const timer = setTimeout(() => fail(new Error('the sandbox printed nothing in time')), SPAWN_TIMEOUT_MS)
      createInterface({ input: sandboxProcess.stdout! }).once('line', (first) => {
        clearTimeout(timer)
        done(first)
      })
      sandboxProcess.once('exit', (code) => fail(new Error(`the sandbox exited (${code}) before printing`)))
    })
    summary = JSON.parse(line) as SandboxSummary
    env = {
      LM_API_URL: summary.apiUrl,
      LM_API_KEY: summary.apiKey,
      LM_SHARED_KEY: summary.sharedKey,
      LM_PUBLIC_KEY: summary.publicKey.trim().replace(/\n/g, '\\n')
    }
  }, SPAWN_TIMEOUT_MS + 5_000)
  afterAll(() => {
    sandboxProcess.kill('SIGTERM')
  })

  it('lists the bundle the sandbox pre-activated for this PC; after `deactivate` it no longer does', { timeout: 4 * SPAWN_TIMEOUT_MS }, async () => {
    const thisPc = await createHardwareIdSource().machine()
    if (!thisPc.ok) throw new Error(`this PC's hardware id cannot be read here (${thisPc.error.code}); the sandbox pre-activates nothing without it`)
    expect(summary.thisPc).toBe(thisPc.value.id)

    const before = await runSpawned(['status'], env)
    expect(before.code, before.stderr).toBe(EXIT.success)
    expect(before.stdout).toContain(`This PC (hardware id ${thisPc.value.id}) holds 3 licences:`)
    expect(before.stdout).toContain('Office Suite (office-suite)')
    expect(before.stdout).toContain('Licence:     licence key ••••-USE, licence id 1002')
    expect(before.stdout).toContain('Products:    Writer, Sheets, Slides')
    expect(before.stdout).toContain('checked with the software vendor’s public key')
    expect(before.stdout).not.toContain('OFFICE-2222-IN-USE')

    const freed = await runSpawned(['deactivate', '--product', 'office-suite', '--license-key', 'OFFICE-2222-IN-USE'], env)
    expect(freed.code, freed.stderr).toBe(EXIT.success)

    const after = await runSpawned(['status', '--json'], env)
    expect(after.code, after.stderr).toBe(EXIT.success)
    const line = JSON.parse(after.stdout.trim()) as { ok: true; value: PcLicences; reference: string }
    expect(line.ok).toBe(true)
    expect(line.value).toMatchObject({ hardwareId: thisPc.value.id, source: 'machine-id', signatures: 'verified' })
    expect(line.value.bundles.map((b) => b.bundle)).toEqual(['design-pack', 'design-pack'])
    expect(line.reference).toMatch(/^LM-YES-200-/)

    // `deactivate` again: device_not_found, and the command line points to `status`.
    const again = await runSpawned(['deactivate', '--product', 'office-suite', '--license-key', 'OFFICE-2222-IN-USE'], env)
    expect(again.code).toBe(EXIT.refused)
    expect(again.stderr).toContain('Code: device_not_found (HTTP 400)')
    expect(again.stderr).toContain('run `license-manager status`')
  })
})

/** The command line in this process, its output captured. */
const harness = (env: Record<string, string>) => capturedCli({ env, machineId: 'status-test-machine' })

/*
 * The sandbox's "this PC" holds three licences: one of office-suite and two of design-pack. The
 * count is of licences, so two bundles must not read as "3 bundles", in any language.
 */
describe('license-manager status counts the licences a hardware id holds, in every language', () => {
  const PC = 'status-test-machine'
  let sandbox: RunningSandbox
  beforeAll(async () => {
    sandbox = await startSandbox({ quiet: true, sso: false, thisPcHardwareId: PC })
  })
  afterAll(() => sandbox.close())
  const sandboxEnv = () => ({ LM_API_URL: sandbox.apiUrl, LM_API_KEY: sandbox.apiKey, LM_SHARED_KEY: sandbox.sharedKey })

  it('this PC holds three licences of two bundles', async () => {
    const h = harness(sandboxEnv())
    expect(await runCli(['status', '--json'], h.io)).toBe(EXIT.success)
    const line = JSON.parse(h.out.stdout) as { value: PcLicences }
    expect(line.value.bundles.map((b) => b.bundle).sort()).toEqual(['design-pack', 'design-pack', 'office-suite'])
  })

  it.each([
    ['en', `This PC (hardware id ${PC}) holds 3 licences:`, 'Hardware id full-pc-1 (given with --hardware-id) holds 1 licence:'],
    ['de', `Dieser PC (Hardware-ID ${PC}) hat 3 Lizenzen:`, 'Die Hardware-ID full-pc-1 (mit --hardware-id angegeben) hat 1 Lizenz:'],
    ['fr', `Ce PC (identifiant matériel ${PC}) a 3 licences\u00a0:`, 'L’identifiant matériel full-pc-1 (donné avec --hardware-id) a 1 licence\u00a0:'],
    [
      'es',
      `Este PC (identificador de hardware ${PC}) tiene 3 licencias:`,
      'El identificador de hardware full-pc-1 (indicado con --hardware-id) tiene 1 licencia:'
    ],
    ['ja', `この PC（ハードウェア ID ${PC}）のライセンス（3 件）：`, 'ハードウェア ID full-pc-1（--hardware-id で指定）のライセンス（1 件）：']
  ])('%s: “%s”, and one licence in the singular', async (lang, three, one) => {
    const thisPc = harness(sandboxEnv())
    expect(await runCli(['status', '--lang', lang], thisPc.io), thisPc.out.stderr).toBe(EXIT.success)
    expect(thisPc.out.stdout.split('\n')[0]).toBe(three)
    const other = harness(sandboxEnv())
    expect(await runCli(['status', '--lang', lang, '--hardware-id', 'full-pc-1'], other.io), other.out.stderr).toBe(EXIT.success)
    expect(other.out.stdout.split('\n')[0]).toBe(one)
  })
})

describe('license-manager status: bad input and unusable answers get a typed message, exit groups as usual', () => {
  let sandbox: RunningSandbox
  beforeAll(async () => {
    sandbox = await startSandbox({ quiet: true, sso: false })
  })
  afterAll(() => sandbox.close())
  const sandboxEnv = () => ({ LM_API_URL: sandbox.apiUrl, LM_API_KEY: sandbox.apiKey, LM_SHARED_KEY: sandbox.sharedKey })

  it('a hardware id that holds nothing: exit 0, an empty list, and the hardware id that was checked', async () => {
    const h = harness(sandboxEnv())
    expect(await runCli(['status', '--hardware-id', 'a-pc-nobody-activated'], h.io)).toBe(EXIT.success)
    expect(h.out.stdout).toContain('Hardware id a-pc-nobody-activated (given with --hardware-id) holds no licence')
    expect(h.out.stdout).toContain('not checked: this app has no public key')
    const json = harness(sandboxEnv())
    expect(await runCli(['status', '--hardware-id', 'a-pc-nobody-activated', '--json'], json.io)).toBe(EXIT.success)
    expect(JSON.parse(json.out.stdout)).toMatchObject({ ok: true, value: { bundles: [], hardwareId: 'a-pc-nobody-activated', source: 'override' } })
  })

  it('another hardware id: sandbox-pc-1’s bundles, with their states', async () => {
    const h = harness(sandboxEnv())
    expect(await runCli(['status', '--hardware-id', 'sandbox-pc-1'], h.io)).toBe(EXIT.success)
    expect(h.out.stdout).toContain('State:       expired')
    expect(h.out.stdout).toContain('State:       disabled by the vendor')
  })

  it('a revoked API key: its catalogue entry, exit 3 (refused)', async () => {
    const h = harness({ ...sandboxEnv(), LM_API_KEY: 'sandbox-revoked-api-key', LM_SHARED_KEY: 'sandbox-revoked-shared-key' })
    expect(await runCli(['status'], h.io)).toBe(EXIT.refused)
    expect(h.out.stderr).toContain(`Error: ${ERROR_CATALOGUE.revoked_api_key.title}`)
  })

  it('a bad hardware id, credentials, or no server: exit 2 and nothing sent', async () => {
    const sent = sandbox.stats().requests
    for (const args of [
      ['status', '--hardware-id', 'h'.repeat(300)],
      ['status', '--license-key', 'OFFICE-2222-IN-USE'],
      ['status', 'extra']
    ]) {
      const h = harness(sandboxEnv())
      expect(await runCli(args, h.io), args.join(' ')).toBe(EXIT.invalid)
      expect(h.out.stderr).not.toContain('OFFICE-2222-IN-USE')
    }
    const noServer = harness({})
    expect(await runCli(['status'], noServer.io)).toBe(EXIT.invalid)
    expect(noServer.out.stderr).toContain('npm run sandbox')
    expect(sandbox.stats().requests).toBe(sent)
  })

  it('a server that answers garbage: unexpected_response in a read’s words (nothing was changed), exit 3', async () => {
    const garbage = await startHttpServer((_request, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end('{"not":"a list"}')
    })
    try {
      const h = harness({ LM_API_URL: garbage.apiUrl, LM_API_KEY: 'k', LM_SHARED_KEY: 's' })
      expect(await runCli(['status'], h.io)).toBe(EXIT.refused)
      expect(h.out.stderr).toContain('Code: unexpected_response (HTTP 200)')
      expect(h.out.stderr).toContain('Nothing was changed')
    } finally {
      await garbage.close()
    }
  })

  it('an unreachable server: exit 4 (network)', async () => {
    const closed = await startHttpServer(() => undefined)
    const url = closed.apiUrl
    await closed.close()
    const h = harness({ LM_API_URL: url, LM_API_KEY: 'k', LM_SHARED_KEY: 's' })
    expect(await runCli(['status'], h.io)).toBe(EXIT.network)
  })
})
