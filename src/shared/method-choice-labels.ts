import { t } from './i18n/current'
import { methodLabel } from './method-label'
import type { LoginMethod } from './request'

/**
 * The login method radios' names. The licence key method is "With a licence key", so
 * the radio and the "Licence key" field it reveals never share an accessible name.
 */
export const methodChoiceLabel = (method: LoginMethod): string => (method === 'license-key' ? t('common.method-choice.license-key') : methodLabel(method))
