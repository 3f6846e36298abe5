import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { createHardwareIdSource, EMPTY_MACHINE_ID_HASH, type MachineIdReader } from '../../../src/main/engine/hardware-id'

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')
const GUID = '3d1219c7c4c5404aaa1f6d2a48adfda4'

/** A reader shaped like node-machine-id: hashed with `false`, raw with `true`; counts its calls. */
function reader(raw: string): MachineIdReader & { calls: number } {
  const read = Object.assign((original: boolean) => {
    read.calls += 1
    return original ? raw : sha256(raw)
  }, { calls: 0 })
  return read
}

const unavailableExplanation = (outcome: ReturnType<ReturnType<typeof createHardwareIdSource>['machine']>) => {
  expect(outcome.ok).toBe(false)
  if (outcome.ok) return ''
  expect(outcome.error.code).toBe('hardware_id_unavailable')
  return outcome.error.explanation
}

describe('hardware id from the machine id', () => {
  it('returns the SHA-256 of the OS machine id with where it came from', () => {
    const source = createHardwareIdSource({ readMachineId: reader(GUID), hostname: () => 'desk-17', platform: 'linux' })
    expect(source.machine()).toEqual({
      ok: true,
      value: { id: sha256(GUID), source: 'machine-id', description: expect.stringContaining('/etc/machine-id') }
    })
  })

  it('names the Windows registry value on Windows', () => {
    const outcome = createHardwareIdSource({ readMachineId: reader(GUID), hostname: () => 'desk-17', platform: 'win32' }).machine()
    expect(outcome.ok && outcome.value.description).toContain('MachineGuid')
  })

  it('caches the first success', () => {
    const read = reader(GUID)
    const source = createHardwareIdSource({ readMachineId: read, hostname: () => 'desk-17' })
    const first = source.machine()
    const second = source.machine()
    expect(second).toEqual(first)
    expect(read.calls).toBe(2) // hashed + raw, once
  })

  it('detects the empty-string fallback (sha256 of "")', () => {
    expect(EMPTY_MACHINE_ID_HASH).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')
    const explanation = unavailableExplanation(createHardwareIdSource({ readMachineId: reader(''), hostname: () => 'desk-17' }).machine())
    expect(explanation).toContain('empty')
  })

  it('detects the hostname fallback, whether node-machine-id cleaned the name or not', () => {
    for (const host of ['build-agent-7', 'Build Agent 7']) {
      const cleaned = host.replace(/\s+/g, '').toLowerCase()
      const read: MachineIdReader = (original) => (original ? cleaned : sha256(cleaned))
      const explanation = unavailableExplanation(createHardwareIdSource({ readMachineId: read, hostname: () => host }).machine())
      expect(explanation).toContain('computer name')
    }
  })

  it('detects a raw value that equals the hostname even if the hash differs', () => {
    const read: MachineIdReader = (original) => (original ? 'desk-17' : sha256(GUID))
    expect(unavailableExplanation(createHardwareIdSource({ readMachineId: read, hostname: () => 'desk-17' }).machine())).toContain('computer name')
  })

  it('turns a failing reader (REG.exe refused) into hardware_id_unavailable, and does not cache the failure', () => {
    let fail = true
    const read: MachineIdReader = (original) => {
      if (fail) throw new Error('Command failed: REG.exe QUERY HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Cryptography /v MachineGuid\nAccess is denied.')
      return original ? GUID : sha256(GUID)
    }
    const source = createHardwareIdSource({ readMachineId: read, hostname: () => 'desk-17', platform: 'win32' })
    const explanation = unavailableExplanation(source.machine())
    expect(explanation).toContain('MachineGuid')
    expect(explanation).toContain('REG.exe')
    fail = false
    expect(source.machine().ok).toBe(true)
  })

  it('refuses a value that is not 64 hexadecimal characters', () => {
    const read: MachineIdReader = (original) => (original ? GUID : 'not-a-sha256')
    expect(unavailableExplanation(createHardwareIdSource({ readMachineId: read, hostname: () => 'desk-17' }).machine())).toContain('64 hexadecimal')
  })

  it('reads the real machine id of this PC through node-machine-id', () => {
    const outcome = createHardwareIdSource().machine()
    // This PC may lack /etc/machine-id; then the fallback must be reported, never sent.
    if (outcome.ok) expect(outcome.value.id).toMatch(/^[0-9a-f]{64}$/)
    else expect(outcome.error.code).toBe('hardware_id_unavailable')
  })
})

describe('hardware id override', () => {
  const source = createHardwareIdSource({ readMachineId: () => { throw new Error('must not be read') }, hostname: () => 'desk-17' })

  it('wins over the machine id, trimmed, without reading the machine', () => {
    expect(source.resolve('  helpdesk-pc-42 \n')).toEqual({
      ok: true,
      value: { id: 'helpdesk-pc-42', source: 'override', description: expect.stringContaining('override') }
    })
  })

  it('an empty or blank override falls back to the machine id', () => {
    expect(source.resolve('   ')).toMatchObject({ ok: false, error: { code: 'hardware_id_unavailable' } })
    expect(createHardwareIdSource({ readMachineId: reader(GUID), hostname: () => 'h' }).resolve('')).toMatchObject({ ok: true, value: { source: 'machine-id' } })
  })

  it('is refused when longer than the hardware id limit, naming the field', () => {
    expect(source.resolve('x'.repeat(256)).ok).toBe(true)
    const outcome = source.resolve('x'.repeat(257))
    expect(outcome.ok ? 'ok' : outcome.error).toMatchObject({ code: 'invalid_input', field: 'hardwareId' })
  })
})

describe('a fixed machine id (tests and demos)', () => {
  it('is used as given when it is not a known fallback', () => {
    const source = createHardwareIdSource({ fixedMachineId: () => 'e2e-machine-0001', hostname: () => 'desk-17' })
    expect(source.machine()).toMatchObject({ ok: true, value: { id: 'e2e-machine-0001', source: 'machine-id' } })
  })

  it('is still checked for the empty and hostname fallbacks', () => {
    expect(createHardwareIdSource({ fixedMachineId: () => '', hostname: () => 'desk-17' }).machine().ok).toBe(false)
    expect(createHardwareIdSource({ fixedMachineId: () => sha256('desk-17'), hostname: () => 'desk-17' }).machine().ok).toBe(false)
  })
})
