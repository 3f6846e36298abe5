import { createHmac, timingSafeEqual } from 'node:crypto'
import { z } from 'zod'
import { hasControlCharacters } from '../../../shared/control-characters'
import { MAX_REQUEST_FILE_BYTES } from '../../../shared/offline-request-file'

/*
 * The offline deactivation request file of LicenseSpring's License API (§7):
 * Base64 of a JSON text. Current format (v2): `{request: {…, request: "deactivation",
 * schema_version: 2}, signature}` where the signature is Base64(HMAC-SHA256(key, the JSON
 * text of `request`)). Older format (v1): the flat object with `date` and `signature`
 * over "licenseSpring\ndate: <date>\n<licence key or username>\n<hardware id>\n<api key>".
 * The app writes v2 and reads both; the sandbox verifies both with this module.
 */

export { MAX_REQUEST_FILE_BYTES }
/** Deepest nesting of objects and arrays accepted in the decoded JSON (the format needs 3). */
export const MAX_JSON_DEPTH = 8

const HOSTILE_KEYS = new Set(['__proto__', 'constructor', 'prototype'])
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
/** The node SDK's dayjs form `ddd MMM D YYYY HH:mm:ss [GMT]ZZ` and RFC 7231's IMF-fixdate (Python SDK). */
const SDK_DATE = /^(Sun|Mon|Tue|Wed|Thu|Fri|Sat) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2} \d{4} \d{2}:\d{2}:\d{2} GMT[+-]\d{4}$/
const IMF_DATE = /^(Sun|Mon|Tue|Wed|Thu|Fri|Sat), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/

const text = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .refine((v) => v.trim() !== '' && !hasControlCharacters(v))
const requestDate = z
  .string()
  .max(64)
  .refine((v) => parseRequestDate(v) !== null)
const scalar = z.union([z.string().max(1024), z.number(), z.boolean(), z.null()])

/** Fields both formats share: what identifies the seat, plus the SDKs' optional device fields. */
const COMMON_FIELDS = {
  hardware_id: text(1024),
  product: text(128),
  license_key: text(256).optional(),
  username: text(320).optional(),
  /** The node SDK passes its input through: a file it wrote may carry one. This app never writes it. */
  password: text(1024).optional(),
  sdk_ver: text(256).optional(),
  app_name: text(256).optional(),
  app_ver: text(256).optional(),
  bundle_code: text(128).optional(),
  hostname: text(256).optional(),
  os_hostname: text(256).optional(),
  ip: text(64).optional(),
  ip_local: text(64).optional(),
  mac_address: text(64).optional(),
  os_ver: text(256).optional(),
  vm_info: text(1024).optional(),
  is_vm: z.boolean().optional(),
  consumptions: z.number().int().nonnegative().optional(),
  variables: z
    .record(z.string().max(256), scalar)
    .refine((v) => Object.keys(v).length <= 64)
    .optional(),
  date: requestDate
}

const oneCredential = (r: { license_key?: string | undefined; username?: string | undefined; password?: string | undefined }) =>
  (r.license_key === undefined) !== (r.username === undefined) && (r.password === undefined || r.username !== undefined)

const v2Request = z
  .strictObject({
    ...COMMON_FIELDS,
    api_key: text(256).optional(),
    client_id: text(256).optional(),
    request_id: z.string().regex(UUID),
    request: z.literal('deactivation'),
    schema_version: z.literal(2)
  })
  .refine(oneCredential, { error: 'credentials' })
  .refine((r) => (r.api_key === undefined) !== (r.client_id === undefined), { error: 'signer' })

const v1Request = z.strictObject({ ...COMMON_FIELDS, api_key: text(256), signature: text(256) }).refine(oneCredential, { error: 'credentials' })

type RequestFileV2Body = z.infer<typeof v2Request>
type RequestFileV1Body = z.infer<typeof v1Request>

/** A request file, read and checked for shape; its signature is not verified yet. */
export type DecodedRequestFile =
  | { format: 'v2'; request: RequestFileV2Body; signature: string; signedText: string }
  | { format: 'v1'; request: RequestFileV1Body; signature: string; signedText: string }

