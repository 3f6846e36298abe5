/**
 * Worker thread of the sandbox host that runs the emulated links (bench/lib/emulated-link.ts),
 * so their delay timers keep time on an event loop of their own: on the sandbox's loop they
 * would fire late whenever the sandbox is busy (TLS handshakes, sign-ins, signatures), adding
 * delay that belongs to neither the server's work nor the client.
 *
 * Messages in (each with a `seq` its answer repeats): open { link, target, oneWayDelayMs },
 * connections { link }, close. Messages out: opened { link, port }, upstream { link, port } (the local port a link connected
 * to the sandbox from, so the host can match the sandbox's sockets to links), connections
 * { link, count }, closed.
 */
import { parentPort } from 'node:worker_threads'
import { startEmulatedLink, type EmulatedLink } from '../lib/emulated-link'

type Message = { type: string; seq?: number; link?: number; target?: { host: string; port: number }; oneWayDelayMs?: number }

const links = new Map<number, EmulatedLink>()
const port = parentPort
if (!port) throw new Error('link-worker.ts runs as a worker thread')

port.on('message', (message: Message) => {
  void (async () => {
    switch (message.type) {
      case 'open': {
        const id = Number(message.link)
        const link = await startEmulatedLink({
          target: message.target!,
          oneWayDelayMs: Number(message.oneWayDelayMs),
          onUpstream: (localPort) => port.postMessage({ type: 'upstream', link: id, port: localPort })
        })
        links.set(id, link)
        port.postMessage({ type: 'opened', seq: message.seq, link: id, port: link.port })
        return
      }
      case 'connections':
        port.postMessage({ type: 'connections', seq: message.seq, link: message.link, count: links.get(Number(message.link))?.connections() ?? 0 })
        return
      case 'close':
        await Promise.all([...links.values()].map((l) => l.close()))
        port.postMessage({ type: 'closed', seq: message.seq })
        return
    }
  })()
})
