import { createHash } from 'node:crypto'
import { hostname as osHostname } from 'node:os'
import * as nodeMachineId from 'node-machine-id'
import type { HardwareIdInfo } from '../../shared/api'
import { describeError } from '../../shared/errors'
import { failure, success, type Outcome } from '../../shared/outcome'
import { FIELD_LABELS, FIELD_LIMITS } from '../../shared/validation'

/** node-machine-id's `machineIdSync`: SHA-256 hex with `false`, the raw OS id with `true`. */
export type MachineIdReader = (original: boolean) => string

export interface HardwareIdSourceOptions {
  /** Defaults to node-machine-id. */
  readMachineId?: MachineIdReader
  /** Defaults to os.hostname. */
  hostname?: () => string
  /**
   * An id to use in place of this PC's (tests, demos). It is checked for the known
   * fallbacks and the length limit, not for the SHA-256 form.
   */
  fixedMachineId?: () => string
  platform?: NodeJS.Platform
}

export interface HardwareIdSource {
  /** This PC's id; the first success is cached. */
  machine(): Outcome<HardwareIdInfo>
  /** The override when one is given (trimmed, length-checked), otherwise this PC's id. */
  resolve(override?: string): Outcome<HardwareIdInfo>
}

const sha256Hex = (text: string) => createHash('sha256').update(text).digest('hex')
/** What node-machine-id returns when the OS gave it nothing: the same on every such PC. */
export const EMPTY_MACHINE_ID_HASH = sha256Hex('')
const SHA256_HEX = /^[0-9a-f]{64}$/i

/** node-machine-id is CommonJS; depending on the loader its functions sit on the namespace or on `default`. */
function defaultReader(): MachineIdReader {
  const ns = nodeMachineId as unknown as { machineIdSync?: MachineIdReader; default?: { machineIdSync?: MachineIdReader } }
  const read = ns.machineIdSync ?? ns.default?.machineIdSync
  if (!read) throw new Error('node-machine-id could not be loaded')
  return read
}

function osIdOrigin(platform: NodeJS.Platform): string {
  switch (platform) {
    case 'win32':
      return 'the MachineGuid value in the Windows registry'
    case 'darwin':
      return 'the IOPlatformUUID of this Mac'
    default:
      return 'the system machine id (/var/lib/dbus/machine-id or /etc/machine-id)'
  }
}

function unavailable(explanation: string): Outcome<never> {
  return failure(describeError('hardware_id_unavailable', { explanation }))
}

const firstLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 200)

/** Values a machine-id fallback yields: the hostname, as typed or as node-machine-id cleans it. */
function hostnameForms(hostname: string): string[] {
  const cleaned = hostname.replace(/\s+/g, '').toLowerCase()
  return [...new Set([hostname, cleaned].filter((h) => h !== ''))]
}

export function createHardwareIdSource(options: HardwareIdSourceOptions = {}): HardwareIdSource {
  const hostname = options.hostname ?? osHostname
  const platform = options.platform ?? process.platform
  let cached: HardwareIdInfo | undefined

  function fallbackProblem(id: string, raw?: string): string | undefined {
    if (id === '' || id.toLowerCase() === EMPTY_MACHINE_ID_HASH) {
      return 'The operating system returned an empty machine id, so every such PC would send the same hardware id.'
    }
    let host: string
    try {
      host = hostname()
    } catch {
      return undefined
    }
    const forms = hostnameForms(host)
    const hostLike = (value: string) => forms.some((h) => value.toLowerCase() === h.toLowerCase() || value.toLowerCase() === sha256Hex(h))
    if (hostLike(id) || (raw !== undefined && hostLike(raw.trim()))) {
      return 'The operating system has no machine id file, so the id would be derived from the computer name, which is neither unique nor stable.'
    }
    return undefined
  }

  function readFixed(read: () => string): Outcome<HardwareIdInfo> {
    let id: string
    try {
      id = read().trim()
    } catch (error) {
      return unavailable(`Reading the configured machine id failed: ${firstLine(error)}`)
    }
    const problem = fallbackProblem(id)
    if (problem) return unavailable(problem)
    if (id.length > FIELD_LIMITS.hardwareId) return unavailable(`The configured machine id is longer than ${FIELD_LIMITS.hardwareId} characters.`)
    return success({ id, source: 'machine-id', description: 'The machine id this app was started with (a test or demo setting), not read from the operating system.' })
  }

  function readMachine(): Outcome<HardwareIdInfo> {
    let read: MachineIdReader
    let hashed: string
    let raw: string
    try {
      read = options.readMachineId ?? defaultReader()
      hashed = read(false).trim()
      raw = read(true)
    } catch (error) {
      return unavailable(`Reading ${osIdOrigin(platform)} failed (${firstLine(error)}).`)
    }
    const problem = fallbackProblem(hashed, raw)
    if (problem) return unavailable(problem)
    if (!SHA256_HEX.test(hashed)) {
      return unavailable('The machine id read from the operating system is not in the expected form (64 hexadecimal characters).')
    }
    return success({ id: hashed, source: 'machine-id', description: `SHA-256 of ${osIdOrigin(platform)}, as node-machine-id computes it.` })
  }

  function machine(): Outcome<HardwareIdInfo> {
    if (cached) return success(cached)
    const info = options.fixedMachineId ? readFixed(options.fixedMachineId) : readMachine()
    if (info.ok) cached = info.value
    return info
  }

  return {
    machine,
    resolve(override) {
      const id = override?.trim() ?? ''
      if (id === '') return machine()
      if (id.length > FIELD_LIMITS.hardwareId) {
        return failure(
          describeError('invalid_input', {
            field: 'hardwareId',
            explanation: `${FIELD_LABELS.hardwareId} is longer than ${FIELD_LIMITS.hardwareId} characters. Nothing was sent.`
          })
        )
      }
      return success({ id, source: 'override', description: 'Entered by hand (helpdesk override); this PC’s own id is not used.' })
    }
  }
}
