import type { Locator, Page } from '@playwright/test'
import { test, expect } from './fixtures/test'
import { LicenseManagerScreen } from './fixtures/screen'
import { BUNDLE, LICENCES } from './fixtures/seed'

/** Presses Tab (or Shift+Tab) until `target` has focus; fails after `max` presses. */
async function tabTo(page: Page, target: Locator, { backwards = false, max = 20 } = {}): Promise<void> {
  for (let presses = 0; presses < max; presses++) {
    // e2e compiles without the DOM library: the element's type names the one property read.
    if (await target.evaluate((element: { ownerDocument: { activeElement: unknown } }) => element === element.ownerDocument.activeElement)) return
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab')
  }
  await expect(target, `not reachable within ${max} ${backwards ? 'Shift+Tab' : 'Tab'} presses`).toBeFocused({ timeout: 1 })
}

test('deactivates with the keyboard alone: Tab, Shift+Tab, Enter and Space', async ({ app, sandbox, machineHardwareId }) => {
  const { window: page } = app
  const screen = new LicenseManagerScreen(page)
  await screen.ready()

  await tabTo(page, screen.method('license-key'))
  await expect(screen.method('license-key')).toBeChecked()
  await tabTo(page, screen.field('Licence key'))
  await page.keyboard.type(LICENCES.key.licenseKey)
  // Back to the bundle code, which is prefilled from configuration: Shift+Tab reaches it.
  await page.keyboard.press('Shift+Tab')
  await expect(screen.field('Bundle code')).toBeFocused()
  await expect(screen.field('Bundle code')).toHaveValue(BUNDLE.code)

  await tabTo(page, screen.deactivateButton)
  await page.keyboard.press('Enter')

  // The dialog opens with focus on the safe choice; Shift+Tab reaches Deactivate, Space presses it.
  await expect(screen.confirmDialog).toBeVisible()
  await expect(screen.confirmDialog.getByRole('button', { name: 'Cancel' })).toBeFocused()
  await tabTo(page, screen.confirmButton, { backwards: true, max: 3 })
  await page.keyboard.press('Space')

  await screen.expectSuccess({ bundle: BUNDLE.code, hardwareId: machineHardwareId, method: 'license-key' })
  expect(sandbox.devicesOf(LICENCES.key.licenseKey)).toEqual([])

  // And on to the next deactivation, still without a pointer.
  const next = screen.deactivateAnotherButton
  await tabTo(page, next)
  await page.keyboard.press('Enter')
  await expect(screen.method('license-key')).toBeFocused()
  await expect(screen.field('Licence key')).toHaveValue('')
})

test('Escape in the confirmation cancels and returns focus to the submit button', async ({ app, sandbox, machineHardwareId }) => {
  const { window: page } = app
  const screen = new LicenseManagerScreen(page)
  await screen.ready()
  await tabTo(page, screen.field('Licence key'))
  await page.keyboard.type(LICENCES.key.licenseKey)
  await tabTo(page, screen.deactivateButton)
  await page.keyboard.press('Enter')
  await expect(screen.confirmDialog).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(screen.confirmDialog).toBeHidden()
  await expect(screen.deactivateButton).toBeFocused()
  expect(sandbox.devicesOf(LICENCES.key.licenseKey)).toEqual([machineHardwareId])
})
