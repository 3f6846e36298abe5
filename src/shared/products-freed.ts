import type { DeactivationResult } from './api'

/** The products a deactivation freed, as the success view and the CLI say them: named where known, never invented. */
export function describeProductsFreed(result: Pick<DeactivationResult, 'product' | 'products'>): string {
  return result.products === null || result.products.length === 0 ? `all products in bundle ${result.product}` : result.products.join(', ')
}
