/**
 * The helpdesk guide's pages (docs/helpdesk/walkthrough.md and errors.md), built from one
 * place per language: the page texts in docs/helpdesk/source/<lang>/, with placeholders the
 * catalogue fills (src/shared/errors/catalogue.ts, through src/shared/helpdesk/). Written by
 * `npm run docs:helpdesk`; test/node/helpdesk/guide.test.ts fails when the committed pages
 * differ from what this builds, or when a result has no section.
 *
 * Placeholders in a source page:
 *   {{error:<id>}}          a link to the result's section: its title and reference, e.g.
 *                           [This PC is not activated on that licence](errors.md#device_not_found) (`LM-DNF-400-…`)
 *   {{ref:<id>}}            the result's reference, e.g. `LM-DNF-400-…` (`success-pc`: `LM-YES-PC-…`)
 *   {{title:<id>}}          the result's title, as the caller reads it
 *   {{picture:<name>|<alt>}} docs/helpdesk/pictures/<name>.png, which must exist
 *   {{index:mnemonic}}, {{index:title}}, {{sections}}   (errors page) the two indexes and every section
 * <id> is a catalogue error code, `success` or `unknown-server-code`.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { ERROR_CATALOGUE, type KnownErrorCode } from '../../src/shared/errors'
import { HELPDESK_ENTRIES, type HelpdeskEntry } from '../../src/shared/helpdesk/helpdesk-entries'
import { HELPDESK_LABELS as L } from '../../src/shared/helpdesk/helpdesk-words'
import { NO_ANSWER, NO_SERVER_ASKED } from '../../src/shared/helpdesk/reference'

export const ROOT = resolve(__dirname, '../..')
/** Where the generated pages go, per language (English at the top, others later in a folder of their own). */
export const guideDir = (lang: string) => join(ROOT, 'docs/helpdesk', lang === 'en' ? '' : lang)
export const sourceDir = (lang: string) => join(ROOT, 'docs/helpdesk/source', lang)
export const PICTURES = 'pictures'

export interface GuidePage {
  /** The file name in the guide's folder. */
  file: string
  markdown: string
}

/** The source pages, in the order the printed guide puts them. */
export const SOURCE_PAGES = ['walkthrough.md', 'errors.md'] as const
export const ERRORS_PAGE = 'errors.md'

const byId = new Map(HELPDESK_ENTRIES.map((entry) => [entry.id, entry]))

function entryOf(id: string, where: string): HelpdeskEntry {
  const entry = byId.get(id === 'success-pc' ? 'success' : id)
  if (entry === undefined) throw new Error(`${where}: no result has the id "${id}"`)
  return entry
}

/** The status part a result's reference carries, as the catalogue knows it (a server may answer another). */
function statusPart(entry: HelpdeskEntry, id: string): string {
  if (id === 'success-pc') return NO_SERVER_ASKED
  if (entry.meaning.kind === 'error' && ERROR_CATALOGUE[entry.meaning.code].onThisPc === true) return NO_SERVER_ASKED
  if (entry.meaning.kind === 'unknown-server-code' || (entry.meaning.kind === 'error' && ERROR_CATALOGUE[entry.meaning.code].statusVaries === true))
    return 'xxx'
  return entry.status > 0 ? String(entry.status).padStart(3, '0') : NO_ANSWER
}

export const referenceOf = (entry: HelpdeskEntry, id = entry.id) => `LM-${entry.mnemonic}-${statusPart(entry, id)}-…`

const picturePath = (lang: string, name: string) => join(guideDir(lang), PICTURES, `${name}.png`)

/** The picture of an error's state, where the e2e run took one (e2e/helpdesk-pictures.spec.ts). */
const errorPicture = (lang: string, entry: HelpdeskEntry) => (existsSync(picturePath(lang, `error-${entry.id}`)) ? `error-${entry.id}` : undefined)

/** Markdown text that stays text: no table cell breaks, no emphasis by accident. */
const cell = (text: string) => text.replace(/\|/g, '\\|')

