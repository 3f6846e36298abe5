import type { AppError } from '../../shared/errors'
import { t } from '../../shared/i18n/current'
import { displayText } from '../../shared/display-text'

/** "Code: … · HTTP …" under an error, in the window's language (the code and the status stay as they are). */
export const codeLine = (error: Pick<AppError, 'code' | 'status'>): string =>
  error.status > 0
    ? t('views.error.code-line', { code: displayText(error.code, 100), status: error.status })
    : t('views.error.code-line.no-status', { code: displayText(error.code, 100) })
