/**
 * The helpdesk guide's pages (docs/helpdesk/walkthrough.md and errors.md, and per language
 * docs/helpdesk/<lang>/), built from one place per language: the page texts in
 * docs/helpdesk/source/<lang>/, with placeholders the catalogue and the helpdesk's messages
 * fill (src/shared/errors/catalogue.ts, src/locales/<lang>/helpdesk.json, through
 * src/shared/helpdesk/). Written by `npm run docs:helpdesk`; test/node/helpdesk/guide.test.ts
 * fails when the committed pages differ from what this builds, or when a result has no section.
 *
 * Placeholders in a source page:
 *   {{error:<id>}}          a link to the result's section: its title and reference, e.g.
 *                           [This PC is not activated on that licence](errors.md#device_not_found) (`LM-DNF-400-…`)
 *   {{ref:<id>}}            the result's reference, e.g. `LM-DNF-400-…` (`success-pc`: `LM-YES-PC-…`)
 *   {{title:<id>}}          the result's title, as the caller reads it
 *   {{ui:<name>}}           words the window shows (a button, a heading), as the language's
 *                           message `helpdesk.guide.ui.<name>` words them
 *   {{picture:<name>|<alt>}} docs/helpdesk/pictures/<name>.png (or the language's own
 *                           docs/helpdesk/<lang>/pictures/<name>.png), which must exist
 *   {{index:mnemonic}}, {{index:title}}, {{sections}}   (errors page) the two indexes and every section
 * <id> is a catalogue error code, `success` or `unknown-server-code`.
 *
 * Every source page is written as if it sat in docs/helpdesk/: a language's pages, one folder
 * deeper, get their links to other docs (`../`) and to the English pictures adjusted. A
 * language's sections carry the English page's anchors (`<a id="…"></a>` before each `##`
 * heading), so a link to a section works in every language.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { ERROR_CATALOGUE, type KnownErrorCode } from '../../src/shared/errors'
import { setTranslator, t, translator, type MessageKey } from '../../src/shared/i18n/current'
import { ENGLISH } from '../../src/shared/i18n/english'
import { LANGUAGES, SOURCE_LANGUAGE, type ShippedLanguage } from '../../src/shared/i18n/languages'
import { DOMAINS, prefixed } from '../../src/shared/i18n/tables'
import { createTranslator, type MessageTable, type Translator } from '../../src/shared/i18n/translator'
import { HELPDESK_ENTRIES, type HelpdeskEntry } from '../../src/shared/helpdesk/helpdesk-entries'
import { HELPDESK_LABELS as L, labelled } from '../../src/shared/helpdesk/helpdesk-words'
import { NO_ANSWER, NO_SERVER_ASKED } from '../../src/shared/helpdesk/reference'

export const ROOT = resolve(__dirname, '../..')
/** Where the generated pages go, per language (English at the top, every other language in a folder of its own). */
export const guideDir = (lang: string) => join(ROOT, 'docs/helpdesk', lang === SOURCE_LANGUAGE ? '' : lang)
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

/** The languages the guide is written in: every language the app speaks. */
export const GUIDE_LANGUAGES: readonly ShippedLanguage[] = LANGUAGES

const picturePath = (lang: string, name: string) => join(guideDir(lang), PICTURES, `${name}.png`)

/**
 * Where a page of `lang` finds a picture: the language's own, else the English one (the window
 * in English, until the e2e run photographs it in that language); undefined when neither exists.
 */
function pictureLink(lang: string, name: string): string | undefined {
  if (existsSync(picturePath(lang, name))) return `${PICTURES}/${name}.png`
  if (lang !== SOURCE_LANGUAGE && existsSync(picturePath(SOURCE_LANGUAGE, name))) return `../${PICTURES}/${name}.png`
  return undefined
}

/** The picture of an error's state, where the e2e run took one (e2e/helpdesk-pictures.spec.ts). */
const errorPicture = (lang: string, entry: HelpdeskEntry) => pictureLink(lang, `error-${entry.id}`)

/** Markdown text that stays text: no table cell breaks, no emphasis by accident. */
const cell = (text: string) => text.replace(/\|/g, '\\|')

const bold = (label: string) => `**${labelled(label)}**`

