import { readFileSync } from 'node:fs'
import { z } from 'zod'
import defaultSeedJson from '../../resources/sandbox-seed.json'

/** Where the default seed lives, relative to the project root (it is bundled by import, not read at run time). */
export const DEFAULT_SEED_FILE = 'resources/sandbox-seed.json'

const code = z.string().trim().min(1, 'must not be empty').max(128, 'must be at most 128 characters')
const secret = z.string().min(1, 'must not be empty').max(1024, 'must be at most 1024 characters')
const email = z
  .string()
  .trim()
  .min(3)
  .max(320)
  .regex(/^[^\s@|]+@[^\s@|]+$/, 'must be an email address')

const apiKeySchema = z.strictObject({
  apiKey: secret,
  sharedKey: secret,
  status: z.enum(['active', 'revoked', 'read-only']).default('active'),
  /** Bundle (or product) codes the key may use; absent = every product. */
  products: z.array(code).optional()
})

const oauthClientSchema = z.strictObject({
  clientId: secret,
  clientSecret: secret,
  products: z.array(code).optional()
})

const productSchema = z.strictObject({
  code,
  name: z.string().trim().min(1).max(200),
  kind: z.enum(['bundle', 'product']),
  status: z.enum(['enabled', 'disabled', 'archived']).default('enabled'),
  bundleProducts: z.array(code).min(1, 'a bundle needs at least one product').optional(),
  /**
   * How the bundle's licences authorise: `license-key` makes a call with another credential set
   * answer license_key_required. Absent: each licence decides (keys and users may mix).
   */
  authorizationMethod: z.enum(['license-key', 'user']).optional()
})

const customerAccountSchema = z.strictObject({
  code,
  name: z.string().trim().min(1).max(200),
  sso: z
    .strictObject({
      enabled: z.boolean(),
      /** Registered redirect URI; a loopback one without a port accepts any port (RFC 8252). */
      redirectUri: z.url({ protocol: /^https?$/ }).optional()
    })
    .optional(),
  /** People who can sign in at the account's identity provider. */
  users: z.array(z.strictObject({ email, password: secret })).default([])
})

const hardwareId = z.string().min(1).max(1024)

/** How the sandbox reads the points where the vendor's docs disagree or say nothing. */
const behaviourSchema = z.strictObject({
  /** HTTP status of signature_mismatch: the docs say 401 on one page and 400 on another. */
  signatureMismatchStatus: z.union([z.literal(400), z.literal(401)]).default(401),
  /** `check` (default): user-based deactivation needs the password and checks it; `ignore`: username alone. */
  deactivationPassword: z.enum(['check', 'ignore']).default('check'),
  /** SSO ID/access tokens work once (documented); true lets one token be presented again. */
  reusableSsoTokens: z.boolean().default(false),
  /**
   * Sandbox-only: hardware ids answered as if the request had none (missing_hardware_id), so a client
   * that always sends one can still show that answer.
   */
  hardwareIdsTreatedAsMissing: z.array(hardwareId).default([]),
  /** The vendor's "Minimum Offline Request Schema Version" (Settings → Preferences; 1 by default): 2 refuses v1 request files. */
  minimumOfflineSchemaVersion: z.union([z.literal(1), z.literal(2)]).default(1),
  /**
   * `redirect_uri` sent with a code to deactivate_bundle, which that endpoint's page does not list: `honoured`
   * (the code is redeemed with it) or `ignored` (redeemed with the registered redirect URI, as a server that
   * drops unknown fields would).
   */
  deactivationRedirectUri: z.enum(['honoured', 'ignored']).default('honoured'),
  /**
   * device_licenses for a hardware id that holds no licence: the docs show no such answer. `empty-list`
   * (default): `[]`; `device_not_found`: the error the other calls give for a device that is not active.
   */
  deviceLicensesWhenNone: z.enum(['empty-list', 'device_not_found']).default('empty-list')
})

const validityPeriod = z
  .string()
  .refine((v) => !Number.isNaN(Date.parse(v)), 'must be an ISO-8601 date or date-time')
  .transform((v) => new Date(v).toISOString())

