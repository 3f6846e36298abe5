import { createServer, request, type Server } from 'node:http'
import { lookup } from 'node:dns/promises'
import { connect, type AddressInfo } from 'node:net'
import { setTimeout as delay } from 'node:timers/promises'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { addressesFor, listenOnLoopback, THIS_PC, type Listener, type LoopbackSystem } from '../../../src/main/engine/sso/loopback-listener'

/*
 * The listener that waits for the sign-in answer in the browser, with real sockets on this PC:
 * where it listens, what another program holding the port gets the person told, and how it stops.
 */

const listeners: Listener[] = []
const others: Server[] = []
afterEach(async () => {
  for (const listener of listeners.splice(0)) listener.close()
  await Promise.all(others.splice(0).map((server) => new Promise((done) => server.close(done))))
})

const answer = (_req: unknown, res: { end: (text: string) => void }) => res.end('signed in')

async function listen(host: string, port: number) {
  const outcome = await listenOnLoopback(host, port, answer)
  if (outcome.ok) listeners.push(outcome.value)
  return outcome
}

/** Another program on this PC holding an address and port. */
async function otherProgram(host: string, port = 0): Promise<number> {
  const server = createServer()
  others.push(server)
  await new Promise<void>((done) => server.listen({ host, port, exclusive: true }, done))
  return (server.address() as AddressInfo).port
}

/** What a browser gets at host:port: the answer's text, or the connection's error code. */
const get = (host: string, port: number) =>
  new Promise<string>((done) => {
    const req = request({ host, port, path: '/callback', agent: false }, (res) => {
      let body = ''
      res.on('data', (chunk: Buffer) => (body += chunk.toString()))
      res.on('end', () => done(body))
    })
    req.on('error', (error: NodeJS.ErrnoException) => done(error.code ?? 'error'))
    req.end()
  })

const ipv6 = await otherProgram('::1')
  .then(() => true)
  .catch(() => false)
  .finally(() => others.splice(0).forEach((server) => server.close()))

describe('where the sign-in answer is waited for', () => {
  it('a loopback literal is listened on as it is; localhost on every loopback address it stands for, 127.0.0.1 and ::1 always', async () => {
    expect(await addressesFor('127.0.0.1')).toEqual(['127.0.0.1'])
    expect(await addressesFor('[::1]')).toEqual(['[::1]'])
    const localhost = await addressesFor('localhost')
    expect(localhost.slice(0, 2)).toEqual(['127.0.0.1', '::1'])
    expect(new Set(localhost).size).toBe(localhost.length)
  })

  it('on this PC, localhost is what the system resolver says it is, every address of it', async () => {
    expect(await THIS_PC.resolveLocalhost()).toEqual(await lookup('localhost', { all: true }))
  })

  it('on a port the OS chooses, the browser gets the answer there', async () => {
    const outcome = await listen('127.0.0.1', 0)
    if (!outcome.ok) throw new Error(outcome.error.explanation)
    expect(outcome.value.port).toBeGreaterThan(0)
    expect(await get('127.0.0.1', outcome.value.port)).toBe('signed in')
  })

  it.skipIf(!ipv6)('for localhost, on one port on both 127.0.0.1 and ::1, so no other program can take either', async () => {
    const outcome = await listen('localhost', 0)
    if (!outcome.ok) throw new Error(outcome.error.explanation)
    expect(await get('127.0.0.1', outcome.value.port)).toBe('signed in')
    expect(await get('::1', outcome.value.port)).toBe('signed in')
  })
})

describe('another program on the sign-in port', () => {
  it('is named with the address the vendor registered, and the app does not listen beside it', async () => {
    const port = await otherProgram('127.0.0.1')
    expect(await listen('127.0.0.1', port)).toMatchObject({
      ok: false,
      error: {
        code: 'sso_port_in_use',
        explanation: `The app must listen on 127.0.0.1:${port}, the address the vendor registered for sign-in, and another program is using it.`
      }
    })
  })

  it.skipIf(!ipv6)('holding only ::1 of localhost is found too, and the app lets go of 127.0.0.1 again', async () => {
    const port = await otherProgram('::1')
    expect(await listen('localhost', port)).toMatchObject({
      ok: false,
      error: {
        code: 'sso_port_in_use',
        explanation: expect.stringContaining(`The app must listen on [::1]:${port} (one of the addresses of localhost, 127.0.0.1 and [::1]`) as string
      }
    })
    expect(await get('127.0.0.1', port)).toBe('ECONNREFUSED')
  })

  it('an address this PC does not have is told with the system’s own reason', async () => {
    expect(await listen('192.0.2.1', 47_001)).toMatchObject({
      ok: false,
      error: { code: 'sso_port_in_use', explanation: 'The app could not listen on 192.0.2.1:47001 for the sign-in answer (EADDRNOTAVAIL).' }
    })
  })
})

describe('when the sign-in is over', () => {
  it('no new connection is taken once the listener is closed, and closing again changes nothing', async () => {
    const outcome = await listen('127.0.0.1', 0)
    if (!outcome.ok) throw new Error(outcome.error.explanation)
    outcome.value.close()
    outcome.value.close()
    expect(await get('127.0.0.1', outcome.value.port)).toBe('ECONNREFUSED')
  })

  it('a browser’s connection already open is still answered for two seconds, then cut', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] })
    try {
      const outcome = await listen('127.0.0.1', 0)
      if (!outcome.ok) throw new Error(outcome.error.explanation)
      const socket = connect(outcome.value.port, '127.0.0.1')
      const ended = new Promise<void>((done) => socket.once('close', () => done()))
      const answered = () =>
        new Promise<string>((done) => {
          socket.once('data', (chunk: Buffer) => done(chunk.toString()))
          socket.write('GET /callback HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n')
        })
      expect(await answered()).toContain('signed in')
      outcome.value.close()
      vi.advanceTimersByTime(1_999)
      expect(await answered()).toContain('signed in')
      expect(socket.destroyed).toBe(false)
      vi.advanceTimersByTime(1)
      // Well before the server's own keep-alive timeout (two seconds after the last answer) would end it.
      expect(await Promise.race([ended.then(() => 'cut'), delay(1_000).then(() => 'still open')])).toBe('cut')
    } finally {
      vi.useRealTimers()
    }
  })
})

