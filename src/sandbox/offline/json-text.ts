/*
 * The few things the sandbox needs from a JSON text beyond JSON.parse: how deep it nests
 * (checked before parsing, so a hostile file never reaches the parser's recursion), and the
 * members of an object as they are written — their keys, and each value's exact text, which
 * is what a v2 request file's signature covers.
 */

const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

/** Whether objects and arrays nest deeper than `max` anywhere in the text (strings skipped). */
export function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5c) i++
      else if (c === 0x22) inString = false
    } else if (c === 0x22) inString = true
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true
    } else if (c === 0x7d || c === 0x5d) depth--
  }
  return false
}

/** JSON.parse that reports a prototype-related key anywhere instead of returning the value. */
export function parseData(text: string): { ok: true; value: unknown } | { ok: false; prototypeKey: boolean } {
  const seen = { prototypeKey: false }
  try {
    const value: unknown = JSON.parse(text, (key, v: unknown) => {
      if (PROTOTYPE_KEYS.has(key)) seen.prototypeKey = true
      return v
    })
    return seen.prototypeKey ? { ok: false, prototypeKey: true } : { ok: true, value }
  } catch {
    return { ok: false, prototypeKey: false }
  }
}

export interface Member {
  key: string
  /** The value exactly as written, without the whitespace around it. */
  text: string
}

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d

/** The end (exclusive) of the string token that starts at `start` (a `"`). */
function stringEnd(text: string, start: number): number {
  let i = start + 1
  while (i < text.length) {
    const c = text.charCodeAt(i)
    if (c === 0x5c) i += 2
    else if (c === 0x22) return i + 1
    else i++
  }
  return text.length
}

/**
 * The members of the object a valid JSON text holds, in the order written, or null when the
 * text is not an object. Call it only on text JSON.parse accepted.
 */
export function objectMembers(text: string): Member[] | null {
  let i = 0
  const skip = () => {
    while (i < text.length && isSpace(text.charCodeAt(i))) i++
  }
  skip()
  if (text[i] !== '{') return null
  i++
  const members: Member[] = []
  for (;;) {
    skip()
    if (text[i] === '}') return members
    if (text[i] === ',') {
      i++
      skip()
    }
    const keyEnd = stringEnd(text, i)
    const key = JSON.parse(text.slice(i, keyEnd)) as string
    i = keyEnd
    skip()
    i++ // the colon
    skip()
    const start = i
    let depth = 0
    while (i < text.length) {
      const c = text.charCodeAt(i)
      if (c === 0x22) {
        i = stringEnd(text, i)
        continue
      }
      if (c === 0x7b || c === 0x5b) depth++
      else if (c === 0x7d || c === 0x5d) {
        if (depth === 0) break
        depth--
      } else if (c === 0x2c && depth === 0) break
      i++
    }
    members.push({ key, text: text.slice(start, i).trimEnd() })
  }
}
