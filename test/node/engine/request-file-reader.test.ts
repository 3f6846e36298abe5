import { describe, expect, it } from 'vitest'
import { formatRequestDate, MAX_JSON_DEPTH, MAX_REQUEST_FILE_BYTES, parseRequestDate, readRequestFile } from '../../../src/main/engine/offline/request-file'
import { base64 } from '../support/offline-files'

/*
 * The request-file reader at its edges, as a helpdesk agent or someone crafting a file meets them:
 * which files are read, and which refusal (with its technical reason) each other file gets.
 */

const SEAT = '"request":"deactivation","product":"office-suite","hardware_id":"pc-1","license_key":"OFFICE-2222-IN-USE"'
/** A wrapped (v2) request file whose request holds `extra` after the seat's fields. */
const wrapped = (extra = '', outer = '') => base64(`{"request":{${SEAT}${extra}},"signature":"c2ln"${outer}}`)
const nested = (levels: number) => '['.repeat(levels) + ']'.repeat(levels)
const refusal = (content: string) => {
  const reading = readRequestFile(content)
  return reading.ok ? { ok: true } : { problem: reading.problem, detail: reading.detail }
}

describe('how deep a request file may nest', () => {
  // The file's object and its request are two levels; the field adds the rest.
  it(`a file nested ${MAX_JSON_DEPTH} deep is read`, () => {
    expect(readRequestFile(wrapped(`,"v":${nested(MAX_JSON_DEPTH - 2)}`)).ok).toBe(true)
  })

  it(`a ${MAX_JSON_DEPTH + 1}-deep request file is refused as too deep`, () => {
    expect(refusal(wrapped(`,"v":${nested(MAX_JSON_DEPTH - 1)}`))).toEqual({ problem: 'hostile', detail: 'The JSON is nested deeper than 8 levels.' })
  })

  it('brackets and escaped quotes inside a text value do not count as nesting', () => {
    const reading = readRequestFile(wrapped(',"note":"say \\"hi\\" {{{{{{{{{{ [[[[[[[[[["'))
    expect(reading.ok && reading.file.fields['note']).toBe('say "hi" {{{{{{{{{{ [[[[[[[[[[')
  })

  it('an escaped quote inside a text value does not end it: the brackets after it are text', () => {
    const note = JSON.stringify('a"' + '{'.repeat(MAX_JSON_DEPTH + 2))
    const reading = readRequestFile(wrapped(`,"note":${note}`))
    expect(reading.ok && reading.file.fields['note']).toBe('a"' + '{'.repeat(MAX_JSON_DEPTH + 2))
  })

  it('many lists side by side (as the Node SDK writes its variables) are not deep nesting', () => {
    const lists = Array.from({ length: MAX_JSON_DEPTH + 2 }, (_, i) => `"v${i}":[1]`).join(',')
    expect(readRequestFile(wrapped(`,${lists}`)).ok).toBe(true)
  })

  it('a file holding a JSON array, however deep, is refused as not a JSON object', () => {
    expect(refusal(base64(nested(20)))).toEqual({ problem: 'not-json', detail: 'The decoded file is not a JSON object.' })
  })
})

describe('a cut-off file and a broken one are told apart', () => {
  it('a file cut off inside a text value, or with an object left open, is called cut off', () => {
    expect(refusal(base64('{"request":{"product":"offi'))).toEqual({ problem: 'truncated', detail: 'The JSON text ends early.' })
    expect(refusal(base64('{"request":{"product":"office"'))).toEqual({ problem: 'truncated', detail: 'The JSON text ends early.' })
  })

  it('a file cut off in the middle of a Base64 group is called cut off', () => {
    const full = wrapped()
    for (const cut of [5, 6, 7, 41])
      expect(refusal(full.slice(0, cut)), `${cut} characters`).toEqual({ problem: 'truncated', detail: 'The Base64 text ends early.' })
  })

  it('a complete but malformed JSON object is called not valid JSON, not cut off', () => {
    expect(refusal(base64('{"request":}'))).toEqual({ problem: 'not-json', detail: 'The decoded file is not valid JSON.' })
    expect(refusal(base64('{"a":1}}'))).toEqual({ problem: 'not-json', detail: 'The decoded file is not valid JSON.' })
  })

  it('a cut-off file whose JSON starts with a line break is still called cut off', () => {
    const full = base64('\n {"request":{"request":"deactivation","product":"office-suite"}}')
    expect(refusal(full.slice(0, 10))).toEqual({ problem: 'truncated', detail: 'The Base64 text ends early.' })
  })

  it('a file of one to three characters is not taken for a cut-off request, even "ey" (the Base64 of "{")', () => {
    for (const text of ['e', 'ey', 'eyJ']) expect(refusal(text)).toEqual({ problem: 'not-json', detail: 'The file is not Base64 of a JSON object.' })
  })

  it('JSON with leading white space (a file pretty-printed by another tool) is read', () => {
    expect(readRequestFile(base64(`\n  {"request":{${SEAT}},"signature":"c2ln"}`)).ok).toBe(true)
  })
})

