import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { describeError, describeServerError, ERROR_CATALOGUE, type KnownErrorCode } from '../../../src/shared/errors'
import { hardwareIdFingerprint, inGroupsOfFour } from '../../../src/shared/helpdesk/hardware-id-format'
import { HELPDESK_ENTRIES } from '../../../src/shared/helpdesk/helpdesk-entries'
import { maskLicenceKey } from '../../../src/shared/helpdesk/licence-key-mask'
import { makeReference, meaningOf, MNEMONIC_PATTERN, readReference, REFERENCE_PATTERN } from '../../../src/shared/helpdesk/reference'

const bytes =
  (...values: number[]) =>
  () =>
    Uint8Array.from(values)

const CODES = Object.keys(ERROR_CATALOGUE) as KnownErrorCode[]

/** Positions where two mnemonics of one length differ. */
const differences = (a: string, b: string) => Array.from({ length: a.length }, (_, i) => a[i] !== b[i]).filter(Boolean).length

describe('the mnemonics', () => {
  const mnemonics = HELPDESK_ENTRIES.map((e) => e.mnemonic)

  it('every result has one: each catalogue entry, the success and the unknown server code', () => {
    expect(HELPDESK_ENTRIES).toHaveLength(CODES.length + 2)
    for (const code of CODES) expect(ERROR_CATALOGUE[code].mnemonic, code).toMatch(MNEMONIC_PATTERN)
    for (const mnemonic of mnemonics) expect(mnemonic).toMatch(MNEMONIC_PATTERN)
  })

  it('are unique, and no single misheard letter turns one into another', () => {
    expect(new Set(mnemonics).size).toBe(mnemonics.length)
    const tooClose: string[] = []
    for (const [i, a] of mnemonics.entries()) {
      for (const b of mnemonics.slice(i + 1)) if (a.length === b.length && differences(a, b) < 2) tooClose.push(`${a}/${b}`)
    }
    expect(tooClose).toEqual([])
  })

  it('are stored on the entry, not derived from the code (the collisions of initials are gone)', () => {
    // Initials collided: offline_file_truncated and offline_file_too_large (OFT), blacklisted and busy (B).
    expect(ERROR_CATALOGUE.offline_file_truncated.mnemonic).not.toBe(ERROR_CATALOGUE.offline_file_too_large.mnemonic)
    expect(ERROR_CATALOGUE.blacklisted.mnemonic).not.toBe(ERROR_CATALOGUE.busy.mnemonic)
  })
})

describe('the reference read aloud', () => {
  it('is LM-<mnemonic>-<status>-<ticket>', () => {
    expect(makeReference(describeError('device_not_found'), bytes(7, 20, 3, 23))).toBe('LM-DNF-400-7M3Q')
    expect(makeReference({ success: 'server' }, bytes(0, 1, 2, 31))).toBe('LM-YES-200-012Z')
    expect(makeReference(describeServerError('some_new_server_code', { status: 409 }), bytes(1, 2, 3, 4))).toBe('LM-VNDR-409-1234')
  })

  it('says 000 when a server was asked and no HTTP answer came', () => {
    expect(makeReference(describeError('dns_failure'), bytes(1, 1, 1, 1))).toBe('LM-NAME-000-1111')
    expect(makeReference(describeError('timeout'), bytes(1, 1, 1, 1))).toBe('LM-TMX-000-1111')
  })

  it('says PC when no server was asked: a local success, a check before sending, a sign-in that did not complete', () => {
    expect(makeReference({ success: 'this-pc' }, bytes(1, 1, 1, 1))).toBe('LM-YES-PC-1111')
    expect(makeReference(describeError('invalid_input', { detail: { problem: 'x', nothing: 'sent' } }), bytes(1, 1, 1, 1))).toBe('LM-CHK-PC-1111')
    expect(makeReference(describeError('offline_file_truncated', { detail: { reason: 'cut off' } }), bytes(1, 1, 1, 1))).toBe('LM-TRNC-PC-1111')
    expect(makeReference(describeError('sso_cancelled'), bytes(1, 1, 1, 1))).toBe('LM-CANC-PC-1111')
    for (const code of CODES) {
      const reference = makeReference(describeError(code))
      expect(reference.split('-')[2] === 'PC', code).toBe(ERROR_CATALOGUE[code].onThisPc === true)
    }
  })

  it('always has the documented form, whatever the code and status', () => {
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom(...CODES), fc.stringMatching(/^[a-z_]{1,40}$/)), fc.integer({ min: -5, max: 1200 }), (code, status) => {
        const reference = makeReference({ code, status })
        expect(reference).toMatch(REFERENCE_PATTERN)
        expect(reference.slice(-4)).not.toMatch(/[ILOU]/)
      })
    )
  })
})

