import { isAppUrl, type AppLocation } from './app-location'

/** The parts of Electron's `IpcMainInvokeEvent` the shell reads; the real event satisfies it. */
export interface InvokeEventLike {
  sender: SenderContents
  /** Null once the frame navigated away or was destroyed. */
  senderFrame: SenderFrame | null
}

export interface SenderFrame {
  url: string
  /** Null for a main frame. */
  parent: unknown
}

export interface SenderContents {
  id: number
  isDestroyed(): boolean
  send(channel: string, ...args: unknown[]): void
}

export type SenderCheck = (event: InvokeEventLike) => boolean

/**
 * Trusts a call only from the main frame of the app's own window while it shows
 * the app's page: not from an iframe, not after a navigation, not from any other
 * WebContents the process might host.
 */
export function createSenderCheck(app: AppLocation, isAppContents: (webContentsId: number) => boolean): SenderCheck {
  return (event) => {
    // Electron documents senderFrame as null once the frame navigated or was destroyed; older releases left it undefined.
    const frame = event.senderFrame as typeof event.senderFrame | undefined
    if (frame === null || frame === undefined) return false
    if (frame.parent !== null) return false
    if (!isAppContents(event.sender.id)) return false
    return isAppUrl(frame.url, app)
  }
}
