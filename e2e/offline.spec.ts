import { readFileSync, writeFileSync } from 'node:fs'
import { basename } from 'node:path'
import { ERROR_CATALOGUE } from '../src/shared/errors'
import { OfflineScreens } from './fixtures/offline-screens'
import { LicenseManagerScreen } from './fixtures/screen'
import { BUNDLE, LICENCES } from './fixtures/seed'
import { expect, test } from './fixtures/test'
import { changedFile, docsV2File } from '../test/node/support/offline-files'

/*
 * Deactivating a PC without internet, as a person does it: write the request file in the
 * window (the save dialog is the harness's stand-in, the file is written to disk by the
 * app), carry it, upload it on the upload screen, and see the sandbox's seat freed.
 */

const maskedKey = `••••${LICENCES.key.licenseKey.slice(-4)}`

async function writeRequestFile(app: { window: import('@playwright/test').Page; savedFiles(): Promise<Array<{ suggestedName: string; path: string }>> }) {
  const screen = new LicenseManagerScreen(app.window)
  const offline = new OfflineScreens(app.window)
  await screen.ready()
  await offline.openWriter()
  await offline.field('Licence key').fill(LICENCES.key.licenseKey)
  await offline.saveButton.click()
  await expect(offline.savedView.getByRole('heading', { name: 'Request file saved' })).toBeFocused()
  const saved = await app.savedFiles()
  expect(saved).toHaveLength(1)
  return { offline, saved: saved[0]! }
}