describe('reading a reference back', () => {
  it('decodes every result’s reference to exactly that result', () => {
    for (const code of CODES) {
      const status = ERROR_CATALOGUE[code].status
      const read = readReference(makeReference(describeError(code, { status: status === 0 ? 0 : status })))
      expect(read, code).toMatchObject({ ok: true, reference: { meaning: { kind: 'error', code } } })
    }
    expect(readReference(makeReference({ success: 'server' }))).toMatchObject({ ok: true, reference: { meaning: { kind: 'success' } } })
    expect(readReference(makeReference({ success: 'this-pc' }))).toMatchObject({
      ok: true,
      reference: { meaning: { kind: 'success' }, status: { kind: 'this-pc' } }
    })
    expect(readReference(makeReference({ code: 'not_in_the_catalogue', status: 422 }))).toMatchObject({
      ok: true,
      reference: { meaning: { kind: 'unknown-server-code' }, status: { kind: 'answered', status: 422 } }
    })
  })

  it('takes what a person types after hearing it: any case, spaces, no LM, O for 0, only the letters', () => {
    for (const typed of ['LM-DNF-400-7K3Q', 'lm dnf 400 7k3q', 'DNF-4OO-7K3Q', ' lm.dnf.400 ', 'dnf', 'L M D N F 4 0 0 7 K 3 Q', 'lmdnf4007k3q']) {
      expect(readReference(typed), typed).toMatchObject({ ok: true, reference: { meaning: { kind: 'error', code: 'device_not_found' } } })
    }
    expect(readReference('lm dnf 4oo 7k3q')).toMatchObject({
      ok: true,
      reference: { normalised: 'LM-DNF-400-7K3Q', status: { kind: 'answered', status: 400 } }
    })
    expect(readReference('LM-CNX-000')).toMatchObject({ ok: true, reference: { normalised: 'LM-CNX-000', status: { kind: 'no-answer' } } })
    // Letter by letter or run together, the status PC and a four-letter mnemonic still part the right way.
    expect(readReference('l m y e s p c n z r 0')).toMatchObject({ ok: true, reference: { normalised: 'LM-YES-PC-NZR0', meaning: { kind: 'success' } } })
    expect(readReference('LMCANCPC1234')).toMatchObject({ ok: true, reference: { normalised: 'LM-CANC-PC-1234', meaning: { code: 'sso_cancelled' } } })
  })

  it('refuses what no result of this app can have', () => {
    expect(readReference('')).toMatchObject({ ok: false, problem: 'malformed' })
    expect(readReference('LM-DNF-400-7K3Q-EXTRA')).toMatchObject({ ok: false, problem: 'malformed' })
    expect(readReference('LM-DNF-4000-7K3Q')).toMatchObject({ ok: false, problem: 'malformed' })
    expect(readReference('LM-DNF-400-7K3U')).toMatchObject({ ok: false, problem: 'malformed' })
    expect(readReference('LM-ZZZZ-400-7K3Q')).toMatchObject({ ok: false, problem: 'unknown-mnemonic', letters: 'ZZZZ' })
    expect(readReference('my-password-123')).toMatchObject({ ok: false, problem: 'malformed' })
    expect(readReference('LM-OK-200-7K3Q')).toMatchObject({ ok: false, problem: 'malformed' })
    // A server's answer never carries PC; a check on this PC never carries a status; a success never 000.
    expect(readReference('LM-DNF-PC-7K3Q')).toMatchObject({ ok: false, problem: 'status-does-not-fit', near: { code: 'device_not_found' } })
    expect(readReference('LM-CHK-400-7K3Q')).toMatchObject({ ok: false, problem: 'status-does-not-fit', near: { code: 'invalid_input' } })
    expect(readReference('LM-YES-000-7K3Q')).toMatchObject({ ok: false, problem: 'status-does-not-fit', near: { kind: 'success' } })
    expect(readReference('LM-VNDR-PC-7K3Q')).toMatchObject({ ok: false, problem: 'status-does-not-fit', near: { kind: 'unknown-server-code' } })
  })
})

