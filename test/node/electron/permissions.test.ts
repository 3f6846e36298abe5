import { describe, expect, it } from 'vitest'
import { resolveAppLocation } from '../../../src/main/electron/app-location'
import { GRANTED_PERMISSIONS, installPermissionHandlers, isPermissionGranted } from '../../../src/main/electron/permissions'
import { fakeSession } from './fakes'

const app = resolveAppLocation({ devServerUrl: undefined, packaged: true, rendererDir: '/app/out/renderer' })
const appUrl = 'app://license-manager/index.html'

const denied = [
  'clipboard-read',
  'media',
  'geolocation',
  'notifications',
  'openExternal',
  'fullscreen',
  'hid',
  'usb',
  'serial',
  'display-capture',
  'pointerLock',
  'unknown'
]

describe('permission handlers', () => {
  it('grant nothing but the sanitized clipboard write (Copy buttons)', () => {
    expect([...GRANTED_PERMISSIONS]).toEqual(['clipboard-sanitized-write'])
  })

  it.each(denied)('deny %s to the app itself', async (permission) => {
    const fake = fakeSession()
    installPermissionHandlers(fake.session, app)
    expect(await fake.request(permission, appUrl)).toBe(false)
    expect(fake.check(permission, appUrl)).toBe(false)
  })

  it('let the app’s main frame write the clipboard, through both the check and the request', async () => {
    const fake = fakeSession()
    installPermissionHandlers(fake.session, app)
    expect(await fake.request('clipboard-sanitized-write', appUrl)).toBe(true)
    expect(fake.check('clipboard-sanitized-write', appUrl)).toBe(true)
  })

  it('refuse the clipboard to sub-frames, other pages and unknown requesters', async () => {
    const fake = fakeSession()
    installPermissionHandlers(fake.session, app)
    expect(await fake.request('clipboard-sanitized-write', appUrl, false)).toBe(false)
    expect(await fake.request('clipboard-sanitized-write', 'https://evil.test/')).toBe(false)
    expect(fake.check('clipboard-sanitized-write', 'file:///etc/passwd')).toBe(false)
    expect(fake.check('clipboard-sanitized-write', undefined)).toBe(false)
  })

  it('refuse every device (USB, HID, serial)', () => {
    const fake = fakeSession()
    installPermissionHandlers(fake.session, app)
    expect(fake.device()).toBe(false)
  })

  it('isPermissionGranted needs all three: the permission, the main frame, the app’s URL', () => {
    const ok = { permission: 'clipboard-sanitized-write', requestingUrl: appUrl, isMainFrame: true }
    expect(isPermissionGranted(ok, app)).toBe(true)
    expect(isPermissionGranted({ ...ok, permission: 'clipboard-read' }, app)).toBe(false)
    expect(isPermissionGranted({ ...ok, isMainFrame: false }, app)).toBe(false)
    expect(isPermissionGranted({ ...ok, requestingUrl: 'http://localhost:5173/' }, app)).toBe(false)
  })
})
