import type { MessageTable } from './translator'
import type { ShippedLanguage } from './languages'

/**
 * The message files, one per language and domain: `src/locales/<language>/<domain>.json`, keys
 * written without their domain (`errors.json` holds `device_not_found.title`, the code asks for
 * `errors.device_not_found.title`). Each process loads only the domains it shows, in only the
 * language it speaks (and English, for any message that language lacks).
 */
export const DOMAINS = [
  /** Words every part uses: login methods, products freed, hardware id facts. */
  'common',
  /** The error catalogue's words: titles, explanations, what to do, the helpdesk's words. */
  'errors',
  /** The window's first form: the tasks, the login methods, the fields, the sign-in progress. */
  'window',
  /** The window's views after the first form: confirmation, results, errors, request files, licences on this PC, start-up failure. */
  'views',
  /** The command line: --help, results, notes. */
  'cli',
  /** The pages the sign-in listener shows in the browser. */
  'pages',
  /** The main process's own words: dialogs, the menu, crash reports. */
  'shell',
  /** The helpdesk guide's pages (generated from the catalogue). */
  'helpdesk'
] as const
export type Domain = (typeof DOMAINS)[number]

/** A domain's file with its keys prefixed by the domain, as the code names them. */
export function prefixed(domain: Domain, table: Readonly<Record<string, unknown>>): MessageTable {
  return Object.fromEntries(Object.entries(table).map(([key, message]) => [`${domain}.${key}`, message])) as MessageTable
}

/** The messages of `domains` in `language`, read from their files (in a build, parsed chunks loaded on demand). */
export async function loadTable(language: ShippedLanguage, domains: readonly Domain[]): Promise<MessageTable> {
  const tables = await Promise.all(
    domains.map(async (domain) => {
      const file = (await import(`../../locales/${language}/${domain}.json`, { with: { type: 'json' } })) as { default: Readonly<Record<string, unknown>> }
      return prefixed(domain, file.default)
    })
  )
  return Object.assign({}, ...tables) as MessageTable
}
