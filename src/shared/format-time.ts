/**
 * A time as the window and the command line show it: the reader's own date and time with the
 * time zone, e.g. "7 Dec 2026, 14:03:05 CET" (en-GB); the ISO text itself when it cannot be read.
 * `locale` and `timeZone` default to the system's (tests pin them).
 */
export function formatLocalTime(iso: string, options: { locale?: string; timeZone?: string } = {}): string {
  const time = new Date(iso)
  if (Number.isNaN(time.getTime())) return iso
  return time.toLocaleString(options.locale, {
    dateStyle: 'medium',
    timeStyle: 'long',
    ...(options.timeZone !== undefined ? { timeZone: options.timeZone } : {})
  })
}
