import { createServer, request, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { addressesFor, listenOnLoopback, type Listener } from '../../../src/main/engine/sso/loopback-listener'

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
})
