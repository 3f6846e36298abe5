import { describe, expect, it } from 'vitest'
import { mapErrorResponse, mapOversizedAnswer, mapUnexpectedSuccess } from '../../../src/main/engine/errors/map-response'
import { mapTransportError, RedirectNotFollowedError, transportCause, transportErrorCode } from '../../../src/main/engine/errors/map-transport'
import { ERROR_CATALOGUE, type KnownErrorCode } from '../../../src/shared/errors'

const ALL_CODES = Object.keys(ERROR_CATALOGUE) as KnownErrorCode[]

/** Codes the response mapper derives from an answer without an envelope. */
const ANSWER_SHAPE_CODES: KnownErrorCode[] = [
  'too_many_requests',
  'server_unavailable',
  'internal_error',
  'not_found',
  'empty_error_body',
  'non_json_error_body',
  'html_error_body',
  'proxy_auth_required',
  'unexpected_response',
  'response_too_large'
]

/** Codes the transport mapper gives when no answer arrived. */
const TRANSPORT_CODES: KnownErrorCode[] = [
  'cannot_connect_to_server',
  'dns_failure',
  'timeout',
  'tls_failure',
  'connection_reset',
  'proxy_failure',
  'pc_offline',
  'network_error'
]

/**
 * Codes other modules produce (validation, config, hardware id, service, IPC, OAuth, SSO flow, the CLI,
 * the shell and the window). A new catalogue code must be added to one of these lists.
 */
const PRODUCED_ELSEWHERE: KnownErrorCode[] = [
  'oauth_token_request_failed',
  'sandbox_start_failed',
  'invalid_input',
  'prefill_link_invalid',
  'hardware_id_unavailable',
  'config_invalid',
  'help_page_not_opened',
  'busy',
  'ipc_forbidden',
  'app_internal_error',
  'app_no_answer',
  'interrupted',
  'sso_cancelled',
  'sso_timeout',
  'sso_replaced',
  'sso_state_mismatch',
  'sso_access_denied',
  'sso_provider_error',
  'sso_invalid_callback',
  'sso_port_in_use',
  'sso_redirect_not_loopback',
  'sso_browser_failed',
  'sso_unsafe_url',
  'offline_file_too_large',
  'offline_file_wrong_type',
  'offline_file_truncated',
  'offline_save_failed',
  // The reads (src/main/engine/reads): an answer whose signature does not verify, a check with nothing to check with.
  'response_signature_invalid',
  'seat_check_unavailable',
  'window_crashed',
  'helper_process_stopped',
  'app_unexpected_error',
  'logs_unavailable'
]

/** Codes the License API itself answers with: every other code with an HTTP error status. */
const SERVER_CODES = ALL_CODES.filter(
  (c) => ERROR_CATALOGUE[c].status >= 400 && ![...ANSWER_SHAPE_CODES, ...TRANSPORT_CODES, ...PRODUCED_ELSEWHERE].includes(c)
)

describe('the catalogue is covered', () => {
  it('every catalogue code is either a server code, a mapper code, or named as produced elsewhere', () => {
    const classified = new Set([...SERVER_CODES, ...ANSWER_SHAPE_CODES, ...TRANSPORT_CODES, ...PRODUCED_ELSEWHERE])
    expect(ALL_CODES.filter((c) => !classified.has(c))).toEqual([])
    expect(classified.size).toBe(SERVER_CODES.length + ANSWER_SHAPE_CODES.length + TRANSPORT_CODES.length + PRODUCED_ELSEWHERE.length)
  })
})

describe('errors without an HTTP answer', () => {
  it.each(TRANSPORT_CODES)('%s has status 0: no HTTP answer came', (code) => {
    expect(ERROR_CATALOGUE[code].status).toBe(0)
  })
})

