import { createHmac, randomUUID } from 'node:crypto'
import { LicenseAPI } from '@licensespring/node-sdk'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { defaultSeed } from '../../../src/sandbox/seed'
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/server'
import { changedFile, decodeFile, docsV2File, pythonV2File, v1File, base64 as fileBase64 } from '../support/offline-files'
import { DEFAULT_KEY, expectRefusal, send, signedHeaders, type RawResponse } from './helpers'

/**
 * POST deactivate_bundle_offline over HTTP. Request files are built here by hand, as the
 * vendor documents them (§7), and by LicenseSpring's own node SDK — not by the app's writer.
 */
const DAY = 24 * 60 * 60 * 1000
let sandbox: RunningSandbox
let clockOffsetMs = 0

beforeAll(async () => {
  sandbox = await startSandbox({ quiet: true, sso: false, now: () => Date.now() + clockOffsetMs })
})
afterAll(() => sandbox.close())
beforeEach(() => {
  sandbox.reset()
  clockOffsetMs = 0
})

const origin = () => new URL(sandbox.apiUrl).origin
const hmac = (key: string, text: string) => createHmac('sha256', key).update(text).digest('base64')
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64')

/** The node SDK's date form, written independently of the app's formatter. */
function sdkDate(at: Date): string {
  const [day, date, month, year, time] = at.toUTCString().replace(',', '').split(' ') as [string, string, string, string, string]
  return `${day} ${month} ${Number(date)} ${year} ${time} GMT+0000`
}

interface V2Options {
  fields?: Record<string, unknown>
  key?: string
  at?: Date
}

function v2Request(options: V2Options = {}): Record<string, unknown> {
  return {
    hardware_id: 'sandbox-pc-1',
    product: 'office-suite',
    license_key: 'OFFICE-2222-IN-USE',
    sdk_ver: 'tests 1.0',
    app_name: 'tests',
    app_ver: '1.0',
    request_id: randomUUID(),
    request: 'deactivation',
    schema_version: 2,
    api_key: DEFAULT_KEY.apiKey,
    date: sdkDate(options.at ?? new Date()),
    ...options.fields
  }
}

function v2File(options: V2Options = {}): string {
  const request = v2Request(options)
  return b64(JSON.stringify({ request, signature: hmac(options.key ?? DEFAULT_KEY.sharedKey, JSON.stringify(request)) }))
}

const upload = (content: string, headers: Record<string, string> = signedHeaders()): Promise<RawResponse> =>
  send(origin(), { path: '/api/v4/deactivate_bundle_offline', headers: { 'Content-Type': 'text/plain', ...headers }, body: content })

function multipart(parts: Array<{ name: string; content: string; filename?: string }>): { body: string; type: string } {
  const boundary = '----offline-test-boundary'
  const body =
    parts
      .map(
        (p) =>
          `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"${p.filename ? `; filename="${p.filename}"` : ''}\r\n` +
          `${p.filename ? 'Content-Type: application/octet-stream\r\n' : ''}\r\n${p.content}\r\n`
      )
      .join('') + `--${boundary}--\r\n`
  return { body, type: `multipart/form-data; boundary=${boundary}` }
}

const uploadForm = (parts: Array<{ name: string; content: string; filename?: string }>) => {
  const form = multipart(parts)
  return send(origin(), { path: '/api/v4/deactivate_bundle_offline', headers: { ...signedHeaders(), 'Content-Type': form.type }, body: form.body })
}

const expectFreed = (response: RawResponse) => {
  expect(response.status).toBe(200)
  expect(response.json).toBe('license_deactivated')
}

