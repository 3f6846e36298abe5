import { spawn } from 'node:child_process'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { EXIT } from '../../../src/cli/exit-codes'
import { closedPort } from '../engine/support/servers'

const ROOT = resolve(__dirname, '../../..')
const TIMEOUT_MS = 30_000

/**
 * Runs `license-manager …` through bash with a real pipe to a reader that stops early, and
 * reports the CLI's own exit code (PIPESTATUS[0]) and what reached the terminal's stderr.
 */
function piped(command: string, env: Record<string, string> = {}): Promise<{ cliExit: number; stderr: string }> {
  return new Promise((done, fail) => {
    const script = `node bin/license-manager.cjs ${command}; echo "cli-exit=\${PIPESTATUS[0]}"`
    const childEnv: NodeJS.ProcessEnv = {}
    for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('LM_')) childEnv[k] = v
    const child = spawn('bash', ['-c', script], { cwd: ROOT, env: { ...childEnv, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')))
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')))
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      fail(new Error(`did not finish within ${TIMEOUT_MS} ms`))
    }, TIMEOUT_MS)
    child.once('close', () => {
      clearTimeout(timer)
      const exit = /cli-exit=(\d+)/.exec(stdout)
      if (!exit) fail(new Error(`no exit code in ${JSON.stringify(stdout)}`))
      else done({ cliExit: Number(exit[1]), stderr })
    })
  })
}

describe('the CLI survives a reader that stops early (EPIPE)', () => {
  it('`--json | head -c1`: the reader gets its byte, the CLI ends with its own exit code and no stack trace', async () => {
    const result = await piped('explain LM-DNF-400-7K3Q --json | head -c1 > /dev/null')
    expect(result).toEqual({ cliExit: EXIT.success, stderr: '' })
  })

  it('`| true`: a reader that reads nothing; success, invalid input and a network failure keep their exit codes', async () => {
    expect(await piped('explain LM-DNF-400-7K3Q | true')).toEqual({ cliExit: EXIT.success, stderr: '' })
    expect(await piped('explain not-a-reference 2>&1 | true')).toEqual({ cliExit: EXIT.invalid, stderr: '' })
    const port = await closedPort()
    const server = { LM_API_URL: `http://127.0.0.1:${port}/api/v4/`, LM_API_KEY: 'k', LM_SHARED_KEY: 's' }
    expect(await piped('deactivate --product office-suite --license-key KEY-1 --json | true', server)).toEqual({ cliExit: EXIT.network, stderr: '' })
    expect(await piped('deactivate --product office-suite --license-key KEY-1 2>&1 | true', server)).toEqual({ cliExit: EXIT.network, stderr: '' })
  })
})
