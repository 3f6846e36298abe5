import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { createHardwareIdSource, type LicenseSpringHardwareIdModule } from '../../../src/main/engine/hardware-id'

const require = createRequire(import.meta.url)
const nodeMachineIdValue = (): string => (require('node-machine-id') as { machineIdSync(original: boolean): string }).machineIdSync(false)

describe('hardwareIdSource "licensespring": LicenseSpring’s hardware-id module', () => {
  it.runIf(process.platform === 'linux')(
    'on this Linux PC, Default (0) and LinuxMachineId (4) equal node-machine-id’s value (koffi’s native library loads)',
    async () => {
      const expected = nodeMachineIdValue()
      for (const algorithm of [0, 4]) {
        const outcome = await createHardwareIdSource({ source: { kind: 'licensespring', algorithm } }).machine()
        expect(outcome).toMatchObject({ ok: true, value: { id: expected, source: 'machine-id' } })
        expect(outcome.ok && outcome.value.description).toContain(algorithm === 0 ? 'Default (0)' : 'LinuxMachineId (4)')
      }
    }
  )

  it('not installed → hardware_id_unavailable saying which package is missing', async () => {
    const source = createHardwareIdSource({
      source: { kind: 'licensespring', algorithm: 0 },
      loadLicenseSpring: () => Promise.reject(Object.assign(new Error("Cannot find module '@licensespring/node-sdk/dist/hwid'"), { code: 'MODULE_NOT_FOUND' }))
    })
    const outcome = await source.machine()
    expect(outcome).toMatchObject({ ok: false, error: { code: 'hardware_id_unavailable' } })
    expect(outcome.ok ? '' : outcome.error.explanation).toContain('@licensespring/node-sdk')
  })

  it('a native library that will not load (unsupported platform) → hardware_id_unavailable with the reason', async () => {
    const source = createHardwareIdSource({
      source: { kind: 'licensespring', algorithm: 1 },
      loadLicenseSpring: () => Promise.reject(new Error('Unsupported platform or architecture: sunos x64'))
    })
    const outcome = await source.machine()
    expect(outcome.ok ? '' : outcome.error.explanation).toContain('Unsupported platform')
  })

  it('calls the module off the main thread when koffi offers .async, with the configured algorithm', async () => {
    const asked: number[] = []
    const getHardwareId = Object.assign(
      () => {
        throw new Error('the synchronous call must not be used')
      },
      { async: (algorithm: number, done: (error: unknown, id: string) => void) => (asked.push(algorithm), setTimeout(() => done(null, 'C0FFEE-HW-ID'), 1)) }
    )
    const module: LicenseSpringHardwareIdModule = { getHardwareId }
    const outcome = await createHardwareIdSource({ source: { kind: 'licensespring', algorithm: 3 }, loadLicenseSpring: async () => module }).machine()
    expect(outcome).toMatchObject({ ok: true, value: { id: 'C0FFEE-HW-ID' } })
    expect(asked).toEqual([3])
  })

  it('an empty answer from the module is refused like node-machine-id’s fallbacks', async () => {
    const module: LicenseSpringHardwareIdModule = { getHardwareId: () => '' }
    const outcome = await createHardwareIdSource({ source: { kind: 'licensespring', algorithm: 0 }, loadLicenseSpring: async () => module }).machine()
    expect(outcome).toMatchObject({ ok: false, error: { code: 'hardware_id_unavailable' } })
  })
})
