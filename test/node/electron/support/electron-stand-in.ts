import { EventEmitter } from 'node:events'
import { mkdtempSync } from 'node:fs'
import Module from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

/**
 * A stand-in for the `electron` module, enough for the built main bundle
 * (out/main/index.js) to start in plain Node: `app` (ready at once), `BrowserWindow`,
 * `ipcMain` (records handlers so a test can call them as the window would),
 * `net.fetch` (given by the caller: Electron-like, see electron-net-fetch.ts),
 * `shell`, `session`, `protocol`, `dialog`, `Menu`, `nativeTheme`. A member the
 * bundle reaches for that is not modelled here is a no-op, so the wiring may grow
 * (custom schemes, preconnect…) without breaking the load.
 */
export interface ElectronStandIn {
  /** The module object `require('electron')` returns. */
  module: Record<string, unknown>
  /** Handlers registered with `ipcMain.handle`, by channel. */
  ipcHandlers: Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>
  /** Every URL a window was told to load (loadFile as a file: URL). */
  loadedUrls: string[]
  /** Resolves once the app's `whenReady` callbacks ran and a window exists. */
  started: Promise<void>
  /** An IPC event from the main frame of the app's window showing its page. */
  windowEvent(): { sender: unknown; senderFrame: { url: string; parent: null } }
  /** URLs the app asked the OS to open. */
  openedExternally: string[]
  /** Sessions the app asked `session.fromPartition` for, with their options. */
  partitions: Array<{ partition: string; options: unknown }>
  /** Every `preconnect` call, with the partition of its session ('' for the default session). */
  preconnects: Array<{ partition: string; url: string; numSockets?: number }>
  /** What `app.getPath('logs')` answers: a fresh temporary folder unless given. */
  logsFolder: string
  /** Every window the app opened, oldest first, with what was done to it. */
  windows: StandInWindow[]
  /** Emits one of `app`'s events, as Electron would (open-url, second-instance, activate…). */
  emitApp(event: string, ...args: unknown[]): void
  /** Folders the app asked the system to open (`shell.openPath`). */
  openedPaths: string[]
  /** The options of every `dialog.showMessageBox` (answered with its first button). */
  messageBoxes: Array<{ title?: string; detail?: string; buttons?: string[] }>
  /** Options given to `app.setAboutPanelOptions`, in order. */
  aboutPanels: unknown[]
}

/** A window as the stand-in records it. */
export interface StandInWindow {
  webContents: { id: number }
  /** show / focus / restore, and reload of its page, in order. */
  calls: string[]
  /** Closes it as a person would: destroyed, then 'closed'. */
  close(): void
  isDestroyed(): boolean
  /** Its title: the one it was created with, then each `setTitle`. */
  titles: string[]
  /** Its page set its <title>: whether a listener kept the window's own (called preventDefault). */
  pageTitleUpdated(title: string): boolean
}

type AnyFunction = (...args: unknown[]) => unknown

/** An object whose unknown members are no-op functions. */
function tolerant<T extends object>(known: T): T {
  return new Proxy(known, {
    get(target, key, receiver) {
      if (key in target || typeof key === 'symbol' || key === 'then') return Reflect.get(target, key, receiver)
      return () => undefined
    }
  })
}

