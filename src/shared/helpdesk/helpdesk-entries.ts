import { ERROR_CATALOGUE, SUCCESS, UNKNOWN_SERVER_ERROR, type CaseWords, type HelpdeskWords, type KnownErrorCode } from '../errors'
import { HELPDESK_WORDS, SUCCESS_WORDS, UNKNOWN_SERVER_CODE_WORDS } from '../errors/helpdesk-words'
import { EXPECTED_STATUS, STATUS_WORDS } from './helpdesk-words'
import type { ReferenceMeaning } from './reference'

/** Everything the helpdesk is told about one kind of result: a success, a catalogue error, or a server code the app does not know. */
export interface HelpdeskEntry {
  /** The result's anchor in the helpdesk guide: the error code, `success` or `unknown-server-code`. */
  id: string
  meaning: ReferenceMeaning
  mnemonic: string
  /** What the caller reads as the result's heading. */
  title: string
  explanation: string
  /** What the app tells the caller to do (none for a success). */
  action?: string
  commandLineAction?: string
  helpdesk: HelpdeskWords
  cases?: Readonly<Record<string, CaseWords>>
  /** The catalogue's HTTP status (0: none, or it varies). */
  status: number
  sandboxOnly: boolean
  /** Which status parts its reference can carry, as a refusal of `explain` says it. */
  expectedStatus: string
  /** What its reference's status part says, as the guide and `explain` describe it. */
  statusWords: string
}

function errorEntry(code: KnownErrorCode): HelpdeskEntry {
  const e = ERROR_CATALOGUE[code]
  return {
    id: code,
    meaning: { kind: 'error', code },
    mnemonic: e.mnemonic,
    title: e.title,
    explanation: e.explanation,
    action: e.action,
    ...('commandLineAction' in e ? { commandLineAction: e.commandLineAction } : {}),
    helpdesk: HELPDESK_WORDS[code],
    ...('cases' in e ? { cases: e.cases } : {}),
    status: e.status,
    sandboxOnly: 'sandboxOnly' in e,
    expectedStatus: 'onThisPc' in e ? EXPECTED_STATUS.thisPc : 'statusVaries' in e ? EXPECTED_STATUS.answersStatus : EXPECTED_STATUS.server,
    statusWords:
      'onThisPc' in e ? STATUS_WORDS.thisPc : 'statusVaries' in e ? STATUS_WORDS.varies : e.status > 0 ? STATUS_WORDS.answered(e.status) : STATUS_WORDS.noAnswer
  }
}

const SUCCESS_ENTRY: HelpdeskEntry = {
  id: 'success',
  meaning: { kind: 'success' },
  mnemonic: SUCCESS.mnemonic,
  title: SUCCESS.title,
  explanation: SUCCESS.explanation,
  helpdesk: SUCCESS_WORDS,
  status: 200,
  sandboxOnly: false,
  expectedStatus: EXPECTED_STATUS.success,
  statusWords: `${STATUS_WORDS.answered(200)}; or ${STATUS_WORDS.thisPc}`
}

const UNKNOWN_ENTRY: HelpdeskEntry = {
  id: 'unknown-server-code',
  meaning: { kind: 'unknown-server-code' },
  mnemonic: UNKNOWN_SERVER_ERROR.mnemonic,
  title: UNKNOWN_SERVER_ERROR.title,
  explanation: UNKNOWN_SERVER_ERROR.explanation,
  action: UNKNOWN_SERVER_ERROR.action,
  helpdesk: UNKNOWN_SERVER_CODE_WORDS,
  status: 0,
  sandboxOnly: false,
  expectedStatus: EXPECTED_STATUS.unknownCode,
  statusWords: STATUS_WORDS.varies
}

/** Every result a reference can stand for: the success, each catalogue entry in catalogue order, then the unknown server code. */
export const HELPDESK_ENTRIES: readonly HelpdeskEntry[] = [SUCCESS_ENTRY, ...(Object.keys(ERROR_CATALOGUE) as KnownErrorCode[]).map(errorEntry), UNKNOWN_ENTRY]

/** The entry a decoded reference stands for. */
export function helpdeskEntry(meaning: ReferenceMeaning): HelpdeskEntry {
  if (meaning.kind === 'success') return SUCCESS_ENTRY
  if (meaning.kind === 'unknown-server-code') return UNKNOWN_ENTRY
  return errorEntry(meaning.code)
}
