/**
 * npm run sandbox -- [--port N] [--seed FILE] [--json] [--host 127.0.0.1] [--no-sso]
 * Starts the local License API sandbox. With --json the first stdout line is the summary object.
 */
import { createHardwareIdSource } from '../main/engine/hardware-id'
import { loadSeed, SeedError, type SeedFile } from './seed'
import { startSandbox, type RunningSandbox } from './server'
import { formatSummary } from './summary'
import { speakEnglish } from '../shared/i18n/english'

speakEnglish()

export const DEFAULT_PORT = 8788

const USAGE = `Usage: npm run sandbox -- [options]
  --port N        port to listen on (default ${DEFAULT_PORT}; 0 = any free port)
  --host HOST     address to listen on (default 127.0.0.1)
  --seed FILE     seed file (default resources/sandbox-seed.json)
  --json          print the summary as one JSON line (first line of stdout)
  --no-sso        do not start the OpenID provider
  --help          show this help`

export interface CliArgs {
  port: number
  host: string
  seedPath?: string
  json: boolean
  sso: boolean
  help: boolean
}

export class UsageError extends Error {}

export function parseArgs(argv: readonly string[]): CliArgs {
  const args: CliArgs = { port: DEFAULT_PORT, host: '127.0.0.1', json: false, sso: true, help: false }
  for (let i = 0; i < argv.length; i += 1) {
    const [flag, inline] = argv[i]!.includes('=') ? argv[i]!.split(/=(.*)/s, 2) : [argv[i]!, undefined]
    const value = () => {
      const v = inline ?? argv[++i]
      if (v === undefined || v === '') throw new UsageError(`${flag} needs a value`)
      return v
    }
    switch (flag) {
      case '--port': {
        const text = value()
        const port = Number(text)
        if (!/^\d+$/.test(text) || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not "${text}"`)
        args.port = port
        break
      }
      case '--host':
        args.host = value()
        break
      case '--seed':
        args.seedPath = value()
        break
      case '--json':
        args.json = true
        break
      case '--no-sso':
        args.sso = false
        break
      case '--help':
      case '-h':
        args.help = true
        break
      default:
        throw new UsageError(`Unknown option "${flag}"`)
    }
  }
  return args
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/

async function main(argv: readonly string[]): Promise<number> {
  let args: CliArgs
  try {
    args = parseArgs(argv)
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    console.error(`${error.message}\n\n${USAGE}`)
    return 2
  }
  if (args.help) {
    console.log(USAGE)
    return 0
  }
  let seed: SeedFile | undefined
  try {
    seed = args.seedPath ? loadSeed(args.seedPath) : undefined
  } catch (error) {
    if (!(error instanceof SeedError)) throw error
    console.error(error.message)
    return 2
  }
  if (!LOOPBACK.test(args.host)) console.error(`Warning: listening on ${args.host}. The sandbox's keys and passwords are public test values.`)

  // This PC's id, read the way the app reads it, so the first try in the app or the CLI needs no override.
  const thisPc = await createHardwareIdSource().machine()
  if (!thisPc.ok) console.error(`Note: this PC's hardware id cannot be read (${thisPc.error.explanation}) No licence is pre-activated for it.`)

  let sandbox: RunningSandbox
  try {
    sandbox = await startSandbox({
      host: args.host,
      port: args.port,
      seed,
      sso: args.sso,
      ...(thisPc.ok ? { thisPcHardwareId: thisPc.value.id } : {})
    })
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (error instanceof SeedError) console.error(error.message)
    else if (code === 'EADDRINUSE') console.error(`Port ${args.port} on ${args.host} is already in use. Try --port 0 or another port.`)
    else if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') console.error(`Cannot listen on ${args.host}: no such local address.`)
    else console.error(`The sandbox could not start: ${(error as Error).message}`)
    return 1
  }

  const summary = sandbox.summary()
  if (args.json) process.stdout.write(`${JSON.stringify(summary)}\n`)
  else console.log(`${formatSummary(summary)}\n\nPress Ctrl+C to stop.`)

  return new Promise<number>((resolve) => {
    let stopping = false
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) return
      stopping = true
      if (!args.json) console.error(`\n${signal}: stopping the sandbox…`)
      const forced = setTimeout(() => resolve(1), 5000)
      forced.unref()
      sandbox.close().then(
        () => resolve(0),
        (error: unknown) => {
          console.error(`The sandbox did not close cleanly: ${(error as Error).message}`)
          resolve(1)
        }
      )
    }
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`The sandbox failed: ${error instanceof Error ? error.message : String(error)}`)
      process.exit(1)
    }
  )
}
