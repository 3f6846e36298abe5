import { displayText } from '../../shared/display-text'

/**
 * A value that came from outside the app (a server's message, a request file's field, a file name,
 * a setting, a helpdesk link): isolated from the text around it (`<bdi>`, so its direction cannot
 * reorder the app's words), its hidden and control characters shown as visible escapes, and cut
 * with "…" when long.
 */
export function OutsideText({ text, max }: { text: string; max?: number }) {
  return <bdi>{displayText(text, max)}</bdi>
}
