import { LicenseManagerScreen } from './fixtures/screen'
import { BUNDLE, LICENCES } from './fixtures/seed'
import { deactivationStamps, firstFormInteractive, watchDeactivation } from './fixtures/renderer-stamps'
import { test, expect } from './fixtures/test'

/*
 * The window-side watchers the Electron-only measurements (measure-*.spec.ts) time with, checked
 * against the real renderer in both projects: they see the form become interactive, the
 * confirm click, and the confirmation, in that order and on one clock.
 */

test('the measurement watchers see the first form, the confirm click and the confirmation', async ({ app, machineHardwareId }) => {
  const interactive = await firstFormInteractive(app.window)
  const navigationStart = await app.window.evaluate<number>('performance.timeOrigin')
  expect(interactive.at).toBeGreaterThanOrEqual(navigationStart)
  expect(interactive.at).toBeLessThanOrEqual(Date.now() + 50)

  const screen = new LicenseManagerScreen(app.window)
  await screen.ready()
  await screen.fill('license-key', { 'Licence key': LICENCES.key.licenseKey })
  await watchDeactivation(app.window, null)
  expect(await deactivationStamps(app.window)).toEqual({ clicks: [], started: null, confirmed: null })
  await screen.submitAndConfirm()
  await screen.expectSuccess({ bundle: BUNDLE.code, hardwareId: machineHardwareId, method: 'license-key' })

  const stamps = await deactivationStamps(app.window)
  // "Deactivate this PC", then "Deactivate" in the confirm dialog.
  expect(stamps.clicks).toHaveLength(2)
  expect(stamps.started).toBeNull()
  expect(stamps.confirmed).not.toBeNull()
  expect(stamps.confirmed!).toBeGreaterThan(stamps.clicks[1]!)
  expect(stamps.clicks[1]!).toBeGreaterThan(interactive.at)
})
