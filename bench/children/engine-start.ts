/**
 * Run in a fresh process (`node --import tsx`): how long loading the engine and
 * producing the hardware id take. performance.now() counts from process start,
 * so the first stamp is Node's boot plus the tsx loader.
 */
import { performance } from 'node:perf_hooks'
import { speakEnglish } from '../../src/shared/i18n/english'

const booted = performance.now()
// The hardware id's description is worded: the engine speaks the process's language.
speakEnglish()

async function main(): Promise<void> {
  const t0 = performance.now()
  const hardwareIdModule = await import('../../src/main/engine/hardware-id')
  const t1 = performance.now()
  await import('../../src/main/engine/license-api-client')
  const t2 = performance.now()
  await import('../../src/main/engine/service')
  const tService = performance.now()

  // node-machine-id, as the app runs it (no fixed id).
  const source = hardwareIdModule.createHardwareIdSource()
  const t3 = performance.now()
  const first = await source.machine()
  const t4 = performance.now()
  const second = await source.machine()
  const t5 = performance.now()
  // Many cached calls, for a resolution below the timer's granularity.
  const repeats = 10_000
  for (let i = 0; i < repeats; i++) await source.machine()
  const t6 = performance.now()

  process.send?.({
    type: 'result',
    bootMs: booted,
    importHardwareIdMs: t1 - t0,
    importClientMs: t2 - t1,
    importServiceMs: tService - t2,
    importEngineMs: tService - t0,
    hardwareIdFirstMs: t4 - t3,
    hardwareIdSecondMs: t5 - t4,
    hardwareIdCachedMs: (t6 - t5) / repeats,
    ok: first.ok && second.ok,
    error: first.ok ? undefined : first.error.code,
    idLength: first.ok ? first.value.id.length : 0
  })
}

main().catch((error: unknown) => {
  process.send?.({ type: 'error', message: error instanceof Error ? error.message : String(error) })
  process.exitCode = 1
})
