import { describe, expect, it } from 'vitest'
import { formatActivation, formatDeactivation, formatHardwareId, formatUpload, formatWrittenRequest } from '../../../src/cli/output'
import { formatLocalTime } from '../../../src/shared/format-time'
import { hardwareIdFingerprint, inGroupsOfFour } from '../../../src/shared/helpdesk/hardware-id-format'
import type { OfflineRequestSummary } from '../../../src/shared/api'

const ID = '74aefc11dfae8e7e51e38736f924e709079b75ebdb612dab670a2c2192aad4f2'
const AT = '2026-12-07T13:03:05.000Z'
const SUMMARY: OfflineRequestSummary = {
  product: 'office-suite',
  hardwareId: ID,
  method: 'license-key',
  licence: '••••0001',
  writtenAt: AT,
  writtenBy: 'License Manager 0.1.0',
  requestId: '7a38e479-0400-4346-87bc-2fd3b96ceb8e',
  format: 'v2',
  writtenText: '',
  otherFields: [],
  otherFieldsNotShown: 0
}

/** The line after "Hardware id:", as the window shows the id: in groups of four, with its fingerprint. */
const groupedLine = `${inGroupsOfFour(ID)} · fingerprint ${hardwareIdFingerprint(ID)}`

describe('the command line shows the facts the window shows', () => {
  it('every result that names a hardware id shows it whole, in groups of four and with its fingerprint', () => {
    const results = [
      formatHardwareId({ id: ID, source: 'machine-id', description: 'SHA-256 of the machine id' }),
      formatDeactivation({ product: 'office-suite', products: null, hardwareId: ID, method: 'license-key', at: AT }, 'https://api.example.test/api/v4/'),
      formatActivation({ product: 'office-suite', products: ['writer'], hardwareId: ID, method: 'user', at: AT }, 'https://api.example.test/api/v4/'),
      formatWrittenRequest({ path: '/home/anna/Documents/office-suite-74aefc11-deactivate.req', summary: SUMMARY }),
      formatUpload({ summary: SUMMARY, at: AT }, 'https://api.example.test/api/v4/')
    ]
    for (const text of results) {
      expect(text).toMatch(new RegExp(`Hardware id: ${ID}\\n {13,15}${groupedLine.replace(/[·]/g, '.')}`))
    }
  })

  it('times are local, with the time zone, from the one formatter the window uses', () => {
    expect(formatLocalTime(AT, { locale: 'en-GB', timeZone: 'Europe/Zurich' })).toBe('7 Dec 2026, 14:03:05 CET')
    expect(formatLocalTime('not a time')).toBe('not a time')
    const text = formatDeactivation({ product: 'office-suite', products: null, hardwareId: ID, method: 'license-key', at: AT }, 'server')
    expect(text).toContain(`  At:          ${formatLocalTime(AT)}`)
    expect(text).not.toContain(AT)
    expect(formatWrittenRequest({ path: 'x.req', summary: SUMMARY })).toContain(`Written:     ${formatLocalTime(AT)} by License Manager 0.1.0`)
  })
})
