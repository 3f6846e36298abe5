import { execFileSync } from 'node:child_process'
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readRegularFile, readRegularFileSync, type RegularFileReading } from '../../../src/main/engine/files/regular-file'

/*
 * Reading a path a person named: only regular files. Special files are real ones made here
 * (mkfifo, a Unix socket, /dev/zero, /dev/null); a FIFO with no writer would block an ordinary
 * open for ever, so each of these tests hanging (the suite's time limit) is the failure.
 */

const posix = process.platform !== 'win32'
let dir: string
let socketServer: Server | undefined

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lm-regular-file-'))
  writeFileSync(join(dir, 'ok.req'), 'eyJyZXF1ZXN0Ijp7fX0=')
  writeFileSync(join(dir, 'big.req'), 'A'.repeat(2048))
  if (!posix) return
  execFileSync('mkfifo', [join(dir, 'pipe.req')])
  symlinkSync(join(dir, 'pipe.req'), join(dir, 'link-to-pipe.req'))
  symlinkSync(join(dir, 'ok.req'), join(dir, 'link-to-ok.req'))
  const server = createServer()
  socketServer = server
  await new Promise<void>((resolve) => server.listen(join(dir, 'socket.req'), resolve))
})
afterAll(async () => {
  await new Promise<void>((resolve) => (socketServer ? socketServer.close(() => resolve()) : resolve()))
})

const text = (reading: RegularFileReading) => (reading.ok ? reading.bytes.toString('utf8') : reading)

describe('readRegularFile and readRegularFileSync', () => {
  it('read a regular file (and one reached through a symbolic link) whole', async () => {
    for (const read of [(p: string) => readRegularFile(p, { maxBytes: 1024 }), async (p: string) => readRegularFileSync(p, { maxBytes: 1024 })]) {
      expect(text(await read(join(dir, 'ok.req')))).toBe('eyJyZXF1ZXN0Ijp7fX0=')
      if (posix) expect(text(await read(join(dir, 'link-to-ok.req')))).toBe('eyJyZXF1ZXN0Ijp7fX0=')
    }
  })

  it('refuse a larger file than allowed, and name a missing one as missing', async () => {
    expect(await readRegularFile(join(dir, 'big.req'), { maxBytes: 1024 })).toEqual({ ok: false, problem: 'too-large' })
    expect(readRegularFileSync(join(dir, 'big.req'), { maxBytes: 1024 })).toEqual({ ok: false, problem: 'too-large' })
    expect(await readRegularFile(join(dir, 'missing.req'), { maxBytes: 1024 })).toEqual({ ok: false, problem: 'not-found' })
    expect(readRegularFileSync(join(dir, 'missing', 'x.req'), { maxBytes: 1024 })).toEqual({ ok: false, problem: 'not-found' })
  })

  it.runIf(posix).each([
    ['a FIFO with no writer', 'pipe.req', 'FIFO (named pipe)'],
    ['a symbolic link to a FIFO', 'link-to-pipe.req', 'FIFO (named pipe)'],
    ['a Unix socket', 'socket.req', 'socket'],
    ['a directory', '.', 'directory'],
    ['/dev/zero (endless)', '/dev/zero', 'character device'],
    ['/dev/null', '/dev/null', 'character device']
  ])('refuse %s without blocking, naming what it is', async (_name, path, kind) => {
    const full = path.startsWith('/') ? path : join(dir, path)
    expect(await readRegularFile(full, { maxBytes: 1024 })).toEqual({ ok: false, problem: 'not-regular', kind })
    expect(readRegularFileSync(full, { maxBytes: 1024 })).toEqual({ ok: false, problem: 'not-regular', kind })
  })
})
