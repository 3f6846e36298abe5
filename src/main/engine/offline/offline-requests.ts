import { randomUUID } from 'node:crypto'
import { MAX_OTHER_FIELDS_SHOWN, type OfflineRequestOtherField, type OfflineRequestSummary, type OfflineUploadResult } from '../../../shared/api'
import { describeError, type AppError, type DetailOf } from '../../../shared/errors'
import { t } from '../../../shared/i18n/current'
import { maskLicenceKey } from '../../../shared/helpdesk/licence-key-mask'
import type { OfflineRequest } from '../../../shared/request'
import { validateOfflineRequest } from '../../../shared/validation'
import { failure, success, type Outcome } from '../../../shared/outcome'
import type { AuthConfig } from '../config'
import { secretScrubber } from '../errors/scrub-secrets'
import type { HardwareIdSource } from '../hardware-id'
import { encodeRequestFile, formatRequestDate, parseRequestDate, readRequestFile, type ReadRequestFile, type RequestFileProblem } from './request-file'
import { shownFileText } from './shown-text'

/** A request file ready to be saved: its suggested name, its text, and what it will free. */
export interface OfflineRequestFile {
  fileName: string
  content: string
  summary: OfflineRequestSummary
}

export interface OfflineRequests {
  /** Builds and signs a request file; needs no network. Invalid input writes nothing. */
  create(input: OfflineRequest): Promise<Outcome<OfflineRequestFile>>
  /** Reads a request file and says what it will free; nothing is sent. */
  inspect(content: unknown): Outcome<OfflineRequestSummary>
  /** Reads, then uploads a request file to `deactivate_bundle_offline`. */
  upload(content: unknown): Promise<Outcome<OfflineUploadResult>>
}

export interface OfflineRequestsDeps {
  auth: AuthConfig
  app: { name: string; version: string }
  /** `sdk_ver` of the file, as online calls send it: "<app name> <version>". */
  sdkVersion: string
  /** This PC's hardware id, or the override given. */
  resolveHardwareId(override: string | undefined): Promise<Outcome<string>>
  /** The configuration's secrets (shared key, client secret, tokens, request signatures), kept out of every error; default the keys of `auth`. */
  configSecrets?: () => readonly string[]
  /** POST deactivate_bundle_offline; absent where no server is configured (writing only). */
  send?: (content: string) => Promise<Outcome<'license_deactivated'>>
  now?: () => Date
  newRequestId?: () => string
}

/** The resolver the offline requests need, from the engine's hardware id source. */
export const hardwareIdResolver =
  (source: Pick<HardwareIdSource, 'resolve'>) =>
  async (override: string | undefined): Promise<Outcome<string>> => {
    const info = await source.resolve(override)
    return info.ok ? success(info.value.id) : info
  }

/** The licence key of an untrusted offline request input, whatever its shape. */
function offlineInputSecret(input: unknown): string | undefined {
  const credentials: unknown = typeof input === 'object' && input !== null ? (input as { credentials?: unknown }).credentials : undefined
  const key: unknown = typeof credentials === 'object' && credentials !== null ? (credentials as { licenseKey?: unknown }).licenseKey : undefined
  return typeof key === 'string' ? key : undefined
}

/** Letters, digits, `-` and `_` only, so the name is valid on every file system. */
const safeNamePart = (value: string, max: number) =>
  value
    .replace(/[^A-Za-z0-9_-]+/g, '_')
    .slice(0, max)
    .replace(/^[-_]+|[-_]+$/g, '') || 'unnamed'

/** `<bundle>-<short hardware id>-deactivate.req`. */
export const requestFileName = (product: string, hardwareId: string): string => `${safeNamePart(product, 64)}-${safeNamePart(hardwareId, 8)}-deactivate.req`

type WrongTypeCase = NonNullable<DetailOf<'offline_file_wrong_type'>['case']>

