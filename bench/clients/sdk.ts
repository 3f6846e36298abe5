/**
 * @licensespring/node-sdk driving the same deactivate_bundle call. Its LicenseAPI
 * takes api url, keys and hardware id explicitly. Note: importing the SDK runs
 * dist/hwid/index.js, which loads the native hardware-id library through koffi
 * at module load; passing `hardware_id` in every payload keeps the bench off the
 * native call itself (getHardwareID is never invoked).
 */
import { LicenseAPI } from '@licensespring/node-sdk'
import type { HmacKeys } from './wire'

export interface SdkDeactivator {
  deactivate(): Promise<void>
}

export interface SdkTarget {
  apiUrl: string
  publicKey: string
  keys: HmacKeys
  product: string
  licenseKey: string
  hardwareId: string
}

export function createSdkDeactivator(target: SdkTarget): SdkDeactivator {
  const api = new LicenseAPI({
    apiKey: target.keys.apiKey,
    sharedKey: target.keys.sharedKey,
    apiPath: target.apiUrl,
    publicKey: target.publicKey,
    hardwareID: target.hardwareId,
    appName: 'license-manager-bench',
    appVersion: '0.0.0',
    logLevel: 'off'
  })
  const payload = { license_key: target.licenseKey, hardware_id: target.hardwareId, product: target.product }
  return {
    async deactivate() {
      const ok = await api.deactivateBundle(payload)
      if (!ok) throw new Error('SDK deactivateBundle did not confirm')
    }
  }
}
