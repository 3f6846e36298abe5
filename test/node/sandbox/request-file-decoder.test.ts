import { createHmac } from 'node:crypto'
import { LicenseAPI } from '@licensespring/node-sdk'
import { describe, expect, it } from 'vitest'
import { objectMembers } from '../../../src/sandbox/offline/json-text'
import {
  decodeRequestFile,
  MAX_REQUEST_FILE_BYTES,
  parseRequestDate,
  signatureMatches,
  type Decoding,
  type DecodedRequestFile
} from '../../../src/sandbox/offline/request-file-decoder'
import { base64, changedFile, decodeFile, docsV2File, imfDate, pythonDumps, pythonV2File, v1File, v1Signature } from '../support/offline-files'

/**
 * The sandbox's own reading of request files, from the vendor's docs and the official SDKs'
 * output (license-api.md §7): every documented shape is read and its signature verified;
 * a changed file no longer verifies; what no document describes is refused.
 */
const KEYS = { apiKey: 'docs-api-key', sharedKey: 'docs-shared-key' }
const OAUTH = { clientId: 'docs-client', clientSecret: 'docs-client-secret' }
const SEAT = { product: 'fooapp', hardwareId: '8b06c6053b7a2040f07c60b62f17f378ccc5030e21676f8a100a97ab36303ad0', licenseKey: 'BSK8-CLCY-PB5E-BXFO' }
const AT = new Date('2025-08-29T07:22:37Z')

function read(content: string): DecodedRequestFile {
  const decoding = decodeRequestFile(content)
  if (!decoding.ok) throw new Error(`not read: ${decoding.failure.message}`)
  return decoding.file
}
const refusal = (decoding: Decoding) => (decoding.ok ? 'read' : decoding.failure.message)

/** The docs' "Offline Request Schema" example, as printed (an activation request; its keys are the docs'). */
const DOCS_EXAMPLE = `{
  "request": {
    "schema_version": 2,
    "api_key": "apikey",
    "date": "Fri, 29 Aug 2025 07:22:37 GMT",
    "hardware_id": "8b06c6053b7a2040f07c60b62f17f378ccc5030e21676f8a100a97ab36303ad0",
    "ip_local": "192.168.1.226",
    "license_key": "BSK8-CLCY-PB5E-BXFO",
    "mac_address": "5A-8A-90-08-13-84",
    "os_hostname": "Mac",
    "os_ver": "Darwin 24.6.0",
    "product": "fooapp",
    "request": "activation",
    "request_id": "D010714E-72DD-E4CF-BEBB-4105EC1B2A0F",
    "sdk_lang": "cpp",
    "sdk_ver": "7.41.1",
    "signature": "A7Tg3dBCc3OsegkPdPc6I1/sRqHj1uSuBR3ad8uaEnk="
  },
  "signature": "aad1693bf8b394719b695e916e07aee29d4ddf2afb24cc43febd4d43a660b703"
}`

