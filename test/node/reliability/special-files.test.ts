import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs'
import { createServer, type Server, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EXIT, EXIT_ON_SIGNAL } from '../../../src/cli/exit-codes'
import { killGroup, startCli, type CliChild, type CliExit } from './support/cli-child'
import { closeServer, listenOnLoopback } from './support/faulty-server'
import { reliabilityTable } from './support/table'

/*
 * Issue 20, item 4, with real special files and real signals: `upload-offline` and `--config`
 * given a FIFO (mkfifo, no writer), a device or a socket end at once with a clear error, and a
 * CLI stopped by SIGINT or SIGTERM (also through `npm run cli`) ends promptly in every step,
 * saying what was and was not done. Each child has a 30 s limit: hanging is the failure.
 */

const table = reliabilityTable(__filename, 4, 'Security checks')
const posix = process.platform !== 'win32'

let dir: string
let socketServer: Server | undefined
/** A License API that accepts connections and never answers: a request stays in flight until the CLI lets go. */
let silent: Server
const held = new Set<Socket>()
let silentUrl = ''
const children: CliChild[] = []

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lm-special-files-'))
  silent = createServer((socket) => {
    held.add(socket)
    // Read (and drop) what arrives, so the end of the connection is seen.
    socket.resume()
    socket.on('error', () => undefined)
    socket.on('close', () => held.delete(socket))
  })
  silentUrl = `http://127.0.0.1:${await listenOnLoopback(silent, 0)}/api/v4/`
  if (!posix) return
  execFileSync('mkfifo', [join(dir, 'pipe.req')])
  symlinkSync(join(dir, 'pipe.req'), join(dir, 'link.req'))
  const server = createServer()
  socketServer = server
  await new Promise<void>((resolve) => server.listen(join(dir, 'socket.req'), resolve))
})
afterAll(async () => {
  for (const child of children) killGroup(child)
  await new Promise<void>((resolve) => (socketServer ? socketServer.close(() => resolve()) : resolve()))
  await closeServer(silent, held)
  rmSync(dir, { recursive: true, force: true })
})

const KEYS = { LM_API_KEY: 'kq7-api-key-5501', LM_SHARED_KEY: 'kq7-shared-key-5501' }
const run = (args: string[], options: Parameters<typeof startCli>[1]) => {
  const child = startCli(args, options)
  children.push(child)
  return child
}

/** Waits until the silent server holds a connection from the CLI (its request is in flight). */
async function requestInFlight(child: CliChild): Promise<void> {
  for (let i = 0; i < 600 && held.size === 0; i++) {
    const ended = await Promise.race([child.exited.then(() => true), new Promise<false>((r) => setTimeout(() => r(false), 50))])
    if (ended) throw new Error(`the CLI ended before its request: ${child.stderr()}`)
  }
}

/** Resolves when the server holds no connection any more (the process that held it is gone). */
async function connectionsClosed(): Promise<boolean> {
  for (let i = 0; i < 200 && held.size > 0; i++) await new Promise((r) => setTimeout(r, 50))
  return held.size === 0
}

describe.runIf(posix)('special files', () => {
  it(
    'S29 upload-offline and --config given a FIFO with no writer, a link to it, /dev/zero, /dev/null, a socket or a directory end at once with a clear error (npm run cli too)',
    { timeout: 120_000 },
    async (context) => {
      const cases: Array<[label: string, args: string[], kind: string, viaNpm?: boolean]> = [
        ['upload-offline <FIFO>', ['upload-offline', join(dir, 'pipe.req')], 'FIFO (named pipe)'],
        ['upload-offline <FIFO>, through npm run cli', ['upload-offline', join(dir, 'pipe.req')], 'FIFO (named pipe)', true],
        ['upload-offline <symbolic link to the FIFO>', ['upload-offline', join(dir, 'link.req')], 'FIFO (named pipe)'],
        ['upload-offline /dev/zero', ['upload-offline', '/dev/zero', '--json'], 'character device'],
        ['upload-offline /dev/null', ['upload-offline', '/dev/null'], 'character device'],
        ['upload-offline <Unix socket>', ['upload-offline', join(dir, 'socket.req')], 'socket'],
        ['upload-offline <directory>', ['upload-offline', dir], 'directory'],
        ['hardware-id --config <FIFO>', ['hardware-id', '--config', join(dir, 'pipe.req')], 'FIFO (named pipe)'],
        ['deactivate --config /dev/zero', ['deactivate', '--config', '/dev/zero', '--product', 'p', '--license-key', 'k'], 'character device']
      ]
      const observed: string[] = []
      try {
        for (const [label, args, kind, viaNpm] of cases) {
          const finished: CliExit = await run(args, { env: { LM_API_URL: silentUrl, ...KEYS }, viaNpm: viaNpm === true }).exited
          const said = finished.stdout + finished.stderr
          observed.push(`${label}: exit ${finished.code}${said.includes(`is a ${kind}`) ? `, “is a ${kind}, not a regular file”` : ', NO CLEAR MESSAGE'}`)
          expect(finished.code, said).toBe(EXIT.invalid)
          expect(said).toContain(`is a ${kind}, not a regular file`)
          if (args[0] === 'upload-offline') expect(said).toContain('Nothing was sent')
        }
        expect(held.size).toBe(0)
      } finally {
        table.record(context, {
          id: 'S29',
          case: 'The CLI as a child process given special files: upload-offline with a FIFO that has no writer (also through npm run cli), a symbolic link to it, /dev/zero, /dev/null, a Unix socket, a directory; --config with the FIFO and with /dev/zero',
          expected:
            'each is refused before it is opened for reading (stat, then a non-blocking open checked again): exit 2, the error names what the path is and that nothing was sent, well within the 30 s limit of each child; no request reaches the License API',
          observed: observed.join('; ')
        })
      }
    }
  )
})

