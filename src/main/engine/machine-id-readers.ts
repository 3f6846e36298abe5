import { execFile } from 'node:child_process'
import { win32 } from 'node:path'
import * as nodeMachineId from 'node-machine-id'

/** Reads this PC's raw OS machine id, cleaned the way node-machine-id cleans it (its `original` form). */
export type RawMachineIdReader = () => Promise<string>

/** `execFile` as the Windows reader uses it: stdout as text. */
export type ExecFileText = (file: string, args: readonly string[], options: { windowsHide: boolean; timeout: number; encoding: 'utf8' }) => Promise<string>

/** REG.exe's arguments, as node-machine-id spells its command. */
export const MACHINE_GUID_QUERY = ['QUERY', 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Cryptography', '/v', 'MachineGuid'] as const
const REG_TIMEOUT_MS = 10_000

/**
 * The REG.exe node-machine-id runs: System32's, or — for 32-bit Node on 64-bit
 * Windows, where System32 is redirected to the 32-bit registry view — the 64-bit
 * one through Sysnative (node-machine-id runs `%windir%\sysnative\cmd.exe /c
 * %windir%\System32\REG.exe`, which reaches the same 64-bit REG.exe).
 */
export function regExePath(env: NodeJS.ProcessEnv, arch: string): string {
  const windir = env['windir'] ?? env['WINDIR'] ?? env['SystemRoot'] ?? env['SYSTEMROOT'] ?? 'C:\\Windows'
  const mixed = arch === 'ia32' && Object.prototype.hasOwnProperty.call(env, 'PROCESSOR_ARCHITEW6432')
  return win32.join(windir, mixed ? 'Sysnative' : 'System32', 'REG.exe')
}

/** node-machine-id's parsing of REG.exe's answer: the text after `REG_SZ`, without any whitespace, lower case. */
export function parseMachineGuid(regOutput: string): string {
  const [, afterType] = regOutput.split('REG_SZ')
  if (afterType === undefined) throw new Error('REG.exe did not report a MachineGuid value (REG_SZ).')
  return afterType.replace(/\r+|\n+|\s+/gi, '').toLowerCase()
}

const execFileText: ExecFileText = (file, args, options) =>
  new Promise((resolve, reject) => {
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- execFile's error is an ExecFileException (an Error with code and signal)
    execFile(file, [...args], options, (error, stdout) => (error ? reject(error) : resolve(stdout)))
  })

/**
 * Windows: the MachineGuid, read without a console window (`windowsHide`) and without
 * blocking the main process (asynchronous `execFile`, no shell), giving exactly the
 * value node-machine-id's `machineIdSync(true)` gives.
 */
export function windowsMachineGuidReader(options: { env?: NodeJS.ProcessEnv; arch?: string; run?: ExecFileText } = {}): RawMachineIdReader {
  const run = options.run ?? execFileText
  return async () => {
    const file = regExePath(options.env ?? process.env, options.arch ?? process.arch)
    return parseMachineGuid(await run(file, MACHINE_GUID_QUERY, { windowsHide: true, timeout: REG_TIMEOUT_MS, encoding: 'utf8' }))
  }
}

/** node-machine-id's asynchronous `machineId(true)` (a child process; the main process does not wait on it). */
function nodeMachineIdReader(): RawMachineIdReader {
  const ns = nodeMachineId as unknown as {
    machineId?: (original: boolean) => Promise<string>
    default?: { machineId?: (original: boolean) => Promise<string> }
  }
  const read = ns.machineId ?? ns.default?.machineId
  if (!read) throw new Error('node-machine-id could not be loaded')
  return () => read(true)
}

/** The OS machine id reader for this platform. */
export function defaultRawMachineIdReader(platform: NodeJS.Platform = process.platform): RawMachineIdReader {
  return platform === 'win32' ? windowsMachineGuidReader() : nodeMachineIdReader()
}
