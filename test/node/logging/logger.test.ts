import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { describeError, describeServerError } from '../../../src/shared/errors'
import { REFERENCE_PATTERN } from '../../../src/shared/helpdesk/reference'
import { failure, success } from '../../../src/shared/outcome'
import { createLogFile } from '../../../src/main/logging/log-file'
import { createLogger, errorFields, logOutcome, type Logger } from '../../../src/main/logging/logger'

const AT = new Date('2026-03-04T10:20:30.123Z')
const SHARED_KEY = 'sk-0123456789abcdefghijklmnopqrstuvwxyz'
const LICENCE_KEY = 'OFFICE-2222-IN-USE'

let dir: string
let path: string
let logger: Logger
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lm-logger-'))
  path = join(dir, 'main.log')
  logger = createLogger({ file: createLogFile({ path }), secrets: () => [SHARED_KEY], now: () => AT })
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const written = () => readFileSync(path, 'utf8')

describe('a log line', () => {
  it('is the time, the level, the event and its fields, plain values bare and others quoted', () => {
    logger.write('info', 'app.start', { version: '0.1.0', os: 'linux 6.1 (x64)', packaged: true, missing: undefined, durationMs: 12 })
    expect(written()).toBe('2026-03-04T10:20:30.123Z info app.start version=0.1.0 os="linux 6.1 (x64)" packaged=true durationMs=12\n')
  })

  it('never holds a configured key or a call’s secret, in any form a server echoes them', () => {
    const echoed = `bad signature for ${SHARED_KEY}; key=${encodeURIComponent(LICENCE_KEY)} body {"k":"${LICENCE_KEY}"}`
    logger.write('error', 'deactivate', { serverMessage: echoed }, [LICENCE_KEY])
    const line = written()
    expect(line).not.toContain(SHARED_KEY)
    expect(line).not.toContain(LICENCE_KEY)
    expect(line).not.toContain(encodeURIComponent(LICENCE_KEY))
    expect(line).toContain('[removed]')
  })

  it('stays one line whatever a value holds: a server cannot forge a line of its own', () => {
    logger.write('error', 'deactivate', { serverMessage: 'oops\n2026-03-04T10:20:30.123Z info deactivate result=ok\r\u2028x' })
    expect(written().split('\n').filter(Boolean)).toHaveLength(1)
    // The line break is shown escaped by the display sanitizer (`\n`), whose backslash the JSON quoting escapes again.
    expect(written()).toContain(String.raw`"oops\\n2026`)
  })

  it('cuts a long value', () => {
    logger.write('error', 'deactivate', { serverMessage: 'x'.repeat(5000) })
    expect(written().length).toBeLessThan(400)
  })

  it('tails with the secrets known now removed again', () => {
    const file = createLogFile({ path })
    file.append(`2026-03-04T10:20:30.123Z info written-by-an-older-version key=${SHARED_KEY}`)
    expect(logger.tail(5)).toEqual(['2026-03-04T10:20:30.123Z info written-by-an-older-version key=[removed]'])
  })
})

describe('logOutcome', () => {
  it('logs a failure under a new reference with its code, status and facts, and returns that reference', () => {
    const error = describeServerError('device_not_found', { status: 400, serverMessage: `No device for ${LICENCE_KEY}` })
    const reference = logOutcome(logger, 'deactivate', failure(error), { durationMs: 523.4, fields: { product: 'office-suite' }, secrets: [LICENCE_KEY] })
    expect(reference).toMatch(REFERENCE_PATTERN)
    expect(reference.startsWith('LM-DNF-400-')).toBe(true)
    expect(written()).toBe(
      `2026-03-04T10:20:30.123Z error deactivate result=failed code=device_not_found status=400 family=device serverMessage="No device for [removed]" reference=${reference} durationMs=523 product=office-suite\n`
    )
  })

  it('logs a success as info with an OK reference', () => {
    const reference = logOutcome(logger, 'deactivate', success({}), { durationMs: 80 })
    expect(reference.startsWith('LM-YES-200-')).toBe(true)
    expect(written()).toBe(`2026-03-04T10:20:30.123Z info deactivate result=ok reference=${reference} durationMs=80\n`)
  })

  it('a network failure keeps its cause, the field at fault is named', () => {
    logOutcome(logger, 'deactivate', failure({ ...describeError('cannot_connect_to_server'), networkCause: 'net::ERR_CONNECTION_REFUSED' }))
    expect(written()).toContain('code=cannot_connect_to_server status=0 family=network networkCause=net::ERR_CONNECTION_REFUSED')
  })
})

describe('errorFields', () => {
  it('names the kind and where it was thrown, never the message (it may quote a server)', () => {
    const error = new TypeError(`server said ${LICENCE_KEY}`)
    error.stack = [
      `TypeError: server said ${LICENCE_KEY}`,
      '    at send (/opt/License Manager/resources/app.asar/out/main/index.js:812:11)',
      '    at async deactivate (/opt/License Manager/resources/app.asar/out/main/index.js:900:3)',
      '    at /home/ann/secret-folder/x.js:1:1'
    ].join('\n')
    expect(errorFields(error)).toEqual({ error: 'TypeError', at: 'out/main/index.js:812:11 < out/main/index.js:900:3 < x.js:1:1' })
    expect(JSON.stringify(errorFields(error))).not.toContain(LICENCE_KEY)
  })

  it('names what was thrown when it is no Error', () => {
    expect(errorFields('a string')).toEqual({ error: 'string' })
    expect(errorFields(undefined)).toEqual({ error: 'undefined' })
  })
})
