/**
 * Where this PC's hardware id comes from: node-machine-id's value (what LicenseSpring's
 * older SDKs send), or LicenseSpring's hardware-id module with one of its algorithms
 * (what its current SDKs send). A vendor picks the one its licensed product uses.
 */
export type HardwareIdSourceConfig = { kind: 'node-machine-id' } | { kind: 'licensespring'; algorithm: number }

/** LicenseSpring's algorithms, by number (license-api.md §8). */
export const LICENSESPRING_ALGORITHMS = [
  'Default',
  'WindowsHardwareFingerprintId',
  'WindowsComputerSystemProductId',
  'WindowsCryptographyId',
  'LinuxMachineId',
  'CloudPlatformsId'
] as const

export const DEFAULT_HARDWARE_ID_SOURCE: HardwareIdSourceConfig = { kind: 'node-machine-id' }

/** "Default (0)". */
export const describeAlgorithm = (algorithm: number): string => `${LICENSESPRING_ALGORITHMS[algorithm] ?? 'unknown'} (${algorithm})`
