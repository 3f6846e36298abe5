import type { Session } from 'electron'
import { isAppUrl, type AppLocation } from './app-location'

/**
 * The only web permission the window gets: `clipboard-sanitized-write`, which
 * `navigator.clipboard.writeText` needs for the "Copy hardware id", "Copy link" and
 * "Copy diagnostics" buttons. It writes sanitized data only and cannot read the
 * clipboard; Chromium still requires a user gesture. Granted to the app's own main
 * frame only. Everything else (camera, notifications, clipboard-read, HID, …) is denied.
 */
export const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write'])

export interface PermissionQuery {
  permission: string
  /** The URL of the frame asking; undefined when the check is not made for a document. */
  requestingUrl: string | undefined
  isMainFrame: boolean
}

export function isPermissionGranted(query: PermissionQuery, app: AppLocation): boolean {
  return GRANTED_PERMISSIONS.has(query.permission) && query.isMainFrame && query.requestingUrl !== undefined && isAppUrl(query.requestingUrl, app)
}

type PermissionSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>

/** Chromium asks both handlers (a check, then a request when the check fails): both must agree. */
export function installPermissionHandlers(session: PermissionSession, app: AppLocation): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionGranted({ permission, requestingUrl: details.requestingUrl, isMainFrame: details.isMainFrame }, app))
  })
  session.setPermissionCheckHandler((_contents, permission, _origin, details) =>
    isPermissionGranted({ permission, requestingUrl: details.requestingUrl, isMainFrame: details.isMainFrame }, app)
  )
  session.setDevicePermissionHandler(() => false)
}
