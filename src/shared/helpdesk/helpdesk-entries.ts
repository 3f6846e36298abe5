import { ERROR_CATALOGUE, SUCCESS, UNKNOWN_SERVER_ERROR, type CaseWords, type HelpdeskWords, type KnownErrorCode } from '../errors'
import { HELPDESK_WORDS, SUCCESS_WORDS, UNKNOWN_SERVER_CODE_WORDS } from '../errors/helpdesk-words'
import { STATUS_WORDS, type ExpectedStatus } from './helpdesk-words'
import type { ReferenceMeaning } from './reference'

/**
 * Everything the helpdesk is told about one kind of result: a success, a catalogue error, or a
 * server code the app does not know. Its words are read when asked for, in the language spoken
 * then (the guide's generator words one language after another with the same entries).
 */
export interface HelpdeskEntry {
  /** The result's anchor in the helpdesk guide: the error code, `success` or `unknown-server-code`. */
  readonly id: string
  readonly meaning: ReferenceMeaning
  readonly mnemonic: string
  /** What the caller reads as the result's heading. */
  readonly title: string
  readonly explanation: string
  /** What the app tells the caller to do (none for a success). */
  readonly action?: string
  readonly commandLineAction?: string
  readonly helpdesk: HelpdeskWords
  readonly cases?: Readonly<Record<string, CaseWords>>
  /** The catalogue's HTTP status (0: none, or it varies). */
  readonly status: number
  readonly sandboxOnly: boolean
  /** Which status parts its reference can carry (REFERENCE_PROBLEMS.statusDoesNotFit words it). */
  readonly expectedStatus: ExpectedStatus
  /** What its reference's status part says, as the guide and `explain` describe it. */
  readonly statusWords: string
}

type Worded = Pick<HelpdeskEntry, 'title' | 'explanation' | 'action' | 'commandLineAction' | 'helpdesk' | 'cases' | 'statusWords'>
type Always = 'title' | 'explanation' | 'helpdesk' | 'statusWords'
type WordReaders = { readonly [K in Always]: () => Worded[K] } & { readonly [K in Exclude<keyof Worded, Always>]?: () => Worded[K] }

/** An entry whose words are getters: each reads its text when asked for. */
function entry(fixed: Omit<HelpdeskEntry, keyof Worded>, words: WordReaders): HelpdeskEntry {
  const getters = Object.fromEntries(Object.entries(words).map(([name, get]) => [name, { get, enumerable: true }]))
  return Object.defineProperties({ ...fixed }, getters) as HelpdeskEntry
}

function errorEntry(code: KnownErrorCode): HelpdeskEntry {
  const e = ERROR_CATALOGUE[code]
  return entry(
    {
      id: code,
      meaning: { kind: 'error', code },
      mnemonic: e.mnemonic,
      status: e.status,
      sandboxOnly: 'sandboxOnly' in e,
      expectedStatus: 'onThisPc' in e ? 'this-pc' : 'statusVaries' in e ? 'answers-status' : 'server'
    },
    {
      title: () => e.title,
      explanation: () => e.explanation,
      action: () => e.action,
      ...('commandLineAction' in e ? { commandLineAction: () => e.commandLineAction } : {}),
      helpdesk: () => HELPDESK_WORDS[code],
      ...('cases' in e ? { cases: () => e.cases } : {}),
      statusWords: () =>
        'onThisPc' in e
          ? STATUS_WORDS.thisPc
          : 'statusVaries' in e
            ? STATUS_WORDS.varies
            : e.status > 0
              ? STATUS_WORDS.answered(e.status)
              : STATUS_WORDS.noAnswer
    }
  )
}

const SUCCESS_ENTRY = entry(
  { id: 'success', meaning: { kind: 'success' }, mnemonic: SUCCESS.mnemonic, status: 200, sandboxOnly: false, expectedStatus: 'success' },
  { title: () => SUCCESS.title, explanation: () => SUCCESS.explanation, helpdesk: () => SUCCESS_WORDS, statusWords: () => STATUS_WORDS.success }
)

const UNKNOWN_ENTRY = entry(
  {
    id: 'unknown-server-code',
    meaning: { kind: 'unknown-server-code' },
    mnemonic: UNKNOWN_SERVER_ERROR.mnemonic,
    status: 0,
    sandboxOnly: false,
    expectedStatus: 'unknown-code'
  },
  {
    title: () => UNKNOWN_SERVER_ERROR.title,
    explanation: () => UNKNOWN_SERVER_ERROR.explanation,
    action: () => UNKNOWN_SERVER_ERROR.action,
    helpdesk: () => UNKNOWN_SERVER_CODE_WORDS,
    statusWords: () => STATUS_WORDS.varies
  }
)

const ERROR_ENTRIES = new Map((Object.keys(ERROR_CATALOGUE) as KnownErrorCode[]).map((code) => [code, errorEntry(code)]))

/** Every result a reference can stand for: the success, each catalogue entry in catalogue order, then the unknown server code. */
export const HELPDESK_ENTRIES: readonly HelpdeskEntry[] = [SUCCESS_ENTRY, ...ERROR_ENTRIES.values(), UNKNOWN_ENTRY]

/** The entry a decoded reference stands for. */
export function helpdeskEntry(meaning: ReferenceMeaning): HelpdeskEntry {
  if (meaning.kind === 'success') return SUCCESS_ENTRY
  if (meaning.kind === 'unknown-server-code') return UNKNOWN_ENTRY
  return ERROR_ENTRIES.get(meaning.code)!
}
