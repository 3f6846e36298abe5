/*
 * The code the first form does not need to be drawn, each its own chunk of the build: loaded
 * when first used, or ahead of need once the window is idle.
 */

import { once } from './once'

const formCheck = once(() => import('../form-check'))
const diagnostics = once(() => import('../diagnostics'))
const logTail = once(() => import('../log-tail'))
const references = once(() => import('../../../shared/helpdesk/reference'))

/** The form's check with the request schema (and the schema library). */
export const loadFormCheck = formCheck.load

/** The diagnostics a result view copies. */
export const loadDiagnostics = diagnostics.load

/** The diagnostics module, for a view whose chunk loaded it with its own (see loadDiagnostics). */
export function loadedDiagnostics(): typeof import('../diagnostics') {
  const module = diagnostics.loaded()
  if (module === undefined) throw new Error('The diagnostics are read before their chunk was loaded.')
  return module
}

/** A result's reference and the log's last lines, read once an attempt has its answer. */
export const loadLogTail = logTail.load

/** References: the catalogue's letters for each result. */
export const loadReferences = references.load
