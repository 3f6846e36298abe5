import { createHmac } from 'node:crypto'
import { LicenseAPI } from '@licensespring/node-sdk'
import { describe, expect, it } from 'vitest'
import type { AuthConfig } from '../../../src/main/engine/config'
import { createOfflineRequests, requestFileName, type OfflineRequestsDeps } from '../../../src/main/engine/offline/offline-requests'
import { formatRequestDate, MAX_REQUEST_FILE_BYTES, parseRequestDate, readRequestFile } from '../../../src/main/engine/offline/request-file'
import { describeError } from '../../../src/shared/errors'
import { failure, success } from '../../../src/shared/outcome'
import { expectOk } from '../../support/expect-ok'
import { base64, changedFile, docsV2File, imfDate, pythonV2File, v1File } from '../support/offline-files'

const HMAC: AuthConfig = { scheme: 'hmac', apiKey: 'api-key-1', sharedKey: 'shared-key-SECRET' }
const OAUTH: AuthConfig = { scheme: 'oauth', tokenUrl: 'https://auth.example.com/token', clientId: 'client-1', clientSecret: 'client-secret-SECRET' }
const AT = new Date('2026-11-20T09:05:07.000Z')
const REQUEST_ID = '6f1c2a9e-3b4d-4e5f-8a7b-1c2d3e4f5a6b'

function offline(overrides: Partial<OfflineRequestsDeps> = {}) {
  const sent: string[] = []
  const requests = createOfflineRequests({
    auth: HMAC,
    app: { name: 'License Manager', version: '0.1.0' },
    sdkVersion: 'License Manager 0.1.0',
    resolveHardwareId: async (override) => success(override ?? 'a'.repeat(64)),
    send: async (content) => (sent.push(content), success('license_deactivated' as const)),
    now: () => AT,
    newRequestId: () => REQUEST_ID,
    ...overrides
  })
  return { requests, sent }
}

const decode = (content: string) => JSON.parse(Buffer.from(content, 'base64').toString('utf8')) as { request: Record<string, unknown>; signature: string }
const encode = (wrapped: unknown) => Buffer.from(JSON.stringify(wrapped)).toString('base64')

