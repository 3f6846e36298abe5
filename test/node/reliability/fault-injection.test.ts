import { createServer, type Socket } from 'node:net'
import { ProxyAgent } from 'undici'
import { afterEach, describe, expect, it } from 'vitest'
import type { DeactivationRequestInput } from '../../../src/shared/request'
import { countingFetch } from '../engine/support/servers'
import { codeOf, engineService, timed } from './support/engine'
import { answer, closeServer, closedPort, drip, listenOnLoopback, responseHead, startFaultyServer, type FaultScript } from './support/faulty-server'
import { fetchThrough, startRefusingProxy } from './support/refusing-proxy'
import { plural, reliabilityTable } from './support/table'
import { settledHeapBytes } from './support/heap'
import { makeSelfSignedCertificate, startUntrustedTlsServer } from './support/untrusted-tls'
import { expectOk } from '../../support/expect-ok'

/*
 * Item 1: every fault ends in its typed outcome within the configured timeout, through the
 * engine's service (validation → auth → ky → error mapping), and a POST reaches the server at
 * most once: it is resent only after a refused connection, which proves it never left.
 */

const TIMEOUT_MS = 800
/** Scheduling on a loaded 2-core machine; the deadline itself is TIMEOUT_MS. */
const SLACK_MS = 1_200
const INPUT: DeactivationRequestInput = {
  product: 'office-suite',
  hardwareId: 'fault-pc-1',
  credentials: { method: 'license-key', licenseKey: 'FAULT-1111-KEY' }
}

const table = reliabilityTable(__filename, 1, 'Fault injection against the engine')
const cleanups: Array<() => Promise<unknown> | undefined> = []
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!()
})

async function faulty(script: FaultScript) {
  const server = await startFaultyServer(script)
  cleanups.push(server.close)
  return server
}

const inTime = (ms: number) => (ms < TIMEOUT_MS + SLACK_MS ? `within ${TIMEOUT_MS} ms + slack` : `too late (${Math.round(ms)} ms)`)
const posts = (arrivals: readonly { method: string }[]) => arrivals.filter((a) => a.method === 'POST').length
const ENVELOPE = (status: number, code: string) => JSON.stringify({ status, code, message: `fault ${code}` })

function deactivateVia(apiUrl: string, fetchImpl: typeof fetch = fetch) {
  return timed(() => engineService({ apiUrl, fetch: fetchImpl, timeoutMs: TIMEOUT_MS }).deactivate(INPUT))
}

describe('a server that stops talking: the deadline covers connect, headers and body', () => {
  const cases: Array<[string, string, FaultScript]> = [
    ['F01', 'No answer: the request arrives, nothing comes back', () => undefined],
    [
      'F02',
      'Headers, then silence (Content-Length 100, 9 body bytes sent)',
      (socket) => socket.write(responseHead('200 OK', { 'content-type': 'application/json', 'content-length': 100 }) + '"license_')
    ],
    ['F03', 'Slow drip: one body byte every 100 ms, on past the timeout', (socket) => drip(socket, `"${'license_deactivated'.repeat(4)}"`, 100)]
  ]
  it.for(cases)('%s %s → timeout, the POST is not resent', async ([id, name, script], context) => {
    const server = await faulty(script)
    const counted = countingFetch()
    const { value: outcome, ms } = await deactivateVia(server.apiUrl, counted)
    table.record(context, {
      id,
      case: name,
      expected: `timeout within ${TIMEOUT_MS} ms + slack; 1 POST arrival`,
      observed: `${codeOf(outcome)} ${inTime(ms)}; ${plural(posts(server.arrivals()), 'POST arrival')}`
    })
    expect(codeOf(outcome)).toBe('timeout')
    expect(ms).toBeGreaterThanOrEqual(TIMEOUT_MS - 50)
    expect(ms).toBeLessThan(TIMEOUT_MS + SLACK_MS)
    expect(posts(server.arrivals())).toBe(1)
    expect(counted.calls).toBe(1)
  })
})

