import type { AuthConfig } from '../engine/config'

/** The configured keys that authorise the app: removed from every log line, whichever way a server echoes them. */
export function authSecrets(auth: AuthConfig | null): string[] {
  if (auth === null) return []
  return auth.scheme === 'hmac' ? [auth.apiKey, auth.sharedKey] : [auth.clientSecret]
}
