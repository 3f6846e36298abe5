import { statSync } from 'node:fs'
import { dirname, posix, win32 } from 'node:path'
import { describeError } from '../../shared/errors'
import { t } from '../../shared/i18n/current'
import { failure, success, type Outcome } from '../../shared/outcome'
import { loadConfig, type ConfigEnv, type EngineConfig } from './config'

/*
 * Which configuration file an installed app reads. The machine-wide file, in a folder only
 * administrators can write, is read first and, when it exists, is the configuration: whole,
 * with nothing taken from the file installed with the app (docs/packaging.md, "A vendor
 * configuration the user cannot rewrite"). Only without it does the app read the config.json
 * installed next to app.asar. Run from source, the app and the CLI read neither.
 */

export type ConfigScope = 'machine' | 'install'

export interface ChosenConfigFile {
  file: string
  scope: ConfigScope
}

/** Windows' own default, used when %ProgramData% is unset or is not a drive's ProgramData folder. */
const DEFAULT_PROGRAM_DATA = 'C:\\ProgramData'
/** What Windows sets %ProgramData% to: the ProgramData folder at a drive's root. */
const PROGRAM_DATA_SHAPE = /^[A-Za-z]:\\ProgramData\\?$/i

/** A variable as Windows looks it up: its name in any case. */
function windowsVariable(env: ConfigEnv, name: string): string | undefined {
  const key = Object.keys(env).find((k) => k.toLowerCase() === name.toLowerCase())
  return key === undefined ? undefined : env[key]
}

/**
 * The machine-wide configuration file for a system:
 * Windows `%ProgramData%\License Manager\config.json`, macOS
 * `/Library/Application Support/License Manager/config.json`, elsewhere (Linux)
 * `/etc/license-manager/config.json`.
 */
export function machineConfigFile(platform: NodeJS.Platform, env: ConfigEnv): string {
  if (platform === 'win32') {
    const programData = windowsVariable(env, 'ProgramData')?.trim()
    const folder = programData !== undefined && PROGRAM_DATA_SHAPE.test(programData) ? programData.replace(/\\$/, '') : DEFAULT_PROGRAM_DATA
    return win32.join(folder, 'License Manager', 'config.json')
  }
  if (platform === 'darwin') return posix.join('/Library/Application Support/License Manager', 'config.json')
  return posix.join('/etc/license-manager', 'config.json')
}

/** What `stat` tells about a path, as far as the check needs it. */
export interface PathFacts {
  isFile: boolean
  uid: number
  mode: number
}

/** `stat` of a path (following links, as reading it will): undefined when nothing is there, an errno code when it cannot be told. */
export type StatPath = (path: string) => PathFacts | undefined | { error: string }

export const statPath: StatPath = (path) => {
  try {
    const stats = statSync(path)
    return { isFile: stats.isFile(), uid: stats.uid, mode: stats.mode }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable'
    return code === 'ENOENT' || code === 'ENOTDIR' ? undefined : { error: code }
  }
}

export interface ChooseConfigOptions {
  platform: NodeJS.Platform
  /** The machine-wide file (machineConfigFile), or another path in tests. */
  machineFile: string
  /** The config.json installed with the app (next to app.asar). */
  installFile: string
  stat?: StatPath
  /** The owner an administrator's file has on macOS and Linux: root (0). */
  administratorUid?: number
}

const octal = (mode: number): string => `0${(mode & 0o777).toString(8)}`

/** Why a path on macOS or Linux can be changed by someone other than the administrator; undefined when it cannot. */
function writableByOthers(facts: PathFacts, administratorUid: number): { owner: number } | { mode: string } | undefined {
  if (facts.uid !== administratorUid) return { owner: facts.uid }
  if ((facts.mode & 0o022) !== 0) return { mode: octal(facts.mode) }
  return undefined
}

/**
 * The machine-wide file when there is one, else the installed one. On macOS and Linux the
 * machine-wide file and its folder must be owned by root and writable by no one else:
 * otherwise the app refuses to start (config_invalid) rather than read a file a user could
 * have written. Windows' permissions cannot be read from Node: there the folder's
 * permissions, set by the per-machine installer, are what protects it.
 */
export function chooseConfigFile(options: ChooseConfigOptions): Outcome<ChosenConfigFile> {
  const stat = options.stat ?? statPath
  const file = options.machineFile
  const refused = (problem: string): Outcome<never> =>
    failure(
      describeError('config_invalid', {
        field: 'machine-wide configuration file',
        detail: { problem: t('errors.config_invalid.machine-file.refused', { problem, platform: options.platform }) }
      })
    )
  const facts = stat(file)
  if (facts === undefined) return success({ file: options.installFile, scope: 'install' })
  if ('error' in facts) return refused(t('errors.config_invalid.machine-file.unreadable', { file, cause: facts.error }))
  if (!facts.isFile) return refused(t('errors.config_invalid.machine-file.not-a-file', { file }))
  if (options.platform !== 'win32') {
    const administratorUid = options.administratorUid ?? 0
    const fileProblem = writableByOthers(facts, administratorUid)
    if (fileProblem !== undefined) {
      return refused(
        'owner' in fileProblem
          ? t('errors.config_invalid.machine-file.file-owner', { file, uid: fileProblem.owner })
          : t('errors.config_invalid.machine-file.file-writable', { file, mode: fileProblem.mode })
      )
    }
    const folder = dirname(file)
    const folderFacts = stat(folder)
    if (folderFacts === undefined || 'error' in folderFacts) return refused(t('errors.config_invalid.machine-file.folder-unchecked', { folder }))
    const folderProblem = writableByOthers(folderFacts, administratorUid)
    if (folderProblem !== undefined) {
      return refused(
        'owner' in folderProblem
          ? t('errors.config_invalid.machine-file.folder-owner', { folder, uid: folderProblem.owner })
          : t('errors.config_invalid.machine-file.folder-writable', { folder, mode: folderProblem.mode })
      )
    }
  }
  return success({ file, scope: 'machine' })
}

export interface InstalledConfig {
  config: Outcome<EngineConfig>
  /** The file read; null when none could be chosen (the machine-wide one was refused). */
  source: ChosenConfigFile | null
}

/**
 * An installed app's configuration: the file chooseConfigFile picks, read whole by loadConfig
 * as a packaged app reads it (the LM_* variables apply only where that file allows them).
 */
export function loadInstalledConfig(options: ChooseConfigOptions & { env: ConfigEnv }): InstalledConfig {
  const chosen = chooseConfigFile(options)
  if (!chosen.ok) return { config: chosen, source: null }
  return { config: loadConfig({ env: options.env, packaged: true, file: chosen.value.file }), source: chosen.value }
}
