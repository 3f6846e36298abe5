import { networkInterfaces } from 'node:os'

/**
 * Whether this PC has a network connection, asked after a connection failed, as Electron's
 * `net.isOnline()` answers it: false is a strong sign that it has none; true is inconclusive
 * (a network may be up without reaching the internet). Nothing is sent anywhere to find out.
 */
export type NetworkCheck = () => boolean

type Interfaces = ReturnType<typeof networkInterfaces>

const isLinkLocal = (address: string) => address.startsWith('169.254.') || /^fe[89ab]/i.test(address)

/**
 * Node's stand-in for `net.isOnline()` (the CLI): false when no network interface other than
 * loopback has an address beyond link-local, the way an unplugged or disconnected PC looks.
 */
export function hasNetworkAddress(read: () => Interfaces = networkInterfaces): NetworkCheck {
  return () => {
    try {
      return Object.values(read()).some((addresses) => addresses?.some((a) => !a.internal && !isLinkLocal(a.address)) === true)
    } catch {
      return true // unknown: say nothing about this PC's network
    }
  }
}
