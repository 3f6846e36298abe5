import { createPublicKey, verify, type KeyObject } from 'node:crypto'
import { describeError, type AppError } from '../../../shared/errors'
import type { SignatureCheck } from '../../../shared/licences-on-pc'

/** Whom a v1 licence signature names: a licence key (whole) or a user's username or email. */
export type SignedIdentity = { kind: 'key'; value: string } | { kind: 'user'; value: string }

/**
 * Checks the License API's answer signatures (license-api.md §9) with the vendor's public key:
 * RSA-SHA256, PKCS#1 v1.5, Base64. Without a key nothing is checked, and the result says so.
 */
export interface ResponseSignatures {
  readonly check: SignatureCheck
  /**
   * v2, the `LicenseSignature` header: the signature of the body's exact bytes (what the Python
   * SDK checks) or of its compact JSON (what the Node SDK checks). Undefined when it verifies.
   */
  body(rawBody: string, parsed: unknown, header: string | null): AppError | undefined
  /** v1, one licence's `license_signature`: lowercase(hardware_id # id # validity). Undefined when it verifies. */
  licence(signature: unknown, hardwareId: string, identity: SignedIdentity, validityPeriod: unknown): AppError | undefined
}

const untrusted = (): AppError => describeError('response_signature_invalid')
const unsigned = (): AppError => describeError('response_signature_invalid', { detail: { problem: 'missing' } })

/** The string a v1 signature covers; the validity as toISOString(), or empty. Only a user identifier is cut at "|". */
export function v1SigningString(hardwareId: string, identity: SignedIdentity, validityPeriod: unknown): string {
  const id = identity.kind === 'user' ? (identity.value.split('|')[0] ?? '') : identity.value
  let validity = ''
  if (typeof validityPeriod === 'string' && validityPeriod !== '') {
    const time = new Date(validityPeriod)
    validity = Number.isNaN(time.getTime()) ? validityPeriod : time.toISOString()
  }
  return `${hardwareId}#${id}#${validity}`.toLowerCase()
}

/** A Base64 RSA signature is a few hundred characters; anything else is not one. */
const SIGNATURE = /^[A-Za-z0-9+/]{40,2048}={0,2}$/

function verifies(key: KeyObject, text: string, signature: string): boolean {
  if (!SIGNATURE.test(signature)) return false
  try {
    return verify('sha256', Buffer.from(text, 'utf8'), key, Buffer.from(signature, 'base64'))
  } catch {
    return false
  }
}

export function responseSignatures(publicKeyPem: string | undefined): ResponseSignatures {
  if (publicKeyPem === undefined) {
    return { check: 'not-configured', body: () => undefined, licence: () => undefined }
  }
  const key = createPublicKey(publicKeyPem)
  return {
    check: 'verified',
    body(rawBody, parsed, header) {
      const signature = header?.trim() ?? ''
      if (signature === '') return unsigned()
      if (verifies(key, rawBody, signature) || verifies(key, JSON.stringify(parsed), signature)) return undefined
      return untrusted()
    },
    licence(signature, hardwareId, identity, validityPeriod) {
      if (typeof signature !== 'string' || signature === '') return unsigned()
      return verifies(key, v1SigningString(hardwareId, identity, validityPeriod), signature) ? undefined : untrusted()
    }
  }
}
