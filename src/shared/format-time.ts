import { translator } from './i18n/current'

/**
 * The locale times are written in: the system's own where it is of the language spoken (so an
 * English reader in Britain keeps "7 Dec 2026, 14:03:05"), else the language spoken.
 */
function readerLocale(): string {
  const spoken = translator().locale
  const system = new Intl.DateTimeFormat().resolvedOptions().locale
  return system.split('-')[0]?.toLowerCase() === spoken.split('-')[0]?.toLowerCase() ? system : spoken
}

/**
 * A time as the window and the command line show it: the reader's own date and time with the
 * time zone, e.g. "7 Dec 2026, 14:03:05 CET" (en-GB), in the language spoken; the ISO text itself
 * when it cannot be read. `locale` and `timeZone` default to the reader's (tests pin them).
 */
export function formatLocalTime(iso: string, options: { locale?: string; timeZone?: string } = {}): string {
  const time = new Date(iso)
  if (Number.isNaN(time.getTime())) return iso
  return time.toLocaleString(options.locale ?? readerLocale(), {
    dateStyle: 'medium',
    timeStyle: 'long',
    ...(options.timeZone !== undefined ? { timeZone: options.timeZone } : {})
  })
}
