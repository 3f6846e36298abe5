/** Largest request file accepted anywhere (window, engine, CLI, sandbox), checked before anything is decoded. */
export const MAX_REQUEST_FILE_BYTES = 64 * 1024

/** A licence key shown as its last 4 characters only; a key of 4 or fewer is hidden whole. */
export function maskLicenseKey(licenseKey: string): string {
  const visible = licenseKey.length > 4 ? licenseKey.slice(-4) : ''
  return `••••${visible}`
}
