import { t } from '../../shared/i18n/current'

/*
 * How a config_invalid names the setting at fault. Its `field` (in JSON and the diagnostics) is
 * language-neutral: a variable or option as the user wrote it, `configuration file`, or
 * `config file field "<key>"`. Its sentence names the same setting in the reader's language.
 */

/** A setting's problem as a whole sentence, given how the sentence names the setting. */
export type SettingProblem = (setting: string) => string

/** The `field` of a key of the configuration file. */
export const fileFieldName = (key: string): string => `config file field "${key}"`

const FILE_FIELD = /^config file field "(.*)"$/s

/** The setting as a sentence names it: a variable or option as written; a key of the file in the reader's language. */
export function settingWords(name: string): string {
  const key = FILE_FIELD.exec(name)?.[1]
  return key === undefined ? name : t('errors.config_invalid.setting.file-field', { key })
}
