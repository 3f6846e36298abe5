import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { decodeRequestFile, MAX_REQUEST_FILE_BYTES, parseRequestDate, signatureMatches } from '../../../src/sandbox/offline/request-file-decoder'
import { base64, changedFile, decodeFile, imfDate, nodeSdkDate, pythonV2File, v1File } from '../support/offline-files'

/*
 * The sandbox reads each field of a request file by its own rule (text with a limit, device
 * metadata that may be empty, a positive integer, a number, a boolean, variables, features):
 * a file at a limit is read, one past it is refused with the field and the limit named.
 */
const KEYS = { apiKey: 'docs-api-key', sharedKey: 'docs-shared-key' }
const SEAT = { product: 'fooapp', hardwareId: 'pc-7', licenseKey: 'BSK8-CLCY-PB5E-BXFO' }
const AT = new Date('2025-08-29T07:22:37Z')

/** A Python SDK file's request with `changes` (undefined removes a field), in a schema-2 wrapper. */
function v2With(changes: Record<string, unknown>): string {
  const request = decodeFile(pythonV2File(KEYS, SEAT, { at: AT }))['request'] as Record<string, unknown>
  return base64(JSON.stringify({ request: { ...request, ...changes }, signature: 'x' }))
}
/** A file's JSON text with `from` written as `to`: what JSON.stringify cannot write. */
const rewritten = (content: string, from: string, to: string): string => base64(Buffer.from(content, 'base64').toString('utf8').replace(from, to))
const outcome = (content: string): string => {
  const decoding = decodeRequestFile(content)
  return decoding.ok ? 'read' : decoding.failure.message
}
/** The request changed so that `field` alone carries the identity or the signer it names. */
const alone = (field: string, value: unknown): Record<string, unknown> => ({
  [field]: value,
  ...(field === 'username' ? { license_key: undefined } : {}),
  ...(field === 'client_id' ? { api_key: undefined } : {})
})

const TEXT_LIMITS: ReadonlyArray<[string, number]> = [
  ['hardware_id', 1024],
  ['product', 128],
  ['license_key', 256],
  ['username', 320],
  ['api_key', 256],
  ['client_id', 256],
  ['request_id', 128],
  ['bundle_code', 128],
  ['signature', 256]
]
const METADATA_LIMITS: ReadonlyArray<[string, number]> = [
  ['sdk_ver', 256],
  ['sdk_lang', 32],
  ['app_name', 256],
  ['app_ver', 256],
  ['os_ver', 256],
  ['hostname', 256],
  ['os_hostname', 256],
  ['ip', 64],
  ['ip_local', 64],
  ['mac_address', 64],
  ['vm_info', 1024]
]

describe('each text field of a request, at and past its limit', () => {
  it.each([...TEXT_LIMITS, ...METADATA_LIMITS])('%s: %i characters are read, one more is refused', (field, max) => {
    expect(outcome(v2With(alone(field, 'a'.repeat(max))))).toBe('read')
    expect(outcome(v2With(alone(field, 'a'.repeat(max + 1))))).toBe(`Field "${field}" must be at most ${max} characters`)
    expect(outcome(v2With(alone(field, 7)))).toBe(`Field "${field}" must be a string`)
  })

  it('a date longer than any date form is refused by its length', () => {
    expect(outcome(v2With({ date: `${imfDate(AT)}${' '.repeat(36)}` }))).toBe('Field "date" must be at most 64 characters')
  })

  it.each(TEXT_LIMITS)('%s may not be empty or blank', (field) => {
    for (const blank of ['', '   ']) expect(outcome(v2With(alone(field, blank)))).toBe(`Field "${field}" must not be empty`)
  })

  it.each(METADATA_LIMITS)('%s may be empty (an SDK that cannot tell sends "")', (field) => {
    expect(outcome(v2With({ [field]: '' }))).toBe('read')
  })
})