describe('mapErrorResponse: the error envelope', () => {
  it.each(SERVER_CODES)('%s in an envelope maps to that code with the received status and message', (code) => {
    const status = ERROR_CATALOGUE[code].status
    const error = mapErrorResponse({
      status,
      contentType: 'application/json',
      body: JSON.stringify({ status, code, message: `server says ${code}` })
    })
    expect(error).toMatchObject({
      code,
      status,
      family: ERROR_CATALOGUE[code].family,
      title: ERROR_CATALOGUE[code].title,
      serverMessage: `server says ${code}`
    })
  })

  it('keeps the status actually received (signature_mismatch is documented as 400 and as 401)', () => {
    const error = mapErrorResponse({ status: 401, contentType: 'application/json', body: '{"status":401,"code":"signature_mismatch","message":"x"}' })
    expect(error.code).toBe('signature_mismatch')
    expect(error.status).toBe(401)
  })

  it('passes an unknown server code through with its message', () => {
    const error = mapErrorResponse({ status: 409, contentType: 'application/json', body: '{"status":409,"code":"brand_new_code","message":"Something new"}' })
    expect(error).toMatchObject({ code: 'brand_new_code', status: 409, family: 'server', serverMessage: 'Something new' })
    // The app's own words say it does not know the code; the server's words stay the server's.
    expect(error.explanation).toBe(
      'The server answered with an error code this app does not know, so the app cannot explain it: only the server’s own message below says what went wrong.'
    )
  })

  it('uses an envelope even on a 5xx or 429 answer', () => {
    expect(mapErrorResponse({ status: 500, contentType: 'application/json', body: '{"status":500,"code":"internal_error","message":"boom"}' })).toMatchObject({
      code: 'internal_error',
      status: 500
    })
    expect(mapErrorResponse({ status: 429, contentType: null, body: '{"code":"slow_down","message":"m"}' }).code).toBe('slow_down')
  })
})

describe('mapErrorResponse: answers without an envelope', () => {
  it.each<[string, KnownErrorCode, { status: number; contentType: string | null; body: string }]>([
    ['429', 'too_many_requests', { status: 429, contentType: 'text/plain', body: 'Too Many Requests' }],
    ['503 empty', 'server_unavailable', { status: 503, contentType: null, body: '' }],
    ['503 HTML', 'server_unavailable', { status: 503, contentType: 'text/html', body: '<html>down</html>' }],
    ['500 text', 'internal_error', { status: 500, contentType: 'text/plain', body: 'Internal Server Error' }],
    ['502 HTML', 'internal_error', { status: 502, contentType: 'text/html', body: '<html>Bad gateway</html>' }],
    ['504 empty', 'internal_error', { status: 504, contentType: null, body: '' }],
    ['404 HTML', 'not_found', { status: 404, contentType: 'text/html', body: '<!DOCTYPE html><p>Not found</p>' }],
    ['400 empty', 'empty_error_body', { status: 400, contentType: 'application/json', body: '' }],
    ['400 blank', 'empty_error_body', { status: 400, contentType: null, body: ' \n ' }],
    ['403 proxy page', 'html_error_body', { status: 403, contentType: 'text/html; charset=utf-8', body: '<html><body>Blocked by proxy</body></html>' }],
    ['407 page without content type', 'proxy_auth_required', { status: 407, contentType: null, body: '<!doctype html><title>Proxy auth</title>' }],
    ['407 empty (proxy sign-in cancelled)', 'proxy_auth_required', { status: 407, contentType: null, body: '' }],
    ['302 captive portal', 'html_error_body', { status: 302, contentType: null, body: '' }],
    ['400 text', 'non_json_error_body', { status: 400, contentType: 'text/plain', body: 'Bad Request' }],
    ['400 JSON without code', 'non_json_error_body', { status: 400, contentType: 'application/json', body: '{"error":"bad"}' }],
    ['400 truncated JSON', 'non_json_error_body', { status: 400, contentType: 'application/json', body: '{"status":400,"code":"device_not' }],
    ['401 JSON array', 'non_json_error_body', { status: 401, contentType: 'application/json', body: '["x"]' }],
    ['400 JSON null', 'non_json_error_body', { status: 400, contentType: 'application/json', body: 'null' }],
    ['400 JSON number', 'non_json_error_body', { status: 400, contentType: 'application/json', body: ' 42 ' }]
  ])('%s → %s, keeping the real status', (_label, code, answer) => {
    const error = mapErrorResponse(answer)
    expect(error.code).toBe(code)
    expect(error.status).toBe(answer.status)
  })
})