describe('only strict Base64 of UTF-8 text is read', () => {
  it('text with characters outside Base64 is refused as not Base64 text, whatever its length', () => {
    for (const text of ['héllo wörld!', 'abc!', 'ab!', 'e30= e30='])
      expect(refusal(text)).toEqual({ problem: 'not-base64', detail: 'The file is not Base64 text.' })
  })

  it('Base64 with stray bits (another text for the same bytes) is refused, so a file has one spelling', () => {
    expect(base64('{}')).toBe('e30=')
    expect(refusal('e31=')).toEqual({ problem: 'not-base64', detail: 'The file is not canonical Base64 text.' })
  })

  it('files ending in one or two padding characters are both read', () => {
    const paddings = ['', 'x', 'xx'].map((pad) => wrapped(`,"note":"${pad}"`)).filter((content) => content.endsWith('='))
    expect(paddings.map((content) => content.length - content.replace(/=+$/, '').length).sort()).toEqual([1, 2])
    for (const content of paddings) expect(readRequestFile(content).ok).toBe(true)
  })

  it('bytes that are not UTF-8 are refused as not text, not read with replacement characters', () => {
    const bytes = Buffer.concat([Buffer.from(`{"request":{${SEAT},"note":"`), Buffer.from([0xff, 0xfe]), Buffer.from('"},"signature":"c2ln"}')])
    expect(refusal(bytes.toString('base64'))).toEqual({ problem: 'not-json', detail: 'The decoded file is not UTF-8 text.' })
  })

  it(`a file of exactly ${MAX_REQUEST_FILE_BYTES} bytes is not refused for its size; one byte more is`, () => {
    expect(refusal('A'.repeat(MAX_REQUEST_FILE_BYTES)).problem).not.toBe('too-large')
    expect(refusal('A'.repeat(MAX_REQUEST_FILE_BYTES + 1))).toEqual({
      problem: 'too-large',
      detail: `The file is larger than ${MAX_REQUEST_FILE_BYTES} bytes.`
    })
  })

  it('the size is counted in bytes: a file of fewer characters than the limit but more bytes is refused', () => {
    expect(refusal('é'.repeat(MAX_REQUEST_FILE_BYTES / 2 + 1)).problem).toBe('too-large')
  })
})

describe('what a request file names', () => {
  it.each(['__proto__', 'constructor', 'prototype'])('a file with a "%s" key anywhere is refused as hostile', (key) => {
    expect(refusal(wrapped(`,"variables":{"${key}":{"polluted":true}}`))).toEqual({ problem: 'hostile', detail: 'The JSON holds a prototype-related key.' })
  })

  it('a product or hardware id of spaces only is no product or hardware id', () => {
    expect(refusal(base64('{"request":{"product":"  ","hardware_id":"\\t","license_key":"K"},"signature":"s"}'))).toEqual({
      problem: 'not-a-request',
      detail: 'The file names no product, no hardware_id.'
    })
  })

  it('a licence key of spaces only does not count: the file frees the username’s licence', () => {
    const reading = readRequestFile(base64('{"request":{"product":"p","hardware_id":"h","license_key":" ","username":"u@example.test"},"signature":"s"}'))
    expect(reading.ok && reading.file.licence).toEqual({ kind: 'user', username: 'u@example.test' })
  })

  it('a file naming both a licence key and a username frees the licence key’s licence', () => {
    const reading = readRequestFile(base64('{"request":{"product":"p","hardware_id":"h","license_key":"K-1","username":"u@example.test"},"signature":"s"}'))
    expect(reading.ok && reading.file.licence).toEqual({ kind: 'license-key', licenseKey: 'K-1' })
  })

  it('a wrapped file lists the fields beside "request" and "signature", and only those', () => {
    const reading = readRequestFile(wrapped('', ',"api_key":"k-1","sdk_lang":"C++"'))
    expect(reading.ok && reading.file.outerFields).toEqual({ api_key: 'k-1', sdk_lang: 'C++' })
  })

  it('a file whose "request" is null is read as a flat file, and refused for not saying "deactivation"', () => {
    expect(refusal(base64(`{"request":null,"product":"p","hardware_id":"h","license_key":"K"}`))).toEqual({
      problem: 'not-a-request',
      detail: 'Field "request" does not say "deactivation".'
    })
  })

  it('a flat (v1) file saying it is an activation request is refused as one', () => {
    expect(refusal(base64('{"request":"activation","product":"p","hardware_id":"h","license_key":"K"}'))).toEqual({
      problem: 'activation-request',
      detail: 'This is an offline activation request.'
    })
  })
})

