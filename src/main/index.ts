import { release } from 'node:os'
import { join, resolve } from 'node:path'
import { app, BrowserWindow, dialog, ipcMain, Menu, nativeTheme, net, protocol, session, shell } from 'electron'
import { loadConfig } from './engine/config'
import { createLicenseService } from './engine/service'
import { licenseApiNetwork } from './electron/api-session'
import { resolveAppLocation } from './electron/app-location'
import { registerAppScheme, serveAppScheme } from './electron/app-protocol'
import { describeOs, readStartupFacts, restartingOnFailure, startEngine, type RunningEngine } from './electron/engine-startup'
import { registerIpcHandlers } from './electron/ipc'
import { prefillFromArgv } from './electron/prefill-argv'
import { createPrefillInbox } from './electron/prefill-inbox'
import { parsePrefillLink, PREFILL_SCHEME } from '../shared/helpdesk/prefill-link'
import { IPC } from '../shared/ipc-channels'
import { menuTemplate } from './electron/menu'
import { guardWebContents } from './electron/navigation-guard'
import { installPermissionHandlers } from './electron/permissions'
import { installWindowRequestFilter } from './electron/request-filter'
import { createSenderCheck } from './electron/sender-check'
import { mainWindowOptions } from './electron/window-options'

/*
 * Electron wiring only: everything that decides something lives in ./electron (tested
 * in plain Node) or in the engine. Release builds flip Electron's fuses
 * (electron-builder.config.ts); the window is served from app://, not file://.
 */

const APP_USER_MODEL_ID = 'com.licensemanager.desktop'
const QUIT_CLEANUP_LIMIT_MS = 3000

// Every renderer is sandboxed, whatever a window's options say. Both must precede 'ready'.
app.enableSandbox()
registerAppScheme(protocol)

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  run()
}

function run(): void {
  const developing = !app.isPackaged
  const location = resolveAppLocation({
    devServerUrl: process.env['ELECTRON_RENDERER_URL'],
    packaged: app.isPackaged,
    rendererDir: join(__dirname, '../renderer')
  })

  let window: BrowserWindow | null = null
  let engine: { latest(): Promise<RunningEngine> } | null = null
  // Helpdesk links (license-manager://deactivate?…) only prefill the form; the window takes them.
  const prefills = createPrefillInbox(() => {
    if (window && !window.isDestroyed()) window.webContents.send(IPC.prefillArrived)
  })
  const atStart = prefillFromArgv(process.argv)
  if (atStart) prefills.offer(atStart)
  // From source, Electron runs with the app's path as its first argument: register that too.
  if (process.defaultApp && process.argv[1]) app.setAsDefaultProtocolClient(PREFILL_SCHEME, process.execPath, [resolve(process.argv[1])])
  else app.setAsDefaultProtocolClient(PREFILL_SCHEME)
  // macOS hands a clicked link to the running (or starting) app here, not on the command line.
  app.on('open-url', (event, url) => {
    event.preventDefault()
    prefills.offer(parsePrefillLink(url))
  })
  const isAppContents = (id: number): boolean => window !== null && !window.isDestroyed() && window.webContents.id === id

  function createWindow(): BrowserWindow {
    const win = new BrowserWindow(mainWindowOptions(join(__dirname, '../preload/index.js'), nativeTheme, { devTools: developing }))
    win.once('ready-to-show', () => win.show())
    win.on('closed', () => {
      if (window === win) window = null
      // The form is gone: stop holding a connection to the License API open.
      engine
        ?.latest()
        .then((e) => e.service.ok && e.service.value.stopWarmUp())
        .catch(() => undefined)
    })
    win.loadURL(location.indexUrl).catch((error: unknown) => console.error(`[main] The window could not load its page: ${errorName(error)}`))
    return win
  }

  // Windows and Linux start a second instance with the link on its command line.
  app.on('second-instance', (_event, argv) => {
    const prefill = prefillFromArgv(argv)
    if (prefill) prefills.offer(prefill)
    if (!window) return
    if (window.isMinimized()) window.restore()
    window.show()
    window.focus()
  })

  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, location))

  app
    .whenReady()
    .then(() => {
      if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID)
      const template = menuTemplate(process.platform, developing)
      Menu.setApplicationMenu(template ? Menu.buildFromTemplate(template) : null)
      if (location.kind === 'bundled') serveAppScheme(protocol, location.rendererDir)
      installPermissionHandlers(session.defaultSession, location)
      installWindowRequestFilter(session.defaultSession, location, isAppContents)

      const appDetails = { name: app.getName(), version: app.getVersion(), os: describeOs(process.platform, release(), process.arch) }
      // A failed start (bad configuration) is tried again, re-reading the configuration, on the window's next call.
      const started = restartingOnFailure(() =>
        startEngine({
          // Installed: the config.json next to app.asar (electron-builder's extraResources); from source: the bundled one.
          loadConfig: () =>
            loadConfig({ env: process.env, packaged: app.isPackaged, ...(app.isPackaged ? { file: join(process.resourcesPath, 'config.json') } : {}) }),
          // The sandbox (License API twin, OpenID provider) is loaded only when no server is configured.
          startSandbox: async (options) => (await import('../sandbox/server')).startSandbox(options),
          createLicenseService,
          // Chromium's network stack (system proxy/PAC, OS certificate store); calls and
          // warm connections on one session of their own.
          ...licenseApiNetwork(session),
          // Looked up on each call, so an e2e harness can stub shell.openExternal; startEngine vets every URL.
          openExternal: (url) => shell.openExternal(url),
          // After a failed connection: does this PC have a network at all? (false is a strong sign it has none)
          isOnline: () => net.isOnline(),
          app: appDetails
        })
      )
      engine = started
      registerIpcHandlers({
        ipcMain,
        service: async () => (await started.current()).service,
        isTrustedSender: createSenderCheck(location, isAppContents),
        saveFile: {
          // Modal to the window that asked; looked up on each call, so an e2e harness can stub the dialog.
          showSaveDialog: (contents, options) => {
            const owner = BrowserWindow.getAllWindows().find((w) => !w.isDestroyed() && w.webContents.id === contents.id)
            return owner ? dialog.showSaveDialog(owner, options) : dialog.showSaveDialog(options)
          }
        },
        prefills,
        sandboxReset: async () => (await started.current()).resetSandbox,
        startupFacts: () => readStartupFacts(appDetails),
        onUnexpectedError: (channel, error) => console.error(`[ipc] ${channel} failed unexpectedly: ${errorName(error)}`)
      })

      window = createWindow()
      app.on('activate', () => {
        if (BrowserWindow.getAllWindows().length === 0) window = createWindow()
      })
    })
    .catch((error: unknown) => {
      console.error(`[main] Start-up failed: ${errorName(error)}`)
      app.exit(1)
    })

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })

  // Stops the in-process sandbox before exiting, within a bounded time.
  let cleanup: 'pending' | 'running' | 'done' = 'pending'
  app.on('will-quit', (event) => {
    if (cleanup === 'done' || engine === null) return
    event.preventDefault()
    if (cleanup === 'running') return
    cleanup = 'running'
    const limit = new Promise<void>((resolve) => setTimeout(resolve, QUIT_CLEANUP_LIMIT_MS).unref())
    Promise.race([engine.latest().then((e) => e.close()), limit])
      .catch((error: unknown) => console.error(`[main] The sandbox did not close cleanly: ${errorName(error)}`))
      .finally(() => {
        cleanup = 'done'
        app.quit()
      })
  })
}

/** Logs name the kind of failure only: engine messages may quote a server's answer. */
function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error
}
