import { ERROR_CATALOGUE, UNKNOWN_SERVER_ERROR, unknownServerErrorWithoutMessage, WHILE_ASKING, type KnownErrorCode } from './catalogue'
import type { AppError, CaseWords, CatalogueEntry } from './types'

export const isKnownErrorCode = (code: string): code is KnownErrorCode => Object.prototype.hasOwnProperty.call(ERROR_CATALOGUE, code)

/** Facts about one occurrence of an error. Its words are the catalogue's: an entry that names a detail takes it as `detail`. */
interface Details {
  /** The HTTP status actually received, when it differs from the catalogue's. */
  status?: number
  serverMessage?: string
  field?: string
}

type Words = Pick<CatalogueEntry, 'title' | 'explanation' | 'action'> & { networkWorks?: true }

function withDetails(code: string, base: CatalogueEntry, details: Details, words: Words = base): AppError {
  const error: AppError = { code, family: base.family, status: base.status, title: words.title, explanation: words.explanation, action: words.action }
  if (words.networkWorks) error.networkWorks = true
  if (base.sandboxOnly) error.sandboxOnly = true
  if (details.status !== undefined) error.status = details.status
  if (details.serverMessage !== undefined) error.serverMessage = details.serverMessage
  if (details.field !== undefined) error.field = details.field
  return error
}

/** The detail an entry's words name, typed by the entry; never for entries that name none. */
export type DetailOf<C extends KnownErrorCode> = (typeof ERROR_CATALOGUE)[C] extends { explain: (detail: infer D) => string } ? D : never

/** What `describeError` takes for code `C`: the facts, and the entry's typed `detail` where it names one. */
type DetailsOf<C extends KnownErrorCode> = [DetailOf<C>] extends [never] ? Details : Details & { detail?: DetailOf<C> }

/** The entry's words, from the detail where one is given. */
function wordsFor(entry: CatalogueEntry, detail: unknown): Words {
  if (detail === undefined) return entry
  const explain = entry.explain as ((d: unknown) => string) | undefined
  const advise = entry.advise as ((d: unknown) => string) | undefined
  const caseOf = entry.caseOf as ((d: unknown) => CaseWords | undefined) | undefined
  const words: Words = { title: entry.title, explanation: explain ? explain(detail) : entry.explanation, action: advise ? advise(detail) : entry.action }
  if (caseOf?.(detail)?.networkWorks) words.networkWorks = true
  return words
}

/**
 * The typed error for one of the catalogue's codes; a misspelt code does not compile. An entry
 * that names a detail takes it as `detail`, typed by the entry, and words the explanation (and,
 * where the detail changes it, the action) itself; no caller gives its own words.
 */
export function describeError<C extends KnownErrorCode>(code: C, details: DetailsOf<C> = {}): AppError {
  const entry: CatalogueEntry = ERROR_CATALOGUE[code]
  const { detail, ...facts } = details as Details & { detail?: unknown }
  return withDetails(code, entry, facts, wordsFor(entry, detail))
}

/**
 * The typed error for a code a server answered with: a known code gets its catalogue entry,
 * an unknown one keeps its code and the server's own message.
 */
export function describeServerError(code: string, details: Details = {}): AppError {
  if (isKnownErrorCode(code)) return describeError(code, details)
  const entry = UNKNOWN_SERVER_ERROR
  const explanation = details.serverMessage === undefined ? unknownServerErrorWithoutMessage() : entry.explanation
  return withDetails(code, { ...entry, status: details.status ?? 0 }, details, { ...entry, explanation })
}

/** An error met while asking another server than the License API: its explanation says so, naming that server. */
export const whileAsking = (server: keyof typeof WHILE_ASKING, error: AppError): AppError => ({
  ...error,
  explanation: WHILE_ASKING[server](error.explanation)
})