function section(lang: string, entry: HelpdeskEntry): string {
  const reference = referenceOf(entry)
  const lines = [`<a id="${entry.id}"></a>`, '', `## ${t('helpdesk.guide.section-heading', { title: entry.title, reference })}`, '']
  const facts = [`${bold(L.reference)} \`${reference}\``]
  if (entry.meaning.kind === 'error') facts.push(`${bold(L.code)} \`${entry.id}\``)
  facts.push(`${bold(L.status)} ${entry.statusWords}`)
  lines.push(facts.join(' · '), '')
  lines.push(`${bold(L.meaning)} ${entry.explanation}`, '')
  if (entry.cases !== undefined) {
    lines.push(bold(L.cases), '')
    const worded = new Set(
      Object.values(entry.cases).map((words) =>
        words.action !== undefined ? t('helpdesk.guide.case', { explanation: words.explanation, action: words.action }) : words.explanation
      )
    )
    for (const words of worded) lines.push(`- ${words}`)
    lines.push('')
  }
  if (entry.action !== undefined) lines.push(`${bold(L.callerAction)} ${entry.action}`, '')
  if (entry.commandLineAction !== undefined) lines.push(`${bold(L.commandLine)} ${entry.commandLineAction}`, '')
  lines.push(`${bold(L.say)} ${t('helpdesk.guide.quoted', { words: entry.helpdesk.say })}`, '')
  lines.push(`${bold(L.check)} ${entry.helpdesk.check}`, '')
  lines.push(`${bold(L.next)} ${entry.helpdesk.next}`, '')
  if (entry.sandboxOnly) lines.push(`*${L.sandboxOnly}*`, '')
  const picture = errorPicture(lang, entry)
  if (picture !== undefined) lines.push(`![${t('helpdesk.guide.picture-alt', { title: entry.title })}](${picture})`, '')
  return lines.join('\n')
}

/** Titles sort without a leading article in English; other languages sort as their collation says. */
const sortKey = (lang: string, text: string) => (lang === SOURCE_LANGUAGE ? text.replace(/^(The|This|A|An|Your)\s+/i, '') : text).toLocaleLowerCase(lang)

