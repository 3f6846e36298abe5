/** An ISO time in the person's locale; the ISO text itself when it cannot be read. */
export function formatTime(iso: string): string {
  const time = new Date(iso)
  return Number.isNaN(time.getTime()) ? iso : time.toLocaleString()
}
