import { describeError } from '../shared/errors'
import { failure, success, type Outcome } from '../shared/outcome'
import { helpdeskEntry, type HelpdeskEntry } from '../shared/helpdesk/helpdesk-entries'
import { HELPDESK_LABELS as L, labelled, REFERENCE_PROBLEMS, STATUS_WORDS, withValue } from '../shared/helpdesk/helpdesk-words'
import { currentLanguage } from '../shared/i18n/current'
import { SOURCE_LANGUAGE } from '../shared/i18n/languages'
import { readReference, type DecodedReference, type StatusMeaning } from '../shared/helpdesk/reference'

/** Where each result has its section in the helpdesk guide (docs/helpdesk/errors.md; another language's in docs/helpdesk/<lang>/). */
export const GUIDE_PAGE = 'docs/helpdesk/errors.md'
const guidePage = () => {
  const language = currentLanguage()
  return language === SOURCE_LANGUAGE || language === 'en-XA' ? GUIDE_PAGE : `docs/helpdesk/${language}/errors.md`
}

/** What `explain --json` prints: the reference read, and the entry it stands for. */
export interface Explanation {
  reference: string
  /** The guide's anchor: the error code, `success` or `unknown-server-code`. */
  id: string
  kind: 'success' | 'error' | 'unknown-server-code'
  mnemonic: string
  status?: StatusMeaning
  title: string
  explanation: string
  action?: string
  commandLineAction?: string
  helpdesk: HelpdeskEntry['helpdesk']
  sandboxOnly: boolean
  guide: string
}

function statusLine(status: StatusMeaning | undefined): string {
  if (status === undefined) return STATUS_WORDS.absent
  if (status.kind === 'this-pc') return STATUS_WORDS.thisPc
  return status.kind === 'no-answer' ? STATUS_WORDS.noAnswer : STATUS_WORDS.answered(status.status)
}

function explanationOf(decoded: DecodedReference): Explanation {
  const entry = helpdeskEntry(decoded.meaning)
  return {
    reference: decoded.normalised,
    id: entry.id,
    kind: decoded.meaning.kind,
    mnemonic: entry.mnemonic,
    ...(decoded.status !== undefined ? { status: decoded.status } : {}),
    title: entry.title,
    explanation: entry.explanation,
    ...(entry.action !== undefined ? { action: entry.action } : {}),
    ...(entry.commandLineAction !== undefined ? { commandLineAction: entry.commandLineAction } : {}),
    helpdesk: entry.helpdesk,
    sandboxOnly: entry.sandboxOnly,
    guide: `${guidePage()}#${entry.id}`
  }
}

const refuse = (problem: string): Outcome<never> => failure(describeError('invalid_input', { field: 'reference', detail: { problem, nothing: 'changed' } }))

/** Decodes a reference offline, from the catalogue; anything that is not one of this app's references is refused. */
export function explainReference(text: string | undefined): Outcome<Explanation> {
  if (text === undefined || text.trim() === '') return refuse(REFERENCE_PROBLEMS.malformed)
  const read = readReference(text)
  if (read.ok) return success(explanationOf(read.reference))
  if (read.problem === 'malformed') return refuse(REFERENCE_PROBLEMS.malformed)
  // Only the letters are quoted back: 3–4 of the spoken alphabet, nothing else of what was typed.
  if (read.problem === 'unknown-mnemonic' || read.near === undefined) return refuse(REFERENCE_PROBLEMS.unknownMnemonic(read.letters ?? ''))
  const near = helpdeskEntry(read.near)
  return refuse(REFERENCE_PROBLEMS.statusDoesNotFit(near.mnemonic, near.title, near.expectedStatus))
}

const WIDTH = 96

/** Characters a terminal shows two columns wide (Japanese and other East Asian scripts). */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/
const WIDE_ALL = new RegExp(WIDE.source, 'g')
const columns = (text: string) => text.length + (text.match(WIDE_ALL)?.length ?? 0)
/** Closing punctuation a line must not start with, and opening brackets it must not end with. */
const NO_BREAK_BEFORE = /^[、。，．：；？！）」』…ー]/
const NO_BREAK_AFTER = /[（「『]+$/

/** A word as the places a line may break in it: itself, or, in a script written without spaces, its words. */
const breakable = (word: string): string[] =>
  WIDE.test(word) ? [...new Intl.Segmenter(currentLanguage(), { granularity: 'word' }).segment(word)].map((piece) => piece.segment) : [word]

/** Wraps a paragraph at word boundaries (in Japanese, between its words), each line indented. */
function paragraph(text: string, indent = '  '): string {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/)) {
    breakable(word).forEach((part, i) => {
      const joint = line === '' || i > 0 ? '' : ' '
      if (line !== '' && columns(indent + line + joint + part) > WIDTH && !NO_BREAK_BEFORE.test(part)) {
        // An opening bracket goes down with what it opens.
        const carried = joint === '' ? (NO_BREAK_AFTER.exec(line)?.[0] ?? '') : ''
        if (carried.length < line.length) {
          lines.push(indent + line.slice(0, line.length - carried.length))
          line = carried + part
          return
        }
      }
      line += joint + part
    })
  }
  if (line !== '') lines.push(indent + line)
  return lines.join('\n')
}

/** The explanation as a helpdesk agent reads it in a terminal. */
export function formatExplanation(e: Explanation): string {
  const head = [withValue(L.reference, e.reference)]
  if (e.kind === 'error') head.push(withValue(L.code, e.id))
  head.push(withValue(L.status, statusLine(e.status)))
  const sections: Array<[string, string | undefined]> = [
    [L.title, e.title],
    [L.meaning, e.explanation],
    [L.callerAction, e.action],
    [L.commandLine, e.commandLineAction],
    [L.say, e.helpdesk.say],
    [L.check, e.helpdesk.check],
    [L.next, e.helpdesk.next]
  ]
  const body = sections.filter((s): s is [string, string] => s[1] !== undefined).map(([label, text]) => `${labelled(label)}\n${paragraph(text)}`)
  if (e.sandboxOnly) body.push(paragraph(L.sandboxOnly, ''))
  body.push(withValue(L.guide, e.guide))
  return [head.join('\n'), ...body].join('\n\n')
}
