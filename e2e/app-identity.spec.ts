import packageJson from '../package.json'
import type { ElectronApp } from './fixtures/electron-app'
import { startRecordingProxy, type RecordingProxy } from './fixtures/recording-proxy'
import { LicenseManagerScreen } from './fixtures/screen'
import { BUNDLE, LICENCES, SSO_ACCOUNT } from './fixtures/seed'
import { signInAtProvider } from './fixtures/sso-browser'
import { test as base, expect } from './fixtures/test'

/** "<productName> <version>" from package.json: what users see and what the License API is told. */
const APP_NAME_AND_VERSION = `${packageJson.productName} ${packageJson.version}`

/** The app's License API traffic goes through a recording pass-through to the test's sandbox. */
const test = base.extend<{ licenceProxy: RecordingProxy }>({
  licenceProxy: async ({ sandbox }, use) => {
    const proxy = await startRecordingProxy(sandbox.origin)
    await use(proxy)
    await proxy.close()
  },
  engineSetup: async ({ engineSetup, licenceProxy }, use) => use({ ...engineSetup, apiUrl: `${licenceProxy.origin}/api/v4/` })
})

test('the app names itself from package.json: window, sdk_ver and the sign-in page', async ({ app, licenceProxy, sandbox, machineHardwareId }) => {
  if (app.kind === 'electron') {
    const named = await (app as ElectronApp).electronApp.evaluate(({ app: electronApp }) => [electronApp.getName(), electronApp.getVersion()])
    expect(named).toEqual([packageJson.productName, packageJson.version])
  }
  const screen = new LicenseManagerScreen(app.window)
  await screen.ready()
  await expect(app.window.getByRole('contentinfo')).toContainText(APP_NAME_AND_VERSION)

  await screen.fill('sso-code', { 'Customer account code': SSO_ACCOUNT.code })
  await screen.submitAndConfirm(screen.signInButton)
  const browserPage = await app.systemBrowserPage()
  await signInAtProvider(browserPage, SSO_ACCOUNT.user)
  await expect(browserPage.getByText(`You can close this tab and return to ${packageJson.productName}.`)).toBeVisible()
  await screen.expectSuccess({ bundle: BUNDLE.code, hardwareId: machineHardwareId, method: 'sso-code' })
  expect(sandbox.devicesOf(LICENCES.sso.email)).toEqual([])

  const deactivations = licenceProxy.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/deactivate_bundle'))
  expect(deactivations).toHaveLength(1)
  expect((JSON.parse(deactivations[0]!.body) as { sdk_ver?: unknown }).sdk_ver).toBe(APP_NAME_AND_VERSION)
})