describe('a connection cut after the request arrived', () => {
  const cases: Array<[string, string, FaultScript]> = [
    [
      'F04',
      'Reset (TCP RST) in the middle of the body',
      (socket) =>
        socket.write(responseHead('200 OK', { 'content-type': 'application/json', 'content-length': 100 }) + '"license_', () => socket.resetAndDestroy())
    ],
    ['F05', 'Closed after the request arrived, before any answer byte', (socket) => socket.destroy()]
  ]
  it.for(cases)('%s %s → connection_reset, the POST is not resent', async ([id, name, script], context) => {
    const server = await faulty(script)
    const counted = countingFetch()
    const { value: outcome, ms } = await deactivateVia(server.apiUrl, counted)
    table.record(context, {
      id,
      case: name,
      expected: 'connection_reset; 1 POST arrival (it may have been processed: no resend)',
      observed: `${codeOf(outcome)} ${inTime(ms)}; ${plural(posts(server.arrivals()), 'POST arrival')}`
    })
    expect(codeOf(outcome)).toBe('connection_reset')
    expect(ms).toBeLessThan(TIMEOUT_MS + SLACK_MS)
    expect(posts(server.arrivals())).toBe(1)
    expect(counted.calls).toBe(1)
  })
})

describe('error answers', () => {
  it('F06 a burst of 5xx answers: each call fails with its own code after one arrival; the next 200 succeeds', async (context) => {
    const burst: Array<[string, Record<string, string>, string, string]> = [
      ['500 Internal Server Error', { 'content-type': 'application/json' }, ENVELOPE(500, 'internal_error'), 'internal_error'],
      ['502 Bad Gateway', { 'content-type': 'text/html' }, '<html><body>502 Bad Gateway</body></html>', 'internal_error'],
      ['503 Service Unavailable', { 'content-type': 'text/plain' }, '', 'server_unavailable'],
      ['504 Gateway Timeout', { 'content-type': 'text/plain' }, 'upstream timed out', 'internal_error'],
      ['503 Service Unavailable', { 'content-type': 'application/json' }, ENVELOPE(503, 'maintenance_window'), 'maintenance_window']
    ]
    const server = await faulty((socket, _arrival, index) => {
      const next = burst[index]
      if (next) answer(socket, next[0], next[1], next[2])
      else answer(socket, '200 OK', { 'content-type': 'application/json' }, '"license_deactivated"')
    })
    const service = engineService({ apiUrl: server.apiUrl, timeoutMs: TIMEOUT_MS })
    const codes: string[] = []
    const statuses: number[] = []
    for (let i = 0; i < burst.length; i++) {
      const outcome = await service.deactivate(INPUT)
      codes.push(codeOf(outcome))
      statuses.push(outcome.ok ? 200 : outcome.error.status)
    }
    const after = await service.deactivate(INPUT)
    table.record(context, {
      id: 'F06',
      case: 'Burst of 5 server errors (500 envelope, 502 HTML, 503 empty, 504 text, 503 unknown code), then 200',
      expected: 'internal_error, internal_error, server_unavailable, internal_error, maintenance_window (passed through); 1 arrival each; then ok',
      observed: `${codes.join(', ')} (HTTP ${statuses.join(', ')}); ${plural(posts(server.arrivals()), 'POST arrival')} for 6 calls; then ${codeOf(after)}`
    })
    expect(codes).toEqual(burst.map((b) => b[3]))
    expect(statuses).toEqual([500, 502, 503, 504, 503])
    expectOk(after)
    expect(posts(server.arrivals())).toBe(burst.length + 1)
  })

  it('F07 429 with Retry-After: reported at once as too_many_requests, not waited out, not resent', async (context) => {
    const server = await faulty((socket) =>
      answer(socket, '429 Too Many Requests', { 'content-type': 'application/json', 'retry-after': '30' }, ENVELOPE(429, 'too_many_requests'))
    )
    const counted = countingFetch()
    const { value: outcome, ms } = await deactivateVia(server.apiUrl, counted)
    table.record(context, {
      id: 'F07',
      case: '429 Too Many Requests with Retry-After: 30',
      expected: 'too_many_requests (HTTP 429) at once, not after 30 s; 1 POST arrival',
      observed: `${codeOf(outcome)} (HTTP ${outcome.ok ? 200 : outcome.error.status}) ${inTime(ms)}; ${plural(posts(server.arrivals()), 'POST arrival')}`
    })
    expect(outcome).toMatchObject({ ok: false, error: { code: 'too_many_requests', status: 429, family: 'server' } })
    expect(ms).toBeLessThan(TIMEOUT_MS + SLACK_MS)
    expect(posts(server.arrivals())).toBe(1)
    expect(counted.calls).toBe(1)
  })
})