describe('the date a request file states', () => {
  const at = (month: number, day: number) => new Date(Date.UTC(2026, month, day, 9, 5, 7))

  it('every month and weekday is written with the English abbreviation RFC 7231 dates use, and read back to the same second', () => {
    for (let month = 0; month < 12; month++) {
      for (let day = 1; day <= 7; day++) {
        const date = at(month, day)
        const [weekday, , monthName] = date.toUTCString().replace(',', '').split(' ')
        expect(formatRequestDate(date)).toBe(`${weekday} ${monthName} ${day} 2026 09:05:07 GMT+0000`)
        expect(parseRequestDate(formatRequestDate(date))).toBe(date.getTime())
      }
    }
  })

  it('reads the Node SDK’s form and RFC 7231’s with one- and two-digit days and any offset', () => {
    expect(parseRequestDate('Tue Jun 7 2011 20:51:35 GMT+0000')).toBe(Date.UTC(2011, 5, 7, 20, 51, 35))
    expect(parseRequestDate('Fri Jun 17 2011 20:51:35 GMT+0000')).toBe(Date.UTC(2011, 5, 17, 20, 51, 35))
    expect(parseRequestDate('Tue Jun 7 2011 20:51:35 GMT-0100')).toBe(Date.UTC(2011, 5, 7, 21, 51, 35))
    expect(parseRequestDate('Tue, 07 Jun 2011 20:51:35 GMT')).toBe(Date.UTC(2011, 5, 7, 20, 51, 35))
    expect(parseRequestDate('Tue, 7 Jun 2011 20:51:35 GMT')).toBe(Date.UTC(2011, 5, 7, 20, 51, 35))
  })

  it.each([
    ['text before it', 'on Tue Jun 7 2011 20:51:35 GMT+0000'],
    ['text after it', 'Tue Jun 7 2011 20:51:35 GMT+0000 (UTC)'],
    ['text before an RFC 7231 date', 'on Tue, 07 Jun 2011 20:51:35 GMT'],
    ['text after an RFC 7231 date', 'Tue, 07 Jun 2011 20:51:35 GMT (UTC)'],
    ['a two-digit year', 'Tue Jun 7 11 20:51:35 GMT+0000'],
    ['a three-digit day', 'Tue Jun 007 2011 20:51:35 GMT+0000'],
    ['a one-digit hour', 'Tue Jun 7 2011 2:51:35 GMT+0000'],
    ['a one-digit minute', 'Tue Jun 7 2011 20:5:35 GMT+0000'],
    ['a one-digit second', 'Tue Jun 7 2011 20:51:3 GMT+0000'],
    ['a short offset', 'Tue Jun 7 2011 20:51:35 GMT+00'],
    ['a two-digit year in RFC 7231 form', 'Tue, 07 Jun 11 20:51:35 GMT'],
    ['a one-digit hour in RFC 7231 form', 'Tue, 07 Jun 2011 2:51:35 GMT'],
    ['a date without its time', 'Tue Jun 7 2011'],
    ['a date in another form', '2011-06-07T20:51:35Z']
  ])('a date with %s is shown as written, not read', (_name, text) => {
    expect(parseRequestDate(text)).toBeNull()
  })
})
