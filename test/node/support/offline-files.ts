import { createHmac, randomUUID } from 'node:crypto'

/*
 * Offline deactivation request files in each shape the vendor documents or an official SDK
 * writes (license-api.md §7), built here from the docs — independently of the app's writer and
 * of the sandbox's reader. The Node SDK's own payload comes from @licensespring/node-sdk itself.
 */

/** Who signs a file: an API key and its shared key, or an OAuth client and its secret. */
export type FileSigner = { apiKey: string; sharedKey: string } | { clientId: string; clientSecret: string }

/** The seat a file frees. */
export interface Seat {
  product: string
  hardwareId: string
  licenseKey?: string
  username?: string
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const pad = (n: number) => String(n).padStart(2, '0')
const clock = (at: Date) => `${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}:${pad(at.getUTCSeconds())}`

/** RFC 7231's IMF-fixdate, as the docs, the Python and the C++ SDKs write `date`: `Fri, 29 Aug 2025 07:22:37 GMT`. */
export const imfDate = (at: Date): string =>
  `${DAYS[at.getUTCDay()]}, ${pad(at.getUTCDate())} ${MONTHS[at.getUTCMonth()]} ${at.getUTCFullYear()} ${clock(at)} GMT`

/** The Node SDK's form (dayjs `ddd MMM D YYYY HH:mm:ss [GMT]ZZ` in UTC): `Tue Jun 7 2011 20:51:35 GMT+0000`. */
export const nodeSdkDate = (at: Date): string =>
  `${DAYS[at.getUTCDay()]} ${MONTHS[at.getUTCMonth()]} ${at.getUTCDate()} ${at.getUTCFullYear()} ${clock(at)} GMT+0000`

const keyOf = (signer: FileSigner) => ('sharedKey' in signer ? signer.sharedKey : signer.clientSecret)
const signerFields = (signer: FileSigner) => ('apiKey' in signer ? { api_key: signer.apiKey } : { client_id: signer.clientId })
const credentialFields = (seat: Seat) => (seat.licenseKey !== undefined ? { license_key: seat.licenseKey } : { username: seat.username })
const hmac = (key: string, text: string) => createHmac('sha256', key).update(text, 'utf8').digest()

export const base64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64')
/** The JSON object inside a file. */
export const decodeFile = (content: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(content.trim(), 'base64').toString('utf8')) as Record<string, unknown>

/** The v1 signature: Base64(HMAC-SHA256(key, "licenseSpring\ndate: …\n<key or username>\n<hardware id>\n<api key or client id>")). */
export function v1Signature(signer: FileSigner, seat: Seat, date: string): string {
  const identity = seat.licenseKey ?? seat.username ?? ''
  const who = 'apiKey' in signer ? signer.apiKey : signer.clientId
  return hmac(keyOf(signer), `licenseSpring\ndate: ${date}\n${identity}\n${seat.hardwareId}\n${who}`).toString('base64')
}

/** Python's `json.dumps(value, ensure_ascii=False)`: `, ` and `: ` separators, non-ASCII kept. */
export function pythonDumps(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(pythonDumps).join(', ')}]`
  if (typeof value === 'object' && value !== null)
    return `{${Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${JSON.stringify(k)}: ${pythonDumps(v)}`)
      .join(', ')}}`
  return JSON.stringify(value)
}

export interface ShapeOptions {
  at?: Date
  requestId?: string
  /** Fields added to (or, with undefined, removed from) the request. */
  fields?: Record<string, unknown>
}

/**
 * The docs' "Offline Request Schema" example (a C++ SDK file): `sdk_lang`, `os_hostname`, `ip_local`,
 * `mac_address`, an inner v1 `signature`, an RFC 7231 date, an upper-case request id that is no
 * UUID v4, the request pretty-printed, and the outer signature in hex over the request as written.
 */
export function docsV2File(signer: FileSigner, seat: Seat, options: ShapeOptions & { signed?: 'as-written' | 'compact' } = {}): string {
  const date = imfDate(options.at ?? new Date())
  const request: Record<string, unknown> = {
    schema_version: 2,
    ...signerFields(signer),
    date,
    hardware_id: seat.hardwareId,
    ip_local: '192.168.1.226',
    ...credentialFields(seat),
    mac_address: '5A-8A-90-08-13-84',
    os_hostname: 'Mac',
    os_ver: 'Darwin 24.6.0',
    product: seat.product,
    request: 'deactivation',
    request_id: options.requestId ?? 'D010714E-72DD-E4CF-BEBB-4105EC1B2A0F',
    sdk_lang: 'cpp',
    sdk_ver: '7.41.1',
    signature: v1Signature(signer, seat, date),
    ...options.fields
  }
  const written = JSON.stringify(request, null, 2).replace(/\n/g, '\n  ')
  const signedText = options.signed === 'compact' ? JSON.stringify(JSON.parse(written)) : written
  const signature = hmac(keyOf(signer), signedText).toString('hex')
  return base64(`{\n  "request": ${written},\n  "signature": "${signature}"\n}`)
}

/**
 * LicenseSpring's Python SDK (`deactivate_offline_dump`): `request` first, device fields, `sdk_ver`
 * "PythonSDK …", an RFC 7231 date, the inner v1 signature, then the API key; written and signed
 * with `json.dumps` (spaces after `,` and `:`), the outer signature in Base64.
 */
export function pythonV2File(signer: FileSigner, seat: Seat, options: ShapeOptions = {}): string {
  const date = imfDate(options.at ?? new Date())
  const data: Record<string, unknown> = {
    request: 'deactivation',
    product: seat.product,
    hardware_id: seat.hardwareId,
    ...credentialFields(seat),
    os_ver: 'Windows-10-10.0.19045-SP0',
    hostname: 'LAB-PC-07',
    ip: '10.0.0.7',
    mac_address: '00:11:22:33:44:55',
    sdk_ver: 'PythonSDK 2.3.0',
    app_ver: '4.2',
    date,
    request_id: options.requestId ?? randomUUID(),
    schema_version: 2,
    signature: v1Signature(signer, seat, date),
    ...signerFields(signer),
    ...options.fields
  }
  const signature = hmac(keyOf(signer), pythonDumps(data)).toString('base64')
  return base64(pythonDumps({ request: data, signature }))
}

/**
 * The older flat v1 file as the older docs list its fields — `request_id` and `request: "deactivation"`
 * included — signed over the date, the licence key or username, the hardware id and the API key.
 */
export function v1File(signer: FileSigner, seat: Seat, options: ShapeOptions & { withRequestFields?: boolean } = {}): string {
  const given = options.fields?.['date']
  const date = typeof given === 'string' ? given : imfDate(options.at ?? new Date())
  const fields: Record<string, unknown> = {
    hardware_id: seat.hardwareId,
    product: seat.product,
    ...credentialFields(seat),
    ...signerFields(signer),
    ...(options.withRequestFields === false ? {} : { request_id: options.requestId ?? randomUUID(), request: 'deactivation' }),
    date,
    signature: v1Signature(signer, seat, date),
    ...options.fields
  }
  return base64(JSON.stringify(fields))
}

/** A file whose `request` (v2) or top level (v1) got `changes` after it was signed. */
export function changedFile(content: string, changes: Record<string, unknown>): string {
  const root = decodeFile(content)
  if (typeof root['request'] === 'object' && root['request'] !== null) {
    return base64(JSON.stringify({ ...root, request: { ...(root['request'] as Record<string, unknown>), ...changes } }))
  }
  return base64(JSON.stringify({ ...root, ...changes }))
}
