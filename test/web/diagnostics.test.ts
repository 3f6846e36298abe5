import { describe, expect, it } from 'vitest'
import type { DeactivationRequest } from '../../src/shared/request'
import { describeError } from '../../src/shared/errors'
import { failure, success } from '../../src/shared/outcome'
import { buildDiagnostics, buildPcLicencesDiagnostics, buildUploadDiagnostics, codeAndStatus } from '../../src/renderer/src/diagnostics'
import type { PcLicences } from '../../src/shared/licences-on-pc'
import { describeValidity } from '../../src/shared/licence-words'
import { hardwareIdFingerprint, inGroupsOfFour } from '../../src/shared/helpdesk/hardware-id-format'
import type { PreparedAttempt } from '../../src/renderer/src/form-model'
import { APP_INFO, OFFICE_ON_PC, PC_HARDWARE_ID, REQUEST_SUMMARY } from './support/fake-api'

const AT = new Date('2025-03-04T10:20:30.000Z')
const SECRETS = {
  licenseKey: 'KEY1-KEY2-KEY3-9876',
  password: 'correct horse battery staple',
  idToken: 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbm4ifQ.c2lnbmF0dXJl'
}

function direct(input: DeactivationRequest, method: PreparedAttempt['method']): PreparedAttempt {
  return { kind: 'direct', method, hardware: PC_HARDWARE_ID, input }
}

describe('buildDiagnostics', () => {
  it('ends with the log file and its last lines, indented, with the attempt’s secrets removed once more', () => {
    const attempt = direct({ product: 'office-suite', credentials: { method: 'license-key', licenseKey: SECRETS.licenseKey } }, 'license-key')
    const text = buildDiagnostics({
      app: APP_INFO,
      attempt,
      outcome: failure(describeError('device_not_found')),
      at: AT,
      log: { folder: '/logs', file: '/logs/main.log', lines: ['first line', `a line that somehow holds ${SECRETS.licenseKey}`] }
    })
    expect(text.endsWith('Log file: /logs/main.log\nLast lines of the log:\n  first line\n  a line that somehow holds [removed]\n')).toBe(true)
    const unread = buildDiagnostics({ app: APP_INFO, attempt, outcome: failure(describeError('device_not_found')), at: AT, log: null })
    expect(unread.endsWith('Log: could not be read\n')).toBe(true)
  })

  it('has app, OS, server, bundle, method, hardware id and source, time, and the error', () => {
    const text = buildDiagnostics({
      app: APP_INFO,
      attempt: direct({ product: 'office-suite', licenseId: 1001, credentials: { method: 'license-key', licenseKey: SECRETS.licenseKey } }, 'license-key'),
      outcome: failure(describeError('device_not_found')),
      at: AT
    })
    for (const line of [
      'App version: 0.1.0',
      'OS: linux 6.1 (x64)',
      'Server: http://127.0.0.1:4010/api/v4/ (sandbox)',
      'Bundle: office-suite',
      'Method: Licence key (license-key)',
      'Licence id: 1001',
      `Hardware id: ${PC_HARDWARE_ID.id}`,
      `Hardware id source: machine-id — ${PC_HARDWARE_ID.description}`,
      'Time: 2025-03-04T10:20:30.000Z',
      'Result: failed',
      'Error: This PC is not activated on that licence',
      'Error code: device_not_found',
      'HTTP status: 400'
    ]) {
      expect(text.split('\n')).toContain(line)
    }
  })

  it.each([
    ['licence key', direct({ product: 'office-suite', credentials: { method: 'license-key', licenseKey: SECRETS.licenseKey } }, 'license-key')],
    [
      'username and password',
      direct({ product: 'office-suite', credentials: { method: 'user', username: 'ann@acme.test', password: SECRETS.password } }, 'user')
    ],
    ['ID token', direct({ product: 'office-suite', credentials: { method: 'sso-token', idToken: SECRETS.idToken, customerAccountCode: 'acme' } }, 'sso-token')]
  ])('leaves out every secret of a %s request, even when the server echoes it', (_, attempt) => {
    const credentials: Record<string, string | undefined> = attempt.kind === 'direct' ? attempt.input.credentials : {}
    const sent = [credentials['licenseKey'], credentials['password'], credentials['idToken']].filter((s): s is string => s !== undefined)
    expect(sent.length).toBeGreaterThan(0)
    const echo = `Rejected ${sent.join(' and ')}`
    const text = buildDiagnostics({ app: APP_INFO, attempt, outcome: failure(describeError('license_not_found', { serverMessage: echo })), at: AT })
    for (const secret of Object.values(SECRETS)) expect(text).not.toContain(secret)
    expect(text).not.toContain('KEY3-9876')
    expect(text).toContain('Server message: Rejected [removed]')
  })

  it('describes a browser sign-in without any code or token', () => {
    const attempt: PreparedAttempt = {
      kind: 'sso',
      method: 'sso-code',
      hardware: { id: 'HELPDESK-1', source: 'override', description: 'Typed into the hardware id override' },
      input: { product: 'office-suite', customerAccountCode: 'acme', grant: 'code', hardwareId: 'HELPDESK-1' }
    }
    const text = buildDiagnostics({ app: { ...APP_INFO, sandbox: false }, attempt, outcome: failure(describeError('sso_cancelled')), at: AT })
    expect(text).toContain('Method: Company sign-in in the browser (sso-code)')
    expect(text).toContain('Browser sign-in grant: code')
    expect(text).toContain('Customer account: acme')
    expect(text).toContain('Hardware id: HELPDESK-1')
    expect(text).toContain('Hardware id source: override — Typed into the hardware id override')
    expect(text).toContain('HTTP status: none')
    expect(text).not.toContain('(sandbox)')
  })

  it('reports a success with the server’s time', () => {
    const attempt = direct({ product: 'office-suite', credentials: { method: 'license-key', licenseKey: SECRETS.licenseKey } }, 'license-key')
    const outcome = success({
      product: 'office-suite',
      products: null,
      hardwareId: PC_HARDWARE_ID.id,
      method: 'license-key' as const,
      at: '2025-03-04T10:20:29.000Z'
    })
    const text = buildDiagnostics({ app: APP_INFO, attempt, outcome, at: AT })
    expect(text).toContain('Result: deactivated')
    expect(text).toContain('Confirmed by server at: 2025-03-04T10:20:29.000Z')
    expect(text).not.toContain('Error code')
    expect(text).not.toContain(SECRETS.licenseKey)
  })
})