function section(lang: string, entry: HelpdeskEntry): string {
  const lines = [`<a id="${entry.id}"></a>`, '', `## ${entry.title} — \`${referenceOf(entry)}\``, '']
  const facts = [`**${L.reference}:** \`${referenceOf(entry)}\``]
  if (entry.meaning.kind === 'error') facts.push(`**${L.code}:** \`${entry.id}\``)
  facts.push(`**${L.status}:** ${entry.statusWords}`)
  lines.push(facts.join(' · '), '')
  lines.push(`**${L.meaning}:** ${entry.explanation}`, '')
  if (entry.cases !== undefined) {
    lines.push(`**${L.cases}:**`, '')
    const worded = new Set(Object.values(entry.cases).map((words) => `${words.explanation}${words.action !== undefined ? ` ${words.action}` : ''}`))
    for (const words of worded) lines.push(`- ${words}`)
    lines.push('')
  }
  if (entry.action !== undefined) lines.push(`**${L.callerAction}:** ${entry.action}`, '')
  if (entry.commandLineAction !== undefined) lines.push(`**${L.commandLine}:** ${entry.commandLineAction}`, '')
  lines.push(`**${L.say}:** “${entry.helpdesk.say}”`, '')
  lines.push(`**${L.check}:** ${entry.helpdesk.check}`, '')
  lines.push(`**${L.next}:** ${entry.helpdesk.next}`, '')
  if (entry.sandboxOnly) lines.push(`*${L.sandboxOnly}*`, '')
  const picture = errorPicture(lang, entry)
  if (picture !== undefined) lines.push(`![${entry.title}, as the caller sees it](${PICTURES}/${picture}.png)`, '')
  return lines.join('\n')
}

const sortKey = (text: string) => text.replace(/^(The|This|A|An|Your)\s+/i, '').toLocaleLowerCase('en')

function indexByMnemonic(): string {
  const rows = [...HELPDESK_ENTRIES].sort((a, b) => a.mnemonic.localeCompare(b.mnemonic))
  return [
    `| ${L.reference} | ${L.title} | ${L.code} |`,
    '|---|---|---|',
    ...rows.map((e) => `| [\`${referenceOf(e)}\`](#${e.id}) | ${cell(e.title)} | ${e.meaning.kind === 'error' ? `\`${e.id}\`` : '—'} |`)
  ].join('\n')
}

function indexByTitle(): string {
  const rows = [...HELPDESK_ENTRIES].sort((a, b) => sortKey(a.title).localeCompare(sortKey(b.title)) || a.mnemonic.localeCompare(b.mnemonic))
  return [`| ${L.title} | ${L.reference} |`, '|---|---|', ...rows.map((e) => `| [${cell(e.title)}](#${e.id}) | \`${referenceOf(e)}\` |`)].join('\n')
}

/** Fills one source page's placeholders; `here` is the page's own file (links within it need no file name). */
export function fillPage(lang: string, here: string, source: string): string {
  const link = (id: string) => `${here === ERRORS_PAGE ? '' : ERRORS_PAGE}#${id}`
  return source.replace(/\{\{([a-z]+):?([^}]*)\}\}/g, (whole, kind: string, arg: string) => {
    const where = `${here} ${whole}`
    switch (kind) {
      case 'error': {
        const entry = entryOf(arg, where)
        return `[${entry.title}](${link(entry.id)}) (\`${referenceOf(entry, arg)}\`)`
      }
      case 'ref':
        return `\`${referenceOf(entryOf(arg, where), arg)}\``
      case 'title':
        return entryOf(arg, where).title
      case 'picture': {
        const [name = '', alt = ''] = arg.split('|')
        if (!existsSync(picturePath(lang, name)))
          throw new Error(
            `${where}: docs/helpdesk/${PICTURES}/${name}.png is missing (npm run build && E2E_DOCS_SCREENSHOTS=1 npx playwright test e2e/helpdesk*.spec.ts --project=chromium)`
          )
        if (alt === '') throw new Error(`${where}: a picture needs a text for readers who cannot see it`)
        return `![${alt}](${PICTURES}/${name}.png)`
      }
      case 'index':
        if (arg === 'mnemonic') return indexByMnemonic()
        if (arg === 'title') return indexByTitle()
        throw new Error(`${where}: the indexes are "mnemonic" and "title"`)
      case 'sections':
        return HELPDESK_ENTRIES.map((entry) => section(lang, entry)).join('\n')
      default:
        throw new Error(`${where}: unknown placeholder`)
    }
  })
}

const GENERATED_NOTE = (lang: string, file: string) =>
  `<!-- Generated by \`npm run docs:helpdesk\` from docs/helpdesk/source/${lang}/${file} and the error catalogue: edit those, not this page. -->`

/** Every generated page of the guide in one language. */
export function guidePages(lang = 'en'): GuidePage[] {
  return SOURCE_PAGES.map((file) => {
    const source = readFileSync(join(sourceDir(lang), file), 'utf8')
    return { file, markdown: `${GENERATED_NOTE(lang, file)}\n\n${fillPage(lang, file, source).trimEnd()}\n` }
  })
}

/** The ids that have a section on the errors page, read back from its anchors. */
export function sectionIds(markdown: string): string[] {
  return [...markdown.matchAll(/^<a id="([^"]+)"><\/a>$/gm)].map((m) => m[1] ?? '')
}

/** The catalogue's codes, for the check that each has its section. */
export const CATALOGUE_CODES = Object.keys(ERROR_CATALOGUE) as KnownErrorCode[]
