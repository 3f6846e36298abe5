import { t } from '../../../shared/i18n/current'
import type { SettingProblem } from '../setting-name'

export type KeySetting = 'apiKey' | 'sharedKey' | 'clientId' | 'clientSecret'

/** Visible ASCII, no space: the shape of every key and secret the vendor issues. */
const KEY_CHARACTERS = /^[\x21-\x7e]+$/
/** The API key is a quoted parameter of the Authorization header (`apikey="…"`, license-api.md §2): these would end or split it. */
const HEADER_BREAKERS = /["\\,]/

/**
 * What is wrong with a key's shape, naming the kind of character and never the value: the API key
 * goes into the Authorization header as `apikey="…"`, so a quote, backslash or comma would break
 * the header; a space, a non-ASCII letter or a control character is a copy-and-paste mistake in any
 * key (a secret the server never issued), and for the API key it would not survive the header either.
 */
export function keyShapeProblem(value: string, setting: KeySetting): SettingProblem | undefined {
  if (setting === 'apiKey' && HEADER_BREAKERS.test(value)) return (name) => t('errors.config_invalid.problem.key-header-breaker', { setting: name })
  if (KEY_CHARACTERS.test(value)) return undefined
  return /\s/.test(value)
    ? (name) => t('errors.config_invalid.problem.key-space', { setting: name })
    : /[^\x20-\x7e\p{Cc}]/u.test(value)
      ? (name) => t('errors.config_invalid.problem.key-not-ascii', { setting: name })
      : (name) => t('errors.config_invalid.problem.control-characters', { setting: name })
}