/*
 * What this PC cannot be made to do on demand, stood in for around its real sockets: no IPv6,
 * a port the OS chose for 127.0.0.1 that another program takes on ::1 in between, a resolver
 * that fails or names other addresses.
 */
describe('when the system gets in the way', () => {
  interface Call {
    address: string
    port: number
    server?: Server
  }

  /** This PC's system, except that `fault` may answer a call with an error code instead (given the calls so far at that address). */
  function standIn(fault: (address: string, earlier: number) => string | undefined, resolveLocalhost = THIS_PC.resolveLocalhost) {
    const calls: Call[] = []
    const system: LoopbackSystem = {
      resolveLocalhost,
      async listen(address, port, handler) {
        const code = fault(address, calls.filter((call) => call.address === address).length)
        const call: Call = { address, port }
        calls.push(call)
        if (code !== undefined) return { code }
        const result = await THIS_PC.listen(address, port, handler)
        if ('server' in result) {
          call.server = result.server
          others.push(result.server)
        }
        return result
      }
    }
    return { system, calls, at: (address: string) => calls.filter((call) => call.address === address) }
  }

  async function listenWith(host: string, port: number, system: LoopbackSystem) {
    const outcome = await listenOnLoopback(host, port, answer, system)
    if (outcome.ok) listeners.push(outcome.value)
    return outcome
  }

  it.each(['EADDRNOTAVAIL', 'EAFNOSUPPORT'])('on a PC without IPv6 (%s for ::1), localhost is listened on 127.0.0.1 alone', async (code) => {
    const { system, at } = standIn((address) => (address === '::1' ? code : undefined))
    const outcome = await listenWith('localhost', 0, system)
    if (!outcome.ok) throw new Error(outcome.error.explanation)
    expect(at('::1')).toHaveLength(1)
    expect(await get('127.0.0.1', outcome.value.port)).toBe('signed in')
  })

  it('an address missing for the first of localhost’s addresses is not taken as listening: nothing was listened on', async () => {
    const { system } = standIn((address) => (address === '127.0.0.1' ? 'EADDRNOTAVAIL' : undefined))
    expect(await listenWith('localhost', 0, system)).toMatchObject({
      ok: false,
      error: { code: 'sso_port_in_use', explanation: expect.stringContaining('The app could not listen on 127.0.0.1:0') as string }
    })
  })

  it('a port the OS chose that another program takes on ::1 meanwhile is given back, and another one is tried', async () => {
    const { system, at } = standIn((address, earlier) => (address === '::1' && earlier < 2 ? 'EADDRINUSE' : undefined))
    const outcome = await listenWith('localhost', 0, system)
    if (!outcome.ok) throw new Error(outcome.error.explanation)
    const tries = at('127.0.0.1')
    expect(tries).toHaveLength(3)
    expect(tries.map((call) => call.server?.listening)).toEqual([false, false, true])
    expect(await get('127.0.0.1', outcome.value.port)).toBe('signed in')
  })

  it('a port kept taken is tried eight times, then told as taken', async () => {
    const { system, at } = standIn((address) => (address === '::1' ? 'EADDRINUSE' : undefined))
    expect(await listenWith('localhost', 0, system)).toMatchObject({ ok: false, error: { code: 'sso_port_in_use' } })
    expect(at('127.0.0.1')).toHaveLength(8)
    expect(at('127.0.0.1').every((call) => call.server?.listening === false)).toBe(true)
  })

  it.each([
    ['the port the vendor registered', 47_002, 'EADDRINUSE'],
    ['a port the OS chose, refused for another reason', 0, 'EACCES']
  ])('%s is not tried again', async (_, port, code) => {
    const { system, at } = standIn((address) => (address === '::1' ? code : undefined))
    expect(await listenWith('localhost', port, system)).toMatchObject({ ok: false, error: { code: 'sso_port_in_use' } })
    expect(at('::1')).toHaveLength(1)
  })

  it('a resolver that fails still leaves 127.0.0.1 and ::1; one that names other addresses adds only its loopback ones', async () => {
    expect(
      await addressesFor(
        'localhost',
        standIn(
          () => undefined,
          () => Promise.reject(new Error('ENOTFOUND'))
        ).system
      )
    ).toEqual(['127.0.0.1', '::1'])
    const named = standIn(
      () => undefined,
      () => Promise.resolve([{ address: '::1' }, { address: '192.168.1.20' }, { address: '127.0.1.1' }, { address: 'fe80::1' }])
    )
    expect(await addressesFor('localhost', named.system)).toEqual(['127.0.0.1', '::1', '127.0.1.1'])
  })

  it('an error on a listening socket later is ignored, not thrown into the app', async () => {
    const { system, calls } = standIn(() => undefined)
    const outcome = await listenWith('127.0.0.1', 0, system)
    if (!outcome.ok) throw new Error(outcome.error.explanation)
    expect(() => calls[0]?.server?.emit('error', Object.assign(new Error('too many open files'), { code: 'EMFILE' }))).not.toThrow()
    expect(await get('127.0.0.1', outcome.value.port)).toBe('signed in')
  })
})