describe('mapErrorResponse: what counts as the server’s own envelope', () => {
  const answer = (body: string, status = 400) => mapErrorResponse({ status, contentType: 'application/json', body })

  it('an envelope after white space is still the server’s, and its code is read without surrounding spaces', () => {
    expect(answer(' \n {"status":400,"code":"  device_not_found  ","message":"gone"}')).toMatchObject({
      code: 'device_not_found',
      status: 400,
      serverMessage: 'gone'
    })
  })

  it('an envelope without a message keeps the status and shows no server words', () => {
    const error = answer('{"code":"device_not_found"}', 401)
    expect(error).toMatchObject({ code: 'device_not_found', status: 401 })
    expect(error).not.toHaveProperty('serverMessage')
    expect(answer('{"code":"device_not_found","message":5}')).not.toHaveProperty('serverMessage')
    expect(answer('{"code":" device_not_found "}')).toMatchObject({ code: 'device_not_found', status: 400 })
  })

  it('a blank or absurdly long code is not a server code: the answer is named by its shape', () => {
    expect(answer('{"code":"   ","message":"m"}').code).toBe('non_json_error_body')
    expect(answer(`{"code":"${'x'.repeat(101)}","message":"m"}`).code).toBe('non_json_error_body')
    expect(answer(`{"code":"${'x'.repeat(100)}","message":"m"}`).code).toBe('x'.repeat(100))
  })

  it('a server message is kept up to 64 KiB and cut there, so a huge answer cannot flood the work after it', () => {
    expect(answer(`{"code":"device_not_found","message":"${'m'.repeat(64 * 1024 + 10)}"}`).serverMessage).toHaveLength(64 * 1024)
  })
})

describe('mapErrorResponse: status boundaries without an envelope', () => {
  it.each<[number, KnownErrorCode]>([
    [300, 'html_error_body'],
    [399, 'html_error_body'],
    [400, 'non_json_error_body'],
    [499, 'non_json_error_body'],
    [500, 'internal_error'],
    [599, 'internal_error']
  ])('a %i answer of plain text is %s', (status, code) => {
    expect(mapErrorResponse({ status, contentType: 'text/plain', body: 'text' })).toMatchObject({ code, status })
  })

  it('a redirect says it was one: the request was sent elsewhere, not to the License API', () => {
    expect(mapErrorResponse({ status: 307, contentType: null, body: '' }).explanation).toMatch(/^The answer was a redirect to another address/)
  })
})

describe('a web page is told from the server’s answer', () => {
  const page = (contentType: string | null, body: string) => mapErrorResponse({ status: 403, contentType, body }).code

  it.each([
    ['served as text/html', 'text/html', 'Blocked'],
    ['served as XHTML', 'application/xhtml+xml', 'Blocked'],
    ['whose content type is written in capitals after a space', ' TEXT/HTML; charset=utf-8', 'Blocked'],
    ['starting with a doctype', null, '  <!DOCTYPE html><p>Blocked</p>'],
    ['starting with a doctype spaced out', null, '<!DOCTYPE   html><p>Blocked</p>'],
    ['starting with <html>', 'text/plain', '<HTML>Blocked</HTML>'],
    ['starting with <html lang>', null, '<html lang="en">Blocked'],
    ['starting with <head>', null, '\n<head><title>Blocked</title></head>'],
    ['starting with <body>', null, '<body>Blocked</body>'],
    ['starting with <body> and a line break', null, '<body\n>Blocked</body>']
  ])('a page %s is named as a web page', (_name, contentType, body) => {
    expect(page(contentType, body)).toBe('html_error_body')
  })

  it.each([
    ['text that mentions <html> later', 'text/plain', 'Bad request: <html> is not allowed'],
    ['a tag that only starts like <html>', null, '<htmlish>'],
    ['a tag that only starts like <head>', null, '<header>x</header>'],
    ['a tag that only starts like <body>', null, '<bodyguard>'],
    ['a content type naming HTML only later', 'application/json; profile=text/html', 'x']
  ])('%s is not a web page', (_name, contentType, body) => {
    expect(page(contentType, body)).toBe('non_json_error_body')
  })
})

describe('answers the app does not read', () => {
  it('an answer too large to read is named as such, with the status it came with', () => {
    expect(mapOversizedAnswer(200)).toMatchObject({ code: 'response_too_large', status: 200 })
    expect(mapOversizedAnswer(502)).toMatchObject({ code: 'response_too_large', status: 502 })
  })

  it('a web page with a success status keeps that status', () => {
    expect(mapUnexpectedSuccess({ status: 200, contentType: null, body: '<html>Sign in to Wi-Fi</html>' })).toMatchObject({
      code: 'html_error_body',
      status: 200
    })
  })
})

