import type { Session, WebContents } from 'electron'

type Listener = (...args: unknown[]) => unknown

/** A stand-in for a WebContents: records listeners and lets the test fire them. */
export function fakeContents() {
  const listeners = new Map<string, Listener[]>()
  let windowOpenHandler: ((details: unknown) => unknown) | undefined
  const contents = {
    on(event: string, listener: Listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener])
      return contents
    },
    setWindowOpenHandler(handler: (details: unknown) => unknown) {
      windowOpenHandler = handler
    }
  }
  return {
    contents: contents as unknown as WebContents,
    events: () => [...listeners.keys()].sort(),
    /** Fires a navigation-style event; returns whether any listener called preventDefault. */
    navigate(event: string, url: string): boolean {
      let prevented = false
      const details = { url, preventDefault: () => (prevented = true) }
      for (const l of listeners.get(event) ?? []) l(details, url, false, true)
      return prevented
    },
    attachWebview(): boolean {
      let prevented = false
      for (const l of listeners.get('will-attach-webview') ?? []) l({ preventDefault: () => (prevented = true) }, {}, { src: 'https://evil.test/' })
      return prevented
    },
    openWindow(url: string): unknown {
      if (!windowOpenHandler) throw new Error('no window open handler installed')
      return windowOpenHandler({ url, frameName: '', features: '', disposition: 'foreground-tab' })
    }
  }
}

/** The Session hooks the fake records, called the way Electron calls them. */
interface SessionHandlers {
  request: (wc: unknown, p: string, cb: (granted: boolean) => void, d: unknown) => void
  check: (wc: unknown, p: string, origin: string, d: unknown) => boolean
  device: (d: unknown) => unknown
  beforeRequest: (d: unknown, cb: (r: { cancel?: boolean }) => void) => void
}

/** A stand-in for a Session's permission and webRequest hooks. */
export function fakeSession() {
  const handlers: Partial<SessionHandlers> = {}
  const record =
    <K extends keyof SessionHandlers>(name: K) =>
    (handler: SessionHandlers[K]) => {
      handlers[name] = handler
    }
  const session = {
    setPermissionRequestHandler: record('request'),
    setPermissionCheckHandler: record('check'),
    setDevicePermissionHandler: record('device'),
    webRequest: { onBeforeRequest: record('beforeRequest') }
  }
  const installed = <K extends keyof SessionHandlers>(name: K): SessionHandlers[K] => {
    const h = handlers[name]
    if (!h) throw new Error(`${name} handler not installed`)
    return h
  }
  return {
    session: session as unknown as Session,
    request(permission: string, requestingUrl: string, isMainFrame = true): Promise<boolean> {
      return new Promise((resolve) => installed('request')({}, permission, resolve, { requestingUrl, isMainFrame }))
    },
    check(permission: string, requestingUrl: string | undefined, isMainFrame = true): boolean {
      return installed('check')(null, permission, '', { requestingUrl, isMainFrame })
    },
    device(): unknown {
      return installed('device')({ deviceType: 'usb', origin: 'file://' })
    },
    beforeRequest(url: string, webContentsId: number | undefined): Promise<{ cancel?: boolean }> {
      return new Promise((resolve) => installed('beforeRequest')({ url, webContentsId, resourceType: 'script' }, resolve))
    }
  }
}
