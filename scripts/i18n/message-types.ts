/**
 * Writes src/shared/i18n/message-params.ts from the English message files: every message key,
 * with the values its text takes, typed from the ICU syntax (a plural or number takes a number,
 * a date or time a Date, anything else a string or number). `npm run i18n:types` rewrites it;
 * a test keeps it equal to what this would write.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser'

export const LOCALES_DIR = join(__dirname, '..', '..', 'src', 'locales')
export const TARGET = join(__dirname, '..', '..', 'src', 'shared', 'i18n', 'message-params.ts')

type ValueKind = 'text' | 'number' | 'date'

/** The values one message takes, by name, from its parsed elements. */
export function valuesOf(elements: readonly MessageFormatElement[], into = new Map<string, ValueKind>()): Map<string, ValueKind> {
  const note = (name: string, kind: ValueKind) => {
    const known = into.get(name)
    into.set(name, known === undefined || known === 'text' ? kind : known)
  }
  for (const element of elements) {
    switch (element.type) {
      case TYPE.argument:
        note(element.value, 'text')
        break
      case TYPE.number:
      case TYPE.plural:
        note(element.value, 'number')
        break
      case TYPE.date:
      case TYPE.time:
        note(element.value, 'date')
        break
      case TYPE.select:
        note(element.value, 'text')
        break
      default:
        break
    }
    if (element.type === TYPE.select || element.type === TYPE.plural) for (const option of Object.values(element.options)) valuesOf(option.value, into)
    if (element.type === TYPE.tag) valuesOf(element.children, into)
  }
  return into
}

/** Every English message, keyed as the code names it (`<domain>.<key>`), in file order. */
export function englishMessages(dir = LOCALES_DIR): Array<[string, string]> {
  const domains = readdirSync(join(dir, 'en'))
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.slice(0, -'.json'.length))
    .sort()
  return domains.flatMap((domain) => {
    const table = JSON.parse(readFileSync(join(dir, 'en', `${domain}.json`), 'utf8')) as Record<string, string>
    return Object.entries(table).map(([key, message]): [string, string] => [`${domain}.${key}`, message])
  })
}

const TS_TYPE: Record<ValueKind, string> = { text: 'string | number', number: 'number', date: 'Date | number' }

export function renderMessageParams(messages: ReadonlyArray<[string, string]>): string {
  const lines = messages.map(([key, message]) => {
    const values = [...valuesOf(parse(message)).entries()].sort(([a], [b]) => a.localeCompare(b))
    const body = values.length === 0 ? 'never' : `{ ${values.map(([name, kind]) => `${JSON.stringify(name)}: ${TS_TYPE[kind]}`).join('; ')} }`
    return `  ${JSON.stringify(key)}: ${body}`
  })
  return [
    '// Written by `npm run i18n:types` from src/locales/en/*.json: do not edit by hand.',
    '',
    '/** Every message key, with the values its English text takes (`never`: it takes none). */',
    'export interface MessageParams {',
    ...lines,
    '}',
    '',
    'export type MessageKey = keyof MessageParams',
    ''
  ].join('\n')
}

if (require.main === module) {
  writeFileSync(TARGET, renderMessageParams(englishMessages()))
  process.stdout.write(`wrote ${TARGET}\n`)
}
