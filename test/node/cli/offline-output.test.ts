import { describe, expect, it } from 'vitest'
import { formatUpload } from '../../../src/cli/output'
import type { OfflineRequestSummary } from '../../../src/shared/api'
import { formatLocalTime } from '../../../src/shared/format-time'
import { hardwareIdFingerprint } from '../../../src/shared/helpdesk/hardware-id-format'

/** What upload-offline prints about a file: what it freed, its format, and the fields this app does not know. */
const SUMMARY: OfflineRequestSummary = {
  product: 'fooapp',
  hardwareId: 'pc-7',
  method: 'user',
  licence: 'ann@example.test',
  writtenAt: null,
  writtenText: '2025-08-29 07:22',
  writtenBy: '7.41.1 (cpp)',
  requestId: 'D010714E-72DD-E4CF-BEBB-4105EC1B2A0F',
  format: 'v1',
  otherFields: [
    { name: 'sdk_flavour', value: 'community' },
    { name: 'password', value: '(hidden)' }
  ],
  otherFieldsNotShown: 2
}

describe('upload-offline’s report', () => {
  it('names the format, a date it could not read as written, and every other field (the rest counted)', () => {
    const text = formatUpload({ summary: SUMMARY, at: '2025-08-30T10:00:00.000Z' }, 'https://api.example.test/api/v4/')
    expect(text.split('\n').slice(1)).toEqual([
      '  Bundle:      fooapp',
      '  Hardware id: pc-7',
      `               pc-7 · fingerprint ${hardwareIdFingerprint('pc-7')}`,
      '  Username:    ann@example.test',
      '  Written:     "2025-08-29 07:22" (as the file says it) by 7.41.1 (cpp)',
      '  Request id:  D010714E-72DD-E4CF-BEBB-4105EC1B2A0F',
      '  Format:      older (schema 1): only the date, licence key or username, hardware id and API key are signed',
      '  Other fields (not known to this app; the server checks them):',
      '    sdk_flavour: community',
      '    password: (hidden)',
      '    and 2 more',
      '  Server:      https://api.example.test/api/v4/',
      `  At:          ${formatLocalTime('2025-08-30T10:00:00.000Z')}`
    ])
  })

  it('a current file with no other fields prints no such section', () => {
    const text = formatUpload(
      { summary: { ...SUMMARY, format: 'v2', writtenAt: '2025-08-29T07:22:37.000Z', otherFields: [], otherFieldsNotShown: 0 }, at: 'x' },
      's'
    )
    expect(text).toContain(`  Written:     ${formatLocalTime('2025-08-29T07:22:37.000Z')} by 7.41.1 (cpp)`)
    expect(text).toContain('  Format:      current (schema 2): every field signed')
    expect(text).not.toContain('Other fields')
  })
})