test.describe('offline deactivation', () => {
  test('write the request file in the window, upload it on the upload screen: the seat is freed, and only once', async ({
    app,
    sandbox,
    machineHardwareId
  }) => {
    const { offline, saved } = await writeRequestFile(app)
    expect(saved.suggestedName).toBe(`${BUNDLE.code}-${machineHardwareId.slice(0, 8)}-deactivate.req`)
    await expect(offline.savedView).toContainText(saved.path)
    await expect(offline.savedView).toContainText('The seat is not free yet.')
    await expect(offline.savedView).toContainText('Treat the product on this PC as deactivated from now on')
    await expect(offline.fact(offline.savedView, 'Licence key')).toHaveText(maskedKey)
    expect(readFileSync(saved.path, 'utf8')).toMatch(/^[A-Za-z0-9+/]+=*$/)
    // Writing sends nothing: the seat is still taken.
    expect(sandbox.devicesOf(LICENCES.key.licenseKey)).toEqual([machineHardwareId])

    await offline.openUpload()
    await offline.fileInput.setInputFiles(saved.path)
    await expect(offline.willFree).toBeVisible()
    await expect(offline.fact(offline.willFree, 'Bundle')).toHaveText(BUNDLE.code)
    await expect(offline.fact(offline.willFree, 'Hardware id')).toHaveText(machineHardwareId)
    await expect(offline.fact(offline.willFree, 'Licence key')).toHaveText(maskedKey)
    await expect(offline.fact(offline.willFree, 'Written by')).toHaveText(/^License Manager \d+\.\d+\.\d+/)
    expect(sandbox.devicesOf(LICENCES.key.licenseKey)).toEqual([machineHardwareId])

    await offline.uploadButton.click()
    await expect(offline.seatFreedView.getByRole('heading', { name: 'Seat freed' })).toBeFocused()
    expect(sandbox.devicesOf(LICENCES.key.licenseKey)).toEqual([])

    // The same file again: the server refuses the replay.
    await app.window.getByRole('button', { name: 'Upload another file' }).click()
    await offline.fileInput.setInputFiles(saved.path)
    await offline.uploadButton.click()
    const replay = ERROR_CATALOGUE.offline_request_replayed
    await expect(app.window.getByRole('region', { name: replay.title })).toBeVisible()
    await expect(app.window.getByText('Code: offline_request_replayed · HTTP 400')).toBeVisible()
  })

  test('a file in the docs’ schema-2 example shape (a C++ SDK file, not written by this app) uploads from the window and frees the seat', async ({
    app,
    sandbox,
    machineHardwareId
  }) => {
    const screen = new LicenseManagerScreen(app.window)
    const offline = new OfflineScreens(app.window)
    await screen.ready()
    const seat = { product: BUNDLE.code, hardwareId: machineHardwareId, licenseKey: LICENCES.key.licenseKey }
    const file = docsV2File({ apiKey: sandbox.apiKey, sharedKey: sandbox.sharedKey }, seat, { requestId: 'D010714E-72DD-E4CF-BEBB-4105EC1B2A0F' })

    await offline.openUpload()
    await offline.fileInput.setInputFiles({ name: 'fooapp-deactivation.req', mimeType: 'application/octet-stream', buffer: Buffer.from(file) })
    await expect(offline.willFree).toBeVisible()
    await expect(offline.fact(offline.willFree, 'Bundle')).toHaveText(BUNDLE.code)
    await expect(offline.fact(offline.willFree, 'Hardware id')).toHaveText(machineHardwareId)
    await expect(offline.fact(offline.willFree, 'Licence key')).toHaveText(maskedKey)
    await expect(offline.fact(offline.willFree, 'Written by')).toHaveText('7.41.1 (cpp)')
    await expect(offline.fact(offline.willFree, 'Request id')).toHaveText('D010714E-72DD-E4CF-BEBB-4105EC1B2A0F')
    await expect(offline.fact(offline.willFree, 'Format')).toHaveText('current (schema 2): every field is signed')
    expect(sandbox.devicesOf(LICENCES.key.licenseKey)).toEqual([machineHardwareId])

    await offline.uploadButton.click()
    await expect(offline.seatFreedView.getByRole('heading', { name: 'Seat freed' })).toBeFocused()
    expect(sandbox.devicesOf(LICENCES.key.licenseKey)).toEqual([])
  })

  test('a changed file is shown as it now reads and sent; the server refuses it and the seat stays taken', async ({ app, sandbox, machineHardwareId }) => {
    const { offline, saved } = await writeRequestFile(app)
    const changed = changedFile(readFileSync(saved.path, 'utf8'), { hardware_id: 'someone-elses-pc' })

    await offline.openUpload()
    await offline.drop(basename(saved.path), changed)
    await expect(offline.fact(offline.willFree, 'Hardware id')).toHaveText('someone-elses-pc')
    await offline.uploadButton.click()
    const refusal = ERROR_CATALOGUE.offline_request_tampered
    await expect(app.window.getByRole('region', { name: refusal.title })).toBeVisible()
    await expect(app.window.getByText('Code: offline_request_tampered · HTTP 400')).toBeVisible()
    expect(sandbox.devicesOf(LICENCES.key.licenseKey)).toEqual([machineHardwareId])
  })

  test('a cut-off copy and a file that is not a request file are refused on the spot, and nothing is sent', async ({ app, sandbox }) => {
    const { offline, saved } = await writeRequestFile(app)
    await offline.openUpload()
    const before = sandbox.stats().requests
    const alert = app.window.getByRole('alert')
    await offline.fileInput.setInputFiles({ name: 'copy.req', mimeType: 'text/plain', buffer: Buffer.from(readFileSync(saved.path, 'utf8').slice(0, 101)) })
    await expect(alert).toContainText(ERROR_CATALOGUE.offline_file_truncated.title)
    await expect(alert).toContainText('Code: offline_file_truncated · no HTTP status')
    writeFileSync(`${saved.path}.txt`, 'Meeting notes: bring the licence file')
    await offline.fileInput.setInputFiles(`${saved.path}.txt`)
    await expect(alert).toContainText(ERROR_CATALOGUE.offline_file_wrong_type.title)
    await expect(offline.uploadButton).toHaveCount(0)
    expect(sandbox.stats().requests).toBe(before)
  })

  // No answer at all: nothing shows that this PC's network works (a refused connection would, and is not offered the path).
  test.describe('when the server cannot be reached', () => {
    test.use({ licenceServer: 'silent-server', requestTimeoutMs: 1_500 })

    test('the failed deactivation offers the offline path, filled from the attempt, and the file is written', async ({ app }) => {
      const screen = new LicenseManagerScreen(app.window)
      const offline = new OfflineScreens(app.window)
      await screen.ready()
      await screen.fill('license-key', { 'Licence key': LICENCES.key.licenseKey })
      await screen.submitAndConfirm()
      await screen.expectError('timeout', 'Code: timeout · no HTTP status')
      await app.window.getByRole('button', { name: 'Write a request file instead' }).click()
      await expect(offline.writeForm).toBeVisible()
      await expect(offline.field('Licence key')).toHaveValue(LICENCES.key.licenseKey)
      await expect(offline.field('Bundle code')).toHaveValue(BUNDLE.code)
      await offline.saveButton.click()
      await expect(offline.savedView).toBeVisible()
      expect(await app.savedFiles()).toHaveLength(1)
    })
  })
})