/** Not a deactivation request file, in the words of its case where the catalogue has some. */
const wrongType =
  (which?: WrongTypeCase) =>
  (reason: string): AppError =>
    describeError('offline_file_wrong_type', { field: 'file', detail: which === undefined ? { reason } : { reason, case: which } })

/** The catalogue's words for each problem; the technical reason goes after them, for the helpdesk. */
const FILE_ERRORS: Record<RequestFileProblem, (reason: string) => AppError> = {
  'too-large': (reason) => describeError('offline_file_too_large', { field: 'file', detail: { reason } }),
  truncated: (reason) => describeError('offline_file_truncated', { field: 'file', detail: { reason } }),
  empty: wrongType('empty'),
  'not-base64': wrongType(),
  'not-json': wrongType(),
  'not-a-request': wrongType(),
  hostile: wrongType('hostile'),
  'activation-request': wrongType('activation-request')
}

/** Fields of the documented shapes (§7, the SDKs' files): the summary shows what matters of them, and lists every other one. */
const KNOWN_FIELDS = new Set([
  'hardware_id',
  'product',
  'license_key',
  'username',
  'api_key',
  'client_id',
  'date',
  'request',
  'request_id',
  'schema_version',
  'signature',
  'sdk_ver',
  'sdk_lang',
  'app_name',
  'app_ver',
  'os_ver',
  'hostname',
  'os_hostname',
  'ip',
  'ip_local',
  'mac_address',
  'is_vm',
  'vm_info',
  'bundle_code',
  'license_id',
  'variables',
  'consumptions',
  'product_features'
])

/** Names whose values are never shown: a file should not hold a secret, but if one does, it stays out of the window and the logs. */
const SECRET_LOOKING = /pass|secret|token|signature|key|private|credential|auth/i

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? shownFileText(value) : undefined)

/** An unknown field as the summary lists it: its name and value made safe to show, a secret-looking value hidden. */
function otherField(name: string, value: unknown): OfflineRequestOtherField {
  const shown = SECRET_LOOKING.test(name) ? '(hidden)' : shownFileText(typeof value === 'string' ? value : JSON.stringify(value))
  return { name: shownFileText(name, 64), value: shown }
}

/** Who wrote the file: the app's name and version, else the SDK's version (and language), as the file states them. */
function writer(f: Readonly<Record<string, unknown>>): string {
  const name = text(f['app_name'])
  const version = text(f['app_ver'])
  if (name !== undefined) return version === undefined ? name : `${name} ${version}`
  const sdk = text(f['sdk_ver'])
  const lang = text(f['sdk_lang'])
  if (sdk !== undefined) return lang === undefined ? sdk : `${sdk} (${lang})`
  return version ?? 'not stated'
}

/** What a file holds that no error may repeat: its licence key, and any secret-looking text it should not hold at all. */
function fileSecrets(file: ReadRequestFile): string[] {
  const all = [...Object.entries(file.fields), ...Object.entries(file.outerFields)]
  const secrets = all
    .filter(([name, value]) => typeof value === 'string' && (name === 'license_key' || (SECRET_LOOKING.test(name) && name !== 'api_key')))
    .map(([, v]) => v as string)
  return secrets
}

function summarize(file: ReadRequestFile): OfflineRequestSummary {
  const f = file.fields
  const date = typeof f['date'] === 'string' ? f['date'] : undefined
  const written = date === undefined ? null : parseRequestDate(date)
  const requestId = text(f['request_id']) ?? (typeof f['request_id'] === 'number' ? String(f['request_id']) : undefined)
  const others = [...Object.entries(f).filter(([name]) => !KNOWN_FIELDS.has(name)), ...Object.entries(file.outerFields)]
  return {
    product: shownFileText(file.product),
    hardwareId: shownFileText(file.hardwareId, 1024),
    method: file.licence.kind === 'license-key' ? 'license-key' : 'user',
    licence: file.licence.kind === 'license-key' ? maskLicenceKey(shownFileText(file.licence.licenseKey)) : shownFileText(file.licence.username),
    writtenAt: written === null ? null : new Date(written).toISOString(),
    writtenText: written === null && date !== undefined ? shownFileText(date, 64) : '',
    writtenBy: writer(f),
    requestId: requestId ?? 'none (older format)',
    format: file.format,
    otherFields: others.slice(0, MAX_OTHER_FIELDS_SHOWN).map(([name, value]) => otherField(name, value)),
    otherFieldsNotShown: Math.max(0, others.length - MAX_OTHER_FIELDS_SHOWN)
  }
}

