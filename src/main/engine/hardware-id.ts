import { createHash } from 'node:crypto'
import { createRequire } from 'node:module'
import { hostname as osHostname } from 'node:os'
import type { HardwareIdInfo } from '../../shared/api'
import { describeError } from '../../shared/errors'
import { failure, success, type Outcome } from '../../shared/outcome'
import { FIELD_LIMITS, tooLong } from '../../shared/request-fields'
import { t } from '../../shared/i18n/current'
import { DEFAULT_HARDWARE_ID_SOURCE, describeAlgorithm, type HardwareIdSourceConfig } from './hardware-id-source'
import { defaultRawMachineIdReader, type RawMachineIdReader } from './machine-id-readers'

/** The part of LicenseSpring's hardware-id module (`@licensespring/node-sdk/dist/hwid`) this app calls. */
export interface LicenseSpringHardwareIdModule {
  /** A koffi function: synchronous, with `.async(algorithm, callback)` on a worker thread. */
  getHardwareId: ((algorithm: number) => string) & { async?: (algorithm: number, callback: (error: unknown, id: string) => void) => void }
}

export interface HardwareIdSourceOptions {
  /** Which id this PC sends (config `hardwareIdSource`); default node-machine-id. */
  source?: HardwareIdSourceConfig
  /** The raw OS machine id; defaults to this platform's reader (machine-id-readers.ts). */
  readRawMachineId?: RawMachineIdReader
  /** Loads LicenseSpring's module; defaults to the installed `@licensespring/node-sdk`. */
  loadLicenseSpring?: () => Promise<LicenseSpringHardwareIdModule>
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
  /** This PC's id; the first success is cached, and concurrent callers share one read. */
  machine(): Promise<Outcome<HardwareIdInfo>>
  /** The override when one is given (trimmed, length-checked), otherwise this PC's id. */
  resolve(override?: string): Promise<Outcome<HardwareIdInfo>>
}

const sha256Hex = (text: string) => createHash('sha256').update(text).digest('hex')
/** What node-machine-id returns when the OS gave it nothing: the same on every such PC. */
export const EMPTY_MACHINE_ID_HASH = sha256Hex('')

/** Required by name at run time, so the bundler leaves it out: only a vendor's installation has it. */
const LICENSESPRING_HWID_MODULE = '@licensespring/node-sdk/dist/hwid'

/** A CommonJS module with a native library (koffi): required only when configured. */
async function loadInstalledLicenseSpring(): Promise<LicenseSpringHardwareIdModule> {
  return createRequire(__filename)(LICENSESPRING_HWID_MODULE) as LicenseSpringHardwareIdModule
}

function callLicenseSpring(module: LicenseSpringHardwareIdModule, algorithm: number): Promise<string> {
  const { getHardwareId } = module
  if (typeof getHardwareId.async !== 'function') return Promise.resolve(getHardwareId(algorithm))
  return new Promise((resolve, reject) =>
    getHardwareId.async!(algorithm, (error, id) => (error ? reject(error instanceof Error ? error : new Error('the hardware id module failed')) : resolve(id)))
  )
}

function unavailable(problem: string): Outcome<never> {
  return failure(describeError('hardware_id_unavailable', { detail: { problem } }))
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
  const source = options.source ?? DEFAULT_HARDWARE_ID_SOURCE
  let cached: Promise<Outcome<HardwareIdInfo>> | undefined

  function fallbackProblem(id: string, raw?: string): string | undefined {
    if (id === '' || id.toLowerCase() === EMPTY_MACHINE_ID_HASH) {
      return t('errors.hardware_id_unavailable.empty-id')
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
      return t('errors.hardware_id_unavailable.computer-name')
    }
    return undefined
  }

  function readFixed(read: () => string): Outcome<HardwareIdInfo> {
    let id: string
    try {
      id = read().trim()
    } catch (error) {
      return unavailable(t('errors.hardware_id_unavailable.configured-failed', { cause: firstLine(error) }))
    }
    const problem = fallbackProblem(id)
    if (problem) return unavailable(problem)
    if (id.length > FIELD_LIMITS.hardwareId) return unavailable(t('errors.hardware_id_unavailable.configured-too-long', { limit: FIELD_LIMITS.hardwareId }))
    return success({
      id,
      source: 'machine-id',
      description: t('common.hardware-id.how.fixed')
    })
  }

  /** node-machine-id's value: SHA-256 (hex) of the raw OS id. */
  async function readNodeMachineId(): Promise<Outcome<HardwareIdInfo>> {
    let raw: string
    try {
      raw = await (options.readRawMachineId ?? defaultRawMachineIdReader(platform))()
    } catch (error) {
      return unavailable(t('errors.hardware_id_unavailable.os-failed', { platform, cause: firstLine(error) }))
    }
    const hashed = sha256Hex(raw)
    const problem = fallbackProblem(hashed, raw)
    if (problem) return unavailable(problem)
    return success({ id: hashed, source: 'machine-id', description: t('common.hardware-id.how.machine-id', { platform }) })
  }

  async function readLicenseSpring(algorithm: number): Promise<Outcome<HardwareIdInfo>> {
    let module: LicenseSpringHardwareIdModule
    try {
      module = await (options.loadLicenseSpring ?? loadInstalledLicenseSpring)()
    } catch (error) {
      const missing = (error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND' || (error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND'
      return unavailable(
        missing
          ? t('errors.hardware_id_unavailable.licensespring-missing')
          : t('errors.hardware_id_unavailable.licensespring-not-loaded', { cause: firstLine(error) })
      )
    }
    let id: string
    try {
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-conversion -- a native module: its answer is checked, not trusted to match its typings
      id = String(await callLicenseSpring(module, algorithm)).trim()
    } catch (error) {
      return unavailable(t('errors.hardware_id_unavailable.licensespring-failed', { algorithm: describeAlgorithm(algorithm), cause: firstLine(error) }))
    }
    const problem = fallbackProblem(id)
    if (problem) return unavailable(problem)
    if (id.length > FIELD_LIMITS.hardwareId) return unavailable(t('errors.hardware_id_unavailable.licensespring-too-long', { limit: FIELD_LIMITS.hardwareId }))
    return success({
      id,
      source: 'machine-id',
      description: t('common.hardware-id.how.licensespring', { algorithm: describeAlgorithm(algorithm) })
    })
  }

  function read(): Promise<Outcome<HardwareIdInfo>> {
    if (options.fixedMachineId) return Promise.resolve(readFixed(options.fixedMachineId))
    return source.kind === 'licensespring' ? readLicenseSpring(source.algorithm) : readNodeMachineId()
  }

  function machine(): Promise<Outcome<HardwareIdInfo>> {
    if (!cached) {
      const reading = read().catch((error: unknown) => unavailable(t('errors.hardware_id_unavailable.read-failed', { cause: firstLine(error) })))
      cached = reading
      // Only a success is kept: a failed read is tried again on the next call.
      void reading.then((info) => {
        if (!info.ok && cached === reading) cached = undefined
      })
    }
    return cached
  }

  return {
    machine,
    async resolve(override) {
      const id = override?.trim() ?? ''
      if (id === '') return machine()
      if (id.length > FIELD_LIMITS.hardwareId) {
        return failure(
          describeError('invalid_input', {
            field: 'hardwareId',
            detail: { problem: tooLong('hardwareId'), nothing: 'sent' }
          })
        )
      }
      return success({ id, source: 'override', description: t('common.hardware-id.how.override') })
    }
  }
}
