import { resolve } from 'node:path'
import type { Outcome } from '../shared/outcome'
import type { AuthConfig, ConfigEnv } from '../main/engine/config'
import { createLogFile } from '../main/logging/log-file'
import { authSecrets } from '../main/logging/known-secrets'
import { createLogger, logOutcome } from '../main/logging/logger'

/** Options and variables whose values are secrets: removed from every line written. */
const SECRET_OPTIONS = ['license-key', 'password', 'id-token', 'code', 'api-key', 'shared-key'] as const
const SECRET_VARIABLES = ['LM_PASSWORD', 'LM_API_KEY', 'LM_SHARED_KEY', 'LM_OAUTH_CLIENT_SECRET'] as const

/**
 * `--log-file <path>`: the command's outcome written to a log file in the app's own format
 * (src/main/logging), under the reference the command prints, so a helpdesk reads one kind of log.
 */
export interface CliLog {
  /** Logs the outcome and returns its reference. */
  record(outcome: Outcome<unknown>, fields: { product?: string | undefined; answeredBy?: 'server' | 'this-pc' }): string
  /** Secrets learnt later (the configuration's keys, a password read from stdin). */
  addSecrets(secrets: ReadonlyArray<string | undefined>): void
  /** True when a line could not be written (the folder is missing or read-only). */
  failed(): boolean
  readonly path: string
}

export function createCliLog(options: {
  path: string
  command: string
  flags: Readonly<Partial<Record<string, string | boolean>>>
  env: ConfigEnv
  now?: () => Date
}): CliLog {
  const path = resolve(options.path)
  const secrets = new Set<string>()
  const add = (values: readonly unknown[]) => {
    for (const value of values) if (typeof value === 'string' && value !== '') secrets.add(value)
  }
  add(SECRET_OPTIONS.map((name) => options.flags[name]))
  add(SECRET_VARIABLES.map((name) => options.env[name]))
  const file = createLogFile({ path })
  const logger = createLogger({ file, secrets: () => [...secrets], ...(options.now ? { now: options.now } : {}) })
  const started = performance.now()
  return {
    path,
    record: (outcome, fields) =>
      logOutcome(logger, `cli.${options.command}`, outcome, {
        durationMs: performance.now() - started,
        fields: { product: fields.product },
        ...(fields.answeredBy ? { answeredBy: fields.answeredBy } : {})
      }),
    addSecrets: add,
    failed: () => file.failedWrites > 0
  }
}

/** The keys of a loaded configuration, for `addSecrets`. */
export const configSecrets = (auth: AuthConfig | null): string[] => authSecrets(auth)