describe('connections that never reach the License API', () => {
  it('F08 an HTTPS server with an untrusted (self-signed) certificate → tls_failure; no request sent', async (context) => {
    const server = await startUntrustedTlsServer(makeSelfSignedCertificate())
    cleanups.push(server.close)
    const counted = countingFetch()
    const { value: outcome, ms } = await deactivateVia(server.apiUrl, counted)
    table.record(context, {
      id: 'F08',
      case: 'HTTPS on 127.0.0.1 with a self-signed certificate (openssl, made at test time)',
      expected: 'tls_failure; no HTTP request completes; not resent',
      observed: `${codeOf(outcome)} ${inTime(ms)}; ${plural(server.requests(), 'HTTP request')}, ${plural(server.connections(), 'connection')}`
    })
    expect(codeOf(outcome)).toBe('tls_failure')
    expect(ms).toBeLessThan(TIMEOUT_MS + SLACK_MS)
    expect(server.requests()).toBe(0)
    expect(server.connections()).toBe(1)
    expect(counted.calls).toBe(1)
  })

  it('F09 a host name that cannot resolve (RFC 6761 .invalid) → dns_failure', async (context) => {
    const counted = countingFetch()
    const { value: outcome, ms } = await deactivateVia('https://license-api.invalid/api/v4/', counted)
    table.record(context, {
      id: 'F09',
      case: 'DNS failure: https://license-api.invalid/api/v4/',
      expected: 'dns_failure within the timeout; not resent',
      observed: `${codeOf(outcome)} ${inTime(ms)}; ${plural(counted.calls, 'attempt')}`
    })
    expect(codeOf(outcome)).toBe('dns_failure')
    expect(ms).toBeLessThan(TIMEOUT_MS + SLACK_MS)
    expect(counted.calls).toBe(1)
  })

  it('F10 a proxy that refuses the tunnel (403 to CONNECT) → proxy_failure; not resent', async (context) => {
    const proxy = await startRefusingProxy()
    cleanups.push(proxy.close)
    const agent = new ProxyAgent(proxy.url)
    cleanups.push(() => agent.close())
    const viaProxy = countingFetch(fetchThrough(agent))
    const { value: outcome, ms } = await deactivateVia('https://license-api.invalid/api/v4/', viaProxy)
    table.record(context, {
      id: 'F10',
      case: 'Proxy refuses: undici ProxyAgent → loopback proxy answering 403 to CONNECT',
      expected: 'proxy_failure within the timeout; 1 CONNECT (≤ 2 allowed)',
      observed: `${codeOf(outcome)} ${inTime(ms)}; ${plural(proxy.refused().length, 'CONNECT')} (${proxy.refused()[0] ?? 'none'})`
    })
    expect(codeOf(outcome)).toBe('proxy_failure')
    expect(ms).toBeLessThan(TIMEOUT_MS + SLACK_MS)
    expect(proxy.refused()).toEqual(['CONNECT license-api.invalid:443 HTTP/1.1'])
  })

  it('F11 a proxy that is not listening → cannot_connect_to_server after one safe resend', async (context) => {
    const agent = new ProxyAgent(`http://127.0.0.1:${await closedPort()}`)
    cleanups.push(() => agent.close())
    const viaProxy = countingFetch(fetchThrough(agent))
    const { value: outcome, ms } = await deactivateVia('https://license-api.invalid/api/v4/', viaProxy)
    table.record(context, {
      id: 'F11',
      case: 'Proxy refuses the connection (proxy port closed)',
      expected: 'cannot_connect_to_server (undici reports only ECONNREFUSED); ≤ 2 attempts',
      observed: `${codeOf(outcome)} ${inTime(ms)}; ${plural(viaProxy.calls, 'attempt')}`
    })
    expect(codeOf(outcome)).toBe('cannot_connect_to_server')
    expect(ms).toBeLessThan(TIMEOUT_MS + SLACK_MS)
    expect(viaProxy.calls).toBe(2)
  })

  it('F12 a refused connection (server down) → cannot_connect_to_server after exactly one resend', async (context) => {
    const counted = countingFetch()
    const { value: outcome, ms } = await deactivateVia(`http://127.0.0.1:${await closedPort()}/api/v4/`, counted)
    table.record(context, {
      id: 'F12',
      case: 'Connection refused (nothing listens on the port)',
      expected: 'cannot_connect_to_server; exactly 2 attempts (the request never left, so one resend is safe)',
      observed: `${codeOf(outcome)} ${inTime(ms)}; ${plural(counted.calls, 'attempt')}`
    })
    expect(codeOf(outcome)).toBe('cannot_connect_to_server')
    expect(ms).toBeLessThan(TIMEOUT_MS + SLACK_MS)
    expect(counted.calls).toBe(2)
  })

  it('F13 refused once, then the server is up: the resend deactivates, and the POST arrives exactly once', async (context) => {
    const port = await closedPort()
    const sockets = new Set<Socket>()
    const arrivals: string[] = []
    const server = createServer((socket) => {
      sockets.add(socket)
      socket.on('close', () => sockets.delete(socket))
      socket.once('data', (chunk: Buffer) => {
        arrivals.push(chunk.toString('latin1').split(' ')[0]!)
        answer(socket, '200 OK', { 'content-type': 'application/json' }, '"license_deactivated"')
      })
    })
    cleanups.push(() => closeServer(server, sockets))
    let attempts = 0
    // The first attempt is refused; the server starts before the engine's resend.
    const startingAfterFirstAttempt: typeof fetch = async (input, init) => {
      attempts += 1
      try {
        return await fetch(input, init)
      } catch (error) {
        if (attempts === 1) await listenOnLoopback(server, port)
        throw error
      }
    }
    const { value: outcome } = await deactivateVia(`http://127.0.0.1:${port}/api/v4/`, startingAfterFirstAttempt)
    table.record(context, {
      id: 'F13',
      case: 'Connection refused once, then accepted',
      expected: 'ok after the one safe resend; 1 POST arrival',
      observed: `${codeOf(outcome)}; ${plural(attempts, 'attempt')}; ${plural(arrivals.filter((m) => m === 'POST').length, 'POST arrival')}`
    })
    expectOk(outcome)
    expect(attempts).toBe(2)
    expect(arrivals).toEqual(['POST'])
  })

  it('F14 an OAuth token server that never answers → timeout; the License API is not called', async (context) => {
    const tokenServer = await faulty(() => undefined)
    const apiServer = await faulty((socket) => answer(socket, '200 OK', { 'content-type': 'application/json' }, '"license_deactivated"'))
    const service = engineService({
      apiUrl: apiServer.apiUrl,
      auth: { scheme: 'oauth', tokenUrl: `${tokenServer.origin}/token`, clientId: 'fault-client', clientSecret: 'fault-client-secret' },
      timeoutMs: TIMEOUT_MS
    })
    const { value: outcome, ms } = await timed(() => service.deactivate(INPUT))
    table.record(context, {
      id: 'F14',
      case: 'OAuth token server accepts the connection and never answers',
      expected: `timeout within ${TIMEOUT_MS} ms + slack; 1 token request; 0 API requests`,
      observed: `${codeOf(outcome)} ${inTime(ms)}; ${plural(tokenServer.arrivals().length, 'token request')}; ${plural(apiServer.arrivals().length, 'API request')}`
    })
    expect(codeOf(outcome)).toBe('timeout')
    expect(ms).toBeLessThan(TIMEOUT_MS + SLACK_MS)
    expect(tokenServer.arrivals()).toHaveLength(1)
    expect(apiServer.arrivals()).toHaveLength(0)
  })
})

