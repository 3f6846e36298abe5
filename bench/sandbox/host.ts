/**
 * Child process that runs the License API sandbox for the bench, so the sandbox
 * has its own event loop (and core) and its memory is measured on its own.
 * Protocol over IPC: sends `ready` with its endpoints once listening; answers `stats`, `memory`,
 * `profile-start`, `profile-stop` (CPU profile to a file) and `close`.
 */
import { Session } from 'node:inspector'
import { writeFileSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { performance } from 'node:perf_hooks'
import type { TLSSocket } from 'node:tls'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../src/sandbox/server'
import type { HostOptions, LinkStats, SandboxEndpoints } from './protocol'

type Message = { id?: number | undefined; type: string; [key: string]: unknown }

const send = (message: Message): void => {
  process.send?.(message)
}

async function main(): Promise<void> {
  const options = JSON.parse(process.argv[2] ?? '{}') as HostOptions
  const sandbox: RunningSandbox = await startSandbox({
    host: '127.0.0.1',
    port: 0,
    quiet: true,
    sso: options.sso,
    seed: options.seed as SandboxOptions['seed'],
    ...(options.tls ? { tls: options.tls } : {}),
    ...(options.idleTimeoutMs ? { idleTimeoutMs: options.idleTimeoutMs } : {})
  })
  let session: Session | null = null

  // Emulated links in front of the sandbox, on a worker thread of their own (link-worker.ts);
  // the sandbox's sockets are matched to their link by the local port the link connected from
  // (reported long before the first bytes arrive: the link holds them a round trip).
  const links = new Map<number, LinkStats>()
  const linkOfPort = new Map<number, LinkStats>()
  let nextLink = 1
  // Workers do not inherit the tsx loader: register it (CommonJS) before loading the TypeScript file.
  const worker = new Worker(`require('tsx/cjs'); require(${JSON.stringify(join(__dirname, 'link-worker.ts'))})`, { eval: true })
  worker.unref()
  const waiting = new Map<number, (message: { [key: string]: unknown }) => void>()
  let nextAsk = 1
  const ask = (message: { type: string; link?: number; [key: string]: unknown }): Promise<{ [key: string]: unknown }> =>
    new Promise((resolve) => {
      const seq = nextAsk++
      waiting.set(seq, resolve)
      worker.postMessage({ ...message, seq })
    })
  worker.on('message', (message: { type: string; seq?: number; link?: number; port?: number; [key: string]: unknown }) => {
    if (message.type === 'upstream') {
      const stats = links.get(Number(message.link))
      if (stats) linkOfPort.set(Number(message.port), stats)
      return
    }
    waiting.get(Number(message.seq))?.(message)
    waiting.delete(Number(message.seq))
  })
  sandbox.server.on('secureConnection', (socket: TLSSocket) => {
    const stats = socket.remotePort === undefined ? undefined : linkOfPort.get(socket.remotePort)
    if (stats) stats.tls[socket.isSessionReused() ? 'resumed' : 'full'] += 1
  })
  sandbox.server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const stats = req.socket.remotePort === undefined ? undefined : linkOfPort.get(req.socket.remotePort)
    if (!stats) return
    const path = (req.url ?? '').split('?')[0] ?? ''
    stats.byPath[path] = (stats.byPath[path] ?? 0) + 1
    const received = performance.now()
    res.once('finish', () => (stats.serverMsByPath[path] = (stats.serverMsByPath[path] ?? 0) + performance.now() - received))
  })
  const target = new URL(sandbox.origin)

  process.on('message', (message: Message) => {
    void handle(message).catch((error: unknown) => send({ id: message.id, type: 'error', message: error instanceof Error ? error.message : String(error) }))
  })

  async function handle(message: Message): Promise<void> {
    switch (message.type) {
      case 'stats':
        send({ id: message.id, type: 'stats', stats: sandbox.stats() })
        return
      case 'memory': {
        const before = process.memoryUsage()
        globalThis.gc?.()
        const after = process.memoryUsage()
        send({ id: message.id, type: 'memory', beforeGc: before, afterGc: globalThis.gc ? after : null })
        return
      }
      case 'profile-start':
        session = new Session()
        session.connect()
        await post(session, 'Profiler.enable')
        await post(session, 'Profiler.setSamplingInterval', { interval: 200 })
        await post(session, 'Profiler.start')
        send({ id: message.id, type: 'profile-started' })
        return
      case 'profile-stop': {
        if (!session) throw new Error('profiler not started')
        const { profile } = (await post(session, 'Profiler.stop')) as { profile: unknown }
        writeFileSync(String(message.file), JSON.stringify(profile))
        session.disconnect()
        session = null
        send({ id: message.id, type: 'profile-stopped', file: message.file })
        return
      }
      case 'link-open': {
        const id = nextLink++
        links.set(id, { connections: 0, tls: { full: 0, resumed: 0 }, byPath: {}, serverMsByPath: {} })
        const opened = await ask({
          type: 'open',
          link: id,
          target: { host: target.hostname, port: Number(target.port) },
          oneWayDelayMs: Number(message.oneWayDelayMs)
        })
        send({ id: message.id, type: 'link-opened', link: id, port: opened.port })
        return
      }
      case 'link-stats': {
        const entry = links.get(Number(message.link))
        if (!entry) throw new Error(`no link ${String(message.link)}`)
        const { count } = await ask({ type: 'connections', link: Number(message.link) })
        const stats: LinkStats = { ...structuredClone(entry), connections: Number(count) }
        send({ id: message.id, type: 'link-stats', stats })
        return
      }
      case 'close':
        await ask({ type: 'close' })
        await worker.terminate()
        await sandbox.close()
        process.exit(0)
        return
      default:
        throw new Error(`unknown request ${message.type}`)
    }
  }

  const endpoints: SandboxEndpoints = {
    origin: sandbox.origin,
    apiUrl: sandbox.apiUrl,
    apiKey: sandbox.apiKey,
    sharedKey: sandbox.sharedKey,
    publicKey: sandbox.publicKey,
    oauth: sandbox.oauth,
    ssoIssuer: typeof sandbox.summary().sso['issuer'] === 'string' ? new URL(String(sandbox.summary().sso['issuer'])).origin : '',
    pid: process.pid
  }
  send({ type: 'ready', endpoints })
}

function post(session: Session, method: string, params?: object): Promise<unknown> {
  return new Promise((resolvePromise, reject) => {
    session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolvePromise(result)))
  })
}

// The parent going away must not leave a listening sandbox behind.
process.on('disconnect', () => process.exit(0))

main().catch((error: unknown) => {
  send({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) })
  process.exit(1)
})
