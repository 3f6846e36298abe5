import { isLanguage, matchLanguage, pickLanguage, posixLocaleToTag, SOURCE_LANGUAGE, type Language } from '../shared/i18n/languages'

/** The `--lang` value in the arguments (`--lang de`, `--lang=de`), read before they are parsed, so even a parse error is worded in it. */
export function langOption(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg === '--') return undefined
    if (arg === '--lang') return argv[i + 1]
    if (arg.startsWith('--lang=')) return arg.slice('--lang='.length)
  }
  return undefined
}

/**
 * The language a command-line run speaks: `--lang`, else the POSIX locale variables in their
 * order of precedence (`LC_ALL`, `LC_MESSAGES`, `LANG`; `C` and `POSIX` name none), else English.
 * `--json` output is the same in every language: it is worded in English.
 */
export function commandLineLanguage(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): Language {
  if (argv.includes('--json')) return SOURCE_LANGUAGE
  const asked = langOption(argv)
  // One it does not speak is refused with the arguments, in the language the locale names.
  const named = asked === undefined ? undefined : isLanguage(asked) ? asked : matchLanguage(asked)
  if (named !== undefined) return named
  const posix = [env['LC_ALL'], env['LC_MESSAGES'], env['LANG']]
    .map((value) => (value === undefined || value === '' ? undefined : value))
    .find((value) => value !== undefined)
  const tag = posixLocaleToTag(posix)
  return tag === undefined ? SOURCE_LANGUAGE : pickLanguage([tag])
}
