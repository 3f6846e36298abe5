import { SPOKEN_ALPHABET } from './spoken-alphabet'
import { ERROR_CATALOGUE, isKnownErrorCode, SUCCESS, UNKNOWN_SERVER_ERROR, type KnownErrorCode } from '../errors'

/**
 * A reference a person can read aloud on the phone, e.g. `LM-DNF-400-7K3Q`:
 *
 *   LM    License Manager
 *   DNF   the result's mnemonic: 3–4 letters chosen by hand for each catalogue entry
 *         (`CatalogueEntry.mnemonic`), YES for a success, VNDR for a server code the app does not know
 *   400   what the licence server answered: its HTTP status; `000` when a server was asked and
 *         no answer came; `PC` when no server was asked (the result was decided on this PC)
 *   7K3Q  a random ticket id, to match a spoken reference with a pasted one
 *
 * `license-manager explain <reference>` decodes one offline (src/cli/explain.ts).
 */

export { SPOKEN_ALPHABET }
/** The letters a mnemonic is made of: the spoken alphabet's. */
export const MNEMONIC_PATTERN = /^[A-HJKMNP-TV-Z]{3,4}$/
/** The status part of a result that no server was asked about. */
export const NO_SERVER_ASKED = 'PC'
/** The status part of a result for which a server was asked and no HTTP answer came. */
export const NO_ANSWER = '000'
const TICKET_LENGTH = 4

export const REFERENCE_PATTERN = /^LM-[A-HJKMNP-TV-Z]{3,4}-(?:\d{3}|PC)-[0-9A-HJKMNP-TV-Z]{4}$/

/** What a reference is made for: an error (its code and HTTP status), or a success confirmed by a server or made on this PC. */
export type ReferenceSubject = { code: string; status: number } | { success: 'server' | 'this-pc' }

/** The mnemonic of an error code: its entry's, or the unknown server code's. */
export function mnemonicOf(code: string): string {
  return isKnownErrorCode(code) ? ERROR_CATALOGUE[code].mnemonic : UNKNOWN_SERVER_ERROR.mnemonic
}

function statusPart(subject: ReferenceSubject): string {
  if ('success' in subject) return subject.success === 'this-pc' ? NO_SERVER_ASKED : '200'
  if (isKnownErrorCode(subject.code) && ERROR_CATALOGUE[subject.code].onThisPc) return NO_SERVER_ASKED
  const { status } = subject
  return Number.isInteger(status) && status > 0 && status < 1000 ? String(status).padStart(3, '0') : NO_ANSWER
}

function ticket(randomBytes: (length: number) => Uint8Array): string {
  return [...randomBytes(TICKET_LENGTH)].map((byte) => SPOKEN_ALPHABET[byte % SPOKEN_ALPHABET.length]).join('')
}

const cryptoBytes = (length: number) => globalThis.crypto.getRandomValues(new Uint8Array(length))

/** The reference of one result. */
export function makeReference(subject: ReferenceSubject, randomBytes: (length: number) => Uint8Array = cryptoBytes): string {
  const mnemonic = 'success' in subject ? SUCCESS.mnemonic : mnemonicOf(subject.code)
  return `LM-${mnemonic}-${statusPart(subject)}-${ticket(randomBytes)}`
}

/** What a reference stands for. */
export type ReferenceMeaning = { kind: 'success' } | { kind: 'error'; code: KnownErrorCode } | { kind: 'unknown-server-code' }

/** What the status part says. */
export type StatusMeaning = { kind: 'answered'; status: number } | { kind: 'no-answer' } | { kind: 'this-pc' }

export interface DecodedReference {
  /** The reference as License Manager prints it (parts absent from what was typed are left out). */
  normalised: string
  mnemonic: string
  meaning: ReferenceMeaning
  /** Absent when only the mnemonic was given. */
  status?: StatusMeaning
  ticket?: string
}

/** Why a text is not a reference of this app; `near` names the entry its letters stand for, when they do. */
export interface UnreadableReference {
  problem: 'malformed' | 'unknown-mnemonic' | 'status-does-not-fit'
  near?: ReferenceMeaning
  /** With an unknown mnemonic: the letters read as one (spoken-alphabet letters only, safe to quote). */
  letters?: string
}

const meaningsByMnemonic = (): Map<string, ReferenceMeaning> => {
  const map = new Map<string, ReferenceMeaning>([
    [SUCCESS.mnemonic, { kind: 'success' }],
    [UNKNOWN_SERVER_ERROR.mnemonic, { kind: 'unknown-server-code' }]
  ])
  for (const code of Object.keys(ERROR_CATALOGUE) as KnownErrorCode[]) map.set(ERROR_CATALOGUE[code].mnemonic, { kind: 'error', code })
  return map
}

let byMnemonic: Map<string, ReferenceMeaning> | undefined

