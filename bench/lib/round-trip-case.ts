/** One way to deactivate, as the round-trip count runs it (built by the engine driver and the section alike). */
export interface RoundTripCaseSpec {
  method: string
  /** A word or two for the goals table. */
  short: string
  minimum: number
  /** Untimed set-up that must not count (e.g. arming the seat). */
  arm?: () => Promise<void>
  /** The deactivation; throws unless the server confirmed. */
  run: () => Promise<void>
  unavailable?: string
}
