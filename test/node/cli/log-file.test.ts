import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EXIT } from '../../../src/cli/exit-codes'
import { help, runCli } from '../../../src/cli/run'
import { startHttpServer, type TestHttpServer } from '../engine/support/servers'
import { capturedCli } from '../support/captured-cli'
import { closeOpened } from '../../support/close-opened'

/*
 * `--log-file <path>`: the command line writes its outcome to the app's own log format, under
 * the reference it prints. A License API stand-in on 127.0.0.1 refuses the deactivation and
 * echoes the licence key and the shared key back, as a careless server might.
 */

const LICENCE_KEY = 'OFFICE-9999-ECHOED'
const API_KEY = '0f8e2a1c-5b7d-4c3e-9a6f-1d2b3c4e5f60'
const SHARED_KEY = 'Vn3dXr8QpL2mZt6YwK9sBc4HfJ7aGe1UoR5iDy0N'
const PASSWORD = 'pw from stdin 42!'

let server: TestHttpServer
let dir: string
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lm-cli-log-'))
  server = await startHttpServer((_request, res) => {
    res.writeHead(400, { 'content-type': 'application/json' })
    res.end(JSON.stringify({ code: 'license_not_found', message: `No licence ${LICENCE_KEY} / ${PASSWORD} for key ${SHARED_KEY}` }))
  })
})
afterAll(async () => {
  await closeOpened(server)
  rmSync(dir, { recursive: true, force: true })
})

const harness = (env: Record<string, string>, stdin = '') => capturedCli({ env, machineId: 'cli-log-pc', stdin })

const serverEnv = () => ({ LM_API_URL: server.apiUrl, LM_API_KEY: API_KEY, LM_SHARED_KEY: SHARED_KEY })

describe('--log-file', () => {
  it('is listed in --help', () => {
    expect(help()).toMatch(/--log-file <path>\s+also write the outcome, with its reference, to this log file/)
  })

  it('logs a refused deactivation under the reference printed, with its code and status, and no secret', async () => {
    const log = join(dir, 'refused.log')
    const h = harness(serverEnv())
    const code = await runCli(['deactivate', '--product', 'office-suite', '--license-key', LICENCE_KEY, '--log-file', log], h.io)
    expect(code).toBe(EXIT.refused)
    const printed = /Reference: (LM-WRNG-400-\w{4})/.exec(h.out.stderr)?.[1]
    expect(printed).toBeDefined()
    const text = readFileSync(log, 'utf8')
    expect(text).toMatch(
      new RegExp(
        `^\\S+Z error cli\\.deactivate result=failed code=license_not_found status=400 family=credentials serverMessage=".*" reference=${printed} durationMs=\\d+ product=office-suite\\n$`
      )
    )
    for (const secret of [LICENCE_KEY, SHARED_KEY, API_KEY]) expect(text).not.toContain(secret)
  })

  it('keeps a password read from stdin out of the log too', async () => {
    const log = join(dir, 'password.log')
    const h = harness(serverEnv(), `${PASSWORD}\n`)
    await runCli(['deactivate', '--product', 'office-suite', '--username', 'ann@acme.test', '--password-stdin', '--log-file', log], h.io)
    expect(readFileSync(log, 'utf8')).toContain('code=license_not_found')
    expect(readFileSync(log, 'utf8')).not.toContain(PASSWORD)
  })

  it('keeps the keys of a --config file out of the log', async () => {
    const config = join(dir, 'config.json')
    writeFileSync(config, JSON.stringify({ apiUrl: server.apiUrl, auth: { scheme: 'hmac', apiKey: API_KEY, sharedKey: SHARED_KEY } }))
    const log = join(dir, 'config.log')
    await runCli(['deactivate', '--product', 'office-suite', '--license-key', 'OFFICE-0000-OTHER', '--config', config, '--log-file', log], harness({}).io)
    const text = readFileSync(log, 'utf8')
    expect(text).toContain('code=license_not_found')
    expect(text).not.toContain(SHARED_KEY)
  })

  it('logs an invalid configuration before anything is sent', async () => {
    const log = join(dir, 'invalid.log')
    const h = harness({ LM_API_URL: 'http://licences.example/api/v4/', LM_API_KEY: API_KEY, LM_SHARED_KEY: SHARED_KEY })
    expect(await runCli(['hardware-id', '--log-file', log], h.io)).toBe(EXIT.invalid)
    expect(readFileSync(log, 'utf8')).toMatch(
      / error cli\.hardware-id result=failed code=config_invalid status=0 family=setup field=LM_API_URL reference=LM-CFG-PC-\w{4} /
    )
  })

  it('says so on stderr when the log cannot be written, and still does the work', async () => {
    const h = harness(serverEnv())
    const code = await runCli(['hardware-id', '--log-file', dir], h.io)
    expect(code).toBe(EXIT.success)
    expect(h.out.stderr).toContain(`Note: the log file ${dir} could not be written.`)
  })

  it('without the option nothing is written and the reference is still printed', async () => {
    const h = harness(serverEnv())
    await runCli(['deactivate', '--product', 'office-suite', '--license-key', LICENCE_KEY], h.io)
    expect(h.out.stderr).toMatch(/Reference: LM-WRNG-400-\w{4}/)
  })
})