describe('mapUnexpectedSuccess', () => {
  it('names a 200 web page (captive portal) and any other unexpected 2xx', () => {
    expect(mapUnexpectedSuccess({ status: 200, contentType: 'text/html', body: '<html>Sign in to Wi-Fi</html>' }).code).toBe('html_error_body')
    expect(mapUnexpectedSuccess({ status: 200, contentType: 'application/json', body: '"ok"' })).toMatchObject({ code: 'unexpected_response', status: 200 })
    expect(mapUnexpectedSuccess({ status: 204, contentType: null, body: '' })).toMatchObject({ code: 'unexpected_response', status: 204 })
  })
})

/** Errors as Node's fetch, Electron's net.fetch and ky raise them. */
function fetchFailed(cause: unknown): TypeError {
  return new TypeError('fetch failed', { cause })
}
function errno(code: string, message = code): Error {
  return Object.assign(new Error(message), { code })
}

describe('transportErrorCode', () => {
  it.each<[string, KnownErrorCode, unknown]>([
    ['ECONNREFUSED', 'cannot_connect_to_server', fetchFailed(errno('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:9'))],
    [
      'AggregateError of refusals',
      'cannot_connect_to_server',
      fetchFailed(Object.assign(new AggregateError([errno('ECONNREFUSED'), errno('ECONNREFUSED')]), { code: 'ECONNREFUSED' }))
    ],
    ['ENOTFOUND', 'dns_failure', fetchFailed(errno('ENOTFOUND', 'getaddrinfo ENOTFOUND api.example.invalid'))],
    ['EAI_AGAIN', 'dns_failure', fetchFailed(errno('EAI_AGAIN'))],
    ['ky TimeoutError', 'timeout', Object.assign(new Error('Request timed out: POST http://x'), { name: 'TimeoutError' })],
    ['AbortSignal.timeout', 'timeout', new DOMException('The operation was aborted due to timeout', 'TimeoutError')],
    ['AbortError', 'timeout', new DOMException('This operation was aborted', 'AbortError')],
    ['undici connect timeout', 'timeout', fetchFailed(errno('UND_ERR_CONNECT_TIMEOUT'))],
    ['CERT_HAS_EXPIRED', 'tls_failure', fetchFailed(errno('CERT_HAS_EXPIRED'))],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'tls_failure', fetchFailed(errno('UNABLE_TO_VERIFY_LEAF_SIGNATURE'))],
    ['SELF_SIGNED_CERT_IN_CHAIN', 'tls_failure', fetchFailed(errno('SELF_SIGNED_CERT_IN_CHAIN'))],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'tls_failure', fetchFailed(errno('DEPTH_ZERO_SELF_SIGNED_CERT'))],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'tls_failure', fetchFailed(errno('ERR_TLS_CERT_ALTNAME_INVALID'))],
    ['ECONNRESET', 'connection_reset', fetchFailed(errno('ECONNRESET'))],
    ['UND_ERR_SOCKET', 'connection_reset', new TypeError('terminated', { cause: errno('UND_ERR_SOCKET', 'other side closed') })],
    ['"other side closed" without code', 'connection_reset', fetchFailed(new Error('other side closed'))],
    ['proxy tunnel refused', 'proxy_failure', fetchFailed(new Error('Proxy response (407) !== 200 when HTTP Tunneling'))],
    ['ERR_PROXY_INVALID_CONFIG', 'proxy_failure', fetchFailed(errno('ERR_PROXY_INVALID_CONFIG'))],
    ['net::ERR_CONNECTION_REFUSED', 'cannot_connect_to_server', new Error('net::ERR_CONNECTION_REFUSED')],
    ['net::ERR_NAME_NOT_RESOLVED', 'dns_failure', new Error('net::ERR_NAME_NOT_RESOLVED')],
    ['net::ERR_CERT_AUTHORITY_INVALID', 'tls_failure', new Error('net::ERR_CERT_AUTHORITY_INVALID')],
    ['net::ERR_CERT_DATE_INVALID', 'tls_failure', new Error('net::ERR_CERT_DATE_INVALID')],
    ['net::ERR_CONNECTION_RESET', 'connection_reset', new Error('net::ERR_CONNECTION_RESET')],
    ['net::ERR_PROXY_CONNECTION_FAILED', 'proxy_failure', new Error('net::ERR_PROXY_CONNECTION_FAILED')],
    ['net::ERR_TUNNEL_CONNECTION_FAILED', 'proxy_failure', new Error('net::ERR_TUNNEL_CONNECTION_FAILED')],
    ['net::ERR_TIMED_OUT', 'timeout', new Error('net::ERR_TIMED_OUT')],
    ['net::ERR_INTERNET_DISCONNECTED', 'pc_offline', new Error('net::ERR_INTERNET_DISCONNECTED')],
    ['EAI_NONAME', 'dns_failure', fetchFailed(errno('EAI_NONAME'))],
    ['EAI_NODATA', 'dns_failure', fetchFailed(errno('EAI_NODATA'))],
    ['ERR_SSL_WRONG_VERSION_NUMBER', 'tls_failure', fetchFailed(errno('ERR_SSL_WRONG_VERSION_NUMBER'))],
    ['UNABLE_TO_GET_ISSUER_CERT', 'tls_failure', fetchFailed(errno('UNABLE_TO_GET_ISSUER_CERT'))],
    ['UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'tls_failure', fetchFailed(errno('UNABLE_TO_GET_ISSUER_CERT_LOCALLY'))],
    ['HOSTNAME_MISMATCH', 'tls_failure', fetchFailed(errno('HOSTNAME_MISMATCH'))],
    ['EPIPE', 'connection_reset', fetchFailed(errno('EPIPE'))],
    ['ECONNABORTED', 'connection_reset', fetchFailed(errno('ECONNABORTED'))],
    ['UND_ERR_CLOSED', 'connection_reset', fetchFailed(errno('UND_ERR_CLOSED'))],
    ['"socket hang up" without code', 'connection_reset', fetchFailed(new Error('socket hang up'))],
    ['"terminated" alone', 'connection_reset', new TypeError('terminated')],
    ['ETIMEDOUT', 'timeout', fetchFailed(errno('ETIMEDOUT'))],
    ['undici headers timeout', 'timeout', fetchFailed(errno('UND_ERR_HEADERS_TIMEOUT'))],
    ['undici body timeout', 'timeout', fetchFailed(errno('UND_ERR_BODY_TIMEOUT'))],
    ['undici proxy TLS failure', 'proxy_failure', fetchFailed(errno('UND_ERR_PRX_TLS'))],
    ['UND_ERR_SOCKET whatever its message', 'connection_reset', fetchFailed(errno('UND_ERR_SOCKET', 'socket error'))],
    ['an ERR_PROXY code whatever its message', 'proxy_failure', fetchFailed(errno('ERR_PROXY_TUNNEL', 'tunnel failed'))],
    ['a thrown text saying the socket hung up', 'connection_reset', 'socket hang up'],
    ['a thrown text that looks like a socket code (only an error’s code property is one)', 'network_error', 'ECONNREFUSED'],
    ['an error whose cause is null', 'network_error', new Error('x', { cause: null })],
    ['a thrown number', 'network_error', 42],
    ['a proxy tunnel refused with an AbortError', 'proxy_failure', new DOMException('Proxy response (403) !== 200 when HTTP Tunneling', 'AbortError')],
    [
      'a time limit found deep in the causes',
      'timeout',
      fetchFailed(new Error('x', { cause: new Error('y', { cause: new DOMException('t', 'TimeoutError') }) }))
    ],
    ['a refusal among an AggregateError’s errors', 'cannot_connect_to_server', fetchFailed(new AggregateError([new Error('first'), errno('ECONNREFUSED')]))],
    ['a certificate code under a message that mentions a proxy', 'tls_failure', new Error('via proxy', { cause: errno('CERT_HAS_EXPIRED') })],
    ['ENETUNREACH', 'network_error', fetchFailed(errno('ENETUNREACH'))],
    ['a bare fetch failed', 'network_error', new TypeError('fetch failed')],
    ['a thrown string', 'network_error', 'weird'],
    ['undefined', 'network_error', undefined]
  ])('%s → %s', (_label, code, error) => {
    expect(transportErrorCode(error)).toBe(code)
  })

  it('survives a cause cycle', () => {
    const a = new Error('a') as Error & { cause?: unknown }
    const b = new Error('b', { cause: a })
    a.cause = b
    expect(transportErrorCode(a)).toBe('network_error')
  })
})

