import { resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import packageJson from '../../../package.json'
import { EXIT } from '../../../src/cli/exit-codes'
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/server'
import { runCapturedCli } from '../support/captured-cli'
import { closeOpened } from '../../support/close-opened'

const EXAMPLE_CONFIG = resolve(__dirname, '../../../resources/examples/vendor-brand/config.json')
const SUPPORT_LINE = 'Vendor’s support: support@tidewater.example'

let sandbox: RunningSandbox
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, quiet: true, sso: false })
})
afterAll(async () => {
  await closeOpened(sandbox)
})

const run = (argv: string[], env: Record<string, string> = {}) => runCapturedCli(argv, { env, machineId: 'sandbox-pc-1' })

describe('the command line wears the vendor’s brand', () => {
  it('--version names the vendor’s product, from a variable or the configuration file', async () => {
    expect(await run(['--version'], { LM_PRODUCT_NAME: 'Tidewater Licence Helper' })).toEqual({
      code: EXIT.success,
      stdout: `Tidewater Licence Helper CLI ${packageJson.version}\n`,
      stderr: ''
    })
    expect((await run(['--version', '--config', EXAMPLE_CONFIG])).stdout).toBe(`Tidewater Licence Helper CLI ${packageJson.version}\n`)
    expect((await run(['--version'])).stdout).toBe(`License Manager CLI ${packageJson.version}\n`)
  })

  it('--version and --help still answer, with the app’s own name, when the configuration is broken', async () => {
    expect(await run(['--version'], { LM_PRODUCT_NAME: 'Tidewater\nLicence Helper' })).toEqual({
      code: EXIT.success,
      stdout: `License Manager CLI ${packageJson.version}\n`,
      stderr: ''
    })
    expect((await run(['--help'], { LM_ACCENT_COLOR: 'teal' })).stdout).toMatch(/^License Manager — frees a LicenseSpring bundle licence/)
  })

  it('--help opens with the vendor’s product name', async () => {
    const help = await run(['--help', '--config', EXAMPLE_CONFIG])
    expect(help.code).toBe(EXIT.success)
    expect(help.stdout).toMatch(/^Tidewater Licence Helper — frees a LicenseSpring bundle licence from this PC\.\n/)
  })

  it('names the vendor’s support address under an error whose advice is to contact the vendor, and only there', async () => {
    const env = {
      LM_API_URL: sandbox.apiUrl,
      LM_API_KEY: 'an-api-key-nobody-issued',
      LM_SHARED_KEY: sandbox.sharedKey,
      LM_SUPPORT_CONTACT: 'support@tidewater.example'
    }
    const refused = await run(['deactivate', '--product', 'office-suite', '--license-key', 'OFFICE-2222-IN-USE'], env)
    expect(refused.code).toBe(EXIT.refused)
    expect(refused.stderr).toMatch(/^What to do: .*vendor.*\nVendor’s support: support@tidewater\.example\nCode: invalid_api_key/m)

    const keys = { ...env, LM_API_KEY: sandbox.apiKey }
    const mistyped = await run(['deactivate', '--product', 'office-suite', '--license-key', 'OFFICE-0000-NO-SUCH-KEY'], keys)
    expect(mistyped.stderr).toContain('Code: license_not_found')
    expect(mistyped.stderr).not.toContain(SUPPORT_LINE)

    // The JSON is the typed outcome, as without a brand.
    const json = await run(['deactivate', '--product', 'office-suite', '--license-key', 'OFFICE-2222-IN-USE', '--json'], env)
    expect(json.stdout).not.toContain('tidewater')
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, error: { code: 'invalid_api_key' } })
  })
})
