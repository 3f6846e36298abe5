import { randomUUID } from 'node:crypto'
import type { OfflineRequestSummary, OfflineUploadResult } from '../../../shared/api'
import { describeError, type AppError, type DetailOf } from '../../../shared/errors'
import { maskLicenceKey } from '../../../shared/helpdesk/licence-key-mask'
import type { OfflineRequest } from '../../../shared/request'
import { validateOfflineRequest } from '../../../shared/validation'
import { failure, success, type Outcome } from '../../../shared/outcome'
import type { AuthConfig } from '../config'
import { secretScrubber } from '../errors/scrub-secrets'
import type { HardwareIdSource } from '../hardware-id'
import {
  encodeRequestFile,
  fileSigner,
  formatRequestDate,
  hasValidSignature,
  parseRequestDate,
  readRequestFile,
  type DecodedRequestFile,
  type RequestFileProblem
} from './request-file'

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

function summarize(file: DecodedRequestFile): OfflineRequestSummary {
  const r = file.request
  const writtenBy = [r.app_name, r.app_ver].filter((v) => v !== undefined).join(' ') || r.sdk_ver || 'not stated'
  return {
    product: r.product,
    hardwareId: r.hardware_id,
    method: r.license_key !== undefined ? 'license-key' : 'user',
    licence: r.license_key !== undefined ? maskLicenceKey(r.license_key) : (r.username ?? ''),
    writtenAt: new Date(parseRequestDate(r.date) ?? 0).toISOString(),
    writtenBy,
    requestId: file.format === 'v2' ? file.request.request_id : 'none (older format)',
    format: file.format
  }
}

/** The key this app signs with, when the file names the same signer; otherwise only the server can check it. */
function ownKeyFor(file: DecodedRequestFile, auth: AuthConfig): string | null {
  const signer = fileSigner(file)
  if (auth.scheme === 'hmac') return signer.kind === 'api-key' && signer.apiKey === auth.apiKey ? auth.sharedKey : null
  return signer.kind === 'oauth' && signer.clientId === auth.clientId ? auth.clientSecret : null
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

  function read(content: unknown): Outcome<DecodedRequestFile> {
    if (typeof content !== 'string') {
      return failure(describeError('invalid_input', { field: 'file', detail: { problem: 'The request file’s content must be text.', nothing: 'sent' } }))
    }
    const reading = readRequestFile(content)
    if (!reading.ok) return failure(FILE_ERRORS[reading.problem](reading.detail))
    const key = ownKeyFor(reading.file, deps.auth)
    if (key !== null && !hasValidSignature(reading.file, key)) return failure(describeError('offline_file_tampered', { field: 'file' }))
    return success(reading.file)
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
      if (!deps.send)
        return failure(
          describeError('config_invalid', { detail: { problem: 'No License API server is configured, so the file cannot be uploaded from here.' } })
        )
      if (uploading) return failure(describeError('busy'))
      uploading = true
      try {
        const answer = await deps.send((content as string).trim())
        const r = file.value.request
        if (!answer.ok) return leaving(answer, r.license_key, r.password, file.value.signature)
        return success({ summary: summarize(file.value), at: now().toISOString() })
      } finally {
        uploading = false
      }
    }
  }
}