function indexByMnemonic(): string {
  const rows = [...HELPDESK_ENTRIES].sort((a, b) => a.mnemonic.localeCompare(b.mnemonic))
  return [
    `| ${L.reference} | ${L.title} | ${L.code} |`,
    '|---|---|---|',
    ...rows.map((e) => `| [\`${referenceOf(e)}\`](#${e.id}) | ${cell(e.title)} | ${e.meaning.kind === 'error' ? `\`${e.id}\`` : '—'} |`)
  ].join('\n')
}

function indexByTitle(lang: string): string {
  const collator = new Intl.Collator(lang)
  const rows = [...HELPDESK_ENTRIES].sort((a, b) => collator.compare(sortKey(lang, a.title), sortKey(lang, b.title)) || a.mnemonic.localeCompare(b.mnemonic))
  return [`| ${L.title} | ${L.reference} |`, '|---|---|', ...rows.map((e) => `| [${cell(e.title)}](#${e.id}) | \`${referenceOf(e)}\` |`)].join('\n')
}

/**
 * The words the window shows that a page quotes (`{{ui:<name>}}`), in the language spoken: the
 * message `helpdesk.guide.ui.<name>`, or, for a name that starts with a domain (`window.…`), that
 * very message of the window's.
 */
function uiWords(name: string, where: string): string {
  const key = (DOMAINS as readonly string[]).includes(name.split('.')[0] ?? '') ? name : `helpdesk.guide.ui.${name}`
  if (ENGLISH[key] === undefined) throw new Error(`${where}: no English message "${key}" (src/locales/en/)`)
  return t(key as MessageKey & `helpdesk.guide.ui.${string}`)
}

/** Fills one source page's placeholders; `here` is the page's own file (links within it need no file name). */
export function fillPage(lang: string, here: string, source: string): string {
  const link = (id: string) => `${here === ERRORS_PAGE ? '' : ERRORS_PAGE}#${id}`
  // A language's page sits one folder deeper than the English one its links to other docs were written for.
  const written = lang === SOURCE_LANGUAGE ? source : source.replace(/\]\(\.\.\//g, '](../../')
  return written.replace(/\{\{([a-z]+):?([^}]*)\}\}/g, (whole, kind: string, arg: string) => {
    const where = `${here} ${whole}`
    switch (kind) {
      case 'error': {
        const entry = entryOf(arg, where)
        return t('helpdesk.guide.error-link', { title: entry.title, link: link(entry.id), reference: referenceOf(entry, arg) })
      }
      case 'ref':
        return `\`${referenceOf(entryOf(arg, where), arg)}\``
      case 'title':
        return entryOf(arg, where).title
      case 'ui':
        return uiWords(arg, where)
      case 'picture': {
        const [name = '', alt = ''] = arg.split('|')
        const picture = pictureLink(lang, name)
        if (picture === undefined)
          throw new Error(
            `${where}: docs/helpdesk/${PICTURES}/${name}.png is missing (npm run build && E2E_DOCS_SCREENSHOTS=1 npx playwright test e2e/helpdesk*.spec.ts --project=chromium)`
          )
        if (alt === '') throw new Error(`${where}: a picture needs a text for readers who cannot see it`)
        return `![${alt}](${picture})`
      }
      case 'index':
        if (arg === 'mnemonic') return indexByMnemonic()
        if (arg === 'title') return indexByTitle(lang)
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

/** One language's messages, read from its files, with English for any message it lacks. */
function translatorFor(lang: ShippedLanguage): Translator {
  if (lang === SOURCE_LANGUAGE) return createTranslator(lang, ENGLISH, ENGLISH)
  const file = (domain: string) => join(ROOT, 'src/locales', lang, `${domain}.json`)
  const own = Object.assign(
    {},
    ...DOMAINS.map((domain) => prefixed(domain, JSON.parse(readFileSync(file(domain), 'utf8')) as Readonly<Record<string, unknown>>))
  ) as MessageTable
  return createTranslator(lang, own, ENGLISH)
}

/** Runs `words` speaking `lang`, then speaks again what was spoken before. */
export function speaking<T>(lang: ShippedLanguage, words: () => T): T {
  let before: Translator | undefined
  try {
    before = translator()
  } catch {
    before = undefined
  }
  setTranslator(translatorFor(lang))
  try {
    return words()
  } finally {
    if (before !== undefined) setTranslator(before)
  }
}

/** Whether a language has its own source of a page (without one, the page is the English one, said so at its top). */
export const hasOwnSource = (lang: string, file: string) => existsSync(join(sourceDir(lang), file))

/** Every generated page of the guide in one language. */
export function guidePages(lang: ShippedLanguage = SOURCE_LANGUAGE): GuidePage[] {
  return speaking(lang, () =>
    SOURCE_PAGES.map((file) => {
      const own = hasOwnSource(lang, file)
      const source = readFileSync(join(sourceDir(own ? lang : SOURCE_LANGUAGE), file), 'utf8')
      const head = own ? GENERATED_NOTE(lang, file) : `${GENERATED_NOTE(SOURCE_LANGUAGE, file)}\n\n*${t('helpdesk.guide.page-in-english')}*`
      return { file, markdown: `${head}\n\n${fillPage(lang, file, source).trimEnd()}\n` }
    })
  )
}

/** The ids that have a section on the errors page, read back from its anchors. */
export function sectionIds(markdown: string): string[] {
  return [...markdown.matchAll(/^<a id="([^"]+)"><\/a>$/gm)].map((m) => m[1] ?? '')
}

/** A GitHub heading anchor: lower case, punctuation dropped, spaces as hyphens. */
export const githubSlug = (heading: string) =>
  heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}\s_-]/gu, '')
    .replace(/\s/g, '-')

/** Each section's (h2) anchor: the `<a id>` just before it, else its heading's own (a page's title is reached by its file). */
export function headingAnchors(markdown: string): string[] {
  return [...markdown.matchAll(/^(?:<a id="([^"]+)"><\/a>\n\n)?## (.+)$/gm)].map((m) => m[1] ?? githubSlug((m[2] ?? '').replace(/`/g, '')))
}

/** The catalogue's codes, for the check that each has its section. */
export const CATALOGUE_CODES = Object.keys(ERROR_CATALOGUE) as KnownErrorCode[]