describe('buildDiagnostics for a ticket', () => {
  it('adds the reference, the username, the key masked to its last four characters, the time zone and the network cause', () => {
    const text = buildDiagnostics({
      app: APP_INFO,
      attempt: direct({ product: 'office-suite', credentials: { method: 'license-key', licenseKey: SECRETS.licenseKey } }, 'license-key'),
      outcome: failure({ ...describeError('cannot_connect_to_server'), networkCause: 'ECONNREFUSED 127.0.0.1:4010' }),
      at: AT,
      reference: 'LM-CNX-000-7K3Q',
      timeZone: 'Europe/Vienna'
    }).split('\n')
    expect(text[1]).toBe('Reference: LM-CNX-000-7K3Q')
    expect(text).toContain('Licence key: ••••9876')
    expect(text).toContain('Time zone: Europe/Vienna')
    expect(text).toContain('Network cause: ECONNREFUSED 127.0.0.1:4010')
    expect(text).toContain('HTTP status: none')
    const user = buildDiagnostics({
      app: APP_INFO,
      attempt: direct({ product: 'design-pack', credentials: { method: 'user', username: ' ann@acme.test ', password: SECRETS.password } }, 'user'),
      outcome: failure(describeError('license_not_found')),
      at: AT
    })
    expect(user).toContain('Username: ann@acme.test')
    expect(user).not.toContain(SECRETS.password)
  })

  it('gives both ids when an override was sent, each with its fingerprint, and the id in groups of four', () => {
    const attempt: PreparedAttempt = {
      kind: 'direct',
      method: 'license-key',
      hardware: { id: 'HELPDESK-PC-0001', source: 'override', description: 'Typed into the hardware id override' },
      input: { product: 'office-suite', hardwareId: 'HELPDESK-PC-0001', credentials: { method: 'license-key', licenseKey: SECRETS.licenseKey } }
    }
    const text = buildDiagnostics({ app: APP_INFO, attempt, outcome: failure(describeError('device_not_found')), at: AT, thisPc: PC_HARDWARE_ID })
    expect(text).toContain('Hardware id: HELPDESK-PC-0001')
    expect(text).toMatch(/Hardware id in groups: HELP DESK -PC- 0001 \(fingerprint [0-9A-Z]{3}-[0-9A-Z]{3}\)/)
    expect(text).toContain(`This PC’s own hardware id (not sent): ${PC_HARDWARE_ID.id} (fingerprint`)
  })
})

describe('codeAndStatus', () => {
  it('formats the helpdesk line', () => {
    expect(codeAndStatus({ code: 'device_not_found', status: 400 })).toBe('Code: device_not_found · HTTP 400')
    expect(codeAndStatus({ code: 'timeout', status: 0 })).toBe('Code: timeout · no HTTP status')
  })
})

