/* eslint-disable no-control-regex -- control characters are what this module names */

/** C0 controls and DEL: never part of a value a person typed or a configuration holds. */
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/

/** C0 and C1 controls (tab and line breaks excepted) and bidi overrides: made harmless before a text is shown. */
export const UNSAFE_DISPLAY_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g

export const hasControlCharacters = (text: string): boolean => CONTROL_CHARACTER.test(text)