describe('the other kinds of field', () => {
  it.each([0, -1, 1.5, '5', 2 ** 53, true])('license_id %j is refused: a positive integer only', (value) => {
    expect(outcome(v2With({ license_id: value }))).toBe('Field "license_id" must be a positive integer')
  })

  it('license_id 1 and 2^53 − 1 are read', () => {
    for (const id of [1, Number.MAX_SAFE_INTEGER]) {
      const decoding = decodeRequestFile(v2With({ license_id: id }))
      expect(decoding.ok && decoding.file.fields.licenseId).toBe(id)
    }
  })

  it('consumptions must be a number, is_vm a boolean, request "deactivation"', () => {
    expect(outcome(v2With({ consumptions: '3' }))).toBe('Field "consumptions" must be a number')
    // JSON has no infinity, but a number too large for a double reads as one.
    expect(outcome(rewritten(v2With({ consumptions: 1 }), '"consumptions":1', '"consumptions":1e999'))).toBe('Field "consumptions" must be a number')
    expect(outcome(v2With({ consumptions: 2.5, is_vm: false }))).toBe('read')
    expect(outcome(v2With({ is_vm: 'true' }))).toBe('Field "is_vm" must be a boolean')
    expect(outcome(v2With({ request: 7 }))).toBe('Field "request" must be "deactivation"')
  })

  it('variables: an object of at most 64 strings, numbers and booleans', () => {
    const variables = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, n) => [`v${n}`, n % 2 === 0 ? 'x' : n]))
    expect(outcome(v2With({ variables: { ...variables(63), flag: true } }))).toBe('read')
    expect(outcome(v2With({ variables: variables(65) }))).toBe('Field "variables" must be an object of at most 64 variables')
    expect(outcome(v2With({ variables: ['x'] }))).toBe('Field "variables" must be an object of at most 64 variables')
    expect(outcome(v2With({ variables: 'seat=7' }))).toBe('Field "variables" must be an object of at most 64 variables')
    expect(outcome(v2With({ variables: { seat: null } }))).toBe('Field "variables" may hold only strings, numbers and booleans')
    expect(outcome(v2With({ variables: { seat: '7', room: { floor: 2 } } }))).toBe('Field "variables" may hold only strings, numbers and booleans')
    expect(outcome(rewritten(v2With({ variables: { seat: 1 } }), '"seat":1', '"seat":1e999'))).toBe(
      'Field "variables" may hold only strings, numbers and booleans'
    )
    expect(outcome(v2With({ variables: { seat: ['7'] } }))).toBe('Field "variables" may hold only strings, numbers and booleans')
  })

  it('product_features: a list or an object of at most 256 entries', () => {
    const list = (count: number) => Array.from({ length: count }, (_, n) => `f${n}`)
    expect(outcome(v2With({ product_features: list(256) }))).toBe('read')
    expect(outcome(v2With({ product_features: Object.fromEntries(list(256).map((f) => [f, 1])) }))).toBe('read')
    const refused = 'Field "product_features" must be a list or an object of at most 256 entries'
    expect(outcome(v2With({ product_features: list(257) }))).toBe(refused)
    expect(outcome(v2With({ product_features: Object.fromEntries(list(257).map((f) => [f, 1])) }))).toBe(refused)
    expect(outcome(v2With({ product_features: 'f1' }))).toBe(refused)
  })

  it('a field given as null counts as absent', () => {
    expect(outcome(v2With({ hostname: null, license_id: null }))).toBe('read')
    expect(outcome(v2With({ product: null }))).toBe('Some parameters are missing in the request file: product')
  })
})