describe('writing a request file', () => {
  it('is the v2 format, signed over the exact JSON text of `request` with the shared key', async () => {
    const file = expectOk(
      await offline().requests.create({ product: 'office-suite', credentials: { method: 'license-key', licenseKey: 'OFFICE-2222-IN-USE' } })
    )
    const { request, signature } = decode(file.content)
    expect(request).toEqual({
      hardware_id: 'a'.repeat(64),
      product: 'office-suite',
      license_key: 'OFFICE-2222-IN-USE',
      sdk_ver: 'License Manager 0.1.0',
      app_name: 'License Manager',
      app_ver: '0.1.0',
      request_id: REQUEST_ID,
      request: 'deactivation',
      schema_version: 2,
      api_key: 'api-key-1',
      date: 'Fri Nov 20 2026 09:05:07 GMT+0000'
    })
    expect(signature).toBe(createHmac('sha256', HMAC.sharedKey).update(JSON.stringify(request)).digest('base64'))
    expect(file.fileName).toBe('office-suite-aaaaaaaa-deactivate.req')
    expect(file.summary).toEqual({
      product: 'office-suite',
      hardwareId: 'a'.repeat(64),
      method: 'license-key',
      licence: '••••-USE',
      writtenAt: AT.toISOString(),
      writtenBy: 'License Manager 0.1.0',
      requestId: REQUEST_ID,
      format: 'v2',
      writtenText: '',
      otherFields: [],
      otherFieldsNotShown: 0
    })
  })

  it('under OAuth names the client id and signs with the client secret', async () => {
    const file = expectOk(
      await offline({ auth: OAUTH }).requests.create({
        product: 'design-pack',
        hardwareId: 'pc-7',
        credentials: { method: 'user', username: 'bob@example.test' }
      })
    )
    const { request, signature } = decode(file.content)
    expect(request['client_id']).toBe('client-1')
    expect(request).not.toHaveProperty('api_key')
    expect(request['username']).toBe('bob@example.test')
    expect(signature).toBe(createHmac('sha256', OAUTH.clientSecret).update(JSON.stringify(request)).digest('base64'))
  })

  it('never holds the shared key, the client secret or a password (a password given is refused)', async () => {
    for (const auth of [HMAC, OAUTH]) {
      const withPassword = { product: 'office-suite', credentials: { method: 'user', username: 'bob@example.test', password: 'bob-password' } }
      const refused = await offline({ auth }).requests.create(withPassword as never)
      expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'password' } })
      expect(JSON.stringify(refused)).not.toContain('bob-password')
      const file = expectOk(await offline({ auth }).requests.create({ product: 'office-suite', credentials: { method: 'user', username: 'bob@example.test' } }))
      const text = Buffer.from(file.content, 'base64').toString('utf8')
      for (const secret of ['shared-key-SECRET', 'client-secret-SECRET', 'bob-password', 'password']) expect(text).not.toContain(secret)
    }
  })

  it('has the structure of the file LicenseSpring’s node SDK writes, field by field (values aside)', async () => {
    const sdk = new LicenseAPI({
      appName: 'SDK app',
      appVersion: '2.0',
      apiKey: 'k',
      sharedKey: 's',
      apiPath: 'http://127.0.0.1:9/api/v4/',
      publicKey: 'p',
      hardwareID: 'h'
    })
    const theirs = decode(sdk.createOfflineDeactivationPayload({ product: 'office-suite', hardware_id: 'h', license_key: 'KEY-1' }))
    const ours = decode(
      expectOk(await offline().requests.create({ product: 'office-suite', credentials: { method: 'license-key', licenseKey: 'KEY-1' } })).content
    )
    const shape = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeof v]))
    expect(Object.keys(ours).sort()).toEqual(Object.keys(theirs).sort())
    expect(typeof ours.signature).toBe(typeof theirs.signature)
    expect(shape(ours.request)).toEqual(shape(theirs.request))
    for (const literal of ['request', 'schema_version'] as const) expect(ours.request[literal]).toBe(theirs.request[literal])
    // The same date form: both parse to a time, and both spell it the SDK's way.
    expect(String(ours.request['date'])).toMatch(/^\w{3} \w{3} \d{1,2} \d{4} \d{2}:\d{2}:\d{2} GMT\+0000$/)
    expect(String(theirs.request['date'])).toMatch(/^\w{3} \w{3} \d{1,2} \d{4} \d{2}:\d{2}:\d{2} GMT\+0000$/)
  })

  it.each([
    [{ product: 'office-suite' }, 'credentials'],
    [{ product: 'office-suite', credentials: { method: 'license-key', licenseKey: 'K', username: 'u' } }, 'username'],
    [{ product: '', credentials: { method: 'license-key', licenseKey: 'K' } }, 'product'],
    [{ product: 'office-suite', credentials: { method: 'license-key', licenseKey: 'K\u0000' } }, 'licenseKey'],
    [{ product: 'office-suite', hardwareId: 42, credentials: { method: 'license-key', licenseKey: 'K' } }, 'hardwareId'],
    [null, 'request']
  ])('refuses %j (field %s) and builds nothing', async (input, field) => {
    const outcome = await offline().requests.create(input as never)
    expect(outcome.ok).toBe(false)
    if (!outcome.ok) expect(outcome.error).toMatchObject({ code: 'invalid_input', field })
  })

  it('passes a missing hardware id on as the engine’s typed error', async () => {
    const unavailable = failure(describeError('hardware_id_unavailable'))
    const outcome = await offline({ resolveHardwareId: async () => unavailable }).requests.create({
      product: 'p',
      credentials: { method: 'license-key', licenseKey: 'K' }
    })
    expect(outcome).toEqual(unavailable)
  })

  it('names files safely on every file system', async () => {
    expect(requestFileName('office suite/../x', 'AB:CD\\EF-0123456789')).toBe('office_suite_x-AB_CD_EF-deactivate.req')
    expect(requestFileName('***', '???')).toBe('unnamed-unnamed-deactivate.req')
    expect(requestFileName('office-suite', 'sandbox-pc-1')).toBe('office-suite-sandbox-deactivate.req')
  })

  it('formats and reads the SDK’s date form and RFC 7231’s', async () => {
    expect(formatRequestDate(new Date('2011-06-07T20:51:35Z'))).toBe('Tue Jun 7 2011 20:51:35 GMT+0000')
    expect(parseRequestDate('Tue Jun 7 2011 20:51:35 GMT+0000')).toBe(Date.parse('2011-06-07T20:51:35Z'))
    expect(parseRequestDate('Tue, 07 Jun 2011 20:51:35 GMT')).toBe(Date.parse('2011-06-07T20:51:35Z'))
    expect(parseRequestDate('2011-06-07T20:51:35Z')).toBeNull()
    expect(parseRequestDate('Tue Jun 7 2011 20:51:35 GMT+0000 (evil)')).toBeNull()
  })
})

