import { displayText } from '../../../shared/display-text'

/** Longest text from a request file shown as one value; longer ones are cut with "…". */
export const MAX_SHOWN_LENGTH = 200

/** Text read from a request file as the summary shows it: through the one display sanitizer, at most `max` characters. */
export const shownFileText = (value: string, max = MAX_SHOWN_LENGTH): string => displayText(value, max)
