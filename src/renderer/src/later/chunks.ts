/*
 * The code the first form does not need to be drawn, each its own chunk of the build: loaded
 * when first used, or ahead of need once the window is idle.
 */

/** The form's check with the request schema (and the schema library). */
export const loadFormCheck = () => import('../form-check')

type Diagnostics = typeof import('../diagnostics')
let diagnostics: Diagnostics | undefined

/** The diagnostics a result view copies. */
export const loadDiagnostics = async (): Promise<Diagnostics> => (diagnostics ??= await import('../diagnostics'))

/** The diagnostics module, for a view whose chunk loaded it with its own (see loadDiagnostics). */
export function loadedDiagnostics(): Diagnostics {
  if (diagnostics === undefined) throw new Error('The diagnostics are read before their chunk was loaded.')
  return diagnostics
}

/** A result's reference and the log's last lines, read once an attempt has its answer. */
export const loadLogTail = () => import('../log-tail')

/** References: the catalogue's letters for each result. */
export const loadReferences = () => import('../../../shared/helpdesk/reference')