export type RequestFileProblem = 'empty' | 'too-large' | 'not-base64' | 'truncated' | 'not-json' | 'hostile' | 'activation-request' | 'not-a-request'

export type RequestFileReading = { ok: true; file: DecodedRequestFile } | { ok: false; problem: RequestFileProblem; detail: string }

const problem = (kind: RequestFileProblem, detail: string): RequestFileReading => ({ ok: false, problem: kind, detail })

/**
 * Nesting depth and completeness of a JSON text, scanned before JSON.parse so a deeply
 * nested file never reaches the parser's recursion. `open` is true when the text ends
 * inside a string or an unclosed object/array: a cut-off file.
 */
function scanJson(textValue: string): { tooDeep: boolean; open: boolean } {
  let depth = 0
  let inString = false
  for (let i = 0; i < textValue.length; i++) {
    const c = textValue.charCodeAt(i)
    if (inString) {
      if (c === 0x5c) i++
      else if (c === 0x22) inString = false
    } else if (c === 0x22) inString = true
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > MAX_JSON_DEPTH) return { tooDeep: true, open: true }
    } else if (c === 0x7d || c === 0x5d) depth--
  }
  return { tooDeep: false, open: inString || depth > 0 }
}

/** JSON.parse that refuses prototype-related keys anywhere (the parsed value is data only). */
function parseDataOnly(textValue: string): { ok: true; value: unknown } | { ok: false; hostile: boolean } {
  let hostile = false
  try {
    const value: unknown = JSON.parse(textValue, (key, v: unknown) => {
      if (HOSTILE_KEYS.has(key)) hostile = true
      return v
    })
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- the reviver above sets it during JSON.parse
    return hostile ? { ok: false, hostile } : { ok: true, value }
  } catch {
    return { ok: false, hostile }
  }
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** The first Base64 group decodes to the start of a JSON object, as every request file's does. */
const looksLikeJsonStart = (encoded: string): boolean =>
  encoded.length >= 4 && Buffer.from(encoded.slice(0, 4), 'base64').toString('latin1').trimStart().startsWith('{')

/**
 * Reads a request file's content: size first, then strict Base64, UTF-8, a bounded JSON
 * scan, a data-only parse and the schema of v2 or v1. Nothing in the file is evaluated.
 */
export function readRequestFile(content: string): RequestFileReading {
  if (Buffer.byteLength(content, 'utf8') > MAX_REQUEST_FILE_BYTES) return problem('too-large', `The file is larger than ${MAX_REQUEST_FILE_BYTES} bytes.`)
  const encoded = content.trim()
  if (encoded === '') return problem('empty', 'The file is empty.')
  if (!BASE64.test(encoded)) return problem('not-base64', 'The file is not Base64 text.')
  if (encoded.length % 4 !== 0) {
    // Cut off only if what is there starts as a request file does (Base64 of "{"); any other text is not one.
    return looksLikeJsonStart(encoded) ? problem('truncated', 'The Base64 text ends early.') : problem('not-json', 'The file is not Base64 of a JSON object.')
  }
  const bytes = Buffer.from(encoded, 'base64')
  if (bytes.toString('base64') !== encoded) return problem('not-base64', 'The file is not canonical Base64 text.')
  let json: string
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return problem('not-json', 'The decoded file is not UTF-8 text.')
  }
  if (!json.trimStart().startsWith('{')) return problem('not-json', 'The decoded file is not a JSON object.')
  const scan = scanJson(json)
  if (scan.tooDeep) return problem('hostile', `The JSON is nested deeper than ${MAX_JSON_DEPTH} levels.`)
  const parsed = parseDataOnly(json)
  if (!parsed.ok) {
    if (parsed.hostile) return problem('hostile', 'The JSON holds a prototype-related key.')
    return scan.open ? problem('truncated', 'The JSON text ends early.') : problem('not-json', 'The decoded file is not valid JSON.')
  }
  const root = parsed.value
  if (!isPlainObject(root)) return problem('not-json', 'The decoded file is not a JSON object.')

  if (isPlainObject(root['request'])) {
    const inner = root['request']
    if (inner['request'] === 'activation') return problem('activation-request', 'This is an offline activation request.')
    const keys = Object.keys(root)
    if (keys.length !== 2 || typeof root['signature'] !== 'string' || root['signature'].length > 256) {
      return problem('not-a-request', 'The file must hold exactly "request" and "signature".')
    }
    const request = v2Request.safeParse(inner)
    if (!request.success) return problem('not-a-request', describeIssue(request.error))
    return { ok: true, file: { format: 'v2', request: request.data, signature: root['signature'], signedText: JSON.stringify(inner) } }
  }
  const flat = v1Request.safeParse(root)
  if (!flat.success) return problem('not-a-request', describeIssue(flat.error))
  return { ok: true, file: { format: 'v1', request: flat.data, signature: flat.data.signature, signedText: v1SigningText(flat.data) } }
}

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0]
  if (!issue) return 'The file does not have the fields of a deactivation request.'
  if (issue.code === 'unrecognized_keys') return `Unknown field "${issue.keys[0] ?? ''}".`
  if (issue.message === 'credentials') return 'The file must name exactly one licence key or username.'
  if (issue.message === 'signer') return 'The file must name exactly one API key or client id.'
  const field = issue.path.join('.')
  return field ? `Field "${field}" is missing or not in the expected form.` : 'The file does not have the fields of a deactivation request.'
}

