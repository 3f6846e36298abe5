import { LOGIN_METHOD_LABELS, type LoginMethod } from './request'

/**
 * The login method radios' names. The licence key method is "With a licence key", so
 * the radio and the "Licence key" field it reveals never share an accessible name.
 */
export const METHOD_CHOICE_LABELS: Record<LoginMethod, string> = { ...LOGIN_METHOD_LABELS, 'license-key': 'With a licence key' }