describe('which fields a request needs, and which exclude each other', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['two unknown fields', { run: 1, note: 2 }, 'Unknown fields: "run", "note"'],
    ['no product and no date', { product: undefined, date: undefined }, 'Some parameters are missing in the request file: product, date'],
    ['no licence key and no username', { license_key: undefined }, 'Some parameters are missing in the request file: license_key or username'],
    ['no API key and no client id', { api_key: undefined }, 'Some parameters are missing in the request file: api_key or client_id'],
    ['an API key and a client id', { client_id: 'docs-client' }, 'Name an api_key or a client_id, not both'],
    ['no schema version', { schema_version: undefined }, 'Some parameters are missing in the request file: schema_version'],
    ['no request type', { request: undefined }, 'Some parameters are missing in the request file: request'],
    ['an activation request', { request: 'activation' }, 'This is an offline activation request, not a deactivation request']
  ])('%s', (_, changes, message) => {
    expect(outcome(v2With(changes))).toBe(message)
  })

  it('v1 is schema 1: a flat file that says schema 2 is refused', () => {
    expect(outcome(changedFile(v1File(KEYS, SEAT, { at: AT }), { schema_version: 2 }))).toBe('Field "schema_version" must be 1')
    expect(outcome(changedFile(v1File(KEYS, SEAT, { at: AT }), { schema_version: 1 }))).toBe('read')
  })

  it('a "request" that is null is no schema-2 request: the file is read as a flat one, and lacks its fields', () => {
    expect(outcome(base64('{"request": null, "signature": "x"}'))).toBe(
      'Some parameters are missing in the request file: hardware_id, product, date, license_key or username, api_key or client_id'
    )
  })

  it('the signature may come before the request: the request is still what is signed', () => {
    const root = decodeFile(pythonV2File(KEYS, SEAT, { at: AT }))
    const requestText = JSON.stringify(root['request'])
    const decoding = decodeRequestFile(base64(`{"signature": ${JSON.stringify(root['signature'])}, "request": ${requestText}}`))
    expect(decoding.ok && decoding.file.signedTexts).toEqual([requestText])
  })

  it('schema 2 with a signature that is no text is not a schema-2 file', () => {
    const request = decodeFile(pythonV2File(KEYS, SEAT, { at: AT }))['request']
    expect(outcome(base64(JSON.stringify({ request, signature: 7 })))).toBe('A request file in schema 2 holds exactly "request" and "signature"')
  })

  it('v1: an activation request, and one without its signature, are refused', () => {
    const v1 = v1File(KEYS, SEAT, { at: AT })
    expect(outcome(changedFile(v1, { request: 'activation' }))).toBe('This is an offline activation request, not a deactivation request')
    expect(outcome(changedFile(v1, { signature: undefined }))).toBe('Some parameters are missing in the request file: signature')
    expect(outcome(changedFile(v1, { product: undefined }))).toBe('Some parameters are missing in the request file: product')
  })

  it('v1 names the credential and signer it holds, and no licence id it does not hold', () => {
    const decoding = decodeRequestFile(v1File(KEYS, SEAT, { at: AT }))
    expect(decoding.ok && decoding.file.fields).toStrictEqual({
      hardwareId: 'pc-7',
      product: 'fooapp',
      credential: { kind: 'license-key', licenseKey: SEAT.licenseKey },
      signer: { kind: 'api-key', apiKey: KEYS.apiKey },
      writtenAt: AT.getTime()
    })
  })

  it('a schema-2 file without an inner signature is single-use by its request id alone', () => {
    const decoding = decodeRequestFile(v2With({ signature: undefined, request_id: 'req-1' }))
    expect(decoding.ok && decoding.file.singleUseIds).toEqual(['request:req-1'])
  })
})

describe('the file itself', () => {
  it('is read to exactly 64 KiB of UTF-8, and refused one byte past, counting bytes, not characters', () => {
    expect(decodeRequestFile('A'.repeat(MAX_REQUEST_FILE_BYTES))).toMatchObject({ ok: false, failure: { reason: 'unreadable' } })
    expect(decodeRequestFile('A'.repeat(MAX_REQUEST_FILE_BYTES + 1))).toMatchObject({
      ok: false,
      failure: { reason: 'too-large', message: 'The request file is larger than 65536 bytes' }
    })
    expect(decodeRequestFile('é'.repeat(MAX_REQUEST_FILE_BYTES / 2 + 1))).toMatchObject({ ok: false, failure: { reason: 'too-large' } })
  })

  it('white space around the Base64 text is allowed; Base64 that is not padded or not canonical is not', () => {
    const content = v2With({})
    expect(outcome(`\n  ${content}\r\n`)).toBe('read')
    expect(outcome(content.replace(/=+$/, ''))).not.toBe('read')
    expect(outcome('QR==')).toBe('The request file is not Base64 text')
    expect(outcome('QQ=')).toBe('The request file is not Base64 text')
    expect(outcome('QUJD RA==')).toBe('The request file is not Base64 text')
    expect(outcome('QUJD-_==')).toBe('The request file is not Base64 text')
    expect(outcome('   ')).toBe('The request file is not Base64 text')
  })

  it('bytes that are not UTF-8, and JSON that is not an object, are refused', () => {
    expect(outcome(Buffer.from([0x7b, 0xff, 0x7d]).toString('base64'))).toBe('The decoded request file is not UTF-8 text')
    expect(outcome(base64('[1, 2]'))).toBe('The decoded request file is not a JSON object')
    expect(outcome(base64('"request"'))).toBe('The decoded request file is not a JSON object')
  })

  it('nesting to exactly 8 levels is read as far as its fields; 9 is refused', () => {
    const nested = (depth: number) => `${'['.repeat(depth - 2)}${']'.repeat(depth - 2)}`
    expect(outcome(base64(`{"request":{"product_features":${nested(8)}},"signature":"x"}`))).not.toMatch(/nests deeper/)
    expect(outcome(base64(`{"request":{"product_features":${nested(9)}},"signature":"x"}`))).toBe('The request file nests deeper than 8 levels')
  })
})

