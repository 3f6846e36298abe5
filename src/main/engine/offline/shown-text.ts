import { UNSAFE_DISPLAY_CHARACTERS } from '../../../shared/control-characters'

/** Longest text from a request file shown as one value; longer ones are cut with "…". */
export const MAX_SHOWN_LENGTH = 200

/**
 * Text read from a request file, made safe to show on one line: control characters and bidi
 * overrides become U+FFFD, tabs and line breaks spaces, and it is cut to `max` characters.
 * Every value of a file the summary shows goes through here.
 */
export function shownFileText(value: string, max = MAX_SHOWN_LENGTH): string {
  const safe = Array.from(value.replace(/[\t\r\n]/g, ' ').replace(UNSAFE_DISPLAY_CHARACTERS, '\uFFFD'))
  return safe.length > max ? `${safe.slice(0, max - 1).join('')}…` : safe.join('')
}
