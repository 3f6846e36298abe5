/**
 * Engine overhead per deactivation: the same deactivate_bundle call timed
 * through the floor (bare node:http), the engine (client and whole service, with
 * the global fetch) and @licensespring/node-sdk, in interleaved rounds.
 */
import { goal, notMeasured, type GoalResult, type SectionOutcome } from '../lib/goals'
import { runRounds, type RoundsOptions, type TimedDeactivator } from '../lib/rounds'
import { round, roundSummary, summarize, type Summary } from '../lib/stats'
import type { MicroCost } from './ky-anatomy'

export const FLOOR = 'floor (node:http keep-alive)'
export const ENGINE_CLIENT = 'engine client deactivateBundle (fetch)'
export const ENGINE_SERVICE = 'engine service.deactivate (fetch)'
export const SDK = '@licensespring/node-sdk deactivateBundle'

export interface OverheadData {
  rounds: number
  warmupRounds: number
  /** Which engine path the goals use. */
  engineForGoals: string | null
  latency: Record<string, Summary>
  ratios: {
    engineOverFloorMedian: number | null
    engineOverSdkMedian: number | null
    engineOverSdkP99: number | null
    engineMinusFloorMedian: number | null
    engineMinusFloorP99: number | null
    sdkOverFloorMedian: number | null
  }
  notes: string[]
  /** Per-call cost of the engine's own steps, without the network (µs). */
  engineSteps?: MicroCost[]
}

export async function measureOverhead(clients: TimedDeactivator[], options: RoundsOptions, notes: string[]): Promise<SectionOutcome<OverheadData>> {
  const samples = await runRounds(clients, options)
  const latency: Record<string, Summary> = {}
  for (const [name, values] of Object.entries(samples)) latency[name] = summarize(values)
  const engineName = latency[ENGINE_SERVICE] ? ENGINE_SERVICE : latency[ENGINE_CLIENT] ? ENGINE_CLIENT : null
  const engine = engineName ? latency[engineName] : undefined
  const floor = latency[FLOOR]
  const sdk = latency[SDK]
  const div = (a?: number, b?: number): number | null => (a !== undefined && b ? round(a / b) : null)
  const sub = (a?: number, b?: number): number | null => (a !== undefined && b !== undefined ? round(a - b) : null)
  const ratios: OverheadData['ratios'] = {
    engineOverFloorMedian: div(engine?.median, floor?.median),
    engineOverSdkMedian: div(engine?.median, sdk?.median),
    engineOverSdkP99: div(engine?.p99, sdk?.p99),
    engineMinusFloorMedian: sub(engine?.median, floor?.median),
    engineMinusFloorP99: sub(engine?.p99, floor?.p99),
    sdkOverFloorMedian: div(sdk?.median, floor?.median)
  }
  const data: OverheadData = {
    rounds: options.rounds,
    warmupRounds: options.warmupRounds,
    engineForGoals: engineName,
    latency: Object.fromEntries(Object.entries(latency).map(([k, v]) => [k, roundSummary(v)])),
    ratios,
    notes
  }

  const goals: GoalResult[] = []
  const sdkGoal = 'Engine / SDK per deactivation (median)'
  const floorGoal = 'Engine − floor per deactivation (median)'
  if (engine && sdk && ratios.engineOverSdkMedian !== null) {
    goals.push(
      goal(
        'engine-vs-sdk',
        sdkGoal,
        '≤ 1.0',
        ratios.engineOverSdkMedian,
        `${ratios.engineOverSdkMedian.toFixed(2)} (${engine.median.toFixed(3)} vs ${sdk.median.toFixed(3)} ms; p99 ratio ${ratios.engineOverSdkP99?.toFixed(2)})`,
        ratios.engineOverSdkMedian <= 1.0,
        `engine path: ${engineName}`
      )
    )
  } else goals.push(notMeasured('engine-vs-sdk', sdkGoal, '≤ 1.0', engine ? 'SDK run missing' : 'engine not available'))
  if (engine && floor && ratios.engineMinusFloorMedian !== null) {
    goals.push(
      goal(
        'engine-minus-floor',
        floorGoal,
        '≤ 0.5 ms',
        ratios.engineMinusFloorMedian,
        `${ratios.engineMinusFloorMedian.toFixed(3)} ms (${engine.median.toFixed(3)} − ${floor.median.toFixed(3)}; p99 Δ ${ratios.engineMinusFloorP99?.toFixed(3)} ms)`,
        ratios.engineMinusFloorMedian <= 0.5,
        `engine path: ${engineName}`
      )
    )
  } else goals.push(notMeasured('engine-minus-floor', floorGoal, '≤ 0.5 ms', 'engine not available'))
  return { data, goals }
}
