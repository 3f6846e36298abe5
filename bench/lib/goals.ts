/** One goal of the issue, as shown in the table and results.json. */
export interface GoalResult {
  id: string
  goal: string
  target: string
  /** Human-readable measured figure ("0.41 ms", "6,120 req/s at p99 9.8 ms"). */
  measured: string
  /** The number compared with the target (null when not measured). */
  value: number | null
  met: boolean
  note?: string
}

export function goal(id: string, goalText: string, target: string, value: number | null, measured: string, met: boolean, note?: string): GoalResult {
  return note ? { id, goal: goalText, target, measured, value, met, note } : { id, goal: goalText, target, measured, value, met }
}

export function notMeasured(id: string, goalText: string, target: string, reason: string): GoalResult {
  return { id, goal: goalText, target, measured: 'not measured', value: null, met: false, note: reason }
}

/** A section's figures plus the goals it decides. */
export interface SectionOutcome<T> {
  data: T
  goals: GoalResult[]
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
