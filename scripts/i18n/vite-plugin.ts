import { readFileSync } from 'node:fs'
import { parse } from '@formatjs/icu-messageformat-parser'
import type { Plugin } from 'vite'

const PARSER = '@formatjs/icu-messageformat-parser'

/** `src/locales/<language>/<domain>.json`. */
const MESSAGE_FILE = /([\\/]src[\\/]locales[\\/])([^\\/]+)([\\/][^\\/]+\.json)$/

const SOURCE_LANGUAGE = 'en'

const readTable = (path: string): Record<string, string> => JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>

/**
 * Parses the message files at build time, so the shipped app carries each message as
 * intl-messageformat's syntax tree and no ICU parser (the parser is replaced by formatjs's
 * `no-parser` build, which formats trees but cannot read text). Each language's file is given
 * the English message for any it lacks, so a process loads only its own language's files and
 * still never shows a key.
 */
export function parsedMessages(): Plugin {
  return {
    name: 'license-manager:parsed-messages',
    enforce: 'pre',
    // resolve.alias does not reach imports from inside node_modules (intl-messageformat's own), so the swap happens here.
    async resolveId(source, importer, options) {
      if (source !== PARSER) return null
      return this.resolve(`${PARSER}/no-parser.js`, importer, { ...options, skipSelf: true })
    },
    load(id) {
      const match = MESSAGE_FILE.exec(id)
      if (match === null) return null
      const [, before, language, after] = match as unknown as [string, string, string, string]
      let table = readTable(id)
      if (language !== SOURCE_LANGUAGE) {
        const englishFile = `${id.slice(0, match.index)}${before}${SOURCE_LANGUAGE}${after}`
        this.addWatchFile(englishFile)
        table = { ...readTable(englishFile), ...table }
      }
      const trees = Object.fromEntries(Object.entries(table).map(([key, message]) => [key, parse(message)]))
      return { code: `export default JSON.parse(${JSON.stringify(JSON.stringify(trees))})`, moduleType: 'js' }
    }
  }
}

/** Formats trees only: the parser stays out of the bundle. */
export const NO_PARSER_ALIAS = { '@formatjs/icu-messageformat-parser': '@formatjs/icu-messageformat-parser/no-parser.js' }
