import type { Language } from './languages'
import { pseudoMessage } from './pseudo-locale'
import { translatorWith, type MessageTable, type Translator } from './translator-core'

export type { ArgsOf, MessageTable, MessageValue, PseudoMaker, Translator } from './translator-core'
export { translatorWith } from './translator-core'

/**
 * A translator for `language`: `messages` its own table, `source` the English one, from which
 * every message it lacks is taken (and which the pseudo-locale is made from).
 */
export const createTranslator = (language: Language, messages: MessageTable, source: MessageTable): Translator =>
  translatorWith(language, messages, source, pseudoMessage)