describe('reading a request file', () => {
  const written = async () =>
    expectOk(await offline().requests.create({ product: 'office-suite', credentials: { method: 'license-key', licenseKey: 'OFFICE-2222-IN-USE' } })).content

  it('shows what it will free, masking the licence key to its last 4 characters', async () => {
    const summary = expectOk(offline().requests.inspect(await written()))
    expect(summary).toMatchObject({ product: 'office-suite', hardwareId: 'a'.repeat(64), method: 'license-key', licence: '••••-USE' })
    expect(JSON.stringify(summary)).not.toContain('OFFICE-2222')
  })

  it('tolerates surrounding whitespace and line breaks (a file edited in Notepad)', async () => {
    expect(expectOk(offline().requests.inspect(`\r\n${await written()}\r\n`)).product).toBe('office-suite')
  })

  it('reads a v1 file and a file another app wrote with another API key (the server checks that one)', async () => {
    const date = 'Tue, 07 Jun 2011 20:51:35 GMT'
    const v1 = { hardware_id: 'pc', product: 'p', username: 'u@example.test', api_key: 'other-key', date, signature: 'c2ln' }
    expect(expectOk(offline().requests.inspect(encode(v1)))).toMatchObject({ format: 'v1', licence: 'u@example.test', writtenBy: 'not stated', method: 'user' })
  })

  const code = (content: unknown) => {
    const outcome = offline().requests.inspect(content)
    return outcome.ok ? 'accepted' : outcome.error.code
  }

  it('shows a file changed after it was written as it now reads: only the server can judge its signature', async () => {
    const changed = changedFile(await written(), { hardware_id: 'b'.repeat(64) })
    expect(expectOk(offline().requests.inspect(changed))).toMatchObject({ hardwareId: 'b'.repeat(64), format: 'v2' })
    const { requests, sent } = offline()
    expectOk(await requests.upload(changed))
    expect(sent).toEqual([changed])
  })

  it.each([
    ['too large', 'A'.repeat(MAX_REQUEST_FILE_BYTES + 4), 'offline_file_too_large'],
    ['cut off mid-Base64', 'eyJyZXF1ZXN0Ijp7', 'offline_file_truncated'],
    ['cut off on a Base64 boundary', null, 'offline_file_truncated'],
    ['empty', '   \n', 'offline_file_wrong_type'],
    ['a PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).toString('latin1'), 'offline_file_wrong_type'],
    ['Base64 of a word', Buffer.from('hello world!').toString('base64'), 'offline_file_wrong_type'],
    // Letters only, so the Base64 alphabet accepts them; not a multiple of four long, yet not a cut-off request file.
    ['a word', 'hello', 'offline_file_wrong_type'],
    ['a line of plain text', 'MeetingNotesBringTheLicence', 'offline_file_wrong_type'],
    ['an activation request', encode({ request: { request: 'activation' }, signature: 'x' }), 'offline_file_wrong_type'],
    ['a request naming no bundle', null, 'offline_file_wrong_type'],
    [
      'a request saying it is something else',
      encode({ request: { request: 'refresh', product: 'p', hardware_id: 'h', license_key: 'K' }, signature: 'x' }),
      'offline_file_wrong_type'
    ],
    ['not text at all', 42, 'invalid_input']
  ])('refuses a file that is %s', async (name, content, expected) => {
    let input: unknown = content
    if (name === 'cut off on a Base64 boundary') {
      const full = await written()
      input = full.slice(0, full.length - (full.length % 4) - 40)
    }
    if (name === 'a request naming no bundle') input = changedFile(await written(), { product: undefined })
    expect(code(input)).toBe(expected)
  })

  it('explains in plain words and names the technical reason for the helpdesk', async () => {
    const outcome = offline().requests.inspect(Buffer.from('hello world!').toString('base64'))
    expect(outcome.ok).toBe(false)
    if (!outcome.ok) {
      expect(outcome.error.explanation).toMatch(/^The file is not a deactivation request written by License Manager/)
      expect(outcome.error.explanation).toMatch(/\(The decoded file is not a JSON object\.\)$/)
      expect(outcome.error.field).toBe('file')
    }
  })

  it.each([
    ['empty', '   \n', 'The file is empty, so it is not a request file. Nothing was sent.'],
    [
      'an activation request',
      encode({ request: { request: 'activation' }, signature: 'x' }),
      'This is an offline activation request, not a deactivation request. Nothing was sent.'
    ],
    [
      'JSON with a prototype-related key',
      Buffer.from('{"request":{"__proto__":{"x":1}},"signature":"x"}').toString('base64'),
      'The file holds data that a request file never has, so it was not read. Nothing was sent.'
    ]
  ])('words a file that is %s in its own case of the catalogue entry, then the technical reason', (_name, content, words) => {
    const outcome = offline().requests.inspect(content)
    expect(outcome).toMatchObject({ ok: false, error: { code: 'offline_file_wrong_type', field: 'file' } })
    if (!outcome.ok) expect(outcome.error.explanation).toMatch(new RegExp(`^${words.replace(/[.]/g, '\\.')} \\(.+\\)$`))
  })

  it('names what a request lacks in the technical reason', async () => {
    const outcome = offline().requests.inspect(changedFile(await written(), { product: undefined, license_key: undefined }))
    expect(outcome).toMatchObject({ ok: false, error: { code: 'offline_file_wrong_type' } })
    if (!outcome.ok) expect(outcome.error.explanation).toMatch(/\(The file names no product, no license_key or username\.\)$/)
  })

  it('the reader and the writer agree on every file the writer makes', async () => {
    const reading = readRequestFile(await written())
    expect(reading.ok).toBe(true)
  })
})

describe('every shape of §7 is read and shown as the file says it', () => {
  const KEYS = { apiKey: 'vendor-api-key', sharedKey: 'vendor-shared-key' }
  const SEAT = { product: 'fooapp', hardwareId: '8b06c6053b7a2040f07c60b62f17f378ccc5030e21676f8a100a97ab36303ad0', licenseKey: 'BSK8-CLCY-PB5E-BXFO' }
  const WHEN = new Date('2025-08-29T07:22:37Z')
  const inspect = (content: string) => expectOk(offline().requests.inspect(content))

  it('the docs’ schema-2 example shape (a C++ SDK file): upper-case request id, RFC 7231 date, sdk_lang', () => {
    expect(inspect(docsV2File(KEYS, SEAT, { at: WHEN }))).toEqual({
      product: 'fooapp',
      hardwareId: SEAT.hardwareId,
      method: 'license-key',
      licence: '••••BXFO',
      writtenAt: WHEN.toISOString(),
      writtenText: '',
      writtenBy: '7.41.1 (cpp)',
      requestId: 'D010714E-72DD-E4CF-BEBB-4105EC1B2A0F',
      format: 'v2',
      otherFields: [],
      otherFieldsNotShown: 0
    })
  })

  it('the Python SDK’s file, by username', () => {
    const seat = { product: 'fooapp', hardwareId: 'pc-7', username: 'ann@example.test' }
    expect(inspect(pythonV2File(KEYS, seat, { at: WHEN, requestId: 'r-1', fields: { license_id: 7, product_features: [] } }))).toMatchObject({
      method: 'user',
      licence: 'ann@example.test',
      writtenAt: WHEN.toISOString(),
      writtenBy: 'PythonSDK 2.3.0',
      requestId: 'r-1',
      format: 'v2',
      otherFields: []
    })
  })

  it('a v1 flat file with request_id and request, and one without', () => {
    expect(inspect(v1File(KEYS, SEAT, { at: WHEN, requestId: 'old-1' }))).toMatchObject({ format: 'v1', requestId: 'old-1', writtenBy: 'not stated' })
    expect(inspect(v1File(KEYS, SEAT, { at: WHEN, withRequestFields: false }))).toMatchObject({ format: 'v1', requestId: 'none (older format)' })
  })

  it('the Node SDK’s payload with license_id and variables', () => {
    const sdk = new LicenseAPI({ appName: 'SDK app', appVersion: '2.0', ...KEYS, apiPath: 'http://127.0.0.1:9/api/v4/', publicKey: 'p', hardwareID: 'h' })
    const payload = sdk.createOfflineDeactivationPayload({
      product: 'fooapp',
      hardware_id: 'h',
      license_key: SEAT.licenseKey,
      variables: { seat: '7' },
      ...({ license_id: 3 } as object)
    })
    expect(inspect(payload)).toMatchObject({ product: 'fooapp', writtenBy: 'SDK app 2.0', format: 'v2', otherFields: [] })
  })

  it('a date in a form the app does not read is shown as written, and the file is not refused for it', () => {
    expect(inspect(changedFile(v1File(KEYS, SEAT), { date: '2025-08-29 07:22' }))).toMatchObject({ writtenAt: null, writtenText: '2025-08-29 07:22' })
  })

  it('fields this app does not know are listed, made safe to show and cut; secret-looking ones are hidden', () => {
    const summary = inspect(
      changedFile(docsV2File(KEYS, SEAT), {
        sdk_flavour: 'community\u202Eedition\nline',
        password: 'hunter2',
        shared_key: 'vendor-shared-key',
        build: { number: 7 },
        comment: 'x'.repeat(500)
      })
    )
    expect(summary.otherFields).toEqual([
      { name: 'sdk_flavour', value: 'community\\u202eedition\\nline' },
      { name: 'password', value: '(hidden)' },
      { name: 'shared_key', value: '(hidden)' },
      { name: 'build', value: '{"number":7}' },
      { name: 'comment', value: `${'x'.repeat(199)}…` }
    ])
    expect(JSON.stringify(summary)).not.toMatch(/hunter2|vendor-shared-key/)
  })

  it('fields beside "request" and "signature" in a wrapped file are listed too; beyond 20 fields, the rest are counted', () => {
    const many = Object.fromEntries(Array.from({ length: 23 }, (_, i) => [`extra_${i}`, i]))
    const content = changedFile(docsV2File(KEYS, SEAT), many)
    const wrapped = JSON.parse(Buffer.from(content, 'base64').toString('utf8')) as Record<string, unknown>
    const summary = inspect(base64(JSON.stringify({ ...wrapped, note: 'from the helpdesk' })))
    expect(summary.otherFields).toHaveLength(20)
    expect(summary.otherFieldsNotShown).toBe(4)
    expect(summary.otherFields[0]).toEqual({ name: 'extra_0', value: '0' })
  })

  it('values shown are made safe: control characters, bidi overrides and line breaks in a product or hardware id are shown escaped', () => {
    const summary = inspect(changedFile(docsV2File(KEYS, SEAT), { product: 'foo\u0007app\u2066', hardware_id: 'pc\r\n1' }))
    expect(summary.product).toBe('foo\\u0007app\\u2066')
    expect(summary.hardwareId).toBe('pc\\r\\n1')
  })

  it('an RFC 7231 date with a one-digit day is read too', () => {
    expect(parseRequestDate(imfDate(WHEN).replace('29', '9'))).toBe(Date.parse('2025-08-09T07:22:37Z'))
  })
})

describe('uploading a request file', () => {
  it('sends the file’s text as it was written (trimmed) and reports what was freed', async () => {
    const { requests, sent } = offline()
    const content = expectOk(
      await requests.create({ product: 'office-suite', credentials: { method: 'license-key', licenseKey: 'OFFICE-2222-IN-USE' } })
    ).content
    const result = expectOk(await requests.upload(`${content}\n`))
    expect(sent).toEqual([content])
    expect(result).toEqual({ summary: expectOk(requests.inspect(content)), at: AT.toISOString() })
  })

  it('sends nothing when the file is refused', async () => {
    const { requests, sent } = offline()
    const outcome = await requests.upload('not a request file')
    expect(outcome.ok).toBe(false)
    expect(sent).toEqual([])
  })

  it('passes the server’s typed refusal on, without an echoed licence key', async () => {
    const refused = describeError('device_not_found', { status: 400, serverMessage: 'No device for OFFICE-2222-IN-USE' })
    const { requests } = offline({ send: async () => failure(refused) })
    const content = expectOk(
      await requests.create({ product: 'office-suite', credentials: { method: 'license-key', licenseKey: 'OFFICE-2222-IN-USE' } })
    ).content
    const outcome = await requests.upload(content)
    expect(outcome).toEqual(failure({ ...refused, serverMessage: 'No device for [removed]' }))
  })

  it('keeps a password a file should not hold out of the server’s refusal', async () => {
    const refused = describeError('validation_error', { status: 400, serverMessage: 'Unknown field "password" (hunter2)' })
    const { requests } = offline({ send: async () => failure(refused) })
    const content = changedFile(v1File({ apiKey: 'k', sharedKey: 's' }, { product: 'p', hardwareId: 'h', username: 'u@example.test' }), { password: 'hunter2' })
    const outcome = await requests.upload(content)
    expect(JSON.stringify(outcome)).not.toContain('hunter2')
  })
})
