import { describe, expect, it } from 'vitest'
import { resolveAppLocation } from '../../../src/main/electron/app-location'
import { installWindowRequestFilter } from '../../../src/main/electron/request-filter'
import { fakeSession } from './fakes'

const app = resolveAppLocation({ devServerUrl: undefined, packaged: true, rendererDir: '/app/out/renderer' })
const WINDOW_ID = 7

function installed() {
  const fake = fakeSession()
  installWindowRequestFilter(fake.session, app, (id) => id === WINDOW_ID)
  return fake
}

describe('installWindowRequestFilter', () => {
  it('cancels the window’s requests to the network', async () => {
    const fake = installed()
    expect(await fake.beforeRequest('https://cdn.evil.test/track.js', WINDOW_ID)).toEqual({ cancel: true })
    expect(await fake.beforeRequest('http://127.0.0.1:4010/api/v4/deactivate_bundle', WINDOW_ID)).toEqual({ cancel: true })
    expect(await fake.beforeRequest('file:///etc/passwd', WINDOW_ID)).toEqual({ cancel: true })
  })

  it('lets the window load its own files over app://, and no file:// URL', async () => {
    const fake = installed()
    expect(await fake.beforeRequest('app://license-manager/assets/index.js', WINDOW_ID)).toEqual({ cancel: false })
    expect(await fake.beforeRequest('file:///app/out/renderer/assets/index.js', WINDOW_ID)).toEqual({ cancel: true })
  })

  it('leaves the main process’s own requests (net.fetch: no WebContents) alone', async () => {
    const fake = installed()
    expect(await fake.beforeRequest('https://api.licensespring.com/api/v4/deactivate_bundle', undefined)).toEqual({ cancel: false })
  })
})
