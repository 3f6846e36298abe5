import type { Session } from 'electron'
import { describe, expect, it } from 'vitest'
import { sessionWarmer } from '../../../src/main/electron/preconnect'

/**
 * A stand-in for `Session.preconnect` as Electron implements it (shell/browser/api/
 * electron_api_session.cc): a TypeError for an invalid URL or a socket count outside
 * 1–6, otherwise the request is queued for Chromium's pool and nothing is returned.
 */
function fakePreconnectSession() {
  const calls: Array<{ url: string; numSockets: number }> = []
  const session = {
    preconnect(options: { url: string; numSockets?: number }) {
      if (typeof options.url !== 'string' || !URL.canParse(options.url)) throw new TypeError('Must pass non-empty valid url to session.preconnect.')
      const numSockets = options.numSockets ?? 1
      if (numSockets < 1 || numSockets > 6) throw new TypeError('numSocketsToPreconnect is outside range [1,6]')
      calls.push({ url: options.url, numSockets })
    }
  }
  return { session: session as unknown as Pick<Session, 'preconnect'>, calls }
}

describe('sessionWarmer', () => {
  it('preconnects one socket to the License API origin, never a path or query', async () => {
    const { session, calls } = fakePreconnectSession()
    const warmer = sessionWarmer(session)
    await warmer.warm('https://api.licensespring.com')
    await warmer.warm('https://api.licensespring.com:8443/api/v4/deactivate_bundle?x=1')
    expect(calls).toEqual([
      { url: 'https://api.licensespring.com', numSockets: 1 },
      { url: 'https://api.licensespring.com:8443', numSockets: 1 }
    ])
  })

  it('ignores an origin that is not http(s)', async () => {
    const { session, calls } = fakePreconnectSession()
    await sessionWarmer(session).warm('file:///etc/passwd')
    expect(calls).toEqual([])
  })
})