describe('the causes looked through are bounded, so a hostile error cannot make the search long', () => {
  /** An error whose cause is nested `levels` deep, the innermost a refused connection. */
  const nested = (levels: number): Error => {
    let error: Error = errno('ECONNREFUSED')
    for (let i = 0; i < levels; i++) error = new Error(`level ${i}`, { cause: error })
    return error
  }

  it('a cause 6 levels down is found; one 7 levels down is not looked for', () => {
    expect(transportErrorCode(nested(6))).toBe('cannot_connect_to_server')
    expect(transportErrorCode(nested(7))).toBe('network_error')
  })

  it('AggregateErrors nested 7 deep are not looked through', () => {
    let error: Error = errno('ECONNREFUSED')
    for (let i = 0; i < 7; i++) error = new AggregateError([error])
    expect(transportErrorCode(error)).toBe('network_error')
  })

  it('of an AggregateError’s errors, the first 8 are looked at', () => {
    const errors = (at: number) => Array.from({ length: 9 }, (_, i) => (i === at ? errno('ECONNREFUSED') : new Error(`other ${i}`)))
    expect(transportErrorCode(new AggregateError(errors(7)))).toBe('cannot_connect_to_server')
    expect(transportErrorCode(new AggregateError(errors(8)))).toBe('network_error')
  })

  it('at most 32 errors are looked at in all, breadth first', () => {
    // The error, its 8 errors, then their 8 errors each: the refusal as the 32nd or the 33rd seen.
    const tree = (at: number) =>
      new AggregateError(
        Array.from(
          { length: 8 },
          (_, i) => new AggregateError(Array.from({ length: 8 }, (_, j) => (9 + i * 8 + j === at ? errno('ECONNREFUSED') : new Error(`leaf ${i}.${j}`))))
        )
      )
    expect(transportErrorCode(tree(31))).toBe('cannot_connect_to_server')
    expect(transportErrorCode(tree(32))).toBe('network_error')
  })
})

