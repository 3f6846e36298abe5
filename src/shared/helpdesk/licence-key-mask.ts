/** A licence key as diagnostics and summaries may show it: only its last four characters, and none of a short key. */
export function maskLicenceKey(key: string): string {
  const trimmed = key.trim()
  return trimmed.length < 12 ? '••••' : `••••${trimmed.slice(-4)}`
}