const MIB = 1024 * 1024
const HUGE_ANSWER = 200 * MIB

/**
 * Streams `total` bytes of a JSON-looking body as fast as the client reads it, from one reused
 * buffer (the server itself holds nothing); `sent` says how far it got before the client stopped.
 */
function streamHugeAnswer(status: string, framing: 'chunked' | 'until-close', total = HUGE_ANSWER): FaultScript & { sent(): number } {
  let sent = 0
  const piece = Buffer.alloc(64 * 1024, 'x')
  const script = ((socket: Socket) => {
    socket.on('error', () => undefined)
    const framingHeader: Record<string, string> = framing === 'chunked' ? { 'Transfer-Encoding': 'chunked' } : { Connection: 'close' }
    socket.write(responseHead(status, { 'Content-Type': 'application/json', ...framingHeader }))
    socket.write(framing === 'chunked' ? `1\r\n{\r\n` : '{')
    const frame = framing === 'chunked' ? Buffer.concat([Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from('\r\n')]) : piece
    const pump = () => {
      while (!socket.destroyed && sent < total) {
        sent += piece.length
        if (!socket.write(frame)) return void socket.once('drain', pump)
      }
      if (!socket.destroyed) socket.end(framing === 'chunked' ? '1\r\n}\r\n0\r\n\r\n' : '}')
    }
    pump()
  }) as unknown as FaultScript & { sent(): number }
  script.sent = () => sent
  return script
}

/** Highest RSS seen while `work` runs (sampled every 5 ms), and the settled heap before and after. */
async function memoryDuring<T>(work: () => Promise<T>): Promise<{ value: T; rssGrowth: number; heapGrowth: number }> {
  const heapBefore = settledHeapBytes()
  const rssBefore = process.memoryUsage().rss
  let peak = rssBefore
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5)
  try {
    const value = await work()
    peak = Math.max(peak, process.memoryUsage().rss)
    return { value, rssGrowth: peak - rssBefore, heapGrowth: settledHeapBytes() - heapBefore }
  } finally {
    clearInterval(sampler)
  }
}