describe('words that fit the failure', () => {
  it('a name server that could not be asked for a named host points at this PC’s network', () => {
    const error = mapTransportError(fetchFailed(Object.assign(errno('EAI_AGAIN'), { hostname: 'api.example.com' })))
    expect(error.networkCause).toBe('EAI_AGAIN api.example.com')
    expect(error.explanation).toContain('probably offline')
  })

  it('a time limit is a time limit even when a refusal sits among its causes', () => {
    const error = mapTransportError(Object.assign(new Error('Request timed out', { cause: errno('ECONNREFUSED') }), { name: 'TimeoutError' }))
    expect(error).toMatchObject({ code: 'timeout', explanation: ERROR_CATALOGUE.timeout.explanation })
  })

  it('a redirect not followed says so in its own words, with its status', () => {
    expect(new RedirectNotFollowedError(302)).toMatchObject({
      name: 'RedirectNotFollowedError',
      status: 302,
      message: 'The server answered with a redirect, which is not followed.'
    })
  })

  it('only a message that is exactly "bad port" is named as one', () => {
    expect(transportCause(new Error('a bad port'))).toBeUndefined()
    expect(transportCause(new Error('bad port number'))).toBeUndefined()
  })
})

describe('the technical cause kept for the helpdesk', () => {
  const withPlace = (code: string, place: Record<string, unknown>) => fetchFailed(Object.assign(errno(code), place))

  it('names the socket’s error code with the host or address and port it concerns', () => {
    expect(transportCause(withPlace('ECONNREFUSED', { address: '127.0.0.1', port: 9 }))).toBe('ECONNREFUSED 127.0.0.1:9')
    expect(transportCause(withPlace('ENOTFOUND', { hostname: 'api.example.invalid' }))).toBe('ENOTFOUND api.example.invalid')
    expect(transportCause(withPlace('ECONNREFUSED', { address: '::1', port: 443 }))).toBe('ECONNREFUSED ::1:443')
  })

  it('never quotes a place that is not a plain host name, such as a URL with a query', () => {
    expect(transportCause(withPlace('ECONNRESET', { hostname: 'https://x.example/?key=SECRET' }))).toBe('ECONNRESET')
    expect(transportCause(withPlace('ECONNRESET', { hostname: '' }))).toBe('ECONNRESET')
  })

  it('never quotes a code that is not a plain token, nor the codes that only say "aborted"', () => {
    expect(transportCause(fetchFailed(errno('bad code with spaces')))).toBeUndefined()
    expect(transportCause(fetchFailed(errno('X')))).toBeUndefined()
    expect(transportCause(fetchFailed(errno('ABORT_ERR')))).toBeUndefined()
    expect(transportCause(fetchFailed(errno('UND_ERR_ABORTED')))).toBeUndefined()
  })

  it('a cause thrown as a number or a boolean is no message: nothing is quoted, and nothing fails', () => {
    for (const thrown of [42, true, 10n]) {
      expect(transportCause(fetchFailed(thrown))).toBeUndefined()
      expect(transportErrorCode(fetchFailed(thrown))).toBe('network_error')
    }
    expect(transportCause(fetchFailed('bad port'))).toBe('bad port')
  })

  it('is at most 160 characters, however long the host name', () => {
    expect(transportCause(withPlace('ENOTFOUND', { hostname: 'a'.repeat(253) }))).toBe(`ENOTFOUND ${'a'.repeat(150)}`)
  })

  it('names Chromium’s error, undici’s bad port, or a time limit, where no code is given', () => {
    expect(transportCause(new Error('net::ERR_CONNECTION_RESET'))).toBe('net::ERR_CONNECTION_RESET')
    expect(transportCause(fetchFailed(new Error(' Bad port ')))).toBe('bad port')
    expect(transportCause(new DOMException('The operation was aborted due to timeout', 'TimeoutError'))).toBe('time limit reached')
    expect(transportCause(new Error('something else'))).toBeUndefined()
  })
})