describe('deactivate_bundle_offline: accepted files free the seat', () => {
  it('v2 file as the raw text body (as the node SDK sends it)', async () => {
    expectFreed(await upload(v2File()))
    expect(sandbox.devicesOf('OFFICE-2222-IN-USE')).toEqual([])
  })

  it('v2 file as the `file` part of a multipart form (as a browser portal sends it), with a trailing path slash', async () => {
    const form = multipart([{ name: 'file', content: v2File(), filename: 'office-suite-sandbox-deactivate.req' }])
    const response = await send(origin(), {
      path: '/api/v4/deactivate_bundle_offline/',
      headers: { ...signedHeaders(), 'Content-Type': form.type },
      body: form.body
    })
    expectFreed(response)
    expect(sandbox.devicesOf('OFFICE-2222-IN-USE')).toEqual([])
  })

  it('v1 (older flat) file, signed over date, licence key or username, hardware id and API key', async () => {
    const date = new Date().toUTCString()
    const fields = { hardware_id: 'sandbox-pc-1', product: 'design-pack', username: 'bob@example.test', api_key: DEFAULT_KEY.apiKey, date }
    const signature = hmac(DEFAULT_KEY.sharedKey, `licenseSpring\ndate: ${date}\nbob@example.test\nsandbox-pc-1\n${DEFAULT_KEY.apiKey}`)
    expectFreed(await upload(b64(JSON.stringify({ ...fields, signature }))))
    expect(sandbox.devicesOf('bob@example.test')).toEqual([])
  })

  it('a file signed with an OAuth client secret and naming client_id', async () => {
    const request = v2Request({ fields: { api_key: undefined, client_id: 'sandbox-client' } })
    const content = b64(JSON.stringify({ request, signature: hmac('sandbox-client-secret', JSON.stringify(request)) }))
    expectFreed(await upload(content))
  })

  it('a file written 29 days ago is still accepted (sandbox choice: 30 days)', async () => {
    expectFreed(await upload(v2File({ at: new Date(Date.now() - 29 * DAY) })))
  })

  it('the payload of LicenseSpring’s node SDK (createOfflineDeactivationPayload), unchanged', async () => {
    sandbox.store.activateDevice(sandbox.store.licenseByKey('office-suite', 'OFFICE-1111-FREE-SEAT')!, 'sdk-offline-pc')
    const sdk = new LicenseAPI({
      appName: 'SDK app',
      appVersion: '2.0',
      apiKey: sandbox.apiKey,
      sharedKey: sandbox.sharedKey,
      apiPath: sandbox.apiUrl,
      publicKey: sandbox.publicKey,
      hardwareID: 'sdk-offline-pc'
    })
    const payload = sdk.createOfflineDeactivationPayload({ product: 'office-suite', hardware_id: 'sdk-offline-pc', license_key: 'OFFICE-1111-FREE-SEAT' })
    expectFreed(await upload(payload))
    expect(sandbox.devicesOf('OFFICE-1111-FREE-SEAT')).toEqual([])
  })
})

