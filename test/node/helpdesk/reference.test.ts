import { describe, expect, it } from 'vitest'
import { describeError } from '../../../src/shared/errors'
import { hardwareIdFingerprint, inGroupsOfFour } from '../../../src/shared/helpdesk/hardware-id-format'
import { maskLicenceKey } from '../../../src/shared/helpdesk/licence-key-mask'
import { codeInitials, makeReference, REFERENCE_PATTERN } from '../../../src/shared/helpdesk/reference'

const bytes =
  (...values: number[]) =>
  () =>
    Uint8Array.from(values)

describe('the reference read aloud', () => {
  it('is LM-<code initials>-<HTTP status>-<ticket>', () => {
    expect(makeReference(describeError('device_not_found'), bytes(7, 20, 3, 23))).toBe('LM-DNF-400-7M3Q')
    expect(makeReference('ok', bytes(0, 1, 2, 31))).toBe('LM-OK-200-012Z')
  })

  it('says 000 when no HTTP answer came', () => {
    expect(makeReference(describeError('dns_failure'), bytes(1, 1, 1, 1))).toBe('LM-DF-000-1111')
  })

  it('uses only letters that cannot be misheard, and matches its documented form', () => {
    for (let i = 0; i < 200; i++) {
      const reference = makeReference(describeError('license_not_found'))
      expect(reference).toMatch(REFERENCE_PATTERN)
      expect(reference.slice(-4)).not.toMatch(/[ILOU]/)
    }
    expect(codeInitials('sso_redirect_not_loopback')).toBe('SRNL')
    expect(codeInitials('some_new_server_code_with_many_words')).toBe('SNSC')
  })
})

describe('the hardware id for the phone', () => {
  const id = '3d1219c7aa2b4e0f9d8c7b6a5f4e3d2c1b0a99887766554433221100ffeeddcc'

  it('is shown in groups of four', () => {
    expect(inGroupsOfFour(id)).toBe('3d12 19c7 aa2b 4e0f 9d8c 7b6a 5f4e 3d2c 1b0a 9988 7766 5544 3322 1100 ffee ddcc')
    expect(inGroupsOfFour('sandbox-pc-1')).toBe('sand box- pc-1')
  })

  it('has a short fingerprint that differs when one character differs', () => {
    expect(hardwareIdFingerprint(id)).toMatch(/^[0-9A-HJKMNP-TV-Z]{3}-[0-9A-HJKMNP-TV-Z]{3}$/)
    expect(hardwareIdFingerprint(id)).toBe(hardwareIdFingerprint(id))
    expect(hardwareIdFingerprint(id)).not.toBe(hardwareIdFingerprint(id.replace(/c$/, 'd')))
  })

  it('masks a licence key to its last four characters, and a short key entirely', () => {
    expect(maskLicenceKey('OFFICE-2222-IN-USE')).toBe('••••-USE')
    expect(maskLicenceKey('  KEY1-KEY2-KEY3-9876 ')).toBe('••••9876')
    expect(maskLicenceKey('SHORT-KEY')).toBe('••••')
  })
})
