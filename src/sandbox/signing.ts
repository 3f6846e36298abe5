import { createPrivateKey, createPublicKey, generateKeyPair, sign, type KeyObject } from 'node:crypto'
import { promisify } from 'node:util'

const generateRsaKeyPair = promisify(generateKeyPair)

/** Whom a v1 signature names: a licence key (signed whole) or a user's username / email. */
export interface SignedIdentity {
  kind: 'license-key' | 'user'
  value: string
}

/**
 * The string a v1 licence signature covers (license-api.md §9): lowercase(hardware_id # id # validity),
 * validity as toISOString() or ''. Only a user identifier is cut before any `|`, as the SDKs do;
 * a licence key is signed whole.
 */
export const v1SigningString = (hardwareId: string, identity: SignedIdentity, validityPeriod: string | null): string => {
  const id = identity.kind === 'user' ? identity.value.split('|')[0] : identity.value
  return `${hardwareId}#${id}#${validityPeriod === null ? '' : new Date(validityPeriod).toISOString()}`.toLowerCase()
}

/** Signs what the License API signs: RSA-SHA256, PKCS#1 v1.5, Base64. */
export interface ResponseSigner {
  /** SPKI PEM of the public half: what a client configures as `publicKey`. */
  readonly publicKey: string
  /** `license_signature` of one licence object. */
  signLicense(hardwareId: string, identity: SignedIdentity, validityPeriod: string | null): Promise<string>
  /** `LicenseSignature` header: the signature of the exact body (UTF-8 bytes of this text). */
  signBody(body: string): Promise<string>
}

const CACHE_LIMIT = 4096

/**
 * PKCS#1 v1.5 signatures are deterministic, so a text signed once is answered from memory
 * the next time (a device re-activated, a bundle's products sharing one v1 signature).
 * Bounded: the oldest entry goes when full.
 */
function memoize(compute: (text: string) => Promise<string>): (text: string) => Promise<string> {
  const cache = new Map<string, Promise<string>>()
  return (text) => {
    let signature = cache.get(text)
    if (!signature) {
      if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!)
      signature = compute(text)
      cache.set(text, signature)
      signature.catch(() => cache.delete(text))
    }
    return signature
  }
}

/** Creates the signer from a PEM private key, or from a fresh 2048-bit RSA key. */
export async function createResponseSigner(privateKeyPem?: string): Promise<ResponseSigner> {
  const privateKey: KeyObject = privateKeyPem ? createPrivateKey(privateKeyPem) : (await generateRsaKeyPair('rsa', { modulusLength: 2048 })).privateKey
  if (privateKey.asymmetricKeyType !== 'rsa') throw new Error('The response signing key must be an RSA key')
  const publicKey = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString()

  // Signing runs on libuv's thread pool (async crypto.sign), so the event loop keeps serving.
  const rsaSign = (text: string): Promise<string> =>
    new Promise((resolve, reject) =>
      sign('sha256', Buffer.from(text), privateKey, (error, signature) => (error ? reject(error) : resolve(signature.toString('base64'))))
    )
  const signLicense = memoize(rsaSign)
  return {
    publicKey,
    signLicense: (hardwareId, identity, validityPeriod) => signLicense(v1SigningString(hardwareId, identity, validityPeriod)),
    signBody: memoize(rsaSign)
  }
}