describe('deactivate_bundle_offline: every documented shape (§7) frees the seat', () => {
  const SEAT = { product: 'office-suite', hardwareId: 'sandbox-pc-1', licenseKey: 'OFFICE-2222-IN-USE' }
  /*
   * Files with an inner v1 signature are single-use by it too (it is the same for the same seat in the
   * same second), and the sandbox remembers used files across resets: each file here is its own second.
   */
  const startedAt = Math.floor(Date.now() / 1000) * 1000
  let secondsAgo = 0
  const fresh = () => ({ at: new Date(startedAt - ++secondsAgo * 1000), requestId: randomUUID().toUpperCase() })
  const freedAfter = async (content: string) => {
    expectFreed(await upload(content))
    expect(sandbox.devicesOf('OFFICE-2222-IN-USE')).toEqual([])
  }

  it('the docs’ "Offline Request Schema" example shape (C++ fields, inner signature, upper-case request id, hex signature, pretty-printed)', async () => {
    await freedAfter(docsV2File(DEFAULT_KEY, SEAT, fresh()))
  })

  it('the same shape signed over its compact form', async () => {
    await freedAfter(docsV2File(DEFAULT_KEY, SEAT, { ...fresh(), signed: 'compact' }))
  })

  it('the Python SDK’s file (json.dumps spacing, RFC 7231 date, device fields, license_id)', async () => {
    await freedAfter(pythonV2File(DEFAULT_KEY, SEAT, { ...fresh(), fields: { license_id: 1002, consumptions: 0 } }))
  })

  it('a v1 flat file with request_id and request "deactivation"', async () => {
    await freedAfter(v1File(DEFAULT_KEY, SEAT, fresh()))
  })

  it('the Node SDK’s payload with license_id and variables (its typed shape lets both through)', async () => {
    const sdk = new LicenseAPI({
      appName: 'SDK app',
      appVersion: '2.0',
      apiKey: sandbox.apiKey,
      sharedKey: sandbox.sharedKey,
      apiPath: sandbox.apiUrl,
      publicKey: sandbox.publicKey,
      hardwareID: 'sandbox-pc-1'
    })
    const payload = sdk.createOfflineDeactivationPayload({
      product: 'office-suite',
      hardware_id: 'sandbox-pc-1',
      license_key: 'OFFICE-2222-IN-USE',
      variables: { seat: '7' },
      ...({ license_id: 1002 } as object)
    })
    await freedAfter(payload)
  })

  it('a license_id naming another licence than the key’s is refused like the online call', async () => {
    expectRefusal(await upload(pythonV2File(DEFAULT_KEY, SEAT, { ...fresh(), fields: { license_id: 1001 } })), 400, 'license_not_found')
    expect(sandbox.devicesOf('OFFICE-2222-IN-USE')).toEqual(['sandbox-pc-1'])
  })

  it('a changed docs-shaped v2 file is refused as tampered, and the seat stays taken', async () => {
    for (const change of [{ hardware_id: 'another-pc' }, { os_hostname: 'Somebody-else' }, { sdk_lang: 'python' }]) {
      expectRefusal(await upload(changedFile(docsV2File(DEFAULT_KEY, SEAT, { ...fresh(), signed: 'compact' }), change)), 400, 'offline_request_tampered')
    }
    expect(sandbox.devicesOf('OFFICE-2222-IN-USE')).toEqual(['sandbox-pc-1'])
  })

  it('a used v2 file cannot come back as a v1 file made from its inner signature', async () => {
    const v2 = docsV2File(DEFAULT_KEY, SEAT, fresh())
    await freedAfter(v2)
    sandbox.store.activateDevice(sandbox.store.licenseByKey('office-suite', 'OFFICE-2222-IN-USE')!, 'sandbox-pc-1')
    const inner = decodeFile(v2)['request'] as Record<string, unknown>
    const flat = Object.fromEntries(['hardware_id', 'product', 'license_key', 'api_key', 'date', 'signature'].map((k) => [k, inner[k]]))
    expectRefusal(await upload(fileBase64(JSON.stringify(flat))), 400, 'offline_request_replayed')
    expect(sandbox.devicesOf('OFFICE-2222-IN-USE')).toEqual(['sandbox-pc-1'])
  })

  it('with the seed’s minimumOfflineSchemaVersion 2 (the vendor’s setting), v1 files are refused and v2 files pass', async () => {
    const strict = await startSandbox({ quiet: true, sso: false, seed: { ...defaultSeed(), behaviour: { minimumOfflineSchemaVersion: 2 } } })
    try {
      const to = (content: string) =>
        send(new URL(strict.apiUrl).origin, {
          path: '/api/v4/deactivate_bundle_offline',
          headers: { 'Content-Type': 'text/plain', ...signedHeaders() },
          body: content
        })
      const refused = await to(v1File(DEFAULT_KEY, SEAT, fresh()))
      expectRefusal(refused, 400, 'offline_request_schema_too_old')
      expect((refused.json as { message: string }).message).toBe(
        'The request file uses offline request schema version 1; this account accepts version 2 or newer'
      )
      expect(strict.devicesOf('OFFICE-2222-IN-USE')).toEqual(['sandbox-pc-1'])
      expectFreed(await to(docsV2File(DEFAULT_KEY, SEAT, fresh())))
      expect(strict.summary().behaviour.minimumOfflineSchemaVersion).toBe(2)
    } finally {
      await strict.close()
    }
  })

  it('by default (the vendor’s default, version 1) both schemas pass', () => {
    expect(sandbox.summary().behaviour.minimumOfflineSchemaVersion).toBe(1)
  })
})

