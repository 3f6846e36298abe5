import { t, type MessageKey } from '../shared/i18n/current'

/** The command-line flag of each request field, so messages name what the person typed. */
const FIELD_FLAGS: Record<string, string> = {
  product: '--product',
  licenseKey: '--license-key',
  username: '--username',
  password: '--password',
  idToken: '--id-token',
  code: '--code',
  customerAccountCode: '--customer-account',
  licenseId: '--license-id',
  hardwareId: '--hardware-id',
  implicit: '--implicit',
  redirectUri: '--redirect-uri',
  out: '--out'
}

/** The arguments that are no flag, as a problem with them names them. */
const ARGUMENT_NAMES = {
  file: 'cli.options.file',
  reference: 'cli.options.reference'
} as const satisfies Readonly<Record<string, MessageKey>>

/** An argument that is no flag (the file of upload-offline, the reference of explain) in words; undefined for any other field. */
export const argumentName = (field: string): string | undefined =>
  Object.prototype.hasOwnProperty.call(ARGUMENT_NAMES, field) ? t(ARGUMENT_NAMES[field as keyof typeof ARGUMENT_NAMES]) : undefined

/** The login options of each kind of command, as a problem with the credentials names them. */
export const credentialOptions = (kind: 'online' | 'offline'): string => (kind === 'online' ? t('cli.options.online') : t('cli.options.offline'))

export const flagOf = (field: string): string => FIELD_FLAGS[field] ?? field

/** Optimal string alignment distance, bounded: small typos only. */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)))
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1)
    }
  }
  return d[a.length]![b.length]!
}

/**
 * The known flag closest to an unknown `--flag` in argv (e.g. `--licence-key` →
 * `--license-key`), or undefined when none is close. Only flag names are compared:
 * values are never looked at, so nothing typed after a flag is repeated.
 */
export function suggestFlag(argv: readonly string[], known: readonly string[]): string | undefined {
  for (const arg of argv) {
    if (!arg.startsWith('--')) continue
    const name = arg.slice(2).split('=')[0]!.toLowerCase()
    if (known.includes(name)) continue
    const britishFree = name.replace(/licence/g, 'license')
    let best: { flag: string; score: number } | undefined
    for (const flag of known) {
      const score = Math.min(distance(name, flag), distance(britishFree, flag))
      if (score <= Math.max(1, Math.floor(flag.length / 4)) && (best === undefined || score < best.score)) best = { flag, score }
    }
    return best ? `--${best.flag}` : undefined
  }
  return undefined
}
