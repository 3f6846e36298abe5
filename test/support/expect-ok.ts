import type { Outcome } from '../../src/shared/outcome'

/** The value of a successful outcome; a failure fails the test, naming its code and explanation. */
export function expectOk<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw new Error(`expected success, got ${outcome.error.code}: ${outcome.error.explanation}`)
  return outcome.value
}
