import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { APP_CLICK_METHODS, buildClickSeed, seatKey } from '../../../e2e/fixtures/click-seed'
import type { SandboxOptions } from '../../../src/sandbox/server'
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/server'
import { closeOpened } from '../../support/close-opened'

/*
 * The seed of the app's click-to-confirmation measurement runs only where Electron does; here
 * the sandbox takes it (its own schema check) and every sample's seat is active on the PC's id.
 */

const HARDWARE_ID = 'a'.repeat(64)
const FORM_OPEN_MS = [2_000, 30_000]
const SAMPLES = 3

describe('the app click measurement’s seed', () => {
  const { seed, seats } = buildClickSeed(HARDWARE_ID, FORM_OPEN_MS, SAMPLES)
  let sandbox: RunningSandbox | undefined

  beforeAll(async () => {
    sandbox = await startSandbox({ host: '127.0.0.1', port: 0, quiet: true, sso: true, seed: seed as SandboxOptions['seed'] })
  })
  afterAll(() => closeOpened(sandbox))

  it('holds one seat per method, form-open time and sample, each a licence of its own active on this PC only', () => {
    expect(seats.size).toBe(APP_CLICK_METHODS.length * FORM_OPEN_MS.length * SAMPLES)
    const owners = new Set<string>()
    for (const openForMs of FORM_OPEN_MS) {
      for (const method of APP_CLICK_METHODS) {
        for (let sample = 0; sample < SAMPLES; sample++) {
          const seat = seats.get(seatKey(method, openForMs, sample))!
          const owner = seat.licenseKey ?? seat.user!.email
          owners.add(owner)
          expect(sandbox!.devicesOf(owner), `${method}, ${openForMs} ms, sample ${sample}`).toEqual([HARDWARE_ID])
          expect(Boolean(seat.user), method).toBe(method === 'username' || method === 'SSO code (from callback)')
        }
      }
    }
    expect(owners.size).toBe(seats.size)
  })
})
