import { createHmac, timingSafeEqual } from 'node:crypto'
import { parseHttpDate } from '../auth'
import { nestsDeeperThan, objectMembers, parseData, type Member } from './json-text'

/*
 * The sandbox's own reading of an offline deactivation request file (License API §7), written
 * from the vendor's docs and what the official SDKs write — never the app's parser, so the two
 * cannot share a mistake.
 *
 * A file is Base64 of a JSON text, in one of two schemas:
 * - v2 (the "Offline Request Schema" page; Node `createOfflineDeactivationPayload`, Python
 *   `deactivate_offline_dump`, the C++ SDK): `{"request": {…, "schema_version": 2}, "signature": S}`,
 *   S = HMAC-SHA256(shared key, or the OAuth client secret, the JSON text of `request`). The Node
 *   and Python SDKs write S in Base64, the docs' example in hex; Python writes the JSON with spaces
 *   (`json.dumps`), Node without. The signature is checked against `request` exactly as the file
 *   writes it, and against its compact form (what a server that re-serialises the object signs).
 *   Python and C++ also put an inner `signature` (the v1 one) in `request`: it is covered by S.
 * - v1 (the older docs' schema): the flat object, `signature` = HMAC-SHA256(key,
 *   "licenseSpring\ndate: <date>\n<license_key or username>\n<hardware_id>\n<api_key or client_id>").
 *   It covers nothing else: a changed product or device field cannot be detected.
 */

export const MAX_REQUEST_FILE_BYTES = 64 * 1024
/** Deepest nesting of objects and arrays a file may have (the documented shapes need 3). */
export const MAX_NESTING = 8

type Rule =
  | { kind: 'text'; max: number; mayBeEmpty?: true }
  | { kind: 'integer' }
  | { kind: 'number' }
  | { kind: 'boolean' }
  | { kind: 'variables' }
  | { kind: 'features' }
  | { kind: 'literal'; value: string | number }

const text = (max: number): Rule => ({ kind: 'text', max })
/** Device metadata: an SDK that cannot tell sends an empty string. */
const metadata = (max: number): Rule => ({ kind: 'text', max, mayBeEmpty: true })

/** Fields of both schemas: the docs' (old and new) and what the official SDKs put in a deactivation file. */
const COMMON_FIELDS: Record<string, Rule> = {
  hardware_id: text(1024),
  product: text(128),
  license_key: text(256),
  username: text(320),
  api_key: text(256),
  client_id: text(256),
  date: text(64),
  request: { kind: 'literal', value: 'deactivation' },
  request_id: text(128),
  license_id: { kind: 'integer' },
  bundle_code: text(128),
  sdk_ver: metadata(256),
  sdk_lang: metadata(32),
  app_name: metadata(256),
  app_ver: metadata(256),
  os_ver: metadata(256),
  hostname: metadata(256),
  os_hostname: metadata(256),
  ip: metadata(64),
  ip_local: metadata(64),
  mac_address: metadata(64),
  is_vm: { kind: 'boolean' },
  vm_info: metadata(1024),
  variables: { kind: 'variables' },
  consumptions: { kind: 'number' },
  product_features: { kind: 'features' }
}

const V2_FIELDS: Record<string, Rule> = { ...COMMON_FIELDS, schema_version: { kind: 'literal', value: 2 }, signature: text(256) }
const V1_FIELDS: Record<string, Rule> = { ...COMMON_FIELDS, schema_version: { kind: 'literal', value: 1 }, signature: text(256) }

const MAX_VARIABLES = 64
const MAX_FEATURES = 256

export interface OfflineRequestFields {
  hardwareId: string
  product: string
  credential: { kind: 'license-key'; licenseKey: string } | { kind: 'user'; username: string }
  /** Who signed the file: the API key, or the OAuth client, it names. */
  signer: { kind: 'api-key'; apiKey: string } | { kind: 'oauth'; clientId: string }
  /** When the file says it was written (ms since the epoch). */
  writtenAt: number
  licenseId?: number
}

