import { describe, expect, it } from 'vitest'
import { echoForms, REMOVED, secretScrubber } from '../../../src/main/engine/errors/scrub-secrets'
import { describeError, describeServerError } from '../../../src/shared/errors'

describe('echoForms', () => {
  it('lists the plain, URL, form, lower-case hex, JSON and HTML forms of a secret', () => {
    expect(echoForms('a b/"é')).toEqual(
      expect.arrayContaining(['a b/"é', 'a%20b%2F%22%C3%A9', 'a+b%2F%22%C3%A9', 'a%20b%2f%22%c3%a9', 'a b/\\"é', 'a b\\/\\"\\u00e9', 'a b/&quot;é'])
    )
  })
})

describe('secretScrubber', () => {
  it('removes long secrets anywhere, in every form, and keeps the rest', () => {
    const scrub = secretScrubber(['s3cret value+1'])
    expect(scrub.text('key=s3cret%20value%2B1&x=s3cret+value%2B1 then "s3cret value+1".')).toBe(`key=${REMOVED}&x=${REMOVED} then "${REMOVED}".`)
  })

  it('removes short secrets only as whole tokens', () => {
    const scrub = secretScrubber(['k7'])
    expect(scrub.text('password k7 is wrong; k77 and ak7 are other words; (k7)')).toBe(
      `password ${REMOVED} is wrong; k77 and ak7 are other words; (${REMOVED})`
    )
  })

  it('cuts after scrubbing, and a cut never leaves the start of a secret behind', () => {
    const secret = 'ZYXWVUTSRQPONMLKJIHG'
    const scrub = secretScrubber([secret])
    expect(scrub.text(`${'x'.repeat(490)}${secret} tail`)).toBe(`${'x'.repeat(490)}${REMOVED} …`)
    expect(scrub.text(`${'x'.repeat(495)}ZYXWVUTS`)).toBe(`${'x'.repeat(495)}…`)
    expect(secretScrubber([]).text(`${'x'.repeat(495)}ZYXWVUTS`)).toBe(`${'x'.repeat(495)}ZYXWV…`)
  })

  it('takes secrets with a lone surrogate (sent as U+FFFD when percent-encoded) without failing', () => {
    expect(secretScrubber(['k\ud800x']).text('a k\ud800x b k%EF%BF%BDx c')).toBe(`a ${REMOVED} b ${REMOVED} c`)
  })

  it('shows control, bidi, zero-width and line-break characters a server sent as visible escapes, on one line', () => {
    expect(secretScrubber([]).text('a\u001b[31mb\u202ec\u0000d\ne\u2028f\u200bg')).toBe('a\\u001b[31mb\\u202ec\\u0000d\\ne\\u2028f\\u200bg')
  })

  it('scrubs the server-derived fields of an error, and an unknown code, but never the catalogue’s own words', () => {
    const scrub = secretScrubber(['LICENCE-KEY-123'])
    const unknown = describeServerError('bad_LICENCE-KEY-123', { status: 400, serverMessage: 'no licence LICENCE-KEY-123' })
    const out = scrub.error(unknown)
    expect(JSON.stringify(out)).not.toContain('LICENCE-KEY-123')
    expect(out).toMatchObject({ code: `bad_${REMOVED}`, explanation: `no licence ${REMOVED}`, serverMessage: `no licence ${REMOVED}`, status: 400 })
    const known = describeError('license_not_found')
    expect(secretScrubber(['the']).error(known)).toEqual(known)
  })
})