export function createElectronStandIn(options: {
  netFetch: (input: string | Request, init?: RequestInit) => Promise<Response>
  /** `fetch` of sessions from `session.fromPartition` (fresh in-memory ones: no cookies); default netFetch. */
  partitionFetch?: (input: string | Request, init?: RequestInit) => Promise<Response>
  appName?: string
  appVersion?: string
  /** `net.isOnline()`, as Electron documents it: false is a strong sign of no network, true is inconclusive; default true. */
  isOnline?: () => boolean
  /** `app.getPath('logs')`; default a fresh temporary folder (never the working directory). */
  logsFolder?: string
  /** What `app.getPreferredSystemLanguages()` answers (default `['en-US']`). */
  preferredLanguages?: readonly string[]
}): ElectronStandIn {
  const ipcHandlers: ElectronStandIn['ipcHandlers'] = new Map()
  const loadedUrls: string[] = []
  const openedExternally: string[] = []
  const openedPaths: string[] = []
  const messageBoxes: ElectronStandIn['messageBoxes'] = []
  const windows: StandInWindow[] = []
  const logsFolder = options.logsFolder ?? mkdtempSync(join(tmpdir(), 'lm-stand-in-logs-'))
  const aboutPanels: unknown[] = []
  let nextId = 1
  let markStarted: () => void = () => undefined
  const started = new Promise<void>((resolve) => (markStarted = resolve))

  const appEvents = new EventEmitter()
  const app = tolerant({
    isPackaged: false,
    enableSandbox: () => undefined,
    requestSingleInstanceLock: () => true,
    getName: () => options.appName ?? 'License Manager',
    getVersion: () => options.appVersion ?? '0.0.0-test',
    // Electron documents BCP 47 tags with a region where the OS has one, most preferred first.
    getPreferredSystemLanguages: () => [...(options.preferredLanguages ?? ['en-US'])],
    getPath: (name: string) => (name === 'logs' ? logsFolder : process.cwd()),
    setAppLogsPath: () => undefined,
    commandLine: tolerant({ hasSwitch: (name: string) => process.argv.includes(`--${name}`), appendSwitch: () => undefined }),
    getAppPath: () => process.cwd(),
    setAppUserModelId: () => undefined,
    setAboutPanelOptions: (options: unknown) => void aboutPanels.push(options),
    whenReady: () => Promise.resolve(),
    isReady: () => true,
    on: (event: string, listener: AnyFunction) => (appEvents.on(event, listener), app),
    once: (event: string, listener: AnyFunction) => (appEvents.once(event, listener), app),
    quit: () => undefined,
    exit: (code?: number) => {
      throw new Error(`The app exited with code ${code ?? 0}`)
    }
  })

  const partitions: ElectronStandIn['partitions'] = []
  const preconnects: ElectronStandIn['preconnects'] = []
  const sessionOf = (partition: string, fetch: (input: string | Request, init?: RequestInit) => Promise<Response>) =>
    tolerant({
      webRequest: tolerant({ onBeforeRequest: () => undefined, onHeadersReceived: () => undefined }),
      setPermissionRequestHandler: () => undefined,
      setPermissionCheckHandler: () => undefined,
      setDevicePermissionHandler: () => undefined,
      fetch,
      preconnect: (request: { url: string; numSockets?: number }) => void preconnects.push({ partition, ...request }),
      protocol: tolerant({})
    })
  const defaultSession = sessionOf('', options.netFetch)
  const sessions = new Map<string, ReturnType<typeof sessionOf>>()
  const fromPartition = (partition: string, sessionOptions?: unknown) => {
    partitions.push({ partition, options: sessionOptions })
    if (partition === '') return defaultSession
    let session = sessions.get(partition)
    if (!session) sessions.set(partition, (session = sessionOf(partition, options.partitionFetch ?? options.netFetch)))
    return session
  }

  class BrowserWindow extends EventEmitter implements StandInWindow {
    static getAllWindows = () => windows.filter((w) => !w.isDestroyed())
    readonly webContents: EventEmitter & { id: number }
    readonly calls: string[] = []
    private destroyed = false
    readonly titles: string[] = []
    constructor(options?: { title?: string }) {
      super()
      if (options?.title !== undefined) this.titles.push(options.title)
      const contents = new EventEmitter()
      this.webContents = Object.assign(contents, {
        id: nextId++,
        session: defaultSession,
        isDestroyed: () => this.destroyed,
        send: () => undefined,
        setWindowOpenHandler: () => undefined,
        reload: () => void this.calls.push('reload'),
        getURL: () => loadedUrls.at(-1) ?? ''
      })
      windows.push(this)
      appEvents.emit('web-contents-created', {}, contents)
      queueMicrotask(markStarted)
    }
    loadURL(url: string) {
      loadedUrls.push(url)
      return Promise.resolve()
    }
    loadFile(file: string) {
      loadedUrls.push(pathToFileURL(file).href)
      return Promise.resolve()
    }
    isDestroyed = () => this.destroyed
    isMinimized = () => false
    show = () => void this.calls.push('show')
    focus = () => void this.calls.push('focus')
    restore = () => void this.calls.push('restore')
    setTitle = (title: string) => void this.titles.push(title)
    pageTitleUpdated = (title: string): boolean => {
      let prevented = false
      this.emit('page-title-updated', { preventDefault: () => (prevented = true) }, title, true)
      return prevented
    }
    close = () => {
      this.destroyed = true
      this.emit('closed')
    }
    setMenu = () => undefined
    removeMenu = () => undefined
  }

  const module = {
    app,
    BrowserWindow: tolerantClass(BrowserWindow),
    ipcMain: tolerant({
      handle: (channel: string, handler: (event: unknown, ...args: unknown[]) => Promise<unknown>) => void ipcHandlers.set(channel, handler),
      removeHandler: (channel: string) => void ipcHandlers.delete(channel),
      on: () => undefined
    }),
    net: tolerant({ fetch: options.netFetch, isOnline: () => options.isOnline?.() ?? true, online: true }),
    session: tolerant({ defaultSession, fromPartition }),
    shell: tolerant({
      openExternal: (url: string) => {
        openedExternally.push(url)
        return Promise.resolve()
      },
      openPath: (path: string) => {
        openedPaths.push(path)
        return Promise.resolve('')
      }
    }),
    protocol: tolerant({ registerSchemesAsPrivileged: () => undefined, handle: () => undefined, isProtocolHandled: () => false }),
    dialog: tolerant({
      showErrorBox: () => undefined,
      // (options) or (window, options), as Electron takes them.
      showMessageBox: (...args: unknown[]) => {
        messageBoxes.push(args.at(-1) as ElectronStandIn['messageBoxes'][number])
        return Promise.resolve({ response: 0 })
      }
    }),
    Menu: tolerant({ buildFromTemplate: (template: unknown) => template, setApplicationMenu: () => undefined }),
    nativeTheme: tolerant({ shouldUseDarkColors: false, themeSource: 'system' })
  }

  return {
    module: tolerant(module),
    ipcHandlers,
    loadedUrls,
    started,
    openedExternally,
    partitions,
    preconnects,
    logsFolder,
    windows,
    openedPaths,
    messageBoxes,
    emitApp: (event, ...args) => void appEvents.emit(event, ...args),
    aboutPanels,
    windowEvent() {
      const window = windows.filter((w) => !w.isDestroyed()).at(-1)
      const url = loadedUrls[0]
      if (!window || url === undefined) throw new Error('The app created no window, or loaded no page in it')
      return { sender: window.webContents, senderFrame: { url, parent: null } }
    }
  }
}

/** Static members of BrowserWindow the bundle does not use are no-ops too. */
function tolerantClass<C extends object>(cls: C): C {
  return new Proxy(cls, {
    get(target, key, receiver) {
      if (key in target || typeof key === 'symbol') return Reflect.get(target, key, receiver)
      return () => undefined
    }
  })
}

/**
 * Loads a built CommonJS main bundle with `require('electron')` answered by the
 * stand-in (only while it loads; the bundle keeps its reference).
 */
export function loadWithElectronStandIn(bundlePath: string, electron: ElectronStandIn): void {
  const loader = Module as unknown as { _load: (request: string, parent: unknown, isMain: boolean) => unknown }
  const original = loader._load
  loader._load = function (request, parent, isMain) {
    if (request === 'electron') return electron.module
    return original.call(this, request, parent, isMain)
  }
  try {
    const require = Module.createRequire(bundlePath)
    require(bundlePath)
  } finally {
    loader._load = original
  }
}