describe('signatures and dates, to the letter', () => {
  it('a Base64 signature must be 32 bytes; hex only in schema 2', () => {
    const read = (signature: string) => {
      const decoding = decodeRequestFile(base64(JSON.stringify({ request: decodeFile(v2With({}))['request'], signature })))
      return decoding.ok ? decoding.file.signature : 'refused'
    }
    expect(read(Buffer.alloc(31, 1).toString('base64'))).toBeNull()
    expect(read(Buffer.alloc(33, 1).toString('base64'))).toBeNull()
    expect(read(Buffer.alloc(32, 1).toString('base64'))).toEqual(Buffer.alloc(32, 1))
    expect(read('ab'.repeat(32))).toEqual(Buffer.alloc(32, 0xab))
    expect(read('AB'.repeat(32))).toEqual(Buffer.alloc(32, 0xab))
    expect(read('ab'.repeat(31))).toBeNull()
    expect(read(`${'ab'.repeat(32)}ff`)).toBeNull()
    expect(read(`zz${'ab'.repeat(32)}`)).toBeNull()
  })

  it('a file matches when any text it may be signed over carries its signature', () => {
    const key = 'k'
    const signature = createHmac('sha256', key).update('second', 'utf8').digest()
    expect(signatureMatches({ signedTexts: ['first', 'second'], signature }, key)).toBe(true)
    expect(signatureMatches({ signedTexts: ['second', 'first'], signature }, key)).toBe(true)
    expect(signatureMatches({ signedTexts: ['first'], signature }, key)).toBe(false)
    expect(signatureMatches({ signedTexts: ['second'], signature: null }, key)).toBe(false)
  })

  it.each([
    ['Fri Aug 29 2025 05:22:37 GMT-0200', AT.getTime()],
    ['Fri Aug 29 2025 08:52:37 GMT+0130', AT.getTime()],
    ['Fri Aug 29 2025 07:22:37 GMT-0000', AT.getTime()],
    ['Fri Aug 29 2025 08:21:37 GMT+0059', AT.getTime()]
  ])('reads the Node SDK’s %s with its offset', (text, expected) => {
    expect(parseRequestDate(text)).toBe(expected)
  })

  it.each([
    'Sat Aug 29 2025 07:22:37 GMT+0000',
    'Sat Aug 29 2025 24:00:00 GMT+0000',
    'Fri Aug 29 2025 07:60:00 GMT+0000',
    'Fri Aug 29 2025 07:22:60 GMT+0000',
    'Sun Feb 30 2025 07:22:37 GMT+0000',
    'Fri Aug 29 2025 07:22:37 GMT+0060',
    'Fri Aug 29 2025 07:22:37 GMT+00:00',
    'Fri Aug 29 2025 7:22:37 GMT+0000',
    ' Fri Aug 29 2025 07:22:37 GMT+0000'
  ])('refuses the Node-style %j', (text) => {
    expect(parseRequestDate(text)).toBeNull()
  })

  it('reads the Node SDK’s form in every month and on every weekday', () => {
    for (let month = 0; month < 12; month++) {
      for (let day = 1; day <= 7; day++) {
        const at = new Date(Date.UTC(2026, month, day, 9, 5, 3))
        expect(parseRequestDate(nodeSdkDate(at))).toBe(at.getTime())
      }
    }
  })
})
