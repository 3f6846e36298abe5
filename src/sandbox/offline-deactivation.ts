import { fileSigner, hasValidSignature, MAX_REQUEST_FILE_BYTES, parseRequestDate, readRequestFile, replayId } from '../main/engine/offline/request-file'
import { DATE_WINDOW_MS, type Principal, type RequestAuthenticator } from './auth'
import { accept, refuse, reject, type Answer } from './refusal'
import type { BundleCall } from './request-body'

/*
 * POST deactivate_bundle_offline (§7): the request file as the raw body or as the `file`
 * part of a multipart form, signed like every call; the file itself is signed by the API
 * key it names. The vendor does not say how long a file stays valid, nor which codes
 * answer a tampered or replayed file: those are sandbox choices, marked below.
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
  /** Single-use id of the file. */
  replayId: string
  /** Until when the id must be remembered: afterwards the file is refused for its age anyway. */
  rememberUntil: number
}

/** Reads and verifies a request file: shape, signer, signature, date. */
export function checkOfflineRequest(content: string, deps: { auth: RequestAuthenticator; now: () => number }): Answer<CheckedOfflineRequest> {
  if (content.trim() === '') return reject(refuse('missing_content', 'The request file is empty'))
  const reading = readRequestFile(content)
  if (!reading.ok) {
    if (reading.problem === 'too-large') return reject(refuse('validation_error', reading.detail))
    return reject(refuse('authorization_missing_params', `The request file could not be read: ${reading.detail}`))
  }
  const file = reading.file
  const signer = deps.auth.offlineSigner(fileSigner(file))
  if (!signer.ok) return signer
  // Sandbox-only code: the vendor documents anti-tampering, not its error code.
  if (!hasValidSignature(file, signer.value.key)) return reject(refuse('offline_request_tampered', 'The request file signature does not match its content'))
  const written = parseRequestDate(file.request.date)!
  const now = deps.now()
  if (now - written > OFFLINE_FILE_MAX_AGE_MS || written - now > OFFLINE_FILE_MAX_AHEAD_MS)
    return reject(refuse('offline_request_expired', 'The request file is older than 30 days or dated in the future'))

  const r = file.request
  const credential =
    r.license_key !== undefined
      ? ({ kind: 'license-key', licenseKey: r.license_key } as const)
      : ({ kind: 'user', username: r.username!, ...(r.password !== undefined ? { password: r.password } : {}) } as const)
  return accept({
    call: { action: 'deactivate', hardwareId: r.hardware_id, product: r.product, credential },
    principal: signer.value.principal,
    replayId: replayId(file),
    rememberUntil: written + OFFLINE_FILE_MAX_AGE_MS
  })
}

/** Request ids already used (or being used right now), until their files expire. */
export class OfflineReplayGuard {
  private readonly used = new Map<string, number>()

  constructor(private readonly now: () => number) {}

  /** Claims the id: `used` when it was used before, `full` when the memory holds only unexpired ids. */
  reserve(id: string, until: number): 'reserved' | 'used' | 'full' {
    if (this.used.has(id)) return 'used'
    if (this.used.size >= MAX_REMEMBERED_REQUESTS) this.forgetExpired()
    if (this.used.size >= MAX_REMEMBERED_REQUESTS) return 'full'
    this.used.set(id, until)
    return 'reserved'
  }

  /** Gives the id back when the deactivation was refused, so the file can be uploaded again once the cause is fixed. */
  release(id: string): void {
    this.used.delete(id)
  }

  private forgetExpired(): void {
    const now = this.now()
    for (const [id, until] of this.used) if (until < now) this.used.delete(id)
  }
}
