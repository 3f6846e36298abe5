import { hardwareIdFingerprint, inGroupsOfFour } from '../src/shared/helpdesk/hardware-id-format'
import { test, expect } from './fixtures/test'
import { activateBundle } from './fixtures/license-api-client'
import { LicenseManagerScreen } from './fixtures/screen'
import { BUNDLE, LICENCES, OTHER_PC_ID } from './fixtures/seed'

test('a helpdesk agent frees a seat activated under another hardware id by entering it as the override', async ({ app, sandbox, machineHardwareId }) => {
  expect(OTHER_PC_ID).not.toBe(machineHardwareId)
  // The licensed product was activated with a hardware id other than the one this app reads.
  await activateBundle(sandbox, { product: BUNDLE.code, hardware_id: OTHER_PC_ID, license_key: LICENCES.helpdesk.licenseKey })
  expect(sandbox.devicesOf(LICENCES.helpdesk.licenseKey)).toEqual([OTHER_PC_ID])

  const screen = new LicenseManagerScreen(app.window)
  await screen.ready()
  await expect(screen.hardwareIdPanel).toContainText(inGroupsOfFour(machineHardwareId))

  // Without the override the app sends this PC's id, which the licence does not know.
  await screen.fill('license-key', { 'Licence key': LICENCES.helpdesk.licenseKey })
  await screen.submitAndConfirm()
  await screen.expectError('device_not_found', 'Code: device_not_found · HTTP 400')

  // The error says what to do: paste the id the product shows into the override.
  await screen.tryAgainButton.click()
  await expect(screen.field('Hardware id override')).toBeFocused()
  await screen.field('Hardware id override').fill(OTHER_PC_ID)
  await expect(screen.hardwareIdPanel).toContainText('This PC’s hardware id (not sent)')
  await expect(screen.hardwareIdPanel.getByText('The hardware id you entered will be sent instead of this PC’s')).toContainText(OTHER_PC_ID)

  await screen.deactivateButton.click()
  await expect(screen.confirmDialog.getByRole('heading')).toHaveText('Deactivate the hardware id you entered?')
  await expect(screen.confirmDialog).toContainText(
    `hardware id ${inGroupsOfFour(OTHER_PC_ID)} (fingerprint ${hardwareIdFingerprint(OTHER_PC_ID)}), the override you entered`
  )
  await expect(screen.confirmDialog).not.toContainText(inGroupsOfFour(machineHardwareId))
  await screen.confirmButton.click()

  await screen.expectSuccess({ bundle: BUNDLE.code, hardwareId: OTHER_PC_ID, method: 'license-key' })
  await expect(screen.successView).not.toContainText(machineHardwareId)
  await expect(screen.successView).toContainText('deactivated on the hardware id you entered')
  expect(sandbox.devicesOf(LICENCES.helpdesk.licenseKey)).toEqual([])
  // This PC's own seats are untouched.
  expect(sandbox.devicesOf(LICENCES.key.licenseKey)).toEqual([machineHardwareId])
})
