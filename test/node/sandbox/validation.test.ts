import { connect } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/server'
import { callApi, expectRefusal, send, signedHeaders } from './helpers'

let sandbox: RunningSandbox

beforeAll(async () => {
  sandbox = await startSandbox({ quiet: true, sso: false, maxBodyBytes: 4096 })
})
afterAll(() => sandbox.close())
beforeEach(() => sandbox.reset())

const KEY_BODY = { product: 'office-suite', hardware_id: 'sandbox-pc-1', license_key: 'OFFICE-2222-IN-USE' }
const deactivate = (body: unknown) => callApi(sandbox.origin, 'deactivate_bundle', body)
const activate = (body: unknown) => callApi(sandbox.origin, 'activate_bundle', body)
const messageOf = (r: { json: unknown }) => (r.json as { message: string }).message

describe('body validation (the intent of the seed page schema)', () => {
  it('invalid_json for a body that is not JSON', async () => {
    expectRefusal(await deactivate('{"product": "office-suite",'), 400, 'invalid_json')
  })

  it('missing_parameters for an empty body', async () => {
    expectRefusal(await deactivate(''), 400, 'missing_parameters')
  })

  it('validation_error for JSON that is not an object', async () => {
    expectRefusal(await deactivate('["office-suite"]'), 400, 'validation_error')
    expectRefusal(await deactivate('"license_key"'), 400, 'validation_error')
  })

  it('validation_error naming an unknown field', async () => {
    const response = await deactivate({ ...KEY_BODY, favourite_colour: 'blue' })
    expectRefusal(response, 400, 'validation_error')
    expect(messageOf(response)).toContain('favourite_colour')
  })

  it('deactivation takes the device metadata, variables and bundle_code that the docs and the node SDK send', async () => {
    const response = await deactivate({
      ...KEY_BODY,
      hostname: 'pc',
      os_ver: 'Windows 11',
      os_hostname: 'PC',
      ip: '192.0.2.1',
      ip_local: '10.0.0.2',
      app_ver: '2.0',
      mac_address: '00:11:22:33:44:55',
      is_vm: false,
      vm_info: 'none',
      variables: { seat: 'desk-7' },
      bundle_code: 'office-suite'
    })
    expect(response.status).toBe(200)
  })

  it('still refuses a field neither the docs nor an SDK names, naming it', async () => {
    const response = await deactivate({ ...KEY_BODY, device_name: 'pc' })
    expectRefusal(response, 400, 'validation_error')
    expect(messageOf(response)).toBe('Unknown field: "device_name"')
  })

  it('activation does not take bundle_code (the node SDK sends it only on deactivation)', async () => {
    const response = await activate({ ...KEY_BODY, hardware_id: 'bc-pc', bundle_code: 'office-suite' })
    expectRefusal(response, 400, 'validation_error')
    expect(messageOf(response)).toContain('"bundle_code"')
  })

  it.each([
    ['variables', 'not-an-object', 'an object'],
    ['os_ver', 7, 'a string'],
    ['bundle_code', true, 'a string'],
    ['redirect_uri', 'not a url', 'an absolute http(s) URL']
  ])('validation_error naming %s when it has the wrong type', async (field, value, kind) => {
    const body = field === 'redirect_uri' ? { product: 'design-pack', hardware_id: 'x', code: 'c', customer_account_code: 'acme' } : KEY_BODY
    const response = await deactivate({ ...body, [field]: value })
    expectRefusal(response, 400, 'validation_error')
    expect(messageOf(response)).toBe(`Field "${field}" must be ${kind}`)
  })

  it('redirect_uri belongs with a code only', async () => {
    const response = await deactivate({ ...KEY_BODY, redirect_uri: 'http://127.0.0.1:5000' })
    expectRefusal(response, 400, 'validation_error')
    expect(messageOf(response)).toContain('"redirect_uri"')
  })

  it('activation takes the optional device metadata', async () => {
    const response = await activate({
      ...KEY_BODY,
      hardware_id: 'meta-pc',
      is_vm: false,
      vm_info: 'none',
      os_ver: 'Windows 11',
      hostname: 'meta-pc',
      os_hostname: 'META-PC',
      ip: '203.0.113.7',
      ip_local: '192.168.1.7',
      app_ver: '1.2.3',
      sdk_ver: 'License Manager 0.1.0',
      mac_address: '00:11:22:33:44:55',
      variables: { seat: 'front desk' }
    })
    expect(response.status).toBe(200)
  })

  const wrongTypes: Array<[string, unknown]> = [
    ['hardware_id', 42],
    ['product', ['office-suite']],
    ['license_key', { key: 'x' }],
    ['license_id', '1002'],
    ['license_id', 1002.5],
    ['sdk_ver', true]
  ]
  for (const [field, value] of wrongTypes) {
    it(`validation_error naming ${field} for ${JSON.stringify(value)}`, async () => {
      const response = await deactivate({ ...KEY_BODY, [field]: value })
      expectRefusal(response, 400, 'validation_error')
      expect(messageOf(response)).toContain(`"${field}"`)
    })
  }

  it('validation_error naming is_vm when activation metadata has the wrong type', async () => {
    const response = await activate({ ...KEY_BODY, is_vm: 'no' })
    expectRefusal(response, 400, 'validation_error')
    expect(messageOf(response)).toContain('"is_vm"')
  })

  it('validation_error for an empty required string', async () => {
    const response = await deactivate({ ...KEY_BODY, license_key: '  ' })
    expectRefusal(response, 400, 'validation_error')
    expect(messageOf(response)).toBe('Field "license_key" must not be empty')
  })

  it('missing_hardware_id, in the documented words, without hardware_id or with a blank one', async () => {
    const { product, license_key } = KEY_BODY
    const body = { product, license_key }
    for (const sent of [body, { ...KEY_BODY, hardware_id: '  ' }, { ...KEY_BODY, hardware_id: null }]) {
      const response = await deactivate(sent)
      expectRefusal(response, 400, 'missing_hardware_id')
      expect(messageOf(response)).toBe('hardware_id missing in the request')
    }
  })

  it('missing_parameters without product', async () => {
    const { hardware_id, license_key } = KEY_BODY
    const body = { hardware_id, license_key }
    expectRefusal(await deactivate(body), 400, 'missing_parameters')
  })

  it('null counts as absent', async () => {
    expectRefusal(await deactivate({ ...KEY_BODY, product: null }), 400, 'missing_parameters')
    expect((await deactivate({ ...KEY_BODY, license_id: null, sdk_ver: null })).status).toBe(200)
  })

  it('missing_parameters without any credential set', async () => {
    expectRefusal(await deactivate({ product: 'office-suite', hardware_id: 'x' }), 400, 'missing_parameters')
  })

  it('missing_parameters for a password without a username', async () => {
    expectRefusal(await deactivate({ product: 'design-pack', hardware_id: 'x', password: 'p' }), 400, 'missing_parameters')
  })

  it('missing_parameters for an SSO code without customer_account_code', async () => {
    const response = await deactivate({ product: 'design-pack', hardware_id: 'x', code: 'abc' })
    expectRefusal(response, 400, 'missing_parameters')
    expect(messageOf(response)).toContain('customer_account_code')
  })

  it('missing_parameters for a customer_account_code alone', async () => {
    expectRefusal(await deactivate({ product: 'design-pack', hardware_id: 'x', customer_account_code: 'acme' }), 400, 'missing_parameters')
  })

  it('activation needs the password with the username', async () => {
    expectRefusal(await activate({ product: 'design-pack', hardware_id: 'x', username: 'carol@example.test' }), 400, 'missing_parameters')
  })

  const mixed: Array<[string, Record<string, string>]> = [
    ['license_key + username', { license_key: 'OFFICE-2222-IN-USE', username: 'bob@example.test', password: 'bob-password' }],
    ['license_key + password', { license_key: 'OFFICE-2222-IN-USE', password: 'bob-password' }],
    ['id_token + code', { id_token: 't', code: 'c', customer_account_code: 'acme' }],
    ['username + customer_account_code', { username: 'ann@acme.test', customer_account_code: 'acme' }],
    ['code + password', { code: 'c', customer_account_code: 'acme', password: 'p' }]
  ]
  for (const [name, credentials] of mixed) {
    it(`validation_error for mixed credential sets: ${name}`, async () => {
      expectRefusal(await deactivate({ product: 'office-suite', hardware_id: 'sandbox-pc-1', ...credentials }), 400, 'validation_error')
      expect(sandbox.devicesOf('OFFICE-2222-IN-USE')).toEqual(['sandbox-pc-1'])
    })
  }

  it('a body over the size limit is refused with 413 in the error envelope', async () => {
    const response = await deactivate({ ...KEY_BODY, sdk_ver: 'x'.repeat(5000) })
    expectRefusal(response, 413, 'validation_error')
  })

  it('a streamed body over the size limit (no Content-Length) is refused too', async () => {
    const response = await send(sandbox.origin, {
      path: '/api/v4/deactivate_bundle',
      headers: { ...signedHeaders(), 'Transfer-Encoding': 'chunked', 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...KEY_BODY, sdk_ver: 'y'.repeat(9000) })
    })
    expectRefusal(response, 413, 'validation_error')
  })

  it('a sender that streams on far past the limit is answered 413 and then cut off, on every route that reads a body', async () => {
    for (const path of ['/api/v4/deactivate_bundle', '/api/v4/activate_bundle', '/auth/token']) {
      const { port } = new URL(sandbox.origin)
      const result = await new Promise<{ answer: string; sentMiB: number; cut: boolean }>((resolve) => {
        const socket = connect({ host: '127.0.0.1', port: Number(port) })
        const piece = Buffer.alloc(64 * 1024, 'z')
        const frame = Buffer.concat([Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from('\r\n')])
        let sent = 0
        let answer = ''
        let cut = false
        socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')))
        socket.on('error', () => (cut = true))
        socket.on('close', () => resolve({ answer, sentMiB: sent / 2 ** 20, cut: cut || sent < 64 * 2 ** 20 }))
        const pump = () => {
          while (!socket.destroyed && sent < 64 * 2 ** 20) {
            sent += piece.length
            if (!socket.write(frame)) return void socket.once('drain', pump)
          }
          socket.end('0\r\n\r\n')
        }
        const head = Object.entries({ ...signedHeaders(), 'Transfer-Encoding': 'chunked', 'Content-Type': 'application/json' })
        socket.write(`POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n${head.map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n`)
        pump()
      })
      expect(result.answer, path).toMatch(/^HTTP\/1\.1 413 /)
      expect(result.cut, path).toBe(true)
      expect(result.sentMiB, path).toBeLessThan(32)
    }
  })

  it('authentication is checked before the body', async () => {
    expectRefusal(await callApi(sandbox.origin, 'deactivate_bundle', 'not json', { headers: {} }), 400, 'missing_headers')
  })
})