describe('the docs’ schema-2 example', () => {
  it('as printed is an activation request: refused here, at the deactivation endpoint', () => {
    expect(refusal(decodeRequestFile(base64(DOCS_EXAMPLE)))).toBe('This is an offline activation request, not a deactivation request')
  })

  it('as a deactivation request: every field of the example is read, its hex signature decoded, and the request text kept as written', () => {
    const text = DOCS_EXAMPLE.replace('"request": "activation"', '"request": "deactivation"')
    const file = read(base64(text))
    expect(file.schemaVersion).toBe(2)
    expect(file.fields).toEqual({
      hardwareId: SEAT.hardwareId,
      product: 'fooapp',
      credential: { kind: 'license-key', licenseKey: 'BSK8-CLCY-PB5E-BXFO' },
      signer: { kind: 'api-key', apiKey: 'apikey' },
      writtenAt: AT.getTime()
    })
    expect(file.signature?.toString('hex')).toBe('aad1693bf8b394719b695e916e07aee29d4ddf2afb24cc43febd4d43a660b703')
    const requestText = text.slice(text.indexOf('{', 5), text.indexOf('},') + 1)
    expect(file.signedTexts[0]).toBe(requestText)
    expect(file.signedTexts[1]).toBe(JSON.stringify(JSON.parse(requestText)))
    // The upper-case request id (no UUID v4) and the inner v1 signature both make it single-use.
    expect(file.singleUseIds).toEqual(['request:D010714E-72DD-E4CF-BEBB-4105EC1B2A0F', 'v1:A7Tg3dBCc3OsegkPdPc6I1/sRqHj1uSuBR3ad8uaEnk='])
  })

  it('built with real keys in that shape, the signature verifies over the request as written or in compact form', () => {
    for (const signed of ['as-written', 'compact'] as const) {
      const file = read(docsV2File(KEYS, SEAT, { at: AT, signed }))
      expect(signatureMatches(file, KEYS.sharedKey)).toBe(true)
      expect(signatureMatches(file, 'another-shared-key')).toBe(false)
    }
  })

  it.each([
    ['hardware_id', 'another-pc'],
    ['product', 'barapp'],
    ['license_key', 'AAAA-BBBB-CCCC-DDDD'],
    ['mac_address', '00-00-00-00-00-00'],
    ['sdk_lang', 'python'],
    ['request_id', 'D010714E-72DD-E4CF-BEBB-4105EC1B2A10'],
    ['date', imfDate(new Date(AT.getTime() + 1000))]
  ])('a changed %s no longer verifies', (field, value) => {
    // Re-written compactly (as changedFile does), the unchanged file still verifies: only the change breaks it.
    const original = docsV2File(KEYS, SEAT, { at: AT, signed: 'compact' })
    expect(signatureMatches(read(changedFile(original, {})), KEYS.sharedKey)).toBe(true)
    expect(signatureMatches(read(changedFile(original, { [field]: value })), KEYS.sharedKey)).toBe(false)
  })
})