describe('mapTransportError: a refused connection and a redirect', () => {
  it('a refused connection says this PC’s network works and the server is not accepting connections, without asking the check', () => {
    let asked = 0
    const offline = () => (asked++, false)
    for (const error of [fetchFailed(errno('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:9')), new Error('net::ERR_CONNECTION_REFUSED')]) {
      const mapped = mapTransportError(error, offline)
      expect(mapped).toMatchObject({ code: 'cannot_connect_to_server', networkWorks: true })
      expect(mapped.explanation).toMatch(/^Something at the licence server’s address answered but refused the connection/)
    }
    expect(asked).toBe(0)
  })

  it('a redirect the fetch refused to follow is named as a redirect, with its status, wherever it sits in the causes', () => {
    expect(mapTransportError(fetchFailed(new RedirectNotFollowedError(301)))).toMatchObject({ code: 'html_error_body', status: 301 })
    expect(mapTransportError(new RedirectNotFollowedError())).toMatchObject({ code: 'html_error_body', status: 0 })
  })

  it('keeps the cause it found, and adds none where there is none', () => {
    expect(mapTransportError(fetchFailed(errno('ECONNRESET')))).toHaveProperty('networkCause', 'ECONNRESET')
    expect(mapTransportError(new Error('mystery'))).not.toHaveProperty('networkCause')
  })
})

describe('mapTransportError: a failed name lookup says which way where the resolver tells', () => {
  it('a name that does not exist blames the address, not the internet connection', () => {
    const error = mapTransportError(
      fetchFailed(Object.assign(errno('ENOTFOUND', 'getaddrinfo ENOTFOUND api.example.invalid'), { hostname: 'api.example.invalid' }))
    )
    expect(error).toMatchObject({ code: 'dns_failure', status: 0, networkCause: 'ENOTFOUND api.example.invalid' })
    expect(error.explanation).toContain('server address is probably mistyped')
    expect(error.action).toBe('Ask whoever set up this app to check the server address.')
  })

  it('a name server that could not be asked points at this PC’s network', () => {
    const error = mapTransportError(fetchFailed(errno('EAI_AGAIN')))
    expect(error.explanation).toContain('probably offline')
    expect(error.action).toMatch(/^Check your internet connection/)
  })

  it('a lookup failure without a telling cause keeps the catalogue’s text, which names both', () => {
    const error = mapTransportError(new Error('net::ERR_NAME_RESOLUTION_FAILED'))
    expect(error.explanation).toBe(ERROR_CATALOGUE.dns_failure.explanation)
  })
})
