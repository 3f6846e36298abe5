import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { createHardwareIdSource, EMPTY_MACHINE_ID_HASH } from '../../../src/main/engine/hardware-id'
import type { RawMachineIdReader } from '../../../src/main/engine/machine-id-readers'
import { expectOk } from '../../support/expect-ok'
import { stringContaining } from '../../support/matchers'

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')
const GUID = '3d1219c7c4c5404aaa1f6d2a48adfda4'

/** A raw OS id reader (node-machine-id's `original` form) that counts its calls. */
function reader(raw: string): RawMachineIdReader & { calls: number } {
  const read = Object.assign(
    async () => {
      read.calls += 1
      return raw
    },
    { calls: 0 }
  )
  return read
}

type MachineOutcome = Awaited<ReturnType<ReturnType<typeof createHardwareIdSource>['machine']>>

const unavailableExplanation = (outcome: MachineOutcome) => {
  expect(outcome.ok).toBe(false)
  if (outcome.ok) return ''
  expect(outcome.error.code).toBe('hardware_id_unavailable')
  return outcome.error.explanation
}

describe('hardware id from the machine id', () => {
  it('returns the SHA-256 of the OS machine id with where it came from', async () => {
    const source = createHardwareIdSource({ readRawMachineId: reader(GUID), hostname: () => 'desk-17', platform: 'linux' })
    expect(await source.machine()).toEqual({
      ok: true,
      value: { id: sha256(GUID), source: 'machine-id', description: stringContaining('/etc/machine-id') }
    })
  })

  it('names the Windows registry value on Windows', async () => {
    const outcome = await createHardwareIdSource({ readRawMachineId: reader(GUID), hostname: () => 'desk-17', platform: 'win32' }).machine()
    expect(outcome.ok && outcome.value.description).toContain('MachineGuid')
  })

  it('caches the first success, and concurrent callers share one read', async () => {
    const read = reader(GUID)
    const source = createHardwareIdSource({ readRawMachineId: read, hostname: () => 'desk-17' })
    const [first, concurrent] = await Promise.all([source.machine(), source.machine()])
    expect(concurrent).toEqual(first)
    expect(await source.machine()).toEqual(first)
    expect(read.calls).toBe(1)
  })

  it('detects the empty-string fallback (sha256 of "")', async () => {
    expect(EMPTY_MACHINE_ID_HASH).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')
    const explanation = unavailableExplanation(await createHardwareIdSource({ readRawMachineId: reader(''), hostname: () => 'desk-17' }).machine())
    expect(explanation).toContain('empty')
  })

  it('detects the hostname fallback, whether node-machine-id cleaned the name or not', async () => {
    for (const host of ['build-agent-7', 'Build Agent 7']) {
      const cleaned = host.replace(/\s+/g, '').toLowerCase()
      const explanation = unavailableExplanation(await createHardwareIdSource({ readRawMachineId: reader(cleaned), hostname: () => host }).machine())
      expect(explanation).toContain('computer name')
    }
  })

  it('turns a failing reader (REG.exe refused) into hardware_id_unavailable, and does not cache the failure', async () => {
    let fail = true
    const read: RawMachineIdReader = async () => {
      if (fail) throw new Error('Command failed: REG.exe QUERY HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Cryptography /v MachineGuid\nAccess is denied.')
      return GUID
    }
    const source = createHardwareIdSource({ readRawMachineId: read, hostname: () => 'desk-17', platform: 'win32' })
    const explanation = unavailableExplanation(await source.machine())
    expect(explanation).toContain('MachineGuid')
    expect(explanation).toContain('REG.exe')
    fail = false
    expectOk(await source.machine())
  })

  it('reads the real machine id of this PC, and gives exactly node-machine-id’s value', async () => {
    const outcome = await createHardwareIdSource().machine()
    // This PC may lack /etc/machine-id; then the fallback must be reported, never sent.
    if (!outcome.ok) return expect(outcome.error.code).toBe('hardware_id_unavailable')
    const { machineIdSync } = (await import('node-machine-id')).default as { machineIdSync: (original: boolean) => string }
    expect(outcome.value.id).toBe(machineIdSync(false))
  })
})

describe('hardware id override', () => {
  const source = createHardwareIdSource({ readRawMachineId: () => Promise.reject(new Error('must not be read')), hostname: () => 'desk-17' })

  it('wins over the machine id, trimmed, without reading the machine', async () => {
    expect(await source.resolve('  helpdesk-pc-42 \n')).toEqual({
      ok: true,
      value: { id: 'helpdesk-pc-42', source: 'override', description: stringContaining('override') }
    })
  })

  it('an empty or blank override falls back to the machine id', async () => {
    expect(await source.resolve('   ')).toMatchObject({ ok: false, error: { code: 'hardware_id_unavailable' } })
    expect(await createHardwareIdSource({ readRawMachineId: reader(GUID), hostname: () => 'h' }).resolve('')).toMatchObject({
      ok: true,
      value: { source: 'machine-id' }
    })
  })

  it('is refused when longer than the hardware id limit, naming the field', async () => {
    expectOk(await source.resolve('x'.repeat(256)))
    const outcome = await source.resolve('x'.repeat(257))
    expect(outcome.ok ? 'ok' : outcome.error).toMatchObject({ code: 'invalid_input', field: 'hardwareId' })
  })
})

describe('a fixed machine id (tests and demos)', () => {
  it('is used as given when it is not a known fallback', async () => {
    const source = createHardwareIdSource({ fixedMachineId: () => 'e2e-machine-0001', hostname: () => 'desk-17' })
    expect(await source.machine()).toMatchObject({ ok: true, value: { id: 'e2e-machine-0001', source: 'machine-id' } })
  })

  it('is still checked for the empty and hostname fallbacks', async () => {
    expect((await createHardwareIdSource({ fixedMachineId: () => '', hostname: () => 'desk-17' }).machine()).ok).toBe(false)
    expect((await createHardwareIdSource({ fixedMachineId: () => sha256('desk-17'), hostname: () => 'desk-17' }).machine()).ok).toBe(false)
  })
})