const licenseSchema = z
  .strictObject({
    id: z
      .number()
      .int()
      .positive()
      .max(Number.MAX_SAFE_INTEGER / 1000),
    /** The bundle's code. */
    bundle: code,
    licenseKey: z.string().trim().min(1).max(256).optional(),
    user: z
      .strictObject({
        email,
        /** Absent for SSO-only users, who sign in through their customer account. */
        password: secret.optional(),
        customerAccount: code.optional()
      })
      .optional(),
    enabled: z.boolean().default(true),
    active: z.boolean().default(true),
    maxActivations: z.number().int().min(1).max(100_000).default(1),
    validityPeriod: validityPeriod.nullable().default(null),
    /** Hardware ids already activated on the licence. */
    devices: z.array(hardwareId).default([]),
    /** Devices the vendor blacklisted on this licence: activating or deactivating them answers `blacklisted`. */
    blacklistedDevices: z.array(hardwareId).default([]),
    /** Also activated on the hardware id of the PC the sandbox runs on, when it is given one. */
    thisPc: z.boolean().default(false)
  })
  .refine((l) => (l.licenseKey === undefined) !== (l.user === undefined), {
    error: 'needs exactly one of licenseKey or user'
  })

export const seedSchema = z.strictObject({
  $comment: z.string().optional(),
  apiKeys: z.array(apiKeySchema).min(1, 'at least one API key is required'),
  oauthClients: z.array(oauthClientSchema).default([]),
  products: z.array(productSchema).min(1, 'at least one product is required'),
  customerAccounts: z.array(customerAccountSchema).default([]),
  licenses: z.array(licenseSchema).default([]),
  behaviour: behaviourSchema.prefault({}),
  /** PKCS#8 PEM private RSA key for response signatures; absent = a fresh key per start. */
  responseSigningKey: z.string().includes('PRIVATE KEY', { error: 'must be a PEM private key' }).optional()
})

/** A seed as written (defaults may be left out). */
export type SeedFile = z.input<typeof seedSchema>
/** A validated seed with every default filled in. */
export type Seed = z.output<typeof seedSchema>
export type SeedLicense = Seed['licenses'][number]
export type SeedProduct = Seed['products'][number]
export type SeedApiKey = Seed['apiKeys'][number]
export type SeedCustomerAccount = Seed['customerAccounts'][number]
export type SeedBehaviour = Seed['behaviour']

/** A seed that cannot be used; the message is meant for a person and holds no stack trace. */
export class SeedError extends Error {
  override readonly name = 'SeedError'
  constructor(
    message: string,
    readonly problems: string[] = []
  ) {
    super(message)
  }
}

const describePath = (path: readonly PropertyKey[]): string =>
  path.reduce<string>((text, part) => (typeof part === 'number' ? `${text}[${part}]` : text ? `${text}.${String(part)}` : String(part)), '') || '(top level)'

function duplicates(values: string[]): string[] {
  const seen = new Set<string>()
  const twice = new Set<string>()
  for (const v of values) (seen.has(v) ? twice : seen).add(v)
  return [...twice]
}

