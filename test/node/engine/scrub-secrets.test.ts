import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { echoForms, embeddedBase64, REMOVED, secretScrubber } from '../../../src/main/engine/errors/scrub-secrets'
import { describeError, describeServerError } from '../../../src/shared/errors'
import { base64Leak, insideBase64, TRANSFORMATION_NAMES, TRANSFORMATIONS, WINDOW, windowLeak } from '../reliability/support/secret-transforms'

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

  it('a text cut just after a removed secret still shows that something was removed there', () => {
    const scrub = secretScrubber(['s3cret-value-long'])
    const shown = `aaaa ${REMOVED}`
    expect(scrub.text('aaaa s3cret-value-long and more words after it', shown.length)).toBe(`${shown}…`)
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
    expect(out).toMatchObject({ code: `bad_${REMOVED}`, explanation: unknown.explanation, serverMessage: `no licence ${REMOVED}`, status: 400 })
    const known = describeError('license_not_found')
    expect(secretScrubber(['the']).error(known)).toEqual(known)
  })
})

describe('secretScrubber at its edges', () => {
  it('a short secret echoed HTML-escaped, every escaped character in it, is removed as a whole', () => {
    expect(secretScrubber([`<k&'>`]).text('value &lt;k&amp;&#39;&gt; refused')).toBe(`value ${REMOVED} refused`)
  })

  it('an explanation worded around a secret, and a network cause quoting one, are scrubbed too', () => {
    const scrub = secretScrubber(['LICENCE-KEY-123'])
    const worded = { ...describeError('license_not_found'), explanation: 'No licence LICENCE-KEY-123 here.', networkCause: 'ECONNRESET LICENCE-KEY-123' }
    expect(scrub.error(worded)).toMatchObject({ explanation: `No licence ${REMOVED} here.`, networkCause: `ECONNRESET ${REMOVED}` })
  })

  it('a text exactly as long as its limit is shown whole, without "…"', () => {
    expect(secretScrubber([]).text('x'.repeat(500))).toBe('x'.repeat(500))
  })
})

/*
 * Properties: every transformation a server, a proxy or a log may apply to a secret it was sent,
 * generated, then looked for in what the scrubber lets through (the oracle: support/secret-transforms.ts).
 */
/** A secret as vendors and users make them: at least 8 characters, some needing escaping in some encoding. */
const secretChar = fc.constantFrom(...'ABCDEFGHJKMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz23456789-_.~+/=&%"\\<é€ '.split(''))
const longSecret = fc.string({ unit: secretChar, minLength: WINDOW, maxLength: 48 }).filter((s) => s.trim().length >= WINDOW)
const filler = fc.string({ unit: fc.constantFrom(...' abcxyz.:,;!?()[]{}'.split('')), maxLength: 30 })

const foldedIncludes = (text: string, part: string) => text.toLowerCase().includes(part.toLowerCase())
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64')
const b64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url')
const utf8 = (text: string) => Buffer.from(text, 'utf8')

describe('secretScrubber, property: every transformation of a secret is removed', () => {
  it.each(TRANSFORMATION_NAMES)('%s, anywhere in the text', (name) => {
    const transform = TRANSFORMATIONS[name]
    fc.assert(
      fc.property(longSecret, filler, filler, (secret, before, after) => {
        const out = secretScrubber([secret]).text(`${before}${transform(secret)}${after}`, 10_000)
        expect(windowLeak(out, secret), out).toBeUndefined()
        expect(base64Leak(out, secret), out).toBeUndefined()
      }),
      { numRuns: 120, seed: 20_250_612 }
    )
  })

  it('inside a longer Base64 or Base64url text (a request file’s content), at every byte alignment, with or without padding', () => {
    fc.assert(
      fc.property(
        longSecret,
        fc.uint8Array({ maxLength: 40 }),
        fc.uint8Array({ maxLength: 40 }),
        fc.boolean(),
        fc.boolean(),
        (secret, head, tail, url, unpadded) => {
          let encoded = insideBase64(secret, head, tail, url)
          if (unpadded) encoded = encoded.replace(/=+$/, '')
          const out = secretScrubber([secret]).text(`The file ${encoded} was refused`, 10_000)
          expect(base64Leak(out, secret), `${head.length % 3} bytes before: ${out}`).toBeUndefined()
        }
      ),
      { numRuns: 400, seed: 20_250_613 }
    )
  })

  it('any fragment of 8 characters or more of any form (a server that cuts its messages)', () => {
    fc.assert(
      fc.property(longSecret, fc.constantFrom(...TRANSFORMATION_NAMES), fc.nat(), fc.nat(), (secret, name, a, b) => {
        const form = TRANSFORMATIONS[name](secret)
        const length = WINDOW + (b % Math.max(1, form.length - WINDOW + 1))
        const start = a % Math.max(1, form.length - length + 1)
        const fragment = form.slice(start, start + length)
        fc.pre(fragment.length >= WINDOW)
        const out = secretScrubber([secret]).text(`message cut: ${fragment}`, 10_000)
        expect(foldedIncludes(out, fragment), `${name} fragment "${fragment}" in ${out}`).toBe(false)
        expect(windowLeak(out, secret), out).toBeUndefined()
      }),
      { numRuns: 400, seed: 20_250_614 }
    )
  })

  it('a short secret (under 8 characters) only where it stands as a whole word, in any of its forms and any letter case', () => {
    const shortSecret = fc.tuple(
      fc.constantFrom('k', 'q', 'z', 'K'),
      fc.constantFrom('2', '7', '9'),
      fc.string({ unit: fc.constantFrom('a', 'b', 'x'), maxLength: 3 })
    )
    fc.assert(
      fc.property(shortSecret, fc.constantFrom<keyof typeof TRANSFORMATIONS>('plain', 'URL-encoded', 'upper case', 'lower case'), ([l, d, rest], name) => {
        const secret = `${l}${d}${rest}`
        const form = TRANSFORMATIONS[name](secret)
        const scrub = secretScrubber([secret])
        expect(scrub.text(`password ${form} is wrong`)).toBe(`password ${REMOVED} is wrong`)
        expect(scrub.text(`word${form}word`)).toBe(`word${form}word`)
      }),
      { numRuns: 100, seed: 20_250_615 }
    )
  })

  it('the oracle itself finds each kind of leak (so a clean run means something)', () => {
    const secret = 'Sup3r-Secret-Key-42'
    expect(windowLeak(`x ${secret.slice(2, 11)} y`, secret)).toBeDefined()
    expect(windowLeak(`x ${encodeURIComponent(encodeURIComponent(secret))} y`, secret)).toBeDefined()
    expect(windowLeak(`x ${secret.toUpperCase()} y`, secret)).toBeDefined()
    expect(base64Leak(b64(Buffer.concat([Buffer.from([1]), utf8(secret)])), secret)).toBeDefined()
    expect(base64Leak(b64url(Buffer.concat([Buffer.from([1, 2]), utf8(secret), Buffer.from([3])])), secret)).toBeDefined()
    expect(windowLeak('nothing to see here', secret)).toBeUndefined()
  })
})