describe('buildUploadDiagnostics', () => {
  it('names the file’s bundle, masked licence, hardware id, request id, and the server’s error', () => {
    const text = buildUploadDiagnostics({
      app: APP_INFO,
      summary: REQUEST_SUMMARY,
      outcome: failure(describeError('offline_request_replayed', { status: 400, serverMessage: 'This request file was already used' })),
      at: AT,
      reference: 'LM-AGN-400-7K3Q',
      timeZone: 'Europe/Zurich'
    })
    expect(text.split('\n')[1]).toBe('Reference: LM-AGN-400-7K3Q')
    for (const line of [
      'Time zone: Europe/Zurich',
      'Task: upload of an offline deactivation request file',
      'Bundle: office-suite',
      'Licence key (masked): ••••DDDD',
      `Hardware id: ${PC_HARDWARE_ID.id}`,
      `Hardware id in groups: ${inGroupsOfFour(PC_HARDWARE_ID.id)} (fingerprint ${hardwareIdFingerprint(PC_HARDWARE_ID.id)})`,
      `Request id: ${REQUEST_SUMMARY.requestId} (format v2)`,
      'Error code: offline_request_replayed',
      'HTTP status: 400',
      'Server message: This request file was already used',
      `Time: ${AT.toISOString()}`
    ])
      expect(text).toContain(line)
  })

  it('reports a freed seat with the server’s time', () => {
    const text = buildUploadDiagnostics({
      app: APP_INFO,
      summary: REQUEST_SUMMARY,
      outcome: success({ summary: REQUEST_SUMMARY, at: '2025-03-04T10:20:31.000Z' }),
      at: AT
    })
    expect(text).toContain('Result: seat freed\nConfirmed by server at: 2025-03-04T10:20:31.000Z')
  })
})

describe('what this PC held when last checked', () => {
  const attempt = direct({ product: 'office-suite', credentials: { method: 'license-key', licenseKey: SECRETS.licenseKey } }, 'license-key')
  const held = (bundles: PcLicences['bundles']): PcLicences => ({
    hardwareId: PC_HARDWARE_ID.id,
    source: 'machine-id',
    bundles,
    checkedAt: '2025-03-04T10:19:00.000Z',
    signatures: 'verified'
  })

  it('every report says so when nothing was checked in this session', () => {
    const text = buildDiagnostics({ app: APP_INFO, attempt, outcome: failure(describeError('device_not_found')), at: AT, pcCheck: null })
    expect(text.split('\n')).toContain('Licences on this PC: not checked in this session')
  })

  it('lists each bundle held: its licence (key masked), id, seats, dates and state', () => {
    const expired = { ...OFFICE_ON_PC, bundle: 'old-suite', bundleName: null, licenceId: 7, expired: true, validUntil: '2024-06-30T23:59:59.000Z' }
    const text = buildDiagnostics({
      app: APP_INFO,
      attempt,
      outcome: failure(describeError('device_not_found')),
      at: AT,
      pcCheck: { outcome: success(held([OFFICE_ON_PC, expired])), at: new Date('2025-03-04T10:19:00.000Z') }
    })
    const lines = text.split('\n')
    expect(lines).toContain(`Licences on this PC: checked 2025-03-04T10:19:00.000Z for this PC’s hardware id ${PC_HARDWARE_ID.id} (signatures verified)`)
    expect(lines).toContain('  Office Suite (office-suite): licence key ••••-USE, licence id 1002, seats 2 of 5 in use, no end date')
    // The licence's end day as the language spoken writes it (common.json), "until 30 Jun 2024" in English.
    const until = describeValidity({ validUntil: '2024-06-30T23:59:59.000Z', startDate: null })
    expect(until).toMatch(/2024/)
    expect(lines).toContain(`  old-suite: licence key ••••-USE, licence id 7, seats 2 of 5 in use, ${until}, expired`)
  })

  it('says when nothing was held, or when the check failed; and the check after a deactivation', () => {
    const nothing = buildDiagnostics({
      app: APP_INFO,
      attempt,
      outcome: deactivatedOutcome(),
      at: AT,
      pcCheck: { override: 'other-pc', outcome: success({ ...held([]), hardwareId: 'other-pc', source: 'override' }), at: AT },
      seatCheck: success({
        product: 'office-suite',
        hardwareId: PC_HARDWARE_ID.id,
        state: 'free',
        checkedAt: '2025-03-04T10:20:31.000Z',
        signatures: 'verified'
      })
    })
    expect(nothing).toContain(
      'Licences on this PC: checked 2025-03-04T10:19:00.000Z for hardware id (override) other-pc (signatures verified)\n  nothing active\n'
    )
    expect(nothing).toContain('Check after deactivation: seat free at 2025-03-04T10:20:31.000Z (signatures verified)')
    const failed = buildPcLicencesDiagnostics({
      app: APP_INFO,
      check: { outcome: failure(describeError('revoked_api_key')), at: AT },
      at: AT
    })
    expect(failed).toContain('Task: licences on this PC')
    expect(failed).toContain('Licences on this PC: the check of this PC at 2025-03-04T10:20:30.000Z failed (revoked_api_key, HTTP 400)')
  })
})

function deactivatedOutcome() {
  return success({ product: 'office-suite', products: null, hardwareId: PC_HARDWARE_ID.id, method: 'license-key' as const, at: AT.toISOString() })
}
