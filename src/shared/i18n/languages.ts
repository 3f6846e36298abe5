/**
 * The languages the app speaks, and how a list of preferred languages (the OS's, the command
 * line's, a person's choice) picks one. English is the source language: every message exists in
 * it, and any message another language lacks is shown in English.
 */

export const LANGUAGES = ['en', 'de', 'fr', 'es', 'ja'] as const
export type ShippedLanguage = (typeof LANGUAGES)[number]

/**
 * The pseudo-locale for tests: English with accented letters, about 40 % longer, in brackets, so
 * text that skipped the message files, or a layout that cannot take longer words, shows at once.
 * It is never picked from the OS; only asked for by name.
 */
export const PSEUDO_LANGUAGE = 'en-XA'
export type Language = ShippedLanguage | typeof PSEUDO_LANGUAGE

export const SOURCE_LANGUAGE: ShippedLanguage = 'en'

/** Each language's name in itself, as a language menu shows it. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = {
  en: 'English',
  de: 'Deutsch',
  fr: 'Français',
  es: 'Español',
  ja: '日本語',
  'en-XA': '[Ƥşéûđô]'
}

export const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && ((LANGUAGES as readonly string[]).includes(value) || value === PSEUDO_LANGUAGE)

/**
 * A POSIX locale name (`de_DE.UTF-8`, `fr_CA@euro`, `C`) as a BCP 47 tag (`de-DE`), or undefined
 * for `C`, `POSIX` and empty values, which name no language.
 */
export function posixLocaleToTag(value: string | undefined): string | undefined {
  if (value === undefined) return undefined
  const name = value.trim().split(/[.@]/)[0] ?? ''
  if (name === '' || name === 'C' || name === 'POSIX') return undefined
  return name.replace(/_/g, '-')
}

/** The language of `allowed` a tag names: exactly, else by its language (`de-AT` is German); undefined when none. */
export function matchLanguage(tag: string, allowed: readonly Language[] = LANGUAGES): Language | undefined {
  const wanted = tag.trim()
  if (wanted === '') return undefined
  const exact = allowed.find((language) => language.toLowerCase() === wanted.toLowerCase())
  if (exact !== undefined) return exact
  const base = wanted.split('-')[0]?.toLowerCase()
  return allowed.find((language) => language === base)
}

/**
 * The first of `preferred` (BCP 47 tags, most wanted first) that the app speaks, by exact tag,
 * then by its language alone (`de-AT` → `de`); `allowed` narrows the choice (a vendor's setting).
 * Falls back to the first allowed language, English when it is allowed.
 */
export function pickLanguage(preferred: readonly string[], allowed: readonly Language[] = LANGUAGES): Language {
  for (const tag of preferred) {
    const match = matchLanguage(tag, allowed)
    if (match !== undefined) return match
  }
  return allowed.includes(SOURCE_LANGUAGE) ? SOURCE_LANGUAGE : (allowed[0] ?? SOURCE_LANGUAGE)
}
