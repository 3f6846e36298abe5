import * as crypto from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { runInThisContext } from 'node:vm'
import { describe, expect, it } from 'vitest'
import { createHardwareIdSource } from '../../../src/main/engine/hardware-id'
import { MACHINE_GUID_QUERY, windowsMachineGuidReader, type ExecFileText } from '../../../src/main/engine/machine-id-readers'

const require = createRequire(import.meta.url)
const WINDIR = 'C:\\Windows'

interface NodeMachineId {
  machineIdSync: (original: boolean) => string
}

/**
 * node-machine-id's own code, run as if on Windows: `process.platform` is win32 and
 * `execSync` answers with the given REG.exe output and records the command it ran.
 */
function nodeMachineIdOnWindows(regOutput: string, env: Record<string, string> = {}, arch = 'x64') {
  const commands: string[] = []
  const source = readFileSync(require.resolve('node-machine-id'), 'utf8')
  const module = { exports: {} as NodeMachineId }
  const factory = runInThisContext(`(function (module, exports, require, process) {${source}\n})`) as (...args: unknown[]) => void
  const fakeRequire = (name: string) => {
    if (name === 'crypto') return crypto
    if (name === 'child_process') {
      return {
        execSync: (command: string) => {
          commands.push(command)
          return Buffer.from(regOutput, 'utf8')
        },
        exec: () => {
          throw new Error('not used')
        }
      }
    }
    throw new Error(`unexpected require(${name})`)
  }
  factory(module, module.exports, fakeRequire, { platform: 'win32', arch, env })
  return { nodeMachineId: module.exports, commands }
}

/** `execFile` stand-in: records the call and answers with the same REG.exe output, later. */
function recordingExecFile(regOutput: string) {
  const calls: Array<{ file: string; args: readonly string[]; options: Parameters<ExecFileText>[2] }> = []
  let answered = false
  const run: ExecFileText = (file, args, options) => {
    calls.push({ file, args, options })
    return new Promise((resolve) =>
      setTimeout(() => {
        answered = true
        resolve(regOutput)
      }, 5)
    )
  }
  return { run, calls, answered: () => answered }
}

const REG_OUTPUTS: Array<[string, string]> = [
  [
    'REG.exe as Windows prints it (CRLF, upper-case GUID)',
    '\r\nHKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Cryptography\r\n    MachineGuid    REG_SZ    3D1219C7-C4C5-404A-AA1F-6D2A48ADFDA4\r\n\r\n'
  ],
  ['lower case with tabs', 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Cryptography\n\tMachineGuid\tREG_SZ\t9b5e1c2a-0d3f-4e6b-8a7c-1f2e3d4c5b6a\n'],
  [
    'odd spacing and a trailing blank line',
    '\r\n\r\nHKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Cryptography\r\n MachineGuid REG_SZ   ABCDEF01-2345-6789-ABCD-EF0123456789   \r\n\r\n\r\n'
  ]
]

describe('Windows hardware id: the same bytes as node-machine-id, read without a console or a blocked main process', () => {
  it.each(REG_OUTPUTS)('%s: raw and hashed ids equal node-machine-id’s', async (_label, regOutput) => {
    const { nodeMachineId } = nodeMachineIdOnWindows(regOutput)
    const exec = recordingExecFile(regOutput)
    const read = windowsMachineGuidReader({ env: { windir: WINDIR }, arch: 'x64', run: exec.run })
    expect(await read()).toBe(nodeMachineId.machineIdSync(true))

    const source = createHardwareIdSource({ readRawMachineId: read, hostname: () => 'DESK-17', platform: 'win32' })
    const outcome = await source.machine()
    expect(outcome.ok && outcome.value.id).toBe(nodeMachineId.machineIdSync(false))
  })

  it('runs the REG.exe query node-machine-id runs, directly (no shell), hidden, with a time limit, asynchronously', async () => {
    const regOutput = REG_OUTPUTS[0]![1]
    const { nodeMachineId, commands } = nodeMachineIdOnWindows(regOutput)
    nodeMachineId.machineIdSync(true)
    const exec = recordingExecFile(regOutput)
    const reading = windowsMachineGuidReader({ env: { windir: WINDIR }, arch: 'x64', run: exec.run })()
    // The main process carries on while REG.exe runs.
    expect(exec.answered()).toBe(false)
    await reading
    expect(exec.calls).toHaveLength(1)
    const { file, args, options } = exec.calls[0]!
    expect([file, ...args].join(' ')).toBe(commands[0]!.replaceAll('%windir%', WINDIR))
    expect(args).toEqual(MACHINE_GUID_QUERY)
    expect(options).toMatchObject({ windowsHide: true })
    expect(options.timeout).toBeGreaterThan(0)
  })

  it('32-bit Node on 64-bit Windows reads the 64-bit registry view through Sysnative, as node-machine-id does', async () => {
    const regOutput = REG_OUTPUTS[0]![1]
    const env = { windir: WINDIR, PROCESSOR_ARCHITEW6432: 'AMD64' }
    const { nodeMachineId, commands } = nodeMachineIdOnWindows(regOutput, env, 'ia32')
    nodeMachineId.machineIdSync(true)
    expect(commands[0]).toBe(`%windir%\\sysnative\\cmd.exe /c %windir%\\System32\\REG.exe ${MACHINE_GUID_QUERY.join(' ')}`)
    const exec = recordingExecFile(regOutput)
    expect(await windowsMachineGuidReader({ env, arch: 'ia32', run: exec.run })()).toBe(nodeMachineId.machineIdSync(true))
    expect(exec.calls[0]?.file).toBe('C:\\Windows\\Sysnative\\REG.exe')
  })

  it('an answer without a MachineGuid value is hardware_id_unavailable, not a crash', async () => {
    const exec = recordingExecFile('ERROR: The system was unable to find the specified registry key or value.\r\n')
    const source = createHardwareIdSource({
      readRawMachineId: windowsMachineGuidReader({ env: { windir: WINDIR }, arch: 'x64', run: exec.run }),
      platform: 'win32'
    })
    const outcome = await source.machine()
    expect(outcome).toMatchObject({ ok: false, error: { code: 'hardware_id_unavailable' } })
    expect(outcome.ok ? '' : outcome.error.explanation).toContain('MachineGuid')
  })
})