describe('the other documented shapes', () => {
  it('Python SDK: json.dumps spacing, RFC 7231 date, inner signature, device fields; Base64 signature over the text as written', () => {
    const content = pythonV2File(KEYS, SEAT, { at: AT, fields: { license_id: 1001, consumptions: 3, variables: { seat: '7' } } })
    expect(Buffer.from(content, 'base64').toString('utf8')).toMatch(/^\{"request": \{"request": "deactivation", "product": "fooapp", /)
    const file = read(content)
    expect(file.fields).toMatchObject({ product: 'fooapp', licenseId: 1001, writtenAt: AT.getTime() })
    expect(signatureMatches(file, KEYS.sharedKey)).toBe(true)
  })

  it('Node SDK: createOfflineDeactivationPayload with license_id and variables (its own date form), unchanged', () => {
    const sdk = new LicenseAPI({ appName: 'SDK app', appVersion: '2.0', ...KEYS, apiPath: 'http://127.0.0.1:9/api/v4/', publicKey: 'p', hardwareID: 'h' })
    const payload = sdk.createOfflineDeactivationPayload({
      product: 'fooapp',
      hardware_id: SEAT.hardwareId,
      license_key: SEAT.licenseKey,
      variables: { seat: '7', floor: 2 },
      ...({ license_id: 1001 } as object)
    })
    const file = read(payload)
    expect(file.fields.licenseId).toBe(1001)
    expect(signatureMatches(file, KEYS.sharedKey)).toBe(true)
  })

  it('v1: the flat file with request_id and request "deactivation", signed over date, key, hardware id and API key only', () => {
    const file = read(v1File(KEYS, SEAT, { at: AT }))
    expect(file.schemaVersion).toBe(1)
    expect(file.signedTexts).toEqual([`licenseSpring\ndate: ${imfDate(AT)}\n${SEAT.licenseKey}\n${SEAT.hardwareId}\n${KEYS.apiKey}`])
    expect(signatureMatches(file, KEYS.sharedKey)).toBe(true)
    // The v1 signature does not cover the product: a changed product still verifies (say so; the app writes v2).
    expect(signatureMatches(read(changedFile(v1File(KEYS, SEAT, { at: AT }), { product: 'barapp' })), KEYS.sharedKey)).toBe(true)
    expect(signatureMatches(read(changedFile(v1File(KEYS, SEAT, { at: AT }), { hardware_id: 'other' })), KEYS.sharedKey)).toBe(false)
  })

  it('v1 without request_id and request (the older docs’ JSON Schema requires neither), by username, under OAuth', () => {
    const seat = { product: 'fooapp', hardwareId: 'pc-1', username: 'ann@example.test' }
    const file = read(v1File(OAUTH, seat, { at: AT, withRequestFields: false }))
    expect(file.fields).toMatchObject({ credential: { kind: 'user', username: 'ann@example.test' }, signer: { kind: 'oauth', clientId: 'docs-client' } })
    expect(signatureMatches(file, OAUTH.clientSecret)).toBe(true)
    expect(file.singleUseIds).toEqual([`v1:${v1Signature(OAUTH, seat, imfDate(AT))}`])
  })

  it('a v2 file turned into a v1 file with its inner signature names the same single-use id', () => {
    const v2 = read(docsV2File(KEYS, SEAT, { at: AT }))
    const inner = (decodeFile(docsV2File(KEYS, SEAT, { at: AT }))['request'] as Record<string, unknown>)['signature'] as string
    const flat = {
      hardware_id: SEAT.hardwareId,
      product: SEAT.product,
      license_key: SEAT.licenseKey,
      api_key: KEYS.apiKey,
      date: imfDate(AT),
      signature: inner
    }
    const v1 = read(base64(JSON.stringify(flat)))
    expect(signatureMatches(v1, KEYS.sharedKey)).toBe(true)
    expect(v2.singleUseIds).toContain(v1.singleUseIds[0])
  })
})

describe('dates: RFC 7231 and the Node SDK’s form', () => {
  it.each([
    ['Fri, 29 Aug 2025 07:22:37 GMT', AT.getTime()],
    ['Fri Aug 29 2025 07:22:37 GMT+0000', AT.getTime()],
    ['Fri Aug 29 2025 09:22:37 GMT+0200', AT.getTime()],
    ['Tue, 7 Jun 2011 20:51:35 GMT', Date.UTC(2011, 5, 7, 20, 51, 35)]
  ])('reads %s', (text, expected) => {
    expect(parseRequestDate(text)).toBe(expected)
  })

  it.each(['2025-08-29T07:22:37Z', 'Sat, 29 Aug 2025 07:22:37 GMT', 'Fri Aug 29 2025 07:22:37 GMT+0000 (UTC)', 'Fri Aug 31 2025 07:22:37 GMT+0000', ''])(
    'refuses %j',
    (text) => {
      expect(parseRequestDate(text)).toBeNull()
    }
  )
})

describe('what no document describes is refused, with the reason', () => {
  const wrapped = (request: Record<string, unknown>, signature = 'x') => base64(JSON.stringify({ request, signature }))
  const request = () => decodeFile(pythonV2File(KEYS, SEAT, { at: AT }))['request'] as Record<string, unknown>

  it.each([
    ['a field nobody documents', { run: 'rm -rf /' }, 'Unknown field: "run"'],
    ['a password (the docs’ schema has none; the Node SDK’s type lets one through)', { password: 'secret' }, 'Unknown field: "password"'],
    ['both a licence key and a username', { username: 'ann@example.test' }, 'Send a license_key or a username, not both'],
    ['no hardware id', { hardware_id: undefined }, 'Some parameters are missing in the request file: hardware_id'],
    ['no request id', { request_id: undefined }, 'Some parameters are missing in the request file: request_id'],
    [
      'a date in no documented form',
      { date: '2025-08-29T07:22:37Z' },
      'Field "date" must be an RFC 7231 date (e.g. "Tue, 07 Jun 2011 20:51:35 GMT") or the Node SDK\'s form'
    ],
    ['variables holding an object', { variables: { nested: { a: 1 } } }, 'Field "variables" may hold only strings, numbers and booleans'],
    ['schema version 1 inside the wrapper', { schema_version: 1 }, 'Field "schema_version" must be 2'],
    ['another request type', { request: 'refresh' }, 'Field "request" must be "deactivation"']
  ])('%s', (_name, changes, message) => {
    expect(refusal(decodeRequestFile(wrapped(JSON.parse(JSON.stringify({ ...request(), ...changes })) as Record<string, unknown>)))).toBe(message)
  })

  it.each([
    ['not Base64', 'not base64!', 'The request file is not Base64 text'],
    ['cut off', pythonV2File(KEYS, SEAT).slice(0, 101), 'The request file is not Base64 text'],
    ['Base64 of a word', base64('hello'), 'The decoded request file is not JSON'],
    ['nested too deep', base64(`{"request":${'['.repeat(9)}${']'.repeat(9)}}`), 'The request file nests deeper than 8 levels'],
    ['a prototype key', base64('{"request":{"__proto__":{"polluted":true}},"signature":"x"}'), 'The request file holds a prototype-related key'],
    ['a key given twice', base64('{"request":{"product":"a"},"request":{"product":"b"},"signature":"x"}'), 'The request file names a field twice'],
    ['a request field given twice', base64(`{"request":{"product":"a","product":"b"},"signature":"x"}`), 'The "request" object names a field twice'],
    [
      'a wrapper with a third member',
      base64(JSON.stringify({ request: request(), signature: 'x', note: 'hi' })),
      'A request file in schema 2 holds exactly "request" and "signature"'
    ]
  ])('a file that is %s', (_name, content, message) => {
    expect(refusal(decodeRequestFile(content))).toBe(message)
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
  })

  it('a file over 64 KiB is refused as too large before anything is decoded', () => {
    expect(decodeRequestFile('A'.repeat(MAX_REQUEST_FILE_BYTES + 4))).toMatchObject({ ok: false, failure: { reason: 'too-large' } })
  })

  it('a signature in neither Base64 nor hex matches nothing', () => {
    const file = read(wrapped(request(), 'not-a-signature'))
    expect(file.signature).toBeNull()
    expect(signatureMatches(file, KEYS.sharedKey)).toBe(false)
  })

  it('a v1 signature in hex is not one of the documented encodings', () => {
    const content = v1File(KEYS, SEAT, { at: AT })
    const root = decodeFile(content)
    const hex = Buffer.from(root['signature'] as string, 'base64').toString('hex')
    expect(read(base64(JSON.stringify({ ...root, signature: hex }))).signature).toBeNull()
  })
})

describe('the JSON members as written', () => {
  it('keeps each value’s exact text, through nested objects, escapes and separators', () => {
    const text = '{ "a" : {"x": [1, {"y": "}"}]} ,"b":"q\\"uote", "c" :2 }'
    expect(objectMembers(text)).toEqual([
      { key: 'a', text: '{"x": [1, {"y": "}"}]}' },
      { key: 'b', text: '"q\\"uote"' },
      { key: 'c', text: '2' }
    ])
    expect(objectMembers('[1]')).toBeNull()
  })

  it('a Python-written request is signed over exactly the text it holds', () => {
    const data = { request: 'deactivation', product: 'é', variables: { a: 1 } }
    const file = base64(pythonDumps({ request: data, signature: 'x' }))
    const member = objectMembers(Buffer.from(file, 'base64').toString('utf8'))![0]!
    expect(member.text).toBe('{"request": "deactivation", "product": "é", "variables": {"a": 1}}')
    expect(createHmac('sha256', 'k').update(member.text).digest('base64')).toBe(createHmac('sha256', 'k').update(pythonDumps(data)).digest('base64'))
  })
})
