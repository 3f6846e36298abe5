import { test, expect } from './fixtures/test'
import { LicenseManagerScreen } from './fixtures/screen'
import { BUNDLE, LICENCES, SSO_ACCOUNT } from './fixtures/seed'
import { signInAtProvider } from './fixtures/sso-browser'
import { obtainIdToken } from './fixtures/sso-token'

test.describe('deactivation succeeds with each login method', () => {
  test('licence key', async ({ app, sandbox, machineHardwareId }) => {
    const screen = new LicenseManagerScreen(app.window)
    await screen.ready()
    expect(sandbox.devicesOf(LICENCES.key.licenseKey)).toEqual([machineHardwareId])

    await expect(screen.field('Bundle code')).toHaveValue(BUNDLE.code)
    await screen.fill('license-key', { 'Licence key': LICENCES.key.licenseKey })
    await screen.submitAndConfirm()

    await screen.expectSuccess({ bundle: BUNDLE.code, hardwareId: machineHardwareId, method: 'license-key' })
    expect(sandbox.devicesOf(LICENCES.key.licenseKey)).toEqual([])
    expect(app.remoteRequests()).toEqual([])
  })

  test('username and password', async ({ app, sandbox, machineHardwareId }) => {
    const screen = new LicenseManagerScreen(app.window)
    await screen.ready()
    await screen.fill('user', { Username: LICENCES.user.email, Password: LICENCES.user.password })
    await screen.submitAndConfirm()

    await screen.expectSuccess({ bundle: BUNDLE.code, hardwareId: machineHardwareId, method: 'user' })
    expect(sandbox.devicesOf(LICENCES.user.email)).toEqual([])
  })

  test('company sign-in in the browser (authorization code)', async ({ app, sandbox, machineHardwareId }) => {
    const screen = new LicenseManagerScreen(app.window)
    await screen.ready()
    await screen.fill('sso-code', { 'Customer account code': SSO_ACCOUNT.code })
    await screen.submitAndConfirm(screen.signInButton)
    await expect(screen.progress('Waiting for your browser…')).toBeVisible()

    const browserPage = await app.systemBrowserPage()
    await signInAtProvider(browserPage, SSO_ACCOUNT.user)
    await expect(browserPage.getByRole('heading', { name: 'Signed in' })).toBeVisible()

    await screen.expectSuccess({ bundle: BUNDLE.code, hardwareId: machineHardwareId, method: 'sso-code' })
    expect(sandbox.devicesOf(LICENCES.sso.email)).toEqual([])
    const [opened] = await app.openedUrls()
    expect(new URL(opened!).searchParams.get('response_type')).toBe('code')
    // The app chose its own port, so the code was bound to that redirect, and redeemed with it.
    expect(new URL(opened!).searchParams.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
  })

  test('company sign-in with an ID token obtained in the browser (implicit grant)', async ({ app, sandbox, machineHardwareId }) => {
    const screen = new LicenseManagerScreen(app.window)
    await screen.ready()
    await screen.fill('sso-token', { 'Customer account code': SSO_ACCOUNT.code })
    await expect(screen.field('ID token')).toBeVisible()
    await screen.idTokenViaBrowser.check()
    await expect(screen.field('ID token')).toBeHidden()
    await screen.submitAndConfirm(screen.signInButton)
    await expect(screen.progress('Waiting for your browser…')).toBeVisible()

    const browserPage = await app.systemBrowserPage()
    const visited: string[] = []
    browserPage.on('framenavigated', (frame) => visited.push(frame.url()))
    await signInAtProvider(browserPage, SSO_ACCOUNT.user)
    // The sandbox's provider offers form_post: the tokens arrive in a form post to the loopback listener, never in a URL.
    await expect(browserPage.getByRole('heading', { name: 'Signed in' })).toBeVisible()
    await expect(browserPage.getByText('You can close this tab and return to License Manager.')).toBeVisible()

    await screen.expectSuccess({ bundle: BUNDLE.code, hardwareId: machineHardwareId, method: 'sso-token' })
    expect(sandbox.devicesOf(LICENCES.sso.email)).toEqual([])
    const [opened] = await app.openedUrls()
    expect(new URL(opened!).searchParams.get('response_type')).toBe('id_token token')
    expect(new URL(opened!).searchParams.get('response_mode')).toBe('form_post')
    expect(visited.filter((url) => /[#?&](access_token|id_token)=/.test(url))).toEqual([])
  })

  test('company sign-in with a pasted ID token', async ({ app, sandbox, browser, machineHardwareId }) => {
    const token = await obtainIdToken(browser, sandbox, {
      product: BUNDLE.code,
      customerAccountCode: SSO_ACCOUNT.code,
      ...SSO_ACCOUNT.user
    })
    const screen = new LicenseManagerScreen(app.window)
    await screen.ready()
    await screen.fill('sso-token', { 'Customer account code': SSO_ACCOUNT.code, 'ID token': token })
    await screen.submitAndConfirm()

    await screen.expectSuccess({ bundle: BUNDLE.code, hardwareId: machineHardwareId, method: 'sso-token' })
    expect(sandbox.devicesOf(LICENCES.sso.email)).toEqual([])
    expect(await app.openedUrls(), 'a pasted token needs no browser').toEqual([])
    await expect(app.window.getByRole('main')).not.toContainText(token)
    await screen.copyDiagnosticsButton.click()
    await expect(screen.successView.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible()
    const diagnostics = await app.readClipboard()
    expect(diagnostics).toContain('Method: Company sign-in with an ID token (sso-token)')
    expect(diagnostics, 'diagnostics must not carry the token').not.toContain(token)
  })
})
