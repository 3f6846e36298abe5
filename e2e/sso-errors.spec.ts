import { test, expect } from './fixtures/test'
import { LicenseManagerScreen } from './fixtures/screen'
import { BUNDLE, LICENCES, SSO_ACCOUNT } from './fixtures/seed'
import { signInAtProvider } from './fixtures/sso-browser'

test.describe('company sign-in that does not complete', () => {
  test('Cancel sign-in while waiting for the browser: sso_cancelled, nothing changed', async ({ app, sandbox, machineHardwareId }) => {
    const screen = new LicenseManagerScreen(app.window)
    await screen.ready()
    await screen.fill('sso-code', { 'Customer account code': SSO_ACCOUNT.code })
    await screen.submitAndConfirm(screen.signInButton)
    await expect(screen.progress('Waiting for your browser…')).toBeVisible()
    await expect(screen.cancelSignInButton).toBeFocused()
    // The browser did open at the provider; the person gives up instead of signing in.
    await expect((await app.systemBrowserPage()).getByRole('heading', { name: /^Sign in to / })).toBeVisible()

    await screen.cancelSignInButton.click()
    await screen.expectError('sso_cancelled', 'Code: sso_cancelled · no HTTP status')
    expect(sandbox.devicesOf(LICENCES.sso.email)).toEqual([machineHardwareId])
  })

  test('a wrong password at the provider, then Cancel there: sso_cancelled, not a refusal', async ({ app, sandbox, machineHardwareId }) => {
    const screen = new LicenseManagerScreen(app.window)
    await screen.ready()
    await screen.fill('sso-code', { 'Customer account code': SSO_ACCOUNT.code })
    await screen.submitAndConfirm(screen.signInButton)
    const browserPage = await app.systemBrowserPage()

    await browserPage.getByLabel('Email').fill(SSO_ACCOUNT.user.email)
    await browserPage.getByLabel('Password').fill('not-the-password')
    await browserPage.getByRole('button', { name: 'Sign in', exact: true }).click()
    await expect(browserPage.getByRole('alert')).toHaveText('Wrong email or password for this company account.')
    // The app keeps waiting while the person is still at the provider.
    await expect(screen.progress('Waiting for your browser…')).toBeVisible()

    await browserPage.getByRole('button', { name: 'Cancel sign-in', exact: true }).click()
    await screen.expectError('sso_cancelled', 'Code: sso_cancelled · no HTTP status')
    expect(sandbox.devicesOf(LICENCES.sso.email)).toEqual([machineHardwareId])
  })
})

test('signed in with the wrong account: "Use another account" asks the provider again instead of reusing the session', async ({
  app,
  sandbox,
  machineHardwareId
}) => {
  const screen = new LicenseManagerScreen(app.window)
  await screen.ready()
  await screen.fill('sso-code', { 'Customer account code': SSO_ACCOUNT.code })
  await screen.submitAndConfirm(screen.signInButton)
  const first = await app.systemBrowserPage()
  await signInAtProvider(first, SSO_ACCOUNT.unlicensedUser)
  await screen.expectError('sso_user_not_found', 'Code: sso_user_not_found · HTTP 400')
  expect(sandbox.devicesOf(LICENCES.sso.email)).toEqual([machineHardwareId])

  await app.window.getByRole('button', { name: 'Use another account', exact: true }).click()
  await screen.submitAndConfirm(screen.signInButton)
  await expect.poll(async () => (await app.openedUrls()).length).toBe(2)
  const opened = (await app.openedUrls())[1]!
  expect(new URL(opened).searchParams.get('prompt')).toBe('login')
  // The provider asks who signs in, although its session for the first account is still open.
  await expect.poll(async () => (await app.systemBrowserPage()) !== first).toBe(true)
  const second = await app.systemBrowserPage()
  await signInAtProvider(second, SSO_ACCOUNT.user)
  await screen.expectSuccess({ bundle: BUNDLE.code, hardwareId: machineHardwareId, method: 'sso-code' })
  expect(sandbox.devicesOf(LICENCES.sso.email)).toEqual([])
})

test.describe('company sign-in that is never finished', () => {
  test.use({ ssoTimeoutMs: 4_000 })
  test('the browser never comes back: sso_timeout', async ({ app, sandbox, machineHardwareId }) => {
    const screen = new LicenseManagerScreen(app.window)
    await screen.ready()
    await screen.fill('sso-code', { 'Customer account code': SSO_ACCOUNT.code })
    await screen.submitAndConfirm(screen.signInButton)
    await expect(screen.progress('Waiting for your browser…')).toBeVisible()
    await screen.expectError('sso_timeout', 'Code: sso_timeout · no HTTP status')
    expect(sandbox.devicesOf(LICENCES.sso.email)).toEqual([machineHardwareId])
  })
})

test('an unknown company account: customer_account_not_found before any browser opens', async ({ app }) => {
  const screen = new LicenseManagerScreen(app.window)
  await screen.ready()
  await screen.fill('sso-code', { 'Customer account code': 'no-such-company' })
  await screen.submitAndConfirm(screen.signInButton)
  await screen.expectError('customer_account_not_found', 'Code: customer_account_not_found · HTTP 400')
  expect(await app.openedUrls()).toEqual([])
})