describe('deactivate_bundle_offline: refusals, in the usual envelope, and the seat stays taken', () => {
  it('a replayed request_id is refused, even after the seat was activated again', async () => {
    const file = v2File()
    expectFreed(await upload(file))
    sandbox.store.activateDevice(sandbox.store.licenseByKey('office-suite', 'OFFICE-2222-IN-USE')!, 'sandbox-pc-1')
    expectRefusal(await upload(file), 400, 'offline_request_replayed')
    expect(sandbox.devicesOf('OFFICE-2222-IN-USE')).toEqual(['sandbox-pc-1'])
  })

  it('a file refused for the state of the licence can be uploaded again once that changes', async () => {
    const file = v2File({ fields: { license_key: 'OFFICE-1111-FREE-SEAT', hardware_id: 'later-pc' } })
    expectRefusal(await upload(file), 400, 'device_not_found')
    sandbox.store.activateDevice(sandbox.store.licenseByKey('office-suite', 'OFFICE-1111-FREE-SEAT')!, 'later-pc')
    expectFreed(await upload(file))
  })

  it.each([
    ['hardware_id', 'another-pc'],
    ['product', 'design-pack'],
    ['license_key', 'OFFICE-1111-FREE-SEAT'],
    ['date', sdkDate(new Date(Date.now() - 60_000))],
    ['request_id', randomUUID()]
  ])('a file whose %s was changed after signing is refused as tampered', async (field, value) => {
    const request = v2Request()
    const signature = hmac(DEFAULT_KEY.sharedKey, JSON.stringify(request))
    const changed = { ...request, [field]: value }
    expectRefusal(await upload(b64(JSON.stringify({ request: changed, signature }))), 400, 'offline_request_tampered')
    expect(sandbox.devicesOf('OFFICE-2222-IN-USE')).toEqual(['sandbox-pc-1'])
  })

  it('a file signed with another shared key than the one of the API key it names is refused as tampered', async () => {
    expectRefusal(await upload(v2File({ key: 'not-the-shared-key' })), 400, 'offline_request_tampered')
  })

  it('a v1 file whose hardware id was changed is refused as tampered', async () => {
    const date = new Date().toUTCString()
    const signature = hmac(DEFAULT_KEY.sharedKey, `licenseSpring\ndate: ${date}\nOFFICE-2222-IN-USE\nsandbox-pc-1\n${DEFAULT_KEY.apiKey}`)
    const fields = { hardware_id: 'other-pc', product: 'office-suite', license_key: 'OFFICE-2222-IN-USE', api_key: DEFAULT_KEY.apiKey, date, signature }
    expectRefusal(await upload(b64(JSON.stringify(fields))), 400, 'offline_request_tampered')
  })

  it.each([
    ['31 days old', -31 * DAY],
    ['20 minutes in the future', 20 * 60_000]
  ])('a file dated %s is refused as expired (sandbox choice)', async (_name, offset) => {
    expectRefusal(await upload(v2File({ at: new Date(Date.now() + offset) })), 400, 'offline_request_expired')
  })

  it('the file names an unknown, revoked or read-only API key', async () => {
    expectRefusal(await upload(v2File({ fields: { api_key: 'nobody-issued-this' } })), 400, 'invalid_api_key')
    expectRefusal(await upload(v2File({ fields: { api_key: 'sandbox-revoked-api-key' }, key: 'sandbox-revoked-shared-key' })), 400, 'revoked_api_key')
    expectRefusal(await upload(v2File({ fields: { api_key: 'sandbox-read-only-api-key' }, key: 'sandbox-read-only-shared-key' })), 400, 'read_only_api_key')
  })

  it('the product, licence and device checks of the online call', async () => {
    expectRefusal(await upload(v2File({ fields: { product: 'no-such-bundle' } })), 400, 'unknown_product')
    expectRefusal(await upload(v2File({ fields: { product: 'writer' } })), 400, 'product_not_bundle')
    expectRefusal(await upload(v2File({ fields: { license_key: 'OFFICE-0000-UNKNOWN' } })), 400, 'license_not_found')
    expectRefusal(await upload(v2File({ fields: { license_key: 'OFFICE-4444-DISABLED' } })), 400, 'license_not_enabled')
    expectRefusal(await upload(v2File({ fields: { hardware_id: 'never-activated' } })), 400, 'device_not_found')
    expectRefusal(await upload(v2File({ fields: { product: 'legacy-suite', license_key: 'LEGACY-1111-DISABLED-BUNDLE' } })), 400, 'disabled_product')
    expectRefusal(
      await upload(v2File({ fields: { api_key: 'sandbox-design-only-api-key' }, key: 'sandbox-design-only-shared-key' })),
      400,
      'api_key_product_not_allowed'
    )
  })

  it('the uploader’s own key must reach the product as well', async () => {
    const uploader = { apiKey: 'sandbox-design-only-api-key', sharedKey: 'sandbox-design-only-shared-key' }
    expectRefusal(await upload(v2File(), signedHeaders(uploader)), 400, 'api_key_product_not_allowed')
  })

  it('the call itself is signed like every call', async () => {
    expectRefusal(await upload(v2File(), {}), 400, 'missing_headers')
    expectRefusal(await upload(v2File(), signedHeaders({ apiKey: DEFAULT_KEY.apiKey, sharedKey: 'wrong' })), 401, 'signature_mismatch')
    expectRefusal(
      await upload(v2File(), signedHeaders({ apiKey: 'sandbox-read-only-api-key', sharedKey: 'sandbox-read-only-shared-key' })),
      400,
      'read_only_api_key'
    )
  })

  it('no body, a form without a file part, an empty file', async () => {
    expectRefusal(await upload(''), 400, 'missing_parameters')
    expectRefusal(await uploadForm([{ name: 'other', content: v2File() }]), 400, 'missing_parameters')
    expectRefusal(await uploadForm([{ name: 'file', content: '  ', filename: 'x.req' }]), 400, 'missing_content')
    expectRefusal(
      await uploadForm([
        { name: 'file', content: v2File() },
        { name: 'file', content: v2File() }
      ]),
      400,
      'validation_error'
    )
  })

  it.each([
    ['not Base64', 'this is not base64!'],
    ['cut off', v2File().slice(0, 120)],
    ['Base64 of something else', b64('{"hello":"world"}')],
    ['an activation request', b64(JSON.stringify({ request: { ...v2Request(), request: 'activation' }, signature: 'x' }))],
    [
      'a prototype key',
      b64(JSON.stringify({ request: JSON.parse(`{"__proto__":{"polluted":true},${JSON.stringify(v2Request()).slice(1)}`) as unknown, signature: 'x' }))
    ]
  ])('a body that is %s → authorization_missing_params (as documented for an unreadable body)', async (_name, content) => {
    expectRefusal(await upload(content), 400, 'authorization_missing_params')
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
  })

  it('a body larger than the limit is refused with 413 before it is read', async () => {
    const response = await upload('A'.repeat(90 * 1024))
    expectRefusal(response, 413, 'validation_error')
  })

  it('a multipart file part over 64 KiB inside the body limit is refused as too large', async () => {
    expectRefusal(await uploadForm([{ name: 'file', content: 'A'.repeat(64 * 1024 + 4), filename: 'big.req' }]), 400, 'validation_error')
    expect(sandbox.devicesOf('OFFICE-2222-IN-USE')).toEqual(['sandbox-pc-1'])
  })
})
