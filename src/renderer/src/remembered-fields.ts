import type { LoginMethod } from '../../shared/request'

/** One versioned key: a future format can ignore or migrate what an older version wrote. */
export const REMEMBERED_FIELDS_KEY = 'license-manager.remembered-fields.v1'

/** What is kept between runs. Secrets and the PC-specific hardware id override never are. */
export interface RememberedFields {
  product?: string
  customerAccountCode?: string
  method?: LoginMethod
}

type Reader = Pick<Storage, 'getItem'>
type Writer = Pick<Storage, 'setItem'>

const METHODS: readonly string[] = ['license-key', 'user', 'sso-code', 'sso-token']
const MAX_LENGTH = 256

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' && value.length <= MAX_LENGTH ? value : undefined)

/** Reads the remembered fields, ignoring anything missing, malformed or unreadable. */
export function loadRememberedFields(storage: Reader | null): RememberedFields {
  let parsed: unknown
  try {
    const raw = storage?.getItem(REMEMBERED_FIELDS_KEY)
    if (raw == null) return {}
    parsed = JSON.parse(raw)
  } catch {
    return {}
  }
  if (typeof parsed !== 'object' || parsed === null) return {}
  const record = parsed as Record<string, unknown>
  const fields: RememberedFields = {}
  const product = text(record.product)
  const customerAccountCode = text(record.customerAccountCode)
  if (product !== undefined) fields.product = product
  if (customerAccountCode !== undefined) fields.customerAccountCode = customerAccountCode
  if (typeof record.method === 'string' && METHODS.includes(record.method)) fields.method = record.method as LoginMethod
  return fields
}

/** Stores only the non-secret fields, whatever else `values` carries. Storage failures are ignored. */
export function rememberFields(storage: Writer | null, values: RememberedFields): void {
  const fields: RememberedFields = {}
  const product = text(values.product)?.trim()
  const customerAccountCode = text(values.customerAccountCode)?.trim()
  if (product) fields.product = product
  if (customerAccountCode) fields.customerAccountCode = customerAccountCode
  if (values.method !== undefined && METHODS.includes(values.method)) fields.method = values.method
  try {
    storage?.setItem(REMEMBERED_FIELDS_KEY, JSON.stringify(fields))
  } catch {
    // Storage may be full or disabled; remembering is a convenience only.
  }
}

/** window.localStorage, or null where reading it throws (storage disabled). */
export function browserStorage(): Storage | null {
  try {
    return window.localStorage
  } catch {
    return null
  }
}
