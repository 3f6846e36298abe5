import type { DeactivationResult } from './api'
import { t } from './i18n/current'
import { listOfNames } from './licence-words'

/** The products a deactivation freed, as the success view and the CLI say them: named where known, never invented. */
export function describeProductsFreed(result: Pick<DeactivationResult, 'product' | 'products'>): string {
  return result.products === null || result.products.length === 0 ? t('common.products-freed.all', { bundle: result.product }) : listOfNames(result.products)
}
