import type { ElectronApplication } from '@playwright/test'
import { summarizeClickRow } from '../bench/lib/click-rows'
import { round } from '../bench/lib/stats'
import type { LinkStats } from '../bench/sandbox/protocol'
import { startRemoteSandbox, type RemoteSandbox } from '../bench/sandbox/remote'
import { BENCH_BUNDLE, BENCH_CUSTOMER_ACCOUNT } from '../bench/sandbox/seed'
import { API_PARTITION } from '../src/main/electron/api-session'
import { CONFIG_ENV } from '../src/main/engine/config'
import { makeSelfSignedCertificate } from '../test/node/reliability/support/untrusted-tls'
import type { EngineSetup } from './fixtures/app'
import { APP_CLICK_METHODS as METHODS, buildClickSeed as buildAppClickSeed, seatKey, type Seat } from './fixtures/click-seed'
import { startElectronApp, type ElectronApp } from './fixtures/electron-app'
import {
  clickMarkdown,
  describeRunner,
  writeMeasurement,
  type AppClickData,
  type AppClickRow,
  type AppClickSample,
  type MeasurementFile
} from './fixtures/measurements'
import { deactivationStamps, watchDeactivation } from './fixtures/renderer-stamps'
import { LicenseManagerScreen } from './fixtures/screen'
import { signInAtProvider } from './fixtures/sso-browser'
import { test, expect } from './fixtures/test'

/*
 * The app's own click to confirmation: bench/sections/click-to-confirmation.ts measures the
 * engine on Node's network stack; here the real app (in CI the packaged build) calls the
 * License API through Chromium's (its own session, `session.preconnect` while the form is
 * open, `net.fetch` on the click). Same set-up as the bench: the sandbox over TLS 1.3 with a
 * certificate made for the run, in its own process, behind an emulated link per sample that
 * adds 50 ms each way and a round trip for a new connection's TCP handshake; the sandbox
 * counts per link the connections, TLS handshakes and requests, and its own time per request.
 * The app trusts that one certificate for 127.0.0.1 in its License API session
 * (setCertificateVerifyProc); every other certificate keeps Chromium's verdict.
 * Timed in the window: from the confirm click (SSO: from the status turning to "Deactivating…",
 * the app having the browser's code) to the heading "Licence deactivated" in the DOM.
 */

const ONE_WAY_DELAY_MS = 50
const ROUND_TRIP_MS = 2 * ONE_WAY_DELAY_MS
const SAMPLES = Number(process.env['E2E_CLICK_SAMPLES'] ?? 5)
const FORM_OPEN_MS = (process.env['E2E_CLICK_FORM_OPEN_S'] ?? '2,30').split(',').map((s) => Number(s) * 1000)
/** SSO: the form is open this long before the sign-in button (the bench's ssoFormOpenMs). */
const SSO_FORM_OPEN_MS = 2_000
/** Samples of a long form-open row start this far apart and run side by side; their clicks stay as far apart. */
const STAGGER_MS = 4_000
const CLIENT = 'app (Electron: net.fetch, session.preconnect)'
const SIGN_IN_URL_PATH = '/api/v4/sso_url'

interface Setup {
  sandbox: RemoteSandbox
  certificatePem: string
  seats: Map<string, Seat>
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)))
const isApiPath = (path: string): boolean => path.startsWith('/api/')

function delta(before: LinkStats, after: LinkStats): LinkStats {
  const byPath: Record<string, number> = {}
  for (const [path, n] of Object.entries(after.byPath)) if (n - (before.byPath[path] ?? 0) > 0) byPath[path] = n - (before.byPath[path] ?? 0)
  const serverMsByPath: Record<string, number> = {}
  for (const [path, ms] of Object.entries(after.serverMsByPath)) serverMsByPath[path] = ms - (before.serverMsByPath[path] ?? 0)
  return {
    connections: after.connections - before.connections,
    tls: { full: after.tls.full - before.tls.full, resumed: after.tls.resumed - before.tls.resumed },
    byPath,
    serverMsByPath
  }
}

/** The License API session trusts the run's certificate for 127.0.0.1, nothing more; open sockets are dropped. */
async function trustRunCertificate(electronApp: ElectronApplication, pem: string): Promise<void> {
  await electronApp.evaluate(
    async ({ session }, { partition, certificate }) => {
      const normal = (text: string): string => text.replace(/\s+/g, '')
      const api = session.fromPartition(partition, { cache: false })
      api.setCertificateVerifyProc((request, callback) => {
        callback(request.hostname === '127.0.0.1' && normal(request.certificate.data) === normal(certificate) ? 0 : -3)
      })
      await api.closeAllConnections()
    },
    { partition: API_PARTITION, certificate: pem }
  )
}