export interface DecodedRequestFile {
  schemaVersion: 1 | 2
  fields: OfflineRequestFields
  /** The texts the file's signature may cover: v2 the `request` object as written and compact; v1 its signing string. */
  signedTexts: readonly string[]
  /** The signature's 32 bytes, or null when it is in no encoding the schema uses (it then matches nothing). */
  signature: Buffer | null
  /** Ids that make the file single-use; a v2 file with an inner v1 signature names that too, so it cannot come back as a v1 file. */
  singleUseIds: readonly string[]
}

/** Why a file was not read: too large, or not a readable deactivation request (the message says what). */
export type DecodeFailure = { reason: 'too-large' | 'unreadable'; message: string }

export type Decoding = { ok: true; file: DecodedRequestFile } | { ok: false; failure: DecodeFailure }

const unreadable = (message: string): Decoding => ({ ok: false, failure: { reason: 'unreadable', message } })

const HEX_SHA256 = /^[0-9a-fA-F]{64}$/

/** Strict Base64 (standard alphabet, padded, canonical): the bytes, or null. */
function base64Bytes(value: string): Buffer | null {
  // Node's decoder skips what is not Base64 and reads the URL-safe alphabet too: only text that
  // encodes back to itself is strict (standard alphabet, canonical, padded).
  const bytes = Buffer.from(value, 'base64')
  return value !== '' && bytes.toString('base64') === value ? bytes : null
}