const mib = (bytes: number) => `${(bytes / MIB).toFixed(1)} MiB`
/** Within its bound, a figure is reported by the bound, so the table reads the same from run to run. */
const below = (bytes: number, bound: number) => (bytes < bound * MIB ? `below ${bound} MiB` : mib(bytes))
const memory = (rss: number, heap: number) => `RSS growth ${below(rss, 96)}, settled heap growth ${below(heap, 16)}`

describe('answers far larger than any the License API gives', () => {
  it(
    'F15 a 200 MiB answer (declared, chunked, or until the connection closes) → response_too_large with the status received, read no further than 1 MiB, memory bounded',
    { timeout: 60_000 },
    async (context) => {
      const observed: string[] = []
      const cases = [
        ['declared 200 MiB, 200 OK', null, 200],
        ['chunked, 200 OK', streamHugeAnswer('200 OK', 'chunked'), 200],
        ['until the connection closes, 500', streamHugeAnswer('500 Internal Server Error', 'until-close'), 500]
      ] as const
      try {
        for (const [label, script, status] of cases) {
          const server = await faulty(
            script ??
              ((socket) => {
                socket.on('error', () => undefined)
                socket.write(responseHead('200 OK', { 'Content-Type': 'application/json', 'Content-Length': HUGE_ANSWER }))
              })
          )
          const {
            value: outcome,
            rssGrowth,
            heapGrowth
          } = await memoryDuring(() => engineService({ apiUrl: server.apiUrl, timeoutMs: 20_000 }).deactivate(INPUT))
          const error = outcome.ok ? undefined : outcome.error
          observed.push(
            `${label}: ${codeOf(outcome)} (HTTP ${error?.status}), server sent ${script ? below(script.sent(), 32) : 'the head only'}, ${memory(rssGrowth, heapGrowth)}`
          )
          expect(error).toMatchObject({ code: 'response_too_large', status })
          if (script) expect(script.sent()).toBeLessThan(32 * MIB)
          expect(rssGrowth).toBeLessThan(96 * MIB)
          expect(heapGrowth).toBeLessThan(16 * MIB)
        }
      } finally {
        table.record(context, {
          id: 'F15',
          case: 'The License API’s answer is 200 MiB: declared by Content-Length, chunked, or sent until the connection closes (a 500)',
          expected:
            'response_too_large with the HTTP status received; the body is not read past 1 MiB (the server gets to send little more than its socket buffers); RSS grows by less than 96 MiB and the settled heap by less than 16 MiB',
          observed: observed.join('; ')
        })
      }
    }
  )

  it(
    'F16 an OAuth token server answering 200 MiB → response_too_large (token server named), the License API is not called',
    { timeout: 60_000 },
    async (context) => {
      const stream = streamHugeAnswer('200 OK', 'chunked')
      const tokenServer = await faulty(stream)
      const apiServer = await faulty((socket) => answer(socket, '200 OK', { 'content-type': 'application/json' }, '"license_deactivated"'))
      const service = engineService({
        apiUrl: apiServer.apiUrl,
        auth: { scheme: 'oauth', tokenUrl: `${tokenServer.origin}/token`, clientId: 'fault-client', clientSecret: 'fault-client-secret' },
        timeoutMs: 20_000
      })
      const { value: outcome, rssGrowth, heapGrowth } = await memoryDuring(() => service.deactivate(INPUT))
      const error = outcome.ok ? undefined : outcome.error
      table.record(context, {
        id: 'F16',
        case: 'The OAuth token server’s answer is 200 MiB (chunked)',
        expected: 'response_too_large (HTTP 200) explained as the token server’s; 0 License API requests; memory bounded as in F15',
        observed: `${codeOf(outcome)} (HTTP ${error?.status}); server sent ${below(stream.sent(), 32)}; ${plural(apiServer.arrivals().length, 'API request')}; ${memory(rssGrowth, heapGrowth)}`
      })
      expect(error).toMatchObject({ code: 'response_too_large', status: 200 })
      expect(error?.explanation).toMatch(/OAuth token server/)
      expect(apiServer.arrivals()).toHaveLength(0)
      expect(stream.sent()).toBeLessThan(32 * MIB)
      expect(rssGrowth).toBeLessThan(96 * MIB)
      expect(heapGrowth).toBeLessThan(16 * MIB)
    }
  )
})