describe('secretScrubber, the cases its shortcuts must not get wrong', () => {
  it('the characters of Base64 text a secret alone decides, at each byte alignment, are found whatever bytes surround it, and nothing else is', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 2, maxLength: 40 }), fc.uint8Array({ maxLength: 5 }), fc.uint8Array({ maxLength: 5 }), (secret, before, after) => {
        const cores = embeddedBase64(secret)
        expect(cores).toHaveLength(3)
        for (const [alignment, core] of cores.entries()) {
          // Before the secret: any whole number of 3-byte groups, then `alignment` bytes.
          const prefix = Buffer.concat([Buffer.from(before.slice(0, before.length - (before.length % 3))), Buffer.alloc(alignment, 7)])
          const text = Buffer.concat([prefix, secret, Buffer.from(after)]).toString('base64')
          expect(text.slice(((prefix.length - alignment) / 3) * 4)).toContain(core)
          // As long as the whole 6-bit groups inside the secret's bits: no character shared with its neighbours.
          expect(core.length).toBe(Math.floor((8 * (alignment + secret.length)) / 6) - Math.ceil((8 * alignment) / 6))
        }
      })
    )
    expect(embeddedBase64(new Uint8Array(0))).toEqual([])
  })

  it('a secret that is itself Base64 is also looked for as its bytes in hex and Base64url, from 8 characters on', () => {
    const eight = Buffer.from('abcdef').toString('base64')
    expect(eight).toHaveLength(8)
    expect(echoForms(eight)).toEqual(expect.arrayContaining([Buffer.from('abcdef').toString('hex'), Buffer.from('abcdef').toString('base64url')]))
    const short = Buffer.from('abc').toString('base64')
    expect(echoForms(short)).not.toContain(Buffer.from('abc').toString('hex'))
  })

  it('a secret with a lone surrogate is looked for percent-encoded with U+FFFD in its place', () => {
    expect(echoForms('key \ud800part')).toEqual(expect.arrayContaining(['key%20%EF%BF%BDpart', 'key+%EF%BF%BDpart']))
    expect(echoForms('key \udc00part')).toEqual(expect.arrayContaining(['key%20%EF%BF%BDpart', 'key+%EF%BF%BDpart']))
  })

  it('a text whose letters change length in lower case (İ) keeps every other character where it was', () => {
    const scrub = secretScrubber(['Sup3rSecretKey'])
    expect(scrub.text('İİ SUP3RSECRETKEY İ!')).toBe(`İİ ${REMOVED} İ!`)
    expect(scrub.text('İ-sup3rsecretkey')).toBe(`İ-${REMOVED}`)
  })

  it('a short secret with punctuation is removed as a whole token, its punctuation taken literally', () => {
    const scrub = secretScrubber(['a.b+'])
    expect(scrub.text('pin a.b+ sent')).toBe(`pin ${REMOVED} sent`)
    expect(scrub.text('pin axbb sent')).toBe('pin axbb sent')
  })

  it('of two short secrets where one starts the other, the longer is removed whole, never leaving its tail', () => {
    expect(secretScrubber(['ab', 'ab-c']).text('pin ab-c, then ab.')).toBe(`pin ${REMOVED}, then ${REMOVED}.`)
  })

  it('a short secret is not looked for inside longer Base64 text: its few characters there would hide innocent words', () => {
    const scrub = secretScrubber(['pass12'])
    const [, atOne, atTwo] = embeddedBase64(Buffer.from('pass12'))
    expect([atOne, atTwo]).toEqual(['Bhc3MxM', 'wYXNzMT'])
    expect(scrub.text('ids Bhc3MxM and wYXNzMT, encoded cGFzczEy.')).toBe(`ids Bhc3MxM and wYXNzMT, encoded ${REMOVED}.`)
  })

  it('a text exactly as long as a fragment, and that is the secret, is removed; an empty secret removes nothing', () => {
    expect(secretScrubber(['abcdefgh']).text('abcdefgh')).toBe(REMOVED)
    expect(secretScrubber(['', undefined]).text('pin: 1234 - ok.')).toBe('pin: 1234 - ok.')
  })
})