let setup: Setup | null = null
const rows: AppClickRow[] = []
let versions = { electron: '', node: '', chrome: '' }
let packaged = false

test.skip(({ appKind }) => appKind !== 'electron', 'Electron only: measures the app’s own network stack (Chromium’s), which the browser kind does not use')

test.describe('the app’s click to confirmation over a 100 ms link', { tag: '@measure' }, () => {
  test.beforeAll(async ({ appKind, electronBinary, machineHardwareId }) => {
    if (appKind !== 'electron' || !electronBinary.found) return
    packaged = electronBinary.packaged
    const certificate = makeSelfSignedCertificate()
    const { seed, seats } = buildAppClickSeed(machineHardwareId, FORM_OPEN_MS, SAMPLES)
    const sandbox = await startRemoteSandbox({ sso: true, seed, tls: certificate, idleTimeoutMs: 60_000 })
    setup = { sandbox, certificatePem: certificate.cert, seats }
  })

  test.afterAll(async () => {
    if (!setup) return
    await setup.sandbox.close()
    setup = null
    if (rows.length === 0) return
    const data: AppClickData = {
      roundTripMs: ROUND_TRIP_MS,
      samplesPerRow: SAMPLES,
      rows,
      notes: [
        `Sandbox over TLS 1.3 in its own process, a certificate made for the run, trusted by the app's License API session for 127.0.0.1 only.`,
        `Each sample: a fresh app (new process, new profile) and its own emulated link (${ONE_WAY_DELAY_MS} ms each way, plus one round trip for a new connection's TCP handshake).`,
        `Counts (connections, TLS handshakes, requests) from the form's opening to the confirmation; API before click = License API requests before the click.`,
        `Timed in the window: confirm click (SSO: status "Deactivating…") → "Licence deactivated" in the DOM; server ms = the sandbox's own time on the requests after the click.`,
        `Rows with a form open ${(SAMPLES * STAGGER_MS + 5_000) / 1000} s or longer run their samples side by side, started ${STAGGER_MS / 1000} s apart; shorter rows one after another.`
      ]
    }
    const file: MeasurementFile<AppClickData> = {
      measurement: 'click-to-confirmation',
      measuredAt: new Date().toISOString(),
      runner: describeRunner(),
      app: { ...versions, packaged },
      data
    }
    writeMeasurement(file, clickMarkdown([file]))
  })

  for (const openForMs of FORM_OPEN_MS) {
    for (const method of METHODS) {
      test(`${method}, form open ${openForMs / 1000} s`, async ({ electronBinary, browser, viewport, colorScheme, locale }, testInfo) => {
        const sideBySide = openForMs >= SAMPLES * STAGGER_MS + 5_000
        test.setTimeout(sideBySide ? SAMPLES * STAGGER_MS + openForMs + 90_000 : SAMPLES * (openForMs + SSO_FORM_OPEN_MS + 40_000))
        if (!electronBinary.found || !setup) throw new Error('no Electron binary or no sandbox') // the gate has skipped already
        const { sandbox, certificatePem, seats } = setup
        const contextOptions = { viewport, colorScheme, ...(locale === undefined ? {} : { locale }) }

        const runSample = async (index: number): Promise<AppClickSample> => {
          const seat = seats.get(seatKey(method, openForMs, index))!
          const { link, port } = await sandbox.openLink(ONE_WAY_DELAY_MS)
          const tokenUrl = new URL(sandbox.oauth.tokenUrl)
          tokenUrl.port = String(port)
          const engine: EngineSetup = {
            apiUrl: `https://127.0.0.1:${port}/api/v4/`,
            apiKey: sandbox.apiKey,
            sharedKey: sandbox.sharedKey,
            defaultProduct: BENCH_BUNDLE,
            defaultCustomerAccount: '',
            timeoutMs: 15_000,
            ssoTimeoutMs: openForMs + 120_000,
            machineId: '',
            asBuiltInSandbox: false
          }
          const oauth =
            method === 'OAuth (licence key)'
              ? {
                  [CONFIG_ENV.authScheme]: 'oauth',
                  [CONFIG_ENV.apiKey]: undefined,
                  [CONFIG_ENV.sharedKey]: undefined,
                  [CONFIG_ENV.tokenUrl]: tokenUrl.href,
                  [CONFIG_ENV.clientId]: sandbox.oauth.clientId,
                  [CONFIG_ENV.clientSecret]: sandbox.oauth.clientSecret
                }
              : {}
          let app: ElectronApp | null = null
          try {
            app = await startElectronApp(
              electronBinary,
              browser,
              contextOptions,
              engine,
              testInfo.outputPath(`user-data-${index}`),
              testInfo.outputPath(`saved-${index}`),
              oauth
            )
            versions = await app.electronApp.evaluate(() => ({
              electron: process.versions.electron,
              node: process.versions.node,
              chrome: process.versions.chrome
            }))
            await trustRunCertificate(app.electronApp, certificatePem)
            // The form opens (again) with the certificate trusted: its warm-up is what is measured.
            const opened = await sandbox.linkStats(link)
            await app.window.reload()
            const screen = new LicenseManagerScreen(app.window)
            await screen.ready()
            const shownAt = Date.now()
            const sso = method === 'SSO code (from callback)'
            if (sso) await screen.fill('sso-code', { 'Customer account code': BENCH_CUSTOMER_ACCOUNT })
            else if (seat.user) await screen.fill('user', { Username: seat.user.email, Password: seat.user.password })
            else await screen.fill('license-key', { 'Licence key': seat.licenseKey ?? '' })
            await sleep(shownAt + (sso ? SSO_FORM_OPEN_MS : openForMs) - Date.now())

            const beforeClick = await sandbox.linkStats(link)
            await watchDeactivation(app.window, sso ? 'Deactivating…' : null)
            if (sso) {
              await screen.submitAndConfirm(screen.signInButton)
              const page = await app.systemBrowserPage()
              await expect(page.getByRole('heading', { name: /^Sign in to / })).toBeVisible()
              await sleep(openForMs) // the sign-in takes this long
              await signInAtProvider(page, seat.user!)
            } else {
              await screen.submitAndConfirm()
            }
            await expect(screen.resultHeading, 'a result').toBeVisible({ timeout: 30_000 })
            await expect(screen.resultHeading).toHaveText('Licence deactivated', { timeout: 1_000 })
            const stamps = await deactivationStamps(app.window)
            const after = await sandbox.linkStats(link)
            const start = sso ? stamps.started : (stamps.clicks.at(-1) ?? null)
            const whole = delta(opened, after)
            const clicked = delta(beforeClick, after)
            const serverMs = Object.entries(clicked.serverMsByPath).reduce((sum, [path, ms]) => (path === SIGN_IN_URL_PATH ? sum : sum + ms), 0)
            const sample: AppClickSample = {
              ok: start !== null && stamps.confirmed !== null,
              ms: start !== null && stamps.confirmed !== null ? stamps.confirmed - start : Number.NaN,
              connections: whole.connections,
              tls: whole.tls,
              requests: whole.byPath,
              apiRequestsBeforeClick: Object.entries(delta(opened, beforeClick).byPath).reduce((n, [path, count]) => n + (isApiPath(path) ? count : 0), 0),
              serverMs: round(serverMs, 2)
            }
            if (!sample.ok) sample.error = 'the window showed no start or no confirmation time'
            return sample
          } catch (error) {
            return {
              ok: false,
              error: (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 300),
              ms: Number.NaN,
              connections: 0,
              tls: { full: 0, resumed: 0 },
              requests: {},
              apiRequestsBeforeClick: 0,
              serverMs: 0
            }
          } finally {
            await app?.close().catch(() => undefined)
          }
        }

        const indexes = [...Array(SAMPLES).keys()]
        const samples = sideBySide
          ? await Promise.all(indexes.map(async (i) => (await sleep(i * STAGGER_MS), runSample(i))))
          : await indexes.reduce<Promise<AppClickSample[]>>(async (done, i) => [...(await done), await runSample(i)], Promise.resolve([]))
        const row = summarizeClickRow({ method, client: CLIENT, openForMs }, samples, ROUND_TRIP_MS)
        rows.push(row)
        await testInfo.attach(`${method}, ${openForMs / 1000} s.json`, { body: JSON.stringify(row, null, 2), contentType: 'application/json' })
        // A measurement, not a goal: every sample must have gone through (a failed one names its error).
        expect(samples.filter((s) => !s.ok).map((s) => s.error)).toEqual([])
      })
    }
  }
})
