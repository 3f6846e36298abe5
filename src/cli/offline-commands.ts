import { writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import type { OfflineRequestSummary, OfflineUploadResult } from '../shared/api'
import { describeError, type AppError, type NothingDone } from '../shared/errors'
import { failure, success, type Outcome } from '../shared/outcome'
import { noOfflineCredentials, type OfflineCredentials } from '../shared/request'
import { createHardwareIdSource, type HardwareIdSourceOptions } from '../main/engine/hardware-id'
import { createOfflineRequests, hardwareIdResolver } from '../main/engine/offline/offline-requests'
import { MAX_REQUEST_FILE_BYTES } from '../main/engine/offline/request-file'
import type { AuthConfig } from '../main/engine/config'
import { readRegularFile, type RegularFileProblem, type SpecialKind } from '../main/engine/files/regular-file'
import { t } from '../shared/i18n/current'
import { displayText } from '../shared/display-text'
import type { LicenseService } from '../main/engine/service'

/** What `deactivate-offline` prints: where the file went and what it will free. */
export interface WrittenRequestFile {
  path: string
  summary: OfflineRequestSummary
}

const fileProblem = (field: string, problem: string, nothing: NothingDone): AppError => describeError('invalid_input', { field, detail: { problem, nothing } })

export interface WriteRequestFileInput {
  auth: AuthConfig
  app: { name: string; version: string }
  machineId?: () => string
  /** The configured hardware id source (config `hardwareIdSource`), as `deactivate` uses it. */
  hardwareIdSource?: HardwareIdSourceOptions['source']
  product: string | undefined
  licenseKey: string | undefined
  username: string | undefined
  hardwareId: string | undefined
  out: string | undefined
}

const given = (value: string | undefined): value is string => value !== undefined && value !== ''

/** `--license-key` or `--username`, exactly one: the method of the request file. */
function offlineCredentials(input: Pick<WriteRequestFileInput, 'licenseKey' | 'username'>): Outcome<OfflineCredentials> {
  const refuse = (why: string) => failure(fileProblem('credentials', why, 'written'))
  if (given(input.licenseKey) && given(input.username)) return refuse(t('cli.problem.offline-both'))
  if (given(input.licenseKey)) return success({ method: 'license-key', licenseKey: input.licenseKey })
  if (given(input.username)) return success({ method: 'user', username: input.username })
  return refuse(noOfflineCredentials())
}

/** Builds the request file with no network at all and writes it to a new file; invalid input writes nothing. */
export async function writeRequestFile(input: WriteRequestFileInput): Promise<Outcome<WrittenRequestFile>> {
  const hardware = createHardwareIdSource({
    ...(input.hardwareIdSource ? { source: input.hardwareIdSource } : {}),
    ...(input.machineId ? { fixedMachineId: input.machineId } : {})
  })
  const offline = createOfflineRequests({
    auth: input.auth,
    app: input.app,
    sdkVersion: `${input.app.name} ${input.app.version}`,
    resolveHardwareId: hardwareIdResolver(hardware)
  })
  const credentials = offlineCredentials(input)
  if (!credentials.ok) return credentials
  const file = await offline.create({
    product: input.product ?? '',
    ...(input.hardwareId !== undefined ? { hardwareId: input.hardwareId } : {}),
    credentials: credentials.value
  })
  if (!file.ok) return file
  if (input.out === undefined || input.out.trim() === '') {
    return failure(fileProblem('out', t('cli.problem.no-out', { file: file.value.fileName }), 'written'))
  }
  const path = resolve(input.out)
  try {
    // "wx": an existing file is never overwritten.
    await writeFile(path, file.value.content, { encoding: 'utf8', flag: 'wx' })
  } catch (error) {
    const exists = (error as NodeJS.ErrnoException).code === 'EEXIST'
    return failure(describeError('offline_save_failed', { field: 'out', ...(exists ? { detail: { reason: 'file-exists' } } : {}) }))
  }
  return success({ path, summary: file.value.summary })
}

/** A path as a message may quote it: on one line, visibly escaped, not too long. */
export const quotedPath = (path: string): string => `"${displayText(path, 200)}"`

/** What a special file is, as the message chooses its words. */
const KIND_CHOICE: Readonly<Record<SpecialKind, string>> = {
  directory: 'directory',
  'FIFO (named pipe)': 'fifo',
  'character device': 'character_device',
  'block device': 'block_device',
  socket: 'socket',
  'special file': 'other'
}

/** Why the request file was not read, as one sentence naming it. */
function fileProblemWords(reading: RegularFileProblem, path: string): string {
  switch (reading.problem) {
    case 'not-found':
      return t('cli.problem.file.not-found', { path })
    case 'not-regular':
      return t('cli.problem.file.not-regular', { path, kind: KIND_CHOICE[reading.kind] })
    case 'too-large':
      return t('cli.problem.file.too-large', { path, limit: MAX_REQUEST_FILE_BYTES })
    case 'timeout':
      return t('cli.problem.file.timeout', { path })
    case 'unreadable':
      return reading.code === 'ECHANGED' ? t('cli.problem.file.changed', { path }) : t('cli.problem.file.unreadable', { path, code: reading.code })
  }
}

/**
 * Reads the request file: a regular file only (a FIFO, a device or a directory is refused before
 * it is opened), at most 64 KiB (a larger file is refused without reading it whole), within a
 * few seconds.
 */
export async function readRequestFileText(path: string | undefined): Promise<Outcome<string>> {
  if (path === undefined || path.trim() === '') return failure(fileProblem('file', t('cli.problem.no-file'), 'sent'))
  const reading = await readRegularFile(path, { maxBytes: MAX_REQUEST_FILE_BYTES })
  if (reading.ok) return success(reading.bytes.toString('utf8'))
  if (reading.problem === 'too-large') return failure(describeError('offline_file_too_large', { field: 'file' }))
  return failure(fileProblem('file', fileProblemWords(reading, quotedPath(path)), 'sent'))
}

/** Reads the file, then uploads it through the engine. */
export async function uploadRequestFile(service: LicenseService, path: string | undefined): Promise<Outcome<OfflineUploadResult>> {
  const content = await readRequestFileText(path)
  if (!content.ok) return content
  return service.offline.upload(content.value)
}
