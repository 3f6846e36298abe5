import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { afterAll, describe, expect, it } from 'vitest'
import { parseArgs } from '../../../src/sandbox/cli'
import type { SandboxSummary } from '../../../src/sandbox/summary'
import { createHardwareIdSource } from '../../../src/main/engine/hardware-id'
import { callApi } from './helpers'
import { stringContaining, stringMatching } from '../../support/matchers'

const ROOT = join(__dirname, '../../..')
const dir = mkdtempSync(join(tmpdir(), 'sandbox-cli-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Runs the CLI the way `npm run sandbox` does, in one process so signals reach it directly. */
const runCli = (args: string[]): ChildProcess =>
  spawn(process.execPath, ['--import', 'tsx', 'src/sandbox/cli.ts', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })

function firstLine(child: ChildProcess, timeoutMs = 15_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no output from the CLI in time')), timeoutMs)
    createInterface({ input: child.stdout! }).once('line', (line) => {
      clearTimeout(timer)
      resolve(line)
    })
    child.once('exit', (code) => reject(new Error(`the CLI exited (${code}) before printing`)))
  })
}

function exitOf(child: ChildProcess, timeoutMs = 10_000): Promise<{ code: number | null; stderr: string }> {
  let stderr = ''
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error('the CLI did not exit in time'))
    }, timeoutMs)
    child.once('exit', (code) => {
      clearTimeout(timer)
      resolve({ code, stderr })
    })
  })
}

describe('npm run sandbox', () => {
  it('--json prints the summary as its first line, serves the API, and stops cleanly on SIGTERM', { timeout: 60_000 }, async () => {
    const child = runCli(['--json', '--port', '0'])
    const exited = exitOf(child, 50_000)
    const summary = JSON.parse(await firstLine(child, 40_000)) as SandboxSummary
    expect(summary).toMatchObject({
      url: stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/api\/v4\/$/),
      apiKey: 'sandbox-api-key',
      sharedKey: 'sandbox-shared-key',
      publicKey: stringContaining('BEGIN PUBLIC KEY')
    })
    const office = summary.bundles.find((b) => b.code === 'office-suite')
    expect(office?.licenseKeys).toContain('OFFICE-2222-IN-USE')
    expect(summary.bundles.find((b) => b.code === 'design-pack')?.users).toContainEqual({ username: 'bob@example.test', password: 'bob-password' })
    // The OpenID provider starts by default.
    expect(summary.sso.attached).toBe(true)

    const response = await callApi(
      summary.origin,
      'deactivate_bundle',
      {
        product: 'office-suite',
        license_key: 'OFFICE-2222-IN-USE',
        hardware_id: 'sandbox-pc-1'
      },
      { key: { apiKey: summary.apiKey, sharedKey: summary.sharedKey } }
    )
    expect(response.json).toBe('license_deactivated')

    // This PC, read the way the app reads it, is pre-activated on the documented key: the first try needs no override.
    const thisPc = await createHardwareIdSource().machine()
    expect(summary.thisPc).toBe(thisPc.ok ? thisPc.value.id : undefined)
    if (thisPc.ok) {
      const first = await callApi(
        summary.origin,
        'deactivate_bundle',
        {
          product: 'office-suite',
          license_key: 'OFFICE-2222-IN-USE',
          hardware_id: thisPc.value.id
        },
        { key: { apiKey: summary.apiKey, sharedKey: summary.sharedKey } }
      )
      expect(first.json).toBe('license_deactivated')
    }

    child.kill('SIGTERM')
    expect((await exited).code).toBe(0)
  })

  it('a bad seed file ends with exit code 2 and a readable message, no stack trace', { timeout: 40_000 }, async () => {
    const path = join(dir, 'bad.json')
    writeFileSync(path, JSON.stringify({ apiKeys: [], products: [] }))
    const { code, stderr } = await exitOf(runCli(['--seed', path, '--port', '0']), 30_000)
    expect(code).toBe(2)
    expect(stderr).toContain(`The sandbox seed ${path} is not a valid sandbox seed`)
    expect(stderr).toContain('apiKeys: at least one API key is required')
    expect(stderr).not.toMatch(/\n\s+at /)
  })

  it('a port in use ends with exit code 1 and says so', { timeout: 60_000 }, async () => {
    const first = runCli(['--json', '--port', '0', '--no-sso'])
    const firstExit = exitOf(first, 50_000)
    const { origin, sso } = JSON.parse(await firstLine(first, 25_000)) as SandboxSummary
    expect(sso.attached).toBe(false)
    const port = new URL(origin).port
    const { code, stderr } = await exitOf(runCli(['--port', port, '--no-sso']), 25_000)
    expect(code).toBe(1)
    expect(stderr).toContain(`Port ${port} on 127.0.0.1 is already in use`)
    first.kill('SIGINT')
    expect((await firstExit).code).toBe(0)
  })
})

describe('CLI arguments', () => {
  it('defaults to port 8788 on 127.0.0.1', () => {
    expect(parseArgs([])).toEqual({ port: 8788, host: '127.0.0.1', json: false, sso: true, help: false })
  })

  it('reads every option, with or without =', () => {
    expect(parseArgs(['--port=0', '--seed', 'x.json', '--json', '--host', '::1', '--no-sso'])).toEqual({
      port: 0,
      host: '::1',
      seedPath: 'x.json',
      json: true,
      sso: false,
      help: false
    })
  })

  it('refuses a bad port and unknown options', () => {
    expect(() => parseArgs(['--port', '70000'])).toThrow(/--port must be a number/)
    expect(() => parseArgs(['--port'])).toThrow(/--port needs a value/)
    expect(() => parseArgs(['--verbose'])).toThrow(/Unknown option "--verbose"/)
  })
})