/** The result a mnemonic stands for, if any. */
export function meaningOf(mnemonic: string): ReferenceMeaning | undefined {
  byMnemonic ??= meaningsByMnemonic()
  return byMnemonic.get(mnemonic.toUpperCase())
}

/** Letters that sound or look like digits, as a person may type a ticket or status they heard. */
const DIGIT_LOOKALIKES: Record<string, string> = { O: '0', I: '1', L: '1' }
const asDigits = (part: string) => part.replace(/[OIL]/g, (c) => DIGIT_LOOKALIKES[c] ?? c)

/** What a reference looks like once its separators are gone: letters, a status, a ticket id. */
const REFERENCE_SHAPE = /^[A-Z]{3,4}(?:[0-9OIL]{3}|PC)?(?:[0-9A-Z]{4})?$/

/** The status and ticket after a mnemonic: `PC` or three digits, then four characters; both may be left out. */
function statusAndTicket(rest: string): { status?: string; ticket?: string } | undefined {
  const status = rest.startsWith(NO_SERVER_ASKED) ? NO_SERVER_ASKED : rest.length >= 3 ? asDigits(rest.slice(0, 3)) : rest
  const ticketPart = rest.slice(status.length)
  const ticket = ticketPart === '' ? undefined : asDigits(ticketPart)
  if (status !== '' && status !== NO_SERVER_ASKED && !/^\d{3}$/.test(status)) return undefined
  if (ticket !== undefined && !/^[0-9A-HJKMNP-TV-Z]{4}$/.test(ticket)) return undefined
  return { ...(status !== '' ? { status } : {}), ...(ticket !== undefined ? { ticket } : {}) }
}

const statusMeaningOf = (status: string): StatusMeaning =>
  status === NO_SERVER_ASKED ? { kind: 'this-pc' } : status === NO_ANSWER ? { kind: 'no-answer' } : { kind: 'answered', status: Number(status) }

/**
 * Reads a reference as a person types what they heard: any case, parts separated by "-",
 * spaces or dots or not at all, letter by letter, with or without `LM`, the status and the
 * ticket id (`dnf`, `LM DNF 400`, `lm-dnf-4oo-7k3q`, `L M D N F 4 0 0`). The letters must be
 * a mnemonic of this app, and the status must fit it (`PC` only for results decided on this PC).
 */
export function readReference(text: string): { ok: true; reference: DecodedReference } | ({ ok: false } & UnreadableReference) {
  const compact = text.toUpperCase().replace(/[\s.\-_–—]+/gu, '')
  const body = compact.startsWith('LM') ? compact.slice(2) : compact
  if (!REFERENCE_SHAPE.test(body)) return { ok: false, problem: 'malformed' }
  let near: ReferenceMeaning | undefined
  let lettersKnown = false
  const readings: DecodedReference[] = []
  for (const length of [4, 3]) {
    const mnemonic = body.slice(0, length)
    const meaning = mnemonic.length === length && MNEMONIC_PATTERN.test(mnemonic) ? meaningOf(mnemonic) : undefined
    if (meaning !== undefined) lettersKnown = true
    const parts = meaning === undefined ? undefined : statusAndTicket(body.slice(length))
    if (meaning === undefined || parts === undefined) continue
    const status = parts.status === undefined ? undefined : statusMeaningOf(parts.status)
    if (status !== undefined && !statusFits(meaning, status)) {
      near = meaning
      continue
    }
    readings.push({
      normalised: ['LM', mnemonic, parts.status, parts.ticket].filter((part) => part !== undefined).join('-'),
      mnemonic,
      meaning,
      ...(status !== undefined ? { status } : {}),
      ...(parts.ticket !== undefined ? { ticket: parts.ticket } : {})
    })
  }
  const [reading, ...others] = readings
  if (reading !== undefined && others.length === 0) return { ok: true, reference: reading }
  if (reading === undefined && near !== undefined) return { ok: false, problem: 'status-does-not-fit', near }
  if (reading === undefined && !lettersKnown && /^[A-HJKMNP-TV-Z]{3}/.test(body))
    return { ok: false, problem: 'unknown-mnemonic', letters: body.match(/^[A-HJKMNP-TV-Z]{3,4}/)?.[0] ?? '' }
  return { ok: false, problem: 'malformed' }
}

/** `PC` only where no server is asked; a success is either; an unknown server code always has the server's status. */
function statusFits(meaning: ReferenceMeaning, status: StatusMeaning): boolean {
  if (meaning.kind === 'success') return status.kind !== 'no-answer'
  if (meaning.kind === 'unknown-server-code') return status.kind === 'answered'
  return ERROR_CATALOGUE[meaning.code].onThisPc === true ? status.kind === 'this-pc' : status.kind !== 'this-pc'
}
