import { appendFileSync, closeSync, fstatSync, mkdirSync, openSync, readSync, renameSync, rmSync, statSync } from 'node:fs'
import { dirname } from 'node:path'

/**
 * One log file that rotates by size: when the next line would take `main.log` past
 * `maxBytes`, it becomes `main.1.log` (the older ones move up to `main.<keep>.log`, the
 * oldest is dropped). Lines are appended synchronously, so a line written just before a
 * crash is on disk; a failed write is counted, never thrown.
 */
export interface LogFile {
  readonly path: string
  readonly folder: string
  append(line: string): void
  /** The last `count` lines, from the older file too when the current one is shorter. */
  tail(count: number): string[]
  /** Writes that failed (disk full, folder gone): the app keeps running without its log. */
  readonly failedWrites: number
}

export interface LogFileOptions {
  path: string
  /** Default 1 MiB. */
  maxBytes?: number
  /** Older files kept besides the current one; default 3. */
  keep?: number
}

export const DEFAULT_MAX_LOG_BYTES = 1024 * 1024
const DEFAULT_KEEP = 3
/** The tail reads at most this much of a file's end. */
const TAIL_BYTES = 64 * 1024

/** main.log → main.1.log; a name without an extension gets ".1". */
export function rotatedName(path: string, n: number): string {
  const dot = path.lastIndexOf('.')
  return dot > path.lastIndexOf('/') && dot > path.lastIndexOf('\\') ? `${path.slice(0, dot)}.${n}${path.slice(dot)}` : `${path}.${n}`
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size
  } catch {
    return 0
  }
}

function lastLinesOf(path: string, count: number): string[] {
  let fd: number
  try {
    fd = openSync(path, 'r')
  } catch {
    return []
  }
  try {
    const size = fstatSync(fd).size
    const length = Math.min(size, TAIL_BYTES)
    const buffer = Buffer.alloc(length)
    readSync(fd, buffer, 0, length, size - length)
    const lines = buffer.toString('utf8').split('\n')
    // A read that starts mid-file starts mid-line: that first piece is dropped.
    if (length < size) lines.shift()
    return lines.filter((line) => line !== '').slice(-count)
  } finally {
    closeSync(fd)
  }
}

export function createLogFile(options: LogFileOptions): LogFile {
  const { path } = options
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_LOG_BYTES
  const keep = options.keep ?? DEFAULT_KEEP
  let failedWrites = 0

  function rotate(): void {
    rmSync(rotatedName(path, keep), { force: true })
    for (let n = keep - 1; n >= 1; n--) {
      try {
        renameSync(rotatedName(path, n), rotatedName(path, n + 1))
      } catch {
        // That generation does not exist yet.
      }
    }
    renameSync(path, rotatedName(path, 1))
  }

  return {
    path,
    folder: dirname(path),
    get failedWrites() {
      return failedWrites
    },
    append(line) {
      const text = `${line}\n`
      try {
        mkdirSync(dirname(path), { recursive: true })
        const size = sizeOf(path)
        if (size > 0 && size + Buffer.byteLength(text) > maxBytes) rotate()
        appendFileSync(path, text, { encoding: 'utf8', mode: 0o600 })
      } catch {
        failedWrites += 1
      }
    },
    tail(count) {
      const current = lastLinesOf(path, count)
      if (current.length >= count) return current
      return [...lastLinesOf(rotatedName(path, 1), count - current.length), ...current]
    }
  }
}