/** A signature's HMAC bytes: Base64 (both schemas), or hex (v2, as the docs' example writes it). */
function signatureBytes(value: string, hexAllowed: boolean): Buffer | null {
  if (hexAllowed && HEX_SHA256.test(value)) return Buffer.from(value, 'hex')
  const bytes = base64Bytes(value)
  return bytes?.length === 32 ? bytes : null
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
/** The Node SDK's dayjs form `ddd MMM D YYYY HH:mm:ss [GMT]ZZ`, e.g. `Tue Jun 7 2011 20:51:35 GMT+0000`. */
const NODE_SDK_DATE =
  /^(Sun|Mon|Tue|Wed|Thu|Fri|Sat) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{1,2}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT([+-])(\d{2})(\d{2})$/

function parseNodeSdkDate(value: string): number | null {
  const m = NODE_SDK_DATE.exec(value)
  if (!m) return null
  const [, weekday, month, day, year, hour, minute, second, sign, offsetHours, offsetMinutes] = m
  const local = Date.UTC(Number(year), MONTHS.indexOf(month!), Number(day), Number(hour), Number(minute), Number(second))
  const check = new Date(local)
  // A field past its range rolls over into the next: seconds into the minute, minutes into the hour, hours and days into the date.
  if (check.getUTCDate() !== Number(day) || check.getUTCMinutes() !== Number(minute)) return null
  if (WEEKDAYS[check.getUTCDay()] !== weekday || Number(offsetMinutes) > 59) return null
  const offset = (Number(offsetHours) * 60 + Number(offsetMinutes)) * 60_000
  return sign === '+' ? local - offset : local + offset
}

/** A file's `date`: RFC 7231's IMF-fixdate (docs, Python, C++) or the Node SDK's form; null for anything else. */
export const parseRequestDate = (value: string): number | null => parseHttpDate(value) ?? parseNodeSdkDate(value)

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const isScalar = (v: unknown) => typeof v === 'string' || typeof v === 'boolean' || Number.isFinite(v)

function fieldProblem(name: string, value: unknown, rule: Rule): string | null {
  switch (rule.kind) {
    case 'text':
      if (typeof value !== 'string') return `Field "${name}" must be a string`
      if (value.trim() === '' && rule.mayBeEmpty !== true) return `Field "${name}" must not be empty`
      return value.length > rule.max ? `Field "${name}" must be at most ${rule.max} characters` : null
    case 'integer':
      return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? null : `Field "${name}" must be a positive integer`
    case 'number':
      return Number.isFinite(value) ? null : `Field "${name}" must be a number`
    case 'boolean':
      return typeof value === 'boolean' ? null : `Field "${name}" must be a boolean`
    case 'literal':
      return value === rule.value ? null : `Field "${name}" must be ${JSON.stringify(rule.value)}`
    case 'variables':
      // The device-variables docs: values may be a string, a number or a boolean.
      if (!isObject(value) || Object.keys(value).length > MAX_VARIABLES) return `Field "${name}" must be an object of at most ${MAX_VARIABLES} variables`
      return Object.values(value).every(isScalar) ? null : `Field "${name}" may hold only strings, numbers and booleans`
    case 'features': {
      const items = Array.isArray(value) ? value : isObject(value) ? Object.values(value) : null
      return items !== null && items.length <= MAX_FEATURES ? null : `Field "${name}" must be a list or an object of at most ${MAX_FEATURES} entries`
    }
  }
}

/** Checks a request's fields against a schema's table; `null` counts as absent. */
function checkedFields(
  request: Record<string, unknown>,
  table: Record<string, Rule>
): { ok: true; fields: Record<string, unknown> } | { ok: false; message: string } {
  const fields = Object.create(null) as Record<string, unknown>
  const unknown = Object.keys(request).filter((name) => !Object.hasOwn(table, name))
  if (unknown.length > 0) return { ok: false, message: `Unknown field${unknown.length > 1 ? 's' : ''}: ${unknown.map((n) => `"${n}"`).join(', ')}` }
  for (const [name, value] of Object.entries(request)) {
    if (value === null) continue
    const problem = fieldProblem(name, value, table[name]!)
    if (problem) return { ok: false, message: problem }
    fields[name] = value
  }
  return { ok: true, fields }
}

const missing = (names: readonly string[]) => `Some parameters are missing in the request file: ${names.join(', ')}`

/** The fields every deactivation request needs, in either schema. */
function requestFields(f: Record<string, unknown>): { ok: true; value: OfflineRequestFields } | { ok: false; message: string } {
  const absent = ['hardware_id', 'product', 'date'].filter((name) => f[name] === undefined)
  if (f['license_key'] === undefined && f['username'] === undefined) absent.push('license_key or username')
  if (f['api_key'] === undefined && f['client_id'] === undefined) absent.push('api_key or client_id')
  if (absent.length > 0) return { ok: false, message: missing(absent) }
  if (f['license_key'] !== undefined && f['username'] !== undefined) return { ok: false, message: 'Send a license_key or a username, not both' }
  if (f['api_key'] !== undefined && f['client_id'] !== undefined) return { ok: false, message: 'Name an api_key or a client_id, not both' }
  const writtenAt = parseRequestDate(f['date'] as string)
  if (writtenAt === null) return { ok: false, message: 'Field "date" must be an RFC 7231 date (e.g. "Tue, 07 Jun 2011 20:51:35 GMT") or the Node SDK\'s form' }
  return {
    ok: true,
    value: {
      hardwareId: f['hardware_id'] as string,
      product: f['product'] as string,
      credential:
        f['license_key'] !== undefined ? { kind: 'license-key', licenseKey: f['license_key'] as string } : { kind: 'user', username: f['username'] as string },
      signer: f['api_key'] !== undefined ? { kind: 'api-key', apiKey: f['api_key'] as string } : { kind: 'oauth', clientId: f['client_id'] as string },
      writtenAt,
      ...(f['license_id'] !== undefined ? { licenseId: f['license_id'] as number } : {})
    }
  }
}

/** The string a v1 signature covers. */
export function v1SigningText(fields: OfflineRequestFields, date: string): string {
  const identity = fields.credential.kind === 'license-key' ? fields.credential.licenseKey : fields.credential.username
  const signer = fields.signer.kind === 'api-key' ? fields.signer.apiKey : fields.signer.clientId
  return `licenseSpring\ndate: ${date}\n${identity}\n${fields.hardwareId}\n${signer}`
}

const hasDuplicate = (members: readonly Member[]) => new Set(members.map((m) => m.key)).size !== members.length

function decodeV2(members: readonly Member[], root: Record<string, unknown>): Decoding {
  if (members.length !== 2 || typeof root['signature'] !== 'string') return unreadable('A request file in schema 2 holds exactly "request" and "signature"')
  const request = root['request'] as Record<string, unknown>
  const requestText = members.find((m) => m.key === 'request')!.text
  // `request` is an object, so its text is an object's: it has members.
  if (hasDuplicate(objectMembers(requestText)!)) return unreadable('The "request" object names a field twice')
  if (request['request'] === 'activation') return unreadable('This is an offline activation request, not a deactivation request')
  if (request['schema_version'] === undefined) return unreadable(missing(['schema_version']))
  const checked = checkedFields(request, V2_FIELDS)
  if (!checked.ok) return unreadable(checked.message)
  const absent = ['request_id', 'request'].filter((name) => checked.fields[name] === undefined)
  if (absent.length > 0) return unreadable(missing(absent))
  const fields = requestFields(checked.fields)
  if (!fields.ok) return unreadable(fields.message)
  const innerSignature = checked.fields['signature'] as string | undefined
  return {
    ok: true,
    file: {
      schemaVersion: 2,
      fields: fields.value,
      signedTexts: [...new Set([requestText, JSON.stringify(request)])],
      signature: signatureBytes(root['signature'], true),
      singleUseIds: [`request:${checked.fields['request_id'] as string}`, ...(innerSignature !== undefined ? [`v1:${innerSignature}`] : [])]
    }
  }
}

function decodeV1(root: Record<string, unknown>): Decoding {
  if (root['request'] === 'activation') return unreadable('This is an offline activation request, not a deactivation request')
  const checked = checkedFields(root, V1_FIELDS)
  if (!checked.ok) return unreadable(checked.message)
  if (checked.fields['signature'] === undefined) return unreadable(missing(['signature']))
  const fields = requestFields(checked.fields)
  if (!fields.ok) return unreadable(fields.message)
  const signature = checked.fields['signature'] as string
  return {
    ok: true,
    file: {
      schemaVersion: 1,
      fields: fields.value,
      signedTexts: [v1SigningText(fields.value, checked.fields['date'] as string)],
      signature: signatureBytes(signature, false),
      // The v1 signature covers no request_id: the signature itself makes the file single-use.
      singleUseIds: [`v1:${signature}`]
    }
  }
}

/**
 * Reads a request file's text: size first, then strict Base64, UTF-8, a bounded nesting scan,
 * a data-only parse, and the schema its shape names. Nothing in the file is evaluated.
 */
export function decodeRequestFile(content: string): Decoding {
  if (Buffer.byteLength(content) > MAX_REQUEST_FILE_BYTES)
    return { ok: false, failure: { reason: 'too-large', message: `The request file is larger than ${MAX_REQUEST_FILE_BYTES} bytes` } }
  const bytes = base64Bytes(content.trim())
  if (bytes === null) return unreadable('The request file is not Base64 text')
  let json: string
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return unreadable('The decoded request file is not UTF-8 text')
  }
  if (nestsDeeperThan(json, MAX_NESTING)) return unreadable(`The request file nests deeper than ${MAX_NESTING} levels`)
  const parsed = parseData(json)
  if (!parsed.ok) return unreadable(parsed.prototypeKey ? 'The request file holds a prototype-related key' : 'The decoded request file is not JSON')
  if (!isObject(parsed.value)) return unreadable('The decoded request file is not a JSON object')
  // An object's text has members.
  const members = objectMembers(json)!
  if (hasDuplicate(members)) return unreadable('The request file names a field twice')
  return isObject(parsed.value['request']) ? decodeV2(members, parsed.value) : decodeV1(parsed.value)
}

/** Whether the file's signature is the HMAC-SHA256 of what it covers with `key` (constant time per candidate). */
export function signatureMatches(file: Pick<DecodedRequestFile, 'signedTexts' | 'signature'>, key: string): boolean {
  const given = file.signature
  if (given === null) return false
  let matched = false
  for (const signed of file.signedTexts) {
    const expected = createHmac('sha256', key).update(signed).digest()
    if (timingSafeEqual(expected, given)) matched = true
  }
  return matched
}
