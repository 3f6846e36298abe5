/**
 * The helpdesk's own words around the catalogue's: the labels of what `license-manager explain`
 * prints and the helpdesk guide shows for each result, and what a reference's parts mean.
 * The results' own words (title, explanation, what to say, what to check, the next step) are
 * the catalogue's (src/shared/errors/catalogue.ts).
 */
export const HELPDESK_LABELS = {
  reference: 'Reference',
  code: 'Error code',
  status: 'Status',
  title: 'What the caller sees',
  meaning: 'What it means',
  callerAction: 'What the app tells the caller to do',
  commandLine: 'On the command line',
  cases: 'The same error, worded for its cause',
  say: 'What to say',
  check: 'What to check',
  next: 'Next step',
  sandboxOnly: 'The vendor documents no code for this case: the built-in sandbox answers with it, a real server may answer with another code.',
  guide: 'In the helpdesk guide'
} as const

/** What the status part of a reference says. */
export const STATUS_WORDS = {
  answered: (status: number) => `${String(status).padStart(3, '0')}: the licence server answered with HTTP ${status}`,
  noAnswer: '000: a server was asked and no answer came back (network, time limit, cut connection)',
  thisPc: 'PC: no licence server was asked to change anything; the result was decided on this PC',
  varies: 'the HTTP status the answer came with (it varies)',
  absent: 'not given (any status fits these letters)'
} as const

/** Why `explain` cannot read what it was given. */
export const REFERENCE_PROBLEMS = {
  malformed:
    'This is not a License Manager reference. A reference reads like LM-DNF-400-7K3Q: LM, 3 or 4 letters, a status of three digits or PC, and a four-character ticket id.',
  unknownMnemonic: (mnemonic: string) =>
    `No License Manager result has the letters ${mnemonic}. Check them with the caller: references never use I, L, O or U. The helpdesk guide lists every one.`,
  statusDoesNotFit: (mnemonic: string, title: string, expected: string) =>
    `The letters ${mnemonic} stand for “${title}”, whose reference ${expected}. Check the status part with the caller.`
} as const

/** Which status parts a result's reference can carry, as `statusDoesNotFit` says it. */
export const EXPECTED_STATUS = {
  thisPc: 'always ends in PC (no server is asked)',
  server: 'carries the server’s HTTP status or 000, never PC',
  answersStatus: 'carries the HTTP status the answer came with (it varies), never PC',
  success: 'carries 200 (the server confirmed) or PC (nothing was sent)',
  unknownCode: 'always carries the server’s HTTP status'
} as const