/** Checks that every cross-reference in the seed points at something that exists. */
function crossCheck(seed: Seed): string[] {
  const problems: string[] = []
  const products = new Map(seed.products.map((p) => [p.code, p]))
  const accounts = new Map(seed.customerAccounts.map((a) => [a.code, a]))

  for (const d of duplicates(seed.apiKeys.map((k) => k.apiKey))) problems.push(`apiKeys: API key "${d}" appears twice`)
  for (const d of duplicates(seed.oauthClients.map((c) => c.clientId))) problems.push(`oauthClients: client "${d}" appears twice`)
  for (const d of duplicates(seed.products.map((p) => p.code))) problems.push(`products: code "${d}" appears twice`)
  for (const d of duplicates(seed.customerAccounts.map((a) => a.code))) problems.push(`customerAccounts: code "${d}" appears twice`)
  for (const d of duplicates(seed.licenses.map((l) => String(l.id)))) problems.push(`licenses: id ${d} appears twice`)
  for (const d of duplicates(seed.licenses.flatMap((l) => (l.licenseKey ? [l.licenseKey] : [])))) problems.push(`licenses: licence key "${d}" appears twice`)

  const scoped = [
    ...seed.apiKeys.map((k, i) => [`apiKeys[${i}]`, k.products] as const),
    ...seed.oauthClients.map((c, i) => [`oauthClients[${i}]`, c.products] as const)
  ]
  for (const [where, codes] of scoped) for (const c of codes ?? []) if (!products.has(c)) problems.push(`${where}.products: unknown product "${c}"`)

  seed.products.forEach((p, i) => {
    if (p.kind === 'bundle' && !p.bundleProducts) problems.push(`products[${i}]: bundle "${p.code}" needs bundleProducts`)
    if (p.kind === 'product' && p.bundleProducts) problems.push(`products[${i}]: "${p.code}" is not a bundle, so it cannot have bundleProducts`)
    for (const member of p.bundleProducts ?? []) {
      const target = products.get(member)
      if (!target) problems.push(`products[${i}].bundleProducts: unknown product "${member}"`)
      else if (target.kind !== 'product') problems.push(`products[${i}].bundleProducts: "${member}" is a bundle itself`)
    }
  })

  seed.customerAccounts.forEach((a, i) => {
    for (const d of duplicates(a.users.map((u) => u.email.toLowerCase()))) problems.push(`customerAccounts[${i}].users: "${d}" appears twice`)
  })

  seed.licenses.forEach((l, i) => {
    const where = `licenses[${i}]`
    const bundle = products.get(l.bundle)
    if (!bundle) problems.push(`${where}.bundle: unknown product "${l.bundle}"`)
    else if (bundle.kind !== 'bundle') problems.push(`${where}.bundle: "${l.bundle}" is not a bundle`)
    if (l.user) {
      if (l.user.customerAccount !== undefined && !accounts.has(l.user.customerAccount))
        problems.push(`${where}.user.customerAccount: unknown customer account "${l.user.customerAccount}"`)
      if (l.user.customerAccount === undefined && l.user.password === undefined)
        problems.push(`${where}.user: a user outside a customer account needs a password`)
    }
    if (duplicates(l.devices).length > 0) problems.push(`${where}.devices: a hardware id appears twice`)
    const method = bundle?.authorizationMethod
    if (method !== undefined && (method === 'license-key') !== (l.licenseKey !== undefined))
      problems.push(
        `${where}: bundle "${l.bundle}" is ${method === 'license-key' ? 'key-based, so the licence needs a licenseKey' : 'user-based, so the licence needs a user'}`
      )
    const seats = l.devices.length + (l.thisPc ? 1 : 0)
    if (seats > l.maxActivations)
      problems.push(`${where}.devices: ${seats} devices${l.thisPc ? ' (with this PC)' : ''} but maxActivations is ${l.maxActivations}`)
  })
  return problems
}

/** Validates a seed object; `source` names it in error messages. Throws SeedError. */
export function parseSeed(data: unknown, source = 'seed'): Seed {
  const parsed = seedSchema.safeParse(data)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${describePath(issue.path)}: ${issue.message}`)
    throw new SeedError(`${source} is not a valid sandbox seed:\n  - ${problems.join('\n  - ')}`, problems)
  }
  const problems = crossCheck(parsed.data)
  if (problems.length > 0) throw new SeedError(`${source} is not a valid sandbox seed:\n  - ${problems.join('\n  - ')}`, problems)
  return parsed.data
}

/** The validated default seed (resources/sandbox-seed.json). */
export const defaultSeed = (): Seed => parseSeed(defaultSeedJson, DEFAULT_SEED_FILE)

/** Reads and validates a seed file. Throws SeedError with a readable message. */
export function loadSeed(path: string): Seed {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const reason = code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'it is a directory' : (code ?? 'unreadable')
    throw new SeedError(`Cannot read the sandbox seed ${path}: ${reason}`)
  }
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    // JSON.parse quotes the text around the error, which may be a shared key or a password: say only where.
    const position = /at position (\d+)/.exec((error as Error).message)?.[1]
    throw new SeedError(
      `The sandbox seed ${path} is not valid JSON${position === undefined ? '' : ` (at character ${position})`}: check its quotes, commas and brackets`
    )
  }
  return parseSeed(data, `The sandbox seed ${path}`)
}
