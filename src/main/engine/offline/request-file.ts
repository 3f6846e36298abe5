import { createHmac } from 'node:crypto'
import { t, translator } from '../../../shared/i18n/current'
import { MAX_REQUEST_FILE_BYTES } from '../../../shared/offline-request-file'

/*
 * The offline deactivation request file of LicenseSpring's License API (§7): Base64 of a JSON
 * text, either wrapped — `{request: {…}, signature}`, schema version 2, as the Node, Python and
 * C++ SDKs and the docs' example write it — or flat (the older v1 schema). The app writes the
 * wrapped form with LicenseSpring's Node SDK's fields. Reading, it checks only what it must to
 * show what a file will free and to read it safely: size, Base64 of a JSON object, nesting, no
 * prototype-related keys, a deactivation request naming a bundle, a hardware id and a licence
 * key or username. Its signature, its date and every other field are the server's to judge.
 */

export { MAX_REQUEST_FILE_BYTES }
/** Deepest nesting of objects and arrays accepted in the decoded JSON (the documented shapes need 3). */
export const MAX_JSON_DEPTH = 8

const HOSTILE_KEYS = new Set(['__proto__', 'constructor', 'prototype'])
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
/** The node SDK's dayjs form `ddd MMM D YYYY HH:mm:ss [GMT]ZZ` and RFC 7231's IMF-fixdate (Python and C++ SDKs, the docs). */
const SDK_DATE = /^(Sun|Mon|Tue|Wed|Thu|Fri|Sat) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2} \d{4} \d{2}:\d{2}:\d{2} GMT[+-]\d{4}$/
const IMF_DATE = /^(Sun|Mon|Tue|Wed|Thu|Fri|Sat), \d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/

/** A request file read for showing and uploading: its shape, the fields that say what it frees, and all the others as written. */
export interface ReadRequestFile {
  /** `v2` for the wrapped form, `v1` for the flat one. */
  format: 'v2' | 'v1'
  product: string
  hardwareId: string
  licence: { kind: 'license-key'; licenseKey: string } | { kind: 'user'; username: string }
  /** Every field of the request, as data (nothing in it is evaluated). */
  fields: Readonly<Record<string, unknown>>
  /** Fields a wrapped file holds beside `request` and `signature`. */
  outerFields: Readonly<Record<string, unknown>>
}

export type RequestFileProblem = 'empty' | 'too-large' | 'not-base64' | 'truncated' | 'not-json' | 'hostile' | 'activation-request' | 'not-a-request'

export type RequestFileReading = { ok: true; file: ReadRequestFile } | { ok: false; problem: RequestFileProblem; detail: string }

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
const named = (v: unknown): v is string => typeof v === 'string' && v.trim() !== ''

/** What makes a request a deactivation request: it says so (or says nothing, as some v1 files) and names the seat. */
function deactivationRequest(fields: Record<string, unknown>, format: ReadRequestFile['format'], outerFields: Record<string, unknown>): RequestFileReading {
  const kind = fields['request']
  if (kind === 'activation') return problem('activation-request', t('errors.file-refusal.reason.activation-request'))
  if (kind !== undefined && kind !== 'deactivation') return problem('not-a-request', t('errors.file-refusal.reason.not-deactivation'))
  const absent = ['product', 'hardware_id'].filter((name) => !named(fields[name])).map((field) => t('errors.file-refusal.reason.no-field', { field }))
  if (!named(fields['license_key']) && !named(fields['username'])) absent.push(t('errors.file-refusal.reason.no-licence-field'))
  if (absent.length > 0) {
    return problem(
      'not-a-request',
      t('errors.file-refusal.reason.fields-missing', { missing: translator().formatList(absent, { type: 'unit', style: 'short' }) })
    )
  }
  const licence = named(fields['license_key'])
    ? ({ kind: 'license-key', licenseKey: fields['license_key'] } as const)
    : ({ kind: 'user', username: fields['username'] as string } as const)
  return {
    ok: true,
    file: { format, product: fields['product'] as string, hardwareId: fields['hardware_id'] as string, licence, fields, outerFields }
  }
}

/** The first Base64 group decodes to the start of a JSON object, as every request file's does. */
const looksLikeJsonStart = (encoded: string): boolean =>
  encoded.length >= 4 && Buffer.from(encoded.slice(0, 4), 'base64').toString('latin1').trimStart().startsWith('{')

/**
 * Reads a request file's content: size first, then strict Base64, UTF-8, a bounded JSON
 * scan, a data-only parse, and the fields that say what it frees. Nothing in the file is evaluated.
 */
export function readRequestFile(content: string): RequestFileReading {
  if (Buffer.byteLength(content, 'utf8') > MAX_REQUEST_FILE_BYTES)
    return problem('too-large', t('errors.file-refusal.reason.too-large', { limit: MAX_REQUEST_FILE_BYTES }))
  const encoded = content.trim()
  if (encoded === '') return problem('empty', t('errors.file-refusal.reason.empty'))
  if (!BASE64.test(encoded)) return problem('not-base64', t('errors.file-refusal.reason.not-base64'))
  if (encoded.length % 4 !== 0) {
    // Cut off only if what is there starts as a request file does (Base64 of "{"); any other text is not one.
    return looksLikeJsonStart(encoded)
      ? problem('truncated', t('errors.file-refusal.reason.base64-ends-early'))
      : problem('not-json', t('errors.file-refusal.reason.not-json-base64'))
  }
  const bytes = Buffer.from(encoded, 'base64')
  if (bytes.toString('base64') !== encoded) return problem('not-base64', t('errors.file-refusal.reason.not-canonical-base64'))
  let json: string
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return problem('not-json', t('errors.file-refusal.reason.not-utf8'))
  }
  if (!json.trimStart().startsWith('{')) return problem('not-json', t('errors.file-refusal.reason.not-json-object'))
  const scan = scanJson(json)
  if (scan.tooDeep) return problem('hostile', t('errors.file-refusal.reason.too-deep', { limit: MAX_JSON_DEPTH }))
  const parsed = parseDataOnly(json)
  if (!parsed.ok) {
    if (parsed.hostile) return problem('hostile', t('errors.file-refusal.reason.prototype-key'))
    return scan.open
      ? problem('truncated', t('errors.file-refusal.reason.json-ends-early'))
      : problem('not-json', t('errors.file-refusal.reason.not-valid-json'))
  }
  // The text starts with { (checked above), so what JSON.parse made is a plain object.
  const root = parsed.value as Record<string, unknown>
  if (isPlainObject(root['request'])) {
    const outer = Object.fromEntries(Object.entries(root).filter(([name]) => name !== 'request' && name !== 'signature'))
    return deactivationRequest(root['request'], 'v2', outer)
  }
  return deactivationRequest(root, 'v1', {})
}

/** Base64(HMAC-SHA256(key, text)): the signature of the file the app writes, over the JSON text of its request. */
const signRequestText = (key: string, signedText: string): string => createHmac('sha256', key).update(signedText).digest('base64')

/** The node SDK's date form: `Tue Jun 7 2011 20:51:35 GMT+0000` (always UTC here). */
export function formatRequestDate(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${DAYS[at.getUTCDay()]} ${MONTHS[at.getUTCMonth()]} ${at.getUTCDate()} ${at.getUTCFullYear()} ${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}:${pad(at.getUTCSeconds())} GMT+0000`
}

/** Milliseconds since the epoch of a file's `date` in either SDK's form, else null (the file is still shown; the server judges). */
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