/** The keys a request file is signed with (and the API key or client id it names). */
const authSecrets = (auth: AuthConfig): string[] => (auth.scheme === 'hmac' ? [auth.apiKey, auth.sharedKey] : [auth.clientId, auth.clientSecret])

export function createOfflineRequests(deps: OfflineRequestsDeps): OfflineRequests {
  const now = deps.now ?? (() => new Date())
  const newRequestId = deps.newRequestId ?? randomUUID
  let uploading = false

  /** Every error leaves through the engine's one redaction step: the configuration's secrets and the call's own. */
  const leaving = <T>(outcome: Outcome<T>, ...secrets: (string | undefined)[]): Outcome<T> =>
    secretScrubber([...(deps.configSecrets?.() ?? authSecrets(deps.auth)), ...secrets]).outcome(outcome)

  function read(content: unknown): Outcome<ReadRequestFile> {
    if (typeof content !== 'string') {
      return failure(describeError('invalid_input', { field: 'file', detail: { problem: t('errors.invalid_input.file-not-text'), nothing: 'sent' } }))
    }
    const reading = readRequestFile(content)
    return reading.ok ? success(reading.file) : failure(FILE_ERRORS[reading.problem](reading.detail))
  }

  function build(draft: OfflineRequest & { hardwareId: string }): OfflineRequestFile {
    const { auth } = deps
    const credential = draft.credentials.method === 'license-key' ? { license_key: draft.credentials.licenseKey } : { username: draft.credentials.username }
    // Field order follows LicenseSpring's node SDK; the signature covers this exact JSON text.
    const request: Record<string, unknown> = {
      hardware_id: draft.hardwareId,
      product: draft.product,
      ...credential,
      sdk_ver: deps.sdkVersion,
      app_name: deps.app.name,
      app_ver: deps.app.version,
      request_id: newRequestId(),
      request: 'deactivation',
      schema_version: 2,
      ...(auth.scheme === 'hmac' ? { api_key: auth.apiKey } : { client_id: auth.clientId }),
      date: formatRequestDate(now())
    }
    const content = encodeRequestFile(request, auth.scheme === 'hmac' ? auth.sharedKey : auth.clientSecret)
    const written = readRequestFile(content)
    if (!written.ok) throw new Error(`The app wrote a request file it cannot read (${written.problem})`)
    return { fileName: requestFileName(draft.product, draft.hardwareId), content, summary: summarize(written.file) }
  }

  return {
    async create(input) {
      const typed = offlineInputSecret(input)
      const draft = validateOfflineRequest(input)
      if (!draft.ok) return leaving(draft, typed)
      const hardwareId = await deps.resolveHardwareId(draft.value.hardwareId)
      if (!hardwareId.ok) return leaving(hardwareId, typed)
      return success(build({ ...draft.value, hardwareId: hardwareId.value }))
    },

    inspect(content) {
      const file = read(content)
      return file.ok ? success(summarize(file.value)) : leaving(file)
    },

    async upload(content) {
      const file = read(content)
      if (!file.ok) return leaving(file)
      if (!deps.send) return failure(describeError('config_invalid', { detail: { problem: t('errors.config_invalid.no-server-for-upload') } }))
      if (uploading) return failure(describeError('busy'))
      uploading = true
      try {
        const answer = await deps.send((content as string).trim())
        if (!answer.ok) return leaving(answer, ...fileSecrets(file.value))
        return success({ summary: summarize(file.value), at: now().toISOString() })
      } finally {
        uploading = false
      }
    }
  }
}
