import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createLogFile, rotatedName } from '../../../src/main/logging/log-file'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lm-log-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const lines = (path: string) => readFileSync(path, 'utf8').split('\n').filter(Boolean)

describe('the log file', () => {
  it('creates its folder and appends one line per call', () => {
    const log = createLogFile({ path: join(dir, 'logs', 'main.log') })
    log.append('first')
    log.append('second')
    expect(lines(join(dir, 'logs', 'main.log'))).toEqual(['first', 'second'])
    expect(log.folder).toBe(join(dir, 'logs'))
  })

  it('rotates before a line would pass the size limit, keeping the newest generations only', () => {
    const path = join(dir, 'main.log')
    const log = createLogFile({ path, maxBytes: 30, keep: 2 })
    for (let n = 1; n <= 9; n++) log.append(`line ${n} ..........`) // 18 bytes each with its line break: one line per file
    expect(readdirSync(dir).sort()).toEqual(['main.1.log', 'main.2.log', 'main.log'])
    expect(lines(path)).toEqual(['line 9 ..........'])
    expect(lines(rotatedName(path, 1))).toEqual(['line 8 ..........'])
    expect(lines(rotatedName(path, 2))).toEqual(['line 7 ..........'])
  })

  it('tails the current file, continuing into the previous one when it is short', () => {
    const path = join(dir, 'main.log')
    const log = createLogFile({ path, maxBytes: 60, keep: 1 })
    for (let n = 1; n <= 5; n++) log.append(`entry ${n}`)
    // 8 bytes a line: 7 fit in 60 bytes, so nothing rotated yet.
    expect(log.tail(3)).toEqual(['entry 3', 'entry 4', 'entry 5'])
    for (let n = 6; n <= 9; n++) log.append(`entry ${n}`)
    expect(existsSync(rotatedName(path, 1))).toBe(true)
    expect(log.tail(4)).toEqual(['entry 6', 'entry 7', 'entry 8', 'entry 9'])
    expect(log.tail(100).at(-1)).toBe('entry 9')
  })

  it('tails a large file from its end without a cut first line', () => {
    const path = join(dir, 'main.log')
    writeFileSync(path, Array.from({ length: 5000 }, (_, n) => `line number ${n} of a long log`).join('\n') + '\n')
    const tail = createLogFile({ path }).tail(2)
    expect(tail).toEqual(['line number 4998 of a long log', 'line number 4999 of a long log'])
  })

  it('tails nothing when there is no log yet', () => {
    expect(createLogFile({ path: join(dir, 'none', 'main.log') }).tail(5)).toEqual([])
  })

  it('counts a write it could not make instead of throwing (the log path is a folder)', () => {
    const log = createLogFile({ path: dir })
    expect(() => log.append('lost')).not.toThrow()
    expect(log.failedWrites).toBe(1)
  })

  it('names rotated files before their extension', () => {
    expect(rotatedName('/var/log/lm/main.log', 2)).toBe('/var/log/lm/main.2.log')
    expect(rotatedName('C:\\Logs\\License Manager\\main.log', 1)).toBe('C:\\Logs\\License Manager\\main.1.log')
    expect(rotatedName('/tmp/cli-log', 1)).toBe('/tmp/cli-log.1')
    expect(rotatedName('/tmp/v1.2/log', 1)).toBe('/tmp/v1.2/log.1')
  })
})