/** The text a v1 file's signature covers. */
const v1SigningText = (r: { date: string; license_key?: string | undefined; username?: string | undefined; hardware_id: string; api_key: string }): string =>
  `licenseSpring\ndate: ${r.date}\n${r.license_key ?? r.username ?? ''}\n${r.hardware_id}\n${r.api_key}`

/** Base64(HMAC-SHA256(key, text)): the signature of both formats over their signed text. */
const signRequestText = (key: string, signedText: string): string => createHmac('sha256', key).update(signedText).digest('base64')

/** Constant-time check of a file's signature with the shared key (or OAuth client secret). */
export function hasValidSignature(file: Pick<DecodedRequestFile, 'signature' | 'signedText'>, key: string): boolean {
  const expected = Buffer.from(signRequestText(key, file.signedText))
  const given = Buffer.from(file.signature)
  return expected.length === given.length && timingSafeEqual(expected, given)
}

/** The node SDK's date form: `Tue Jun 7 2011 20:51:35 GMT+0000` (always UTC here). */
export function formatRequestDate(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${DAYS[at.getUTCDay()]} ${MONTHS[at.getUTCMonth()]} ${at.getUTCDate()} ${at.getUTCFullYear()} ${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}:${pad(at.getUTCSeconds())} GMT+0000`
}

/** Milliseconds since the epoch of a file's `date` in either SDK's form, else null. */
export function parseRequestDate(value: string): number | null {
  if (!SDK_DATE.test(value) && !IMF_DATE.test(value)) return null
  const time = Date.parse(value)
  return Number.isNaN(time) ? null : time
}

/** The file's content: Base64 of the JSON text of `{request, signature}`. */
export function encodeRequestFile(request: Record<string, unknown>, key: string): string {
  const signedText = JSON.stringify(request)
  return Buffer.from(JSON.stringify({ request, signature: signRequestText(key, signedText) }), 'utf8').toString('base64')
}

/** Who signed the file: the API key (HMAC scheme) or the OAuth client id. */
export const fileSigner = (file: DecodedRequestFile): { kind: 'api-key'; apiKey: string } | { kind: 'oauth'; clientId: string } =>
  file.request.api_key !== undefined
    ? { kind: 'api-key', apiKey: file.request.api_key }
    : { kind: 'oauth', clientId: (file.request as RequestFileV2Body).client_id ?? '' }

/** The single-use id of a file: v2's request_id; a v1 file has none, so its signature stands in. */
export const replayId = (file: DecodedRequestFile): string => (file.format === 'v2' ? file.request.request_id : `v1:${file.signature}`)
