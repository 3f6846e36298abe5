import { DATE_WINDOW_MS, type Principal, type RequestAuthenticator } from '../auth'
import { accept, refuse, reject, type Answer } from '../refusal'
import type { BundleCall } from '../request-body'
import { decodeRequestFile, MAX_REQUEST_FILE_BYTES, signatureMatches } from './request-file-decoder'

/*
 * POST deactivate_bundle_offline (§7): the request file as the raw body or as the `file`
 * part of a multipart form, signed like every call; the file itself is signed by the API
 * key (or OAuth client) it names. The vendor does not say how long a file stays valid, nor
 * which codes answer a changed, replayed or too old file: those are sandbox choices, marked below.
 */

/** Sandbox choice: a request file is accepted for 30 days after it was written… */
export const OFFLINE_FILE_MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000
/** …and up to the usual 15 minutes ahead of the server's clock (a PC clock slightly fast). */
export const OFFLINE_FILE_MAX_AHEAD_MS = DATE_WINDOW_MS
/** The file's 64 KiB plus room for a multipart envelope. */
export const OFFLINE_BODY_LIMIT = MAX_REQUEST_FILE_BYTES + 16 * 1024
/** Request ids remembered at most; beyond it (within the validity window) new files are refused, never let through twice. */
export const MAX_REMEMBERED_REQUESTS = 100_000

const MULTIPART = /^\s*multipart\/form-data\s*;/i

/** The request file's text from the body: raw, or the one `file` part of a multipart form. */
export async function offlineContent(contentType: string | undefined, raw: string): Promise<Answer<string>> {
  if (contentType === undefined || !MULTIPART.test(contentType)) {
    if (raw.trim() === '') return reject(refuse('missing_parameters', 'The request body is empty: send the request file'))
    return accept(raw)
  }
  let form: FormData
  try {
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- undici's parser, bounded by the 64 KiB body limit before it runs
    form = await new Request('http://sandbox.invalid/', { method: 'POST', headers: { 'content-type': contentType }, body: raw }).formData()
  } catch {
    return reject(refuse('validation_error', 'The multipart body could not be read'))
  }
  const parts = form.getAll('file')
  if (parts.length === 0) return reject(refuse('missing_parameters', 'Missing required parameter: file'))
  if (parts.length > 1) return reject(refuse('validation_error', 'Send exactly one "file" part'))
  const part = parts[0]!
  const content = typeof part === 'string' ? part : await part.text()
  return accept(content)
}

export interface CheckedOfflineRequest {
  call: BundleCall
  /** Whom the file acts for: the API key (or OAuth client) it names. */
  principal: Principal
  /** Ids that make the file single-use. */
  singleUseIds: readonly string[]
  /** Until when the ids must be remembered: afterwards the file is refused for its age anyway. */
  rememberUntil: number
}

export interface OfflineRequestRules {
  auth: RequestAuthenticator
  now: () => number
  /** The vendor's "Minimum Offline Request Schema Version" setting (default 1: both schemas). */
  minimumSchemaVersion: 1 | 2
}

/** Reads and verifies a request file: shape, schema version, signer, signature, date. */
export function checkOfflineRequest(content: string, rules: OfflineRequestRules): Answer<CheckedOfflineRequest> {
  if (content.trim() === '') return reject(refuse('missing_content', 'The request file is empty'))
  const decoding = decodeRequestFile(content)
  if (!decoding.ok) {
    if (decoding.failure.reason === 'too-large') return reject(refuse('validation_error', decoding.failure.message))
    return reject(refuse('authorization_missing_params', `The request file could not be read: ${decoding.failure.message}`))
  }
  const file = decoding.file
  // Sandbox-only code and words: the docs name the setting, not the answer to an older file.
  if (file.schemaVersion < rules.minimumSchemaVersion)
    return reject(
      refuse(
        'offline_request_schema_too_old',
        `The request file uses offline request schema version ${file.schemaVersion}; this account accepts version ${rules.minimumSchemaVersion} or newer`
      )
    )
  const signer = rules.auth.offlineSigner(file.fields.signer)
  if (!signer.ok) return signer
  // Sandbox-only code: the vendor documents anti-tampering, not its error code.
  if (!signatureMatches(file, signer.value.key)) return reject(refuse('offline_request_tampered', 'The request file signature does not match its content'))
  const { writtenAt, hardwareId, product, credential, licenseId } = file.fields
  const now = rules.now()
  if (now - writtenAt > OFFLINE_FILE_MAX_AGE_MS || writtenAt - now > OFFLINE_FILE_MAX_AHEAD_MS)
    return reject(refuse('offline_request_expired', 'The request file is older than 30 days or dated in the future'))

  return accept({
    call: { action: 'deactivate', hardwareId, product, ...(licenseId !== undefined ? { licenseId } : {}), credential },
    principal: signer.value.principal,
    singleUseIds: file.singleUseIds,
    rememberUntil: writtenAt + OFFLINE_FILE_MAX_AGE_MS
  })
}

/** Request ids already used (or being used right now), until their files expire. */
export class OfflineReplayGuard {
  private readonly used = new Map<string, number>()

  constructor(private readonly now: () => number) {}

  /** Claims every id of a file, or none: `used` when one was used before, `full` when the memory holds only unexpired ids. */
  reserve(ids: readonly string[], until: number): 'reserved' | 'used' | 'full' {
    if (ids.some((id) => this.used.has(id))) return 'used'
    if (this.used.size + ids.length > MAX_REMEMBERED_REQUESTS) this.forgetExpired()
    if (this.used.size + ids.length > MAX_REMEMBERED_REQUESTS) return 'full'
    for (const id of ids) this.used.set(id, until)
    return 'reserved'
  }

  /** Gives the ids back when the deactivation was refused, so the file can be uploaded again once the cause is fixed. */
  release(ids: readonly string[]): void {
    for (const id of ids) this.used.delete(id)
  }

  private forgetExpired(): void {
    const now = this.now()
    for (const [id, until] of this.used) if (until < now) this.used.delete(id)
  }
}