describe('the reference at its edges', () => {
  const dnf = (status: number) => makeReference({ code: 'device_not_found', status }, bytes(0, 0, 0, 0))

  it('a status the server can send is said as three digits, a small one padded with zeros', () => {
    expect([dnf(7), dnf(400), dnf(999)]).toEqual(['LM-DNF-007-0000', 'LM-DNF-400-0000', 'LM-DNF-999-0000'])
  })

  it('a status that is no HTTP status (0, 1000 and more, a fraction) is said as 000, no answer', () => {
    expect([dnf(0), dnf(-1), dnf(1000), dnf(400.5)]).toEqual(['LM-DNF-000-0000', 'LM-DNF-000-0000', 'LM-DNF-000-0000', 'LM-DNF-000-0000'])
  })

  it('every random byte becomes a character of the spoken alphabet, the whole alphabet reachable', () => {
    expect(makeReference({ success: 'server' }, bytes(32, 63, 64, 255))).toBe('LM-YES-200-0Z0Z')
    expect(makeReference({ success: 'server' }, bytes(17, 18, 20, 27))).toBe('LM-YES-200-HJMV')
  })

  it('I and L heard in a status or ticket are read as 1, O as 0, also without a ticket', () => {
    expect(readReference('dnf 4oo')).toMatchObject({ ok: true, reference: { normalised: 'LM-DNF-400' } })
    expect(readReference('DNF 4I0 lk3q')).toMatchObject({ ok: true, reference: { normalised: 'LM-DNF-410-1K3Q', ticket: '1K3Q' } })
    expect(readReference('dnf 400 ik3q')).toMatchObject({ ok: true, reference: { normalised: 'LM-DNF-400-1K3Q' } })
  })

  it('parts separated by underscores or by the dashes a word processor puts in are read too', () => {
    for (const typed of ['LM_DNF_400', 'LM–DNF–400', 'LM—DNF—400'])
      expect(readReference(typed), typed).toMatchObject({ ok: true, reference: { normalised: 'LM-DNF-400' } })
  })

  it('three letters no result has are named as unknown letters', () => {
    expect(readReference('LM-ZZZ-400')).toEqual({ ok: false, problem: 'unknown-mnemonic', letters: 'ZZZ' })
  })

  it('a mnemonic is looked up in any case', () => {
    expect(meaningOf('dnf')).toEqual({ kind: 'error', code: 'device_not_found' })
    expect(meaningOf('yes')).toEqual({ kind: 'success' })
    expect(meaningOf('vndr')).toEqual({ kind: 'unknown-server-code' })
  })

  it('a success confirmed by a server or decided on this PC reads back as either', () => {
    expect(readReference('lm-yes-200')).toMatchObject({ ok: true, reference: { meaning: { kind: 'success' }, status: { kind: 'answered', status: 200 } } })
    expect(readReference('lm-yes-pc')).toMatchObject({ ok: true, reference: { meaning: { kind: 'success' }, status: { kind: 'this-pc' } } })
  })

  it('a four-letter mnemonic whose first three letters are another one (CHKX, CHK) reads as the four letters with PC', () => {
    expect(readReference('LM-CHKX-PC-1234')).toMatchObject({
      ok: true,
      reference: { normalised: 'LM-CHKX-PC-1234', meaning: { code: 'seat_check_unavailable' } }
    })
  })

  it('letters outside the spoken alphabet (O, U, I) are no reference at all, not unknown letters', () => {
    expect(readReference('LM-OUIA-400-ABCD')).toEqual({ ok: false, problem: 'malformed' })
    expect(readReference('LM-AOU-400')).toEqual({ ok: false, problem: 'malformed' })
  })

  it('the documented form matches a whole reference only, nothing around it', () => {
    expect(REFERENCE_PATTERN.test('LM-DNF-400-7K3Q')).toBe(true)
    expect(REFERENCE_PATTERN.test('xLM-DNF-400-7K3Q')).toBe(false)
    expect(REFERENCE_PATTERN.test('LM-DNF-400-7K3Qx')).toBe(false)
  })

  it('a status heard with a digit too few, or as a letter, is no status: the reference is refused, not read with it', () => {
    expect(readReference('LM-DNF-40')).toEqual({ ok: false, problem: 'malformed' })
    expect(readReference('DNFX')).toEqual({ ok: false, problem: 'malformed' })
  })

  it('an O heard before the status makes the ticket five characters long: refused, not cut to its last four', () => {
    expect(readReference('LM-DNF-O400-7K3Q')).toEqual({ ok: false, problem: 'malformed' })
  })

  it('an error’s letters read back as that error', () => {
    expect(readReference('LM-DNF-400-7K3Q')).toMatchObject({ ok: true, reference: { meaning: { kind: 'error', code: 'device_not_found' } } })
  })

  it('an unknown server code always carries the server’s status, never 000', () => {
    expect(readReference('LM-VNDR-000-7K3Q')).toMatchObject({ ok: false, problem: 'status-does-not-fit', near: { kind: 'unknown-server-code' } })
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
