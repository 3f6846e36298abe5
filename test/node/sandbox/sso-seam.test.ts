import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox, type SsoFactoryContext } from '../../../src/sandbox/server'
import { callApi, expectRefusal, ScriptedSsoAuthority, send, signedHeaders } from './helpers'
import { stringContaining } from '../../support/matchers'

let sandbox: RunningSandbox
let sso: ScriptedSsoAuthority

beforeAll(async () => {
  sandbox = await startSandbox({ quiet: true, sso: false })
})
afterAll(() => sandbox.close())
beforeEach(() => {
  sandbox.reset()
  sso = new ScriptedSsoAuthority()
  sandbox.attachSso(sso)
})

const ssoUrl = (query: string, headers = signedHeaders()) => send(sandbox.origin, { method: 'GET', path: `/api/v4/sso_url?${query}`, headers })
const deactivate = (body: unknown) => callApi(sandbox.origin, 'deactivate_bundle', body)

describe('GET sso_url', () => {
  it('delegates to the SSO side with the query it was given', async () => {
    const response = await ssoUrl('product=design-pack&customer_account_code=acme&response_type=token&redirect_uri=http%3A%2F%2F127.0.0.1%3A5555%2Fcb')
    expect(response.status).toBe(200)
    expect(response.json).toMatchObject({ url: stringContaining('kc_idp_hint=acme'), openid_configuration: { issuer: 'https://idp.test' } })
    expect(sso.urlQueries).toEqual([{ product: 'design-pack', customerAccountCode: 'acme', responseType: 'token', redirectUri: 'http://127.0.0.1:5555/cb' }])
  })

  it('also answers with a trailing slash, defaulting response_type to code', async () => {
    const response = await send(sandbox.origin, {
      method: 'GET',
      path: '/api/v4/sso_url/?product=design-pack&customer_account_code=acme',
      headers: signedHeaders()
    })
    expect(response.status).toBe(200)
    expect(sso.urlQueries[0]?.responseType).toBe('code')
  })

  it('is signed like every call', async () => {
    expectRefusal(await ssoUrl('product=design-pack&customer_account_code=acme', {}), 400, 'missing_headers')
  })

  it('missing_parameters without customer_account_code', async () => {
    expectRefusal(await ssoUrl('product=design-pack'), 400, 'missing_parameters')
  })

  it('validation_error for an unknown response_type', async () => {
    expectRefusal(await ssoUrl('product=design-pack&customer_account_code=acme&response_type=id_token'), 400, 'validation_error')
  })

  it('unknown_product, customer_account_not_found, sso_not_enabled', async () => {
    expectRefusal(await ssoUrl('product=nothing&customer_account_code=acme'), 400, 'unknown_product')
    expectRefusal(await ssoUrl('product=design-pack&customer_account_code=nobody'), 400, 'customer_account_not_found')
    expectRefusal(await ssoUrl('product=design-pack&customer_account_code=globex'), 400, 'sso_not_enabled')
    expect(sso.urlQueries).toEqual([])
  })

  it('sso_not_enabled when no SSO side is attached', async () => {
    sandbox.attachSso(null)
    expectRefusal(await ssoUrl('product=design-pack&customer_account_code=acme'), 400, 'sso_not_enabled')
  })
})

describe('SSO credential sets on deactivate_bundle', () => {
  it('code grant: the user found by email in the customer account is deactivated; the code works once', async () => {
    sso.codes.set('code-1', 'ann@acme.test')
    const body = { product: 'design-pack', hardware_id: 'sandbox-pc-1', code: 'code-1', customer_account_code: 'acme' }
    expect((await deactivate(body)).json).toBe('license_deactivated')
    expect(sandbox.devicesOf('ann@acme.test')).toEqual([])
    expectRefusal(await deactivate(body), 400, 'sso_code_invalid')
  })

  it('token grant: the token identifies the user, once (tokens are single-use)', async () => {
    sso.tokens.set('tok', 'ANN@acme.test')
    const body = { product: 'design-pack', hardware_id: 'sandbox-pc-1', id_token: 'tok', customer_account_code: 'acme' }
    expect((await deactivate(body)).json).toBe('license_deactivated')
    sandbox.reset()
    const again = await deactivate(body)
    expectRefusal(again, 400, 'sso_token_invalid')
    expect((again.json as { message: string }).message).toBe('The token was already used')
    expect(sandbox.devicesOf('ann@acme.test')).toEqual(['sandbox-pc-1'])
  })

  it('passes the SSO side’s refusal through in the envelope', async () => {
    const body = { product: 'design-pack', hardware_id: 'sandbox-pc-1', id_token: 'forged', customer_account_code: 'acme' }
    expectRefusal(await deactivate(body), 400, 'sso_token_invalid')
  })

  it('sso_user_not_found for a signed-in user without a licence', async () => {
    sso.codes.set('code-dora', 'dora@acme.test')
    const body = { product: 'design-pack', hardware_id: 'sandbox-pc-1', code: 'code-dora', customer_account_code: 'acme' }
    expectRefusal(await deactivate(body), 400, 'sso_user_not_found')
  })

  it('sso_user_not_found for a licence user of another customer account', async () => {
    sso.codes.set('code-eve', 'eve@globex.test')
    const body = { product: 'design-pack', hardware_id: 'sandbox-pc-1', code: 'code-eve', customer_account_code: 'acme' }
    expectRefusal(await deactivate(body), 400, 'sso_user_not_found')
    expect(sandbox.devicesOf('eve@globex.test')).toEqual(['sandbox-pc-1'])
  })
})

describe('SSO factory hook', () => {
  it('starts the SSO side with the origin, mounts its routes, reports it in summary() and closes it', async () => {
    const started = new ScriptedSsoAuthority()
    let context: SsoFactoryContext | undefined
    const hooked = await startSandbox({
      quiet: true,
      sso: { redirectUri: 'http://127.0.0.1:7777' },
      ssoFactory: async (ctx) => {
        context = ctx
        ctx.mount('/sso/', (_req, res) => res.end('provider page'))
        return Object.assign(started, { describe: () => ({ issuer: `${ctx.origin}/sso` }) })
      }
    })
    try {
      expect(context?.origin).toBe(hooked.origin)
      expect(context?.redirectUri).toBe('http://127.0.0.1:7777')
      expect(context?.seed.customerAccounts.map((a) => a.code)).toEqual(['acme', 'globex'])
      expect((await send(hooked.origin, { method: 'GET', path: '/sso/login' })).text).toBe('provider page')
      expect(hooked.summary().sso).toEqual({ attached: true, issuer: `${hooked.origin}/sso` })
    } finally {
      await hooked.close()
    }
    expect(started.closed).toBe(true)
  })

  it('sso: false does not start the SSO side', async () => {
    let called = false
    const off = await startSandbox({
      quiet: true,
      sso: false,
      ssoFactory: async () => {
        called = true
        return new ScriptedSsoAuthority()
      }
    })
    await off.close()
    expect(called).toBe(false)
    expect(off.summary().sso.attached).toBe(false)
  })
})
