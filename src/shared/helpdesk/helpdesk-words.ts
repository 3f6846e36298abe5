import { t } from '../i18n/current'
import { NO_ANSWER, NO_SERVER_ASKED } from './reference'

/**
 * The helpdesk's own words around the catalogue's: the labels of what `license-manager explain`
 * prints and the helpdesk guide shows for each result, and what a reference's parts mean.
 * The results' own words (title, explanation, what to say, what to check, the next step) are
 * the catalogue's (src/shared/errors/catalogue.ts, src/shared/errors/helpdesk-words.ts). Each
 * is read in the language spoken when it is asked for (src/locales/<language>/helpdesk.json).
 */
export const HELPDESK_LABELS = {
  get reference() {
    return t('helpdesk.label.reference')
  },
  get code() {
    return t('helpdesk.label.code')
  },
  get status() {
    return t('helpdesk.label.status')
  },
  get title() {
    return t('helpdesk.label.title')
  },
  get meaning() {
    return t('helpdesk.label.meaning')
  },
  get callerAction() {
    return t('helpdesk.label.caller-action')
  },
  get commandLine() {
    return t('helpdesk.label.command-line')
  },
  get cases() {
    return t('helpdesk.label.cases')
  },
  get say() {
    return t('helpdesk.label.say')
  },
  get check() {
    return t('helpdesk.label.check')
  },
  get next() {
    return t('helpdesk.label.next')
  },
  get sandboxOnly() {
    return t('helpdesk.label.sandbox-only')
  },
  get guide() {
    return t('helpdesk.label.guide')
  }
}

/** A label as it stands before its value (`What to say:`), with the punctuation the language puts there. */
export const labelled = (label: string): string => t('helpdesk.label.before-value', { label })

/** A label and its value on one line (`Status: 400: …`), spaced as the language spaces them. */
export const withValue = (label: string, value: string): string => t('helpdesk.label.with-value', { label, value })

/** What the status part of a reference says. */
export const STATUS_WORDS = {
  answered: (status: number) => t('helpdesk.status.answered', { part: String(status).padStart(3, '0'), status: String(status) }),
  get noAnswer() {
    return t('helpdesk.status.no-answer', { part: NO_ANSWER })
  },
  get thisPc() {
    return t('helpdesk.status.this-pc', { part: NO_SERVER_ASKED })
  },
  /** A success's: the server confirmed it, or nothing was sent. */
  get success() {
    return t('helpdesk.status.success', { confirmed: '200', status: '200', pc: NO_SERVER_ASKED })
  },
  get varies() {
    return t('helpdesk.status.varies')
  },
  get absent() {
    return t('helpdesk.status.absent')
  }
}

/** Which status parts a result's reference can carry. */
export type ExpectedStatus = 'this-pc' | 'server' | 'answers-status' | 'success' | 'unknown-code'

/** Why `explain` cannot read what it was given. */
export const REFERENCE_PROBLEMS = {
  get malformed() {
    return t('helpdesk.reference-problem.malformed')
  },
  unknownMnemonic: (mnemonic: string) => t('helpdesk.reference-problem.unknown-mnemonic', { letters: mnemonic }),
  statusDoesNotFit: (mnemonic: string, title: string, expected: ExpectedStatus) =>
    t(`helpdesk.reference-problem.status-does-not-fit.${expected}`, { mnemonic, title })
}