describe.runIf(posix)('signals', () => {
  it(
    'S30 SIGINT and SIGTERM end the CLI promptly in every step (a request in flight, a password awaited on stdin, through npm run cli), saying what was and was not done',
    { timeout: 150_000 },
    async (context) => {
      const observed: string[] = []
      const deactivate = ['deactivate', '--product', 'office-suite', '--license-key', 'SIGNAL-KEY1-KEY2', '--hardware-id', 'signal-pc-0001']
      try {
        for (const [signal, json] of [
          ['SIGINT', true],
          ['SIGTERM', false]
        ] as const) {
          const child = run(json ? [...deactivate, '--json'] : deactivate, { env: { LM_API_URL: silentUrl, ...KEYS } })
          await requestInFlight(child)
          child.signal(signal)
          const finished = await child.exited
          const closed = await connectionsClosed()
          const said = finished.stdout + finished.stderr
          observed.push(
            `${signal} while the request is in flight${json ? ' (--json)' : ''}: exit ${finished.code}, ${said.includes('not known whether the server carried it out') ? 'says the answer is not known' : 'DOES NOT SAY'}, connection ${closed ? 'closed' : 'STILL OPEN'}`
          )
          expect(finished.code, said).toBe(EXIT_ON_SIGNAL[signal])
          expect(said).toContain('not known whether the server carried it out')
          if (json) expect(JSON.parse(finished.stdout)).toMatchObject({ ok: false, error: { code: 'interrupted' } })
          expect(closed).toBe(true)
        }

        // --password-stdin with stdin left open: nothing has been sent yet. The note on --shared-key is printed just before stdin is read.
        const waiting = run(
          [
            'deactivate',
            '--product',
            'office-suite',
            '--username',
            'ann@example.test',
            '--password-stdin',
            '--hardware-id',
            'pc-1',
            '--shared-key',
            KEYS.LM_SHARED_KEY
          ],
          { env: { LM_API_URL: silentUrl, LM_API_KEY: KEYS.LM_API_KEY }, keepStdinOpen: true }
        )
        await waiting.waitForStderr(/prefer the LM_SHARED_KEY environment variable/)
        await new Promise((r) => setTimeout(r, 300))
        waiting.signal('SIGTERM')
        const stopped = await waiting.exited
        observed.push(
          `SIGTERM while a password is awaited on stdin: exit ${stopped.code}, ${stopped.stderr.includes('before it sent anything') ? 'says nothing was sent' : 'DOES NOT SAY'}`
        )
        expect(stopped.code, stopped.stderr).toBe(EXIT_ON_SIGNAL.SIGTERM)
        expect(stopped.stderr).toContain('before it sent anything to the licence server')

        // npm run cli: npm hands SIGTERM to its shell, which ends without passing it on; the CLI must end anyway.
        const viaNpm = run(deactivate, { env: { LM_API_URL: silentUrl, ...KEYS }, viaNpm: true })
        await requestInFlight(viaNpm)
        viaNpm.signal('SIGTERM')
        const npmExit = await viaNpm.exited
        const cliGone = await connectionsClosed()
        observed.push(
          `SIGTERM to npm (npm run cli) while the request is in flight: npm exit ${npmExit.code ?? npmExit.signal}, the CLI ${cliGone ? 'ended (its connection closed)' : 'STILL RUNNING'}`
        )
        expect(cliGone).toBe(true)
        expect(npmExit.code === EXIT_ON_SIGNAL.SIGTERM || npmExit.signal === 'SIGTERM').toBe(true)

        // Ctrl+C pressed twice: the second ends it at once.
        const twice = run(deactivate, { env: { LM_API_URL: silentUrl, ...KEYS } })
        await requestInFlight(twice)
        twice.signal('SIGINT')
        twice.signal('SIGINT')
        const twiceExit = await twice.exited
        observed.push(`SIGINT twice: exit ${twiceExit.code}`)
        expect(twiceExit.code).toBe(EXIT_ON_SIGNAL.SIGINT)
        expect(await connectionsClosed()).toBe(true)
        expect(EXIT.interrupted).toBe(EXIT_ON_SIGNAL.SIGINT)
      } finally {
        table.record(context, {
          id: 'S30',
          case: 'Real signals to the CLI as a child process: SIGINT (--json) and SIGTERM while its deactivation request is in flight (the License API holds the connection), SIGTERM while --password-stdin waits on an open stdin, SIGTERM to npm under `npm run cli` during a request, SIGINT twice',
          expected:
            'exit 130 (SIGINT) / 143 (SIGTERM) with code interrupted, saying whether the request had left (“not known whether the server carried it out” / “before it sent anything”); the connection to the License API closes; under npm run cli the CLI ends too (its connection closes); all well within each child’s 30 s limit',
          observed: observed.join('; ')
        })
      }
    }
  )
})

describe.runIf(posix)('writing next to special files', () => {
  it('deactivate-offline --out <FIFO> refuses to write there (the file exists) and does not block', async () => {
    const finished = await run(['deactivate-offline', '--product', 'office-suite', '--license-key', 'OUT-KEY1-KEY2-KEY3', '--out', join(dir, 'pipe.req')], {
      env: KEYS
    }).exited
    expect(finished.code, finished.stderr).toBe(EXIT.invalid)
    expect(finished.stderr).toContain('already exists')
  })
})
