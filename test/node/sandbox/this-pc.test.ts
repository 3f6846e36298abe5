import { afterEach, describe, expect, it } from 'vitest'
import { defaultSeed } from '../../../src/sandbox/seed'
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/server'

const started: RunningSandbox[] = []
afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.close()))
})

async function sandboxOn(thisPcHardwareId?: string) {
  const sandbox = await startSandbox({ port: 0, quiet: true, sso: false, ...(thisPcHardwareId !== undefined ? { thisPcHardwareId } : {}) })
  started.push(sandbox)
  return sandbox
}

describe('the PC the sandbox runs on', () => {
  it('is activated on the documented licence key and users of the default seed, next to sandbox-pc-1', async () => {
    const documented = defaultSeed()
      .licenses.filter((l) => l.thisPc)
      .map((l) => l.licenseKey ?? l.user?.email)
    expect(documented).toEqual(['OFFICE-2222-IN-USE', 'bob@example.test', 'ann@acme.test'])
    const sandbox = await sandboxOn('this-pc-hardware-id')
    expect(sandbox.devicesOf('OFFICE-2222-IN-USE')).toEqual(['sandbox-pc-1', 'this-pc-hardware-id'])
    expect(sandbox.devicesOf(2001)).toEqual(['sandbox-pc-1', 'this-pc-hardware-id'])
    expect(sandbox.devicesOf(3001)).toEqual(['sandbox-pc-1', 'this-pc-hardware-id'])
    expect(sandbox.devicesOf('OFFICE-1111-FREE-SEAT')).toEqual([])
    expect(sandbox.summary().thisPc).toBe('this-pc-hardware-id')
  })

  it('is activated again by reset, after a deactivation freed it', async () => {
    const sandbox = await sandboxOn('this-pc-hardware-id')
    const licence = sandbox.store.licenseByKey('office-suite', 'OFFICE-2222-IN-USE')!
    expect(sandbox.store.deactivateDevice(licence, 'this-pc-hardware-id')).toMatchObject({ kind: 'deactivated' })
    expect(sandbox.devicesOf('OFFICE-2222-IN-USE')).toEqual(['sandbox-pc-1'])
    sandbox.reset()
    expect(sandbox.devicesOf('OFFICE-2222-IN-USE')).toEqual(['sandbox-pc-1', 'this-pc-hardware-id'])
  })

  it('without an id (unreadable), only the seeded devices are active and the summary says nothing of this PC', async () => {
    const sandbox = await sandboxOn()
    expect(sandbox.devicesOf('OFFICE-2222-IN-USE')).toEqual(['sandbox-pc-1'])
    expect(sandbox.summary().thisPc).toBeUndefined()
  })
})
