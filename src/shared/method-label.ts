import { t } from './i18n/current'
import type { LoginMethod } from './request'

/** The login method's name, as the window, the CLI and diagnostics say it. */
export const methodLabel = (method: LoginMethod): string => t(`common.method.${method}`)
