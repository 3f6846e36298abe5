import fc from 'fast-check'
import { connect } from 'node:net'
import { headerText } from './properties'

/** One request as bytes on the wire: whatever a client, a hostile page or a broken proxy might send. */
export interface RawRequest {
  method: string
  target: string
  headers: Array<[string, string]>
  body: string
}

export interface RawReply {
  /** The final status (after any 100 Continue); undefined when no answer came. */
  status: number | undefined
  text: string
}

/** Sends `request` on a fresh connection to 127.0.0.1:port, with `host` as Host, and reads until the server closes. */
export function sendRaw(port: number, host: string, request: RawRequest, timeoutMs = 3_000): Promise<RawReply> {
  const chunked = request.headers.some(([name, value]) => name.toLowerCase() === 'transfer-encoding' && /chunked\s*$/i.test(value))
  const body = chunked ? `${Buffer.byteLength(request.body).toString(16)}\r\n${request.body}\r\n0\r\n\r\n` : request.body
  const lines = [
    `${request.method} ${request.target} HTTP/1.1`,
    `Host: ${host}`,
    ...request.headers.map(([name, value]) => `${name}: ${value}`),
    ...(chunked ? [] : [`Content-Length: ${Buffer.byteLength(request.body)}`]),
    'Connection: close'
  ]
  const wire = `${lines.join('\r\n')}\r\n\r\n${body}`
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port })
    const chunks: Buffer[] = []
    const finish = () => {
      socket.destroy()
      const text = Buffer.concat(chunks).toString('latin1')
      const statuses = [...text.matchAll(/^HTTP\/1\.[01] (\d{3})/gm)].map((m) => Number(m[1])).filter((s) => s !== 100)
      resolve({ status: statuses[0], text })
    }
    socket.setTimeout(timeoutMs, finish)
    socket.on('data', (chunk: Buffer) => chunks.push(chunk))
    socket.on('close', finish)
    socket.on('error', () => undefined)
    socket.end(wire, 'latin1')
  })
}

/**
 * True for a plain path target ("/a/b?c"): visible ASCII, starting with one "/", no fragment,
 * every "%" a two-digit escape. Written apart from the servers' own parser, as the tests' oracle.
 */
export function isPlainPath(target: string): boolean {
  if (!target.startsWith('/') || target.startsWith('//') || target.includes('#')) return false
  for (const c of target) {
    const code = c.charCodeAt(0)
    if (code <= 0x20 || code >= 0x7f || c === '"' || c === '<' || c === '>') return false
  }
  return target
    .split('%')
    .slice(1)
    .every((rest) => /^[0-9A-Fa-f]{2}/.test(rest))
}

/** Targets that are not paths, and paths that tempt URL parsers, plus random ones. */
export const anyTarget = (paths: readonly string[]): fc.Arbitrary<string> =>
  fc.oneof(
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        '//',
        '///',
        '*',
        'http://x',
        'http://127.0.0.1:1/callback?code=x&state=y',
        'https://evil.test/callback',
        'x:80',
        '127.0.0.1:443',
        '[::1]:80',
        '/%',
        '/%zz',
        '/%E0%A4%A',
        '/%00',
        '/%%32%65',
        '//evil.test/x',
        '/..%2f..%2fetc%2fpasswd',
        '/a?%zz=1',
        '?',
        '/#x',
        '/\\\\evil.test',
        '/callback/../callback',
        `/${'a'.repeat(20_000)}`,
        'javascript:alert(1)',
        '/\u00e9'
      )
    },
    { weight: 2, arbitrary: fc.constantFrom(...paths).chain((p) => fc.constantFrom(p, `${p}?`, `${p}?%`, `${p}?state&code`, `/${p}`, `${p}#`)) },
    { weight: 2, arbitrary: fc.string({ unit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 60 }) },
    { weight: 2, arbitrary: fc.string({ unit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 60 }).map((s) => `/${s}`) },
    { weight: 1, arbitrary: fc.webUrl({ withQueryParameters: true, withFragments: true }) }
  )

const method = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('GET', 'POST') },
  { weight: 2, arbitrary: fc.constantFrom('PUT', 'DELETE', 'HEAD', 'OPTIONS', 'PATCH', 'TRACE', 'CONNECT', 'PRI', 'G@T', 'get', 'M-SEARCH') },
  { weight: 1, arbitrary: fc.stringMatching(/^[A-Z]{1,12}$/) }
)

const header: fc.Arbitrary<[string, string]> = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,20}$/), headerText(40)) },
  {
    weight: 2,
    arbitrary: fc.constantFrom<[string, string]>(
      ['Host', 'evil.test'],
      ['Transfer-Encoding', 'chunked'],
      ['Expect', '100-continue'],
      ['Upgrade', 'websocket'],
      ['Content-Type', 'application/x-www-form-urlencoded'],
      ['Content-Type', 'text/plain;charset=UTF-8'],
      ['X-Sso-Relay', '1'],
      ['Cookie', 'a=b; c'],
      ['Authorization', 'Bearer x'],
      ['Date', 'not a date'],
      ['X-Forwarded-Host', 'evil.test'],
      ['Accept-Encoding', 'gzip, br'],
      ['X-Huge', 'h'.repeat(20_000)]
    )
  }
)

export const anyRequest = (paths: readonly string[]): fc.Arbitrary<RawRequest> =>
  fc.record({
    method,
    target: anyTarget(paths),
    headers: fc.array(header, { maxLength: 4 }),
    body: fc.oneof(fc.constant(''), fc.string({ maxLength: 200 }), fc.constantFrom('state=x&code=y', '{"a":1}', 'x'.repeat(70_000)))
  })
