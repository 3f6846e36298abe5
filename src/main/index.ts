import { mkdirSync } from 'node:fs'
import { release } from 'node:os'
import { join, resolve } from 'node:path'
import { app, BrowserWindow, dialog, ipcMain, Menu, nativeTheme, net, protocol, session, shell } from 'electron'
import { loadConfig } from './engine/config'
import { loadInstalledConfig, machineConfigFile, type ChosenConfigFile } from './engine/config-location'
import { createLicenseService } from './engine/service'
import { licenseApiNetwork } from './electron/api-session'
import { resolveAppLocation } from './electron/app-location'
import { registerAppScheme, serveAppScheme } from './electron/app-protocol'
import { createBranding, keepWindowTitle } from './electron/branding'
import { describeOs, readStartupFacts, restartingOnFailure, startEngine, withStartLogged, type RunningEngine } from './electron/engine-startup'
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
import { createWindowKeeper } from './electron/window-keeper'
import { createCrashHandling } from './electron/crash-handling'
import { ipcOutcomeLog } from './electron/ipc-log'
import { createLogFile } from './logging/log-file'
import { createLogger, errorFields } from './logging/logger'
import { authSecrets } from './logging/known-secrets'
import { setTranslator } from '../shared/i18n/current'
import { loadTranslator } from '../shared/i18n/load-translator'
import type { Language } from '../shared/i18n/languages'
import { createLanguageControl } from './electron/language-choice'

/** The message files the main process words things with. */
const MAIN_DOMAINS = ['common', 'errors', 'pages', 'shell'] as const

/*
 * Electron wiring only: everything that decides something lives in ./electron (tested
 * in plain Node) or in the engine. Release builds flip Electron's fuses
 * (electron-builder.config.ts); the window is served from app://, not file://.
 */

