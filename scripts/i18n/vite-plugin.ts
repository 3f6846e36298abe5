import { readFileSync } from 'node:fs'
import { parse } from '@formatjs/icu-messageformat-parser'
import type { Plugin } from 'vite'

const PARSER = '@formatjs/icu-messageformat-parser'

const MESSAGE_FILE = /[\\/]src[\\/]locales[\\/][^\\/]+[\\/][^\\/]+\.json$/

/**
 * Parses the message files at build time, so the shipped app carries each message as
 * intl-messageformat's syntax tree and no ICU parser (the parser is replaced by formatjs's
 * `no-parser` build, which formats trees but cannot read text).
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
      if (!MESSAGE_FILE.test(id)) return null
      const table = JSON.parse(readFileSync(id, 'utf8')) as Record<string, string>
      const trees = Object.fromEntries(Object.entries(table).map(([key, message]) => [key, parse(message)]))
      return { code: `export default JSON.parse(${JSON.stringify(JSON.stringify(trees))})`, moduleType: 'js' }
    }
  }
}

/** Formats trees only: the parser stays out of the bundle. */
export const NO_PARSER_ALIAS = { '@formatjs/icu-messageformat-parser': '@formatjs/icu-messageformat-parser/no-parser.js' }
