import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs'
import { open, stat, type FileHandle } from 'node:fs/promises'
import { t } from '../../../shared/i18n/current'

/*
 * Reading a path a person or a configuration named. Only a regular file is read: a FIFO, a
 * device (/dev/zero, /dev/tty, a serial port), a socket or a directory is refused before it is
 * opened for reading. The file is then opened non-blocking (opening a FIFO for reading would wait
 * for a writer, in a thread that even process.exit waits for) and checked again once open, so a
 * path swapped for something else in between is refused too. Reads stop past `maxBytes`, and the
 * asynchronous reader gives up after `timeoutMs` (a hung network drive).
 */

/** Why a path was not read. `kind` names what the path is when it is not a regular file. */
export type RegularFileProblem =
  | { problem: 'not-found' }
  | { problem: 'not-regular'; kind: SpecialKind }
  | { problem: 'too-large' }
  | { problem: 'timeout' }
  | { problem: 'unreadable'; code: string }

export type SpecialKind = 'directory' | 'FIFO (named pipe)' | 'character device' | 'block device' | 'socket' | 'special file'

export type RegularFileReading = { ok: true; bytes: Buffer } | ({ ok: false } & RegularFileProblem)

export interface RegularFileLimits {
  /** Larger files are refused without reading them whole. */
  maxBytes: number
  /** The asynchronous reader's deadline for the whole read. */
  timeoutMs?: number
}

export const DEFAULT_READ_TIMEOUT_MS = 5_000

/** Absent on Windows (where opening does not wait either), whatever @types/node says. */
const optional = (flag: number | undefined): number => flag ?? 0
/** Read-only, never waiting on open (FIFOs, serial lines), never becoming a controlling terminal. */
const OPEN_FLAGS = constants.O_RDONLY | optional(constants.O_NONBLOCK) | optional(constants.O_NOCTTY)

export function specialKind(stats: Stats): SpecialKind | undefined {
  if (stats.isFile()) return undefined
  if (stats.isDirectory()) return 'directory'
  if (stats.isFIFO()) return 'FIFO (named pipe)'
  if (stats.isCharacterDevice()) return 'character device'
  if (stats.isBlockDevice()) return 'block device'
  if (stats.isSocket()) return 'socket'
  return 'special file'
}

const errorCode = (error: unknown): string => (error as NodeJS.ErrnoException | undefined)?.code ?? 'error'

function problemOf(error: unknown): RegularFileReading {
  const code = errorCode(error)
  return code === 'ENOENT' || code === 'ENOTDIR' ? { ok: false, problem: 'not-found' } : { ok: false, problem: 'unreadable', code }
}

/** The same file as the one the path named a moment ago (not swapped in between). */
const sameFile = (a: Stats, b: Stats): boolean => a.dev === b.dev && a.ino === b.ino

/** The file's bytes, or why it was not read; never throws, never blocks on a special file. */
export async function readRegularFile(path: string, limits: RegularFileLimits): Promise<RegularFileReading> {
  const deadline = limits.timeoutMs ?? DEFAULT_READ_TIMEOUT_MS
  let handle: FileHandle | undefined
  let timer: NodeJS.Timeout | undefined
  const timedOut = new Promise<RegularFileReading>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, problem: 'timeout' }), deadline)
  })
  const work = (async (): Promise<RegularFileReading> => {
    let before: Stats
    try {
      before = await stat(path)
    } catch (error) {
      return problemOf(error)
    }
    const kind = specialKind(before)
    if (kind !== undefined) return { ok: false, problem: 'not-regular', kind }
    if (before.size > limits.maxBytes) return { ok: false, problem: 'too-large' }
    try {
      handle = await open(path, OPEN_FLAGS)
      const opened = await handle.stat()
      const openedKind = specialKind(opened)
      if (openedKind !== undefined) return { ok: false, problem: 'not-regular', kind: openedKind }
      if (!sameFile(before, opened)) return { ok: false, problem: 'unreadable', code: 'ECHANGED' }
      const buffer = Buffer.alloc(limits.maxBytes + 1)
      let size = 0
      for (;;) {
        const { bytesRead } = await handle.read(buffer, size, buffer.length - size, null)
        if (bytesRead === 0) break
        size += bytesRead
        if (size > limits.maxBytes) return { ok: false, problem: 'too-large' }
      }
      return { ok: true, bytes: buffer.subarray(0, size) }
    } catch (error) {
      return problemOf(error)
    }
  })()
  try {
    return await Promise.race([work, timedOut])
  } finally {
    clearTimeout(timer)
    // A read still running after the deadline closes the file when it ends.
    void work.finally(() => handle?.close().catch(() => undefined))
  }
}

/** The synchronous reader, for the configuration file read at start-up (regular files only, bounded size). */
export function readRegularFileSync(path: string, limits: Pick<RegularFileLimits, 'maxBytes'>): RegularFileReading {
  let before: Stats
  try {
    before = statSync(path)
  } catch (error) {
    return problemOf(error)
  }
  const kind = specialKind(before)
  if (kind !== undefined) return { ok: false, problem: 'not-regular', kind }
  if (before.size > limits.maxBytes) return { ok: false, problem: 'too-large' }
  let fd: number | undefined
  try {
    fd = openSync(path, OPEN_FLAGS)
    const opened = fstatSync(fd)
    const openedKind = specialKind(opened)
    if (openedKind !== undefined) return { ok: false, problem: 'not-regular', kind: openedKind }
    if (!sameFile(before, opened)) return { ok: false, problem: 'unreadable', code: 'ECHANGED' }
    const buffer = Buffer.alloc(limits.maxBytes + 1)
    let size = 0
    for (;;) {
      const bytesRead = readSync(fd, buffer, size, buffer.length - size, null)
      if (bytesRead === 0) break
      size += bytesRead
      if (size > limits.maxBytes) return { ok: false, problem: 'too-large' }
    }
    return { ok: true, bytes: buffer.subarray(0, size) }
  } catch (error) {
    return problemOf(error)
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

/** How the sentence names the file: as the configuration file, as the file a setting names (the logo), or as a file the user gave. */
export type FileRole = { role: 'configuration' } | { role: 'logo'; setting: string } | { role: 'file' }

const KIND_WORDS: Record<SpecialKind, () => string> = {
  directory: () => t('errors.file-problem.kind.directory'),
  'FIFO (named pipe)': () => t('errors.file-problem.kind.fifo'),
  'character device': () => t('errors.file-problem.kind.character-device'),
  'block device': () => t('errors.file-problem.kind.block-device'),
  socket: () => t('errors.file-problem.kind.socket'),
  'special file': () => t('errors.file-problem.kind.special-file')
}

/** Why the file was not read, as a whole sentence naming `file` (as shown) in the role it has. */
export function describeFileProblem(reading: RegularFileProblem, file: string, named: FileRole, maxBytes: number): string {
  const who = { role: named.role, setting: named.role === 'logo' ? named.setting : '', file }
  switch (reading.problem) {
    case 'not-found':
      return t('errors.file-problem.not-found', who)
    case 'not-regular':
      return t('errors.file-problem.not-regular', { ...who, kind: KIND_WORDS[reading.kind]() })
    case 'too-large':
      return t('errors.file-problem.too-large', { ...who, limit: maxBytes })
    case 'timeout':
      return t('errors.file-problem.timeout', who)
    case 'unreadable':
      return reading.code === 'ECHANGED' ? t('errors.file-problem.changed', who) : t('errors.file-problem.unreadable', { ...who, code: reading.code })
  }
}
