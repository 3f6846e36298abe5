import type { Language } from './languages'
import type { MessageKey, MessageParams } from './message-params'
import type { ArgsOf, Translator } from './translator-core'

/*
 * The language this process speaks. A process (the window, the main process, one command-line
 * run) speaks one language at a time, so its translator is set once it is known and read by
 * every module that words something; `t` before that is a programming error.
 */

let current: Translator | undefined

export function setTranslator(translator: Translator): void {
  current = translator
}

export function translator(): Translator {
  if (current === undefined) throw new Error('No language loaded yet: setTranslator() must run before any text is worded.')
  return current
}

/** The message `key` in this process's language (English where that language lacks it). */
export const t = <K extends MessageKey>(key: K, ...args: ArgsOf<K>): string => translator().t(key, ...args)

export const currentLanguage = (): Language => translator().language

export type { MessageKey, MessageParams }
