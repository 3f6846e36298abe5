import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { defaultSeed, loadSeed, parseSeed, SeedError, type SeedFile } from '../../../src/sandbox/seed'
import { startSandbox } from '../../../src/sandbox/server'

const dir = mkdtempSync(join(tmpdir(), 'sandbox-seed-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const writeSeed = (name: string, text: string) => {
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}

const MINIMAL: SeedFile = {
  apiKeys: [{ apiKey: 'k', sharedKey: 's' }],
  products: [
    { code: 'suite', name: 'Suite', kind: 'bundle', bundleProducts: ['app'] },
    { code: 'app', name: 'App', kind: 'product' }
  ],
  licenses: [{ id: 1, bundle: 'suite', licenseKey: 'KEY-1' }]
}

function problemsOf(data: unknown): string[] {
  try {
    parseSeed(data)
  } catch (error) {
    expect(error).toBeInstanceOf(SeedError)
    return (error as SeedError).problems
  }
  throw new Error('the seed was accepted')
}

describe('the default seed', () => {
  it('is valid and holds the documented cases', () => {
    const seed = defaultSeed()
    expect(seed.apiKeys.map((k) => k.status).sort()).toEqual(['active', 'active', 'read-only', 'revoked'])
    expect(seed.apiKeys.some((k) => k.products?.length === 1)).toBe(true)
    expect(
      seed.products
        .filter((p) => p.kind === 'bundle')
        .map((p) => p.status)
        .sort()
    ).toEqual(['archived', 'disabled', 'enabled', 'enabled'])
    const keyed = seed.licenses.filter((l) => l.licenseKey)
    expect(keyed.some((l) => !l.active)).toBe(true)
    expect(keyed.some((l) => !l.enabled)).toBe(true)
    expect(keyed.some((l) => l.devices.length === l.maxActivations)).toBe(true)
    expect(keyed.some((l) => l.active && l.enabled && l.devices.length < l.maxActivations)).toBe(true)
    const acme = seed.customerAccounts.find((a) => a.code === 'acme')
    expect(acme?.sso).toEqual({ enabled: true, redirectUri: 'http://127.0.0.1' })
    expect(seed.customerAccounts.some((a) => !a.sso?.enabled)).toBe(true)
    expect(seed.licenses.some((l) => l.user?.customerAccount === 'acme' && l.user.email === 'ann@acme.test')).toBe(true)
  })
})

describe('loadSeed', () => {
  it('loads a valid file and fills defaults', () => {
    const seed = loadSeed(writeSeed('ok.json', JSON.stringify(MINIMAL)))
    expect(seed.licenses[0]).toMatchObject({ enabled: true, active: true, maxActivations: 1, validityPeriod: null, devices: [] })
    expect(seed.apiKeys[0]?.status).toBe('active')
  })

  it('normalises validityPeriod to an ISO-8601 instant', () => {
    const seed = parseSeed({ ...MINIMAL, licenses: [{ id: 1, bundle: 'suite', licenseKey: 'K', validityPeriod: '2031-01-02T03:04:05Z' }] })
    expect(seed.licenses[0]?.validityPeriod).toBe('2031-01-02T03:04:05.000Z')
  })

  it('names a missing file', () => {
    const path = join(dir, 'absent.json')
    expect(() => loadSeed(path)).toThrow(new SeedError(`Cannot read the sandbox seed ${path}: file not found`))
  })

  it('says when the file is not JSON', () => {
    const path = writeSeed('broken.json', '{ "apiKeys": [ ')
    expect(() => loadSeed(path)).toThrow(/is not valid JSON/)
  })

  it('lists schema problems with their paths', () => {
    const path = writeSeed('bad.json', JSON.stringify({ ...MINIMAL, licenses: [{ id: 'one', bundle: 'suite', licenseKey: 'K', colour: 'red' }] }))
    let error: unknown
    try {
      loadSeed(path)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(SeedError)
    const { message, problems } = error as SeedError
    expect(message).toContain(path)
    expect(problems.some((p) => p.startsWith('licenses[0].id:'))).toBe(true)
    expect(problems.some((p) => p.includes('colour'))).toBe(true)
  })

  it('rejects licences with both or neither of licenseKey and user', () => {
    expect(problemsOf({ ...MINIMAL, licenses: [{ id: 1, bundle: 'suite' }] })).toEqual(['licenses[0]: needs exactly one of licenseKey or user'])
  })

  it('rejects broken cross-references', () => {
    const problems = problemsOf({
      ...MINIMAL,
      apiKeys: [{ apiKey: 'k', sharedKey: 's', products: ['ghost'] }],
      licenses: [
        { id: 1, bundle: 'app', licenseKey: 'A' },
        { id: 1, bundle: 'nowhere', licenseKey: 'A' },
        { id: 3, bundle: 'suite', user: { email: 'x@y.test', customerAccount: 'nobody' } },
        { id: 4, bundle: 'suite', user: { email: 'z@y.test' } },
        { id: 5, bundle: 'suite', licenseKey: 'B', maxActivations: 1, devices: ['a', 'b'] },
        { id: 6, bundle: 'suite', licenseKey: 'C', maxActivations: 1, devices: ['a'], thisPc: true }
      ]
    })
    expect(problems).toEqual(
      expect.arrayContaining([
        'apiKeys[0].products: unknown product "ghost"',
        'licenses: id 1 appears twice',
        'licenses: licence key "A" appears twice',
        'licenses[0].bundle: "app" is not a bundle',
        'licenses[1].bundle: unknown product "nowhere"',
        'licenses[2].user.customerAccount: unknown customer account "nobody"',
        'licenses[3].user: a user outside a customer account needs a password',
        'licenses[4].devices: 2 devices but maxActivations is 1',
        'licenses[5].devices: 2 devices (with this PC) but maxActivations is 1'
      ])
    )
  })

  it('startSandbox rejects an invalid seed with a SeedError', async () => {
    await expect(startSandbox({ quiet: true, sso: false, seed: { ...MINIMAL, apiKeys: [] } })).rejects.toBeInstanceOf(SeedError)
  })

  it('startSandbox serves a custom seed', async () => {
    const sandbox = await startSandbox({ quiet: true, sso: false, seed: MINIMAL })
    try {
      expect(sandbox.apiKey).toBe('k')
      expect(sandbox.summary().bundles).toEqual([expect.objectContaining({ code: 'suite', licenseKeys: ['KEY-1'], users: [] })])
    } finally {
      await sandbox.close()
    }
  })
})
