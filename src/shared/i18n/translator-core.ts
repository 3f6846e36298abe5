import { parse, type MessageFormatElement } from '@formatjs/icu-messageformat-parser'
import { IntlMessageFormat, type PrimitiveType } from 'intl-messageformat'
import { PSEUDO_LANGUAGE, SOURCE_LANGUAGE, type Language } from './languages'
import type { MessageKey, MessageParams } from './message-params'

/**
 * One language's messages by key: ICU MessageFormat text as written in `src/locales`, or already
 * parsed (the build parses them, so the shipped app carries no parser).
 */
export type MessageTable = Readonly<Partial<Record<string, string | MessageFormatElement[]>>>

/** A value a message puts in its text; numbers and dates are formatted for the language. */
export type MessageValue = PrimitiveType

/** A message's values, typed by the message (generated from the English text). */
export type ArgsOf<K extends MessageKey> = [MessageParams[K]] extends [never] ? [] : [MessageParams[K]]

export interface Translator {
  readonly language: Language
  /** The BCP 47 tag `Intl` formats numbers and dates with (the pseudo-locale formats as English). */
  readonly locale: string
  /** The message in this language, else in English; never the key. */
  t<K extends MessageKey>(key: K, ...args: ArgsOf<K>): string
  /**
   * The message's parts, with its tags (`<b>…</b>`) made by `tags`: for text with emphasis or
   * code in it (the window makes React elements of them).
   */
  parts<K extends MessageKey, T>(
    key: K,
    values: [MessageParams[K]] extends [never] ? undefined : MessageParams[K],
    tags: Readonly<Record<string, (children: Array<string | T>) => T>>
  ): Array<string | T>
  formatDate(date: Date, options?: Intl.DateTimeFormatOptions): string
  formatNumber(value: number, options?: Intl.NumberFormatOptions): string
  formatList(items: readonly string[], options?: Intl.ListFormatOptions): string
}

const parsed = (message: string | MessageFormatElement[]): MessageFormatElement[] =>
  typeof message === 'string' ? parse(message, { ignoreTag: false }) : message

/** Makes the pseudo-locale's message from the English one. */
export type PseudoMaker = (elements: readonly MessageFormatElement[]) => MessageFormatElement[]

/**
 * A translator for `language`: `messages` its own table, `source` the English one, from which
 * every message it lacks is taken (and which the pseudo-locale is made from by `pseudo`, null
 * when `language` is not the pseudo-locale: the window loads that code only when it speaks it).
 */
export function translatorWith(language: Language, messages: MessageTable, source: MessageTable, pseudo: PseudoMaker | null): Translator {
  const locale = language === PSEUDO_LANGUAGE ? SOURCE_LANGUAGE : language
  const formats = new Map<string, IntlMessageFormat>()
  const pseudoOf = (elements: MessageFormatElement[]): MessageFormatElement[] => {
    if (pseudo === null) throw new Error('The pseudo-locale is spoken without its maker.')
    return pseudo(elements)
  }

  const formatterOf = (key: string): IntlMessageFormat => {
    const known = formats.get(key)
    if (known) return known
    const own = language === PSEUDO_LANGUAGE ? undefined : messages[key]
    const english = source[key]
    if (own === undefined && english === undefined) throw new Error(`No message "${key}" in English: the message files and their types disagree.`)
    const elements = own !== undefined ? parsed(own) : language === PSEUDO_LANGUAGE ? pseudoOf(parsed(english!)) : parsed(english!)
    const formatter = new IntlMessageFormat(elements, own !== undefined ? locale : SOURCE_LANGUAGE)
    formats.set(key, formatter)
    return formatter
  }

  return {
    language,
    locale,
    t(key, ...args) {
      const values = (args[0] ?? {}) as Record<string, MessageValue>
      return String(formatterOf(key).format(values))
    },
    parts(key, values, tags) {
      const result = formatterOf(key).format<unknown>(Object.assign({}, values as Record<string, MessageValue> | undefined, tags))
      return (Array.isArray(result) ? result : [result]) as never
    },
    formatDate: (date, options) => new Intl.DateTimeFormat(locale, options).format(date),
    formatNumber: (value, options) => new Intl.NumberFormat(locale, options).format(value),
    formatList: (items, options) => new Intl.ListFormat(locale, { type: 'conjunction', ...options }).format(items)
  }
}