const APP_USER_MODEL_ID = 'com.licensemanager.desktop'
const QUIT_CLEANUP_LIMIT_MS = 3000
/** How many of the log's last lines the window shows and copies into its diagnostics. */
const LOG_TAIL_LINES = 40

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
  // The log, in the system's logs folder (~/Library/Logs/License Manager on macOS, …/License Manager/logs elsewhere).
  app.setAppLogsPath()
  const knownSecrets = new Set<string>()
  const logger = createLogger({
    file: createLogFile({ path: join(app.getPath('logs'), 'main.log') }),
    secrets: () => [...knownSecrets]
  })
  const appDetails = { name: app.getName(), version: app.getVersion(), os: describeOs(process.platform, release(), process.arch) }
  logger.write('info', 'app.start', { version: appDetails.version, os: appDetails.os, electron: process.versions.electron, packaged: app.isPackaged })
  // An AppImage's launcher adds --no-sandbox where the system refuses Chromium's sandbox (docs/packaging.md).
  if (app.commandLine.hasSwitch('no-sandbox')) logger.write('warn', 'app.sandbox-off', { reason: 'started with --no-sandbox' })

  const location = resolveAppLocation({
    devServerUrl: process.env['ELECTRON_RENDERER_URL'],
    packaged: app.isPackaged,
    rendererDir: join(__dirname, '../renderer')
  })

  let engine: { latest(): Promise<RunningEngine> } | null = null
  const windows = createWindowKeeper(createWindow)
  /** A `license-manager://` link, a second start or the dock icon: the window comes to the front, or a new one opens. */
  const restoreOrCreateWindow = (): void => {
    if (app.isReady()) windows.restoreOrCreate()
  }

  const crashes = createCrashHandling({
    logger,
    showDialog: (options) => {
      const owner = windows.current()
      return owner ? dialog.showMessageBox(owner, options) : dialog.showMessageBox(options)
    },
    showErrorBox: (title, text) => dialog.showErrorBox(title, text),
    isReady: () => app.isReady(),
    reloadWindow: () => {
      const open = windows.current()
      if (open) open.webContents.reload()
      else restoreOrCreateWindow()
    },
    quit: () => app.quit()
  })
  process.on('uncaughtException', (error) => void crashes({ kind: 'main-error', source: 'uncaughtException', error }))
  process.on('unhandledRejection', (error) => void crashes({ kind: 'main-error', source: 'unhandledRejection', error }))
  app.on('render-process-gone', (_event, contents, details) => {
    if (contents === windows.current()?.webContents) void crashes({ kind: 'window-gone', reason: details.reason, exitCode: details.exitCode })
  })
  app.on(
    'child-process-gone',
    (_event, details) => void crashes({ kind: 'helper-gone', type: details.type, name: details.name, reason: details.reason, exitCode: details.exitCode })
  )

  // Helpdesk links (license-manager://deactivate?…) only prefill the form; the window takes them.
  const prefills = createPrefillInbox(() => windows.current()?.webContents.send(IPC.prefillArrived))
  // From source, Electron runs with the app's path as its first argument: register that too.
  if (process.defaultApp && process.argv[1]) app.setAsDefaultProtocolClient(PREFILL_SCHEME, process.execPath, [resolve(process.argv[1])])
  else app.setAsDefaultProtocolClient(PREFILL_SCHEME)
  // macOS hands a clicked link to the running (or starting) app here, not on the command line;
  // with no window open (the app stays running on macOS), one opens for it.
  app.on('open-url', (event, url) => {
    event.preventDefault()
    prefills.offer(parsePrefillLink(url))
    restoreOrCreateWindow()
  })
  const isAppContents = (id: number): boolean => windows.current()?.webContents.id === id
  // The vendor's product name in the title, the About panel and the macOS menu, from the configuration.
  const branding = createBranding(
    {
      setAboutPanelOptions: (options) => app.setAboutPanelOptions(options),
      setApplicationMenu: (template) => Menu.setApplicationMenu(template ? Menu.buildFromTemplate(template) : null),
      window: () => windows.current()
    },
    { name: app.getName(), version: app.getVersion() },
    (productName) => menuTemplate(process.platform, developing, productName)
  )

  function createWindow(): BrowserWindow {
    const win = new BrowserWindow(
      mainWindowOptions(join(__dirname, '../preload/index.js'), nativeTheme, { devTools: developing, title: branding.current().productName })
    )
    keepWindowTitle(win)
    win.once('ready-to-show', () => win.show())
    win.on('closed', () => {
      windows.forget(win)
      // The form is gone: stop holding a connection to the License API open.
      engine
        ?.latest()
        .then((e) => e.service.ok && e.service.value.stopWarmUp())
        .catch(() => undefined)
    })
    win.loadURL(location.indexUrl).catch((error: unknown) => logger.write('error', 'window.load-failed', errorFields(error)))
    return win
  }

  // Windows and Linux start a second instance with the link on its command line.
  app.on('second-instance', (_event, argv) => {
    const prefill = prefillFromArgv(argv)
    if (prefill) prefills.offer(prefill)
    restoreOrCreateWindow()
  })

  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, location))

  app
    .whenReady()
    .then(async () => {
      // The OS's preferred languages, most wanted first, within what the vendor's configuration allows, or the
      // person's choice in the window: the words the main process shows (errors, dialogs, menu, sign-in pages) follow it.
      let speaking: Promise<void> = Promise.resolve()
      const speak = (language: Language): void => {
        speaking = speaking
          .then(async () => setTranslator(await loadTranslator(language, MAIN_DOMAINS)))
          .then(() => branding.reword())
          .catch((error: unknown) => logger.write('error', 'language.load-failed', { language, ...errorFields(error) }))
      }
      const languages = createLanguageControl(() => app.getPreferredSystemLanguages(), speak)
      setTranslator(await loadTranslator(languages.current().language, MAIN_DOMAINS))
      // A link on the command line at start: checked once the language is known (a refusal is worded in it).
      const atStart = prefillFromArgv(process.argv)
      if (atStart) prefills.offer(atStart)
      if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID)
      branding.show(undefined)
      if (location.kind === 'bundled') serveAppScheme(protocol, location.rendererDir)
      installPermissionHandlers(session.defaultSession, location)
      installWindowRequestFilter(session.defaultSession, location, isAppContents)

      /** The configuration file read last, for the log line of the start. */
      let configSource: ChosenConfigFile | null = null
      const configFields = () => (configSource === null ? {} : { configFile: configSource.file, configScope: configSource.scope })
      // A failed start (bad configuration) is tried again, re-reading the configuration, on the window's next call.
      const started = restartingOnFailure(() =>
        withStartLogged(logger, configFields, () =>
          startEngine({
            // Installed: the machine-wide file when there is one, else the config.json next to app.asar
            // (electron-builder's extraResources), see config-location.ts; from source: the bundled one.
            loadConfig: () => {
              const read = app.isPackaged
                ? loadInstalledConfig({
                    env: process.env,
                    platform: process.platform,
                    machineFile: machineConfigFile(process.platform, process.env),
                    installFile: join(process.resourcesPath, 'config.json')
                  })
                : { config: loadConfig({ env: process.env, packaged: false }), source: null }
              configSource = read.source
              if (read.config.ok) for (const secret of authSecrets(read.config.value.auth)) knownSecrets.add(secret)
              return read.config
            },
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
            app: appDetails,
            // Read with the configuration, before the window opens: it opens with the vendor's name.
            onBrand: (brand) => branding.show(brand),
            onLanguages: (settings) => languages.configure(settings)
          })
        )
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
        onUnexpectedError: (channel, error) => logger.write('error', 'ipc.unexpected', { channel, ...errorFields(error) }),
        logOutcome: ipcOutcomeLog(logger),
        languages,
        logs: {
          tail: () => ({ folder: logger.file.folder, file: logger.file.path, lines: logger.tail(LOG_TAIL_LINES) }),
          openFolder: async () => {
            try {
              mkdirSync(logger.file.folder, { recursive: true })
              return (await shell.openPath(logger.file.folder)) === ''
            } catch {
              return false
            }
          }
        }
      })

      windows.restoreOrCreate()
      // macOS: a click on the dock icon while no window is open.
      app.on('activate', restoreOrCreateWindow)
    })
    .catch((error: unknown) => {
      logger.write('error', 'app.start-failed', errorFields(error))
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
      .catch((error: unknown) => logger.write('warn', 'sandbox.close-failed', errorFields(error)))
      .finally(() => {
        cleanup = 'done'
        logger.write('info', 'app.quit')
        app.quit()
      })
  })
}
