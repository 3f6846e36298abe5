import type { Seed } from './seed'
import type { SandboxStore } from './store'

export interface SandboxLicenseSummary {
  id: number
  licenseKey?: string
  user?: string
  customerAccount?: string
  state: 'active' | 'not active' | 'disabled'
  maxActivations: number
  validityPeriod: string | null
  devices: string[]
  /** Devices the vendor blacklisted on this licence (answer `blacklisted`). */
  blacklistedDevices: string[]
}

export interface SandboxBundleSummary {
  code: string
  name: string
  status: 'enabled' | 'disabled' | 'archived'
  products: string[]
  /** Every licence key of the bundle, usable or not (see `licenses` for their state). */
  licenseKeys: string[]
  /** Users of user-based licences that sign in with a password. */
  users: Array<{ username: string; password: string }>
  licenses: SandboxLicenseSummary[]
}

export interface SandboxCustomerAccountSummary {
  code: string
  name: string
  ssoEnabled: boolean
  redirectUri?: string
  /** People who can sign in at the account's identity provider. */
  users: Array<{ email: string; password: string }>
}

/** What `npm run sandbox -- --json` prints as its first line. Test values only. */
export interface SandboxSummary {
  /** Base URL of the License API (= apiUrl): what the app's `apiUrl` setting takes. */
  url: string
  origin: string
  apiUrl: string
  apiKey: string
  sharedKey: string
  publicKey: string
  oauth: { tokenUrl: string; clientId: string; clientSecret: string }
  apiKeys: Array<{ apiKey: string; sharedKey: string; status: string; products?: string[] }>
  bundles: SandboxBundleSummary[]
  customerAccounts: SandboxCustomerAccountSummary[]
  /** The hardware id of the PC the sandbox runs on, when it read one: activated on the `thisPc` licences. */
  thisPc?: string | undefined
  /** Whether an SSO side (OpenID provider) is attached; its own details when it gives any. */
  sso: { attached: boolean } & Record<string, unknown>
  /** The seed's behaviour settings (where the docs disagree or are silent). */
  behaviour: Seed['behaviour']
}

export interface SummaryInput {
  origin: string
  apiUrl: string
  apiKey: { apiKey: string; sharedKey: string }
  oauth: SandboxSummary['oauth']
  publicKey: string
  seed: Seed
  store: SandboxStore
  sso: SandboxSummary['sso']
}

export function buildSummary(input: SummaryInput): SandboxSummary {
  const { seed, store } = input
  const bundles = seed.products
    .filter((p) => p.kind === 'bundle')
    .map((bundle): SandboxBundleSummary => {
      const licenses = store.licensesOfBundle(bundle.code)
      const users = new Map<string, string>()
      for (const l of licenses) if (l.user?.password !== undefined) users.set(l.user.email, l.user.password)
      return {
        code: bundle.code,
        name: bundle.name,
        status: bundle.status,
        products: bundle.bundleProducts ?? [],
        licenseKeys: licenses.flatMap((l) => (l.licenseKey !== undefined ? [l.licenseKey] : [])),
        users: [...users].map(([username, password]) => ({ username, password })),
        licenses: licenses.map((l) => ({
          id: l.id,
          ...(l.licenseKey !== undefined ? { licenseKey: l.licenseKey } : {}),
          ...(l.user ? { user: l.user.email } : {}),
          ...(l.user?.customerAccount ? { customerAccount: l.user.customerAccount } : {}),
          state: !l.enabled ? 'disabled' : l.active ? 'active' : 'not active',
          maxActivations: l.maxActivations,
          validityPeriod: l.validityPeriod,
          devices: [...l.devices],
          blacklistedDevices: [...l.blacklistedDevices]
        }))
      }
    })
  return {
    url: input.apiUrl,
    origin: input.origin,
    apiUrl: input.apiUrl,
    apiKey: input.apiKey.apiKey,
    sharedKey: input.apiKey.sharedKey,
    publicKey: input.publicKey,
    oauth: input.oauth,
    apiKeys: seed.apiKeys.map((k) => ({
      apiKey: k.apiKey,
      sharedKey: k.sharedKey,
      status: k.status,
      ...(k.products ? { products: k.products } : {})
    })),
    bundles,
    customerAccounts: seed.customerAccounts.map((a) => ({
      code: a.code,
      name: a.name,
      ssoEnabled: a.sso?.enabled ?? false,
      ...(a.sso?.redirectUri ? { redirectUri: a.sso.redirectUri } : {}),
      users: a.users.map((u) => ({ email: u.email, password: u.password }))
    })),
    ...(input.store.thisPc() !== undefined ? { thisPc: input.store.thisPc() } : {}),
    sso: input.sso,
    behaviour: seed.behaviour
  }
}

/** A licence-key deactivation that works on this seed as started: this PC's seat where it has one, else another activated device's. */
function exampleDeactivation(s: SandboxSummary): string | undefined {
  const candidates = s.bundles
    .filter((b) => b.status === 'enabled')
    .flatMap((b) => b.licenses.filter((l) => l.state === 'active' && l.licenseKey !== undefined && l.devices.length > 0).map((l) => ({ b, l })))
  const onThisPc = candidates.find(({ l }) => s.thisPc !== undefined && l.devices.includes(s.thisPc))
  const chosen = onThisPc ?? candidates[0]
  if (chosen === undefined) return undefined
  const hardwareId = onThisPc ? '' : ` --hardware-id ${chosen.l.devices[0]}`
  return `npx license-manager deactivate --product ${chosen.b.code} --license-key ${chosen.l.licenseKey}${hardwareId}`
}

/** The summary for people: where to connect, which keys, and what to try. */
export function formatSummary(s: SandboxSummary): string {
  const lines = [
    'License API sandbox (test data only)',
    `  API URL      ${s.apiUrl}`,
    `  API key      ${s.apiKey}`,
    `  Shared key   ${s.sharedKey}`,
    `  OAuth        token URL ${s.oauth.tokenUrl}  client ${s.oauth.clientId} / ${s.oauth.clientSecret}`,
    `  SSO          ${s.sso.attached ? 'available' : 'not attached (sso_url answers sso_not_enabled)'}`,
    `  This PC      ${s.thisPc ?? 'hardware id unreadable: no licence is pre-activated for it (use the hardware id override)'}`,
    '',
    'Other API keys:'
  ]
  for (const k of s.apiKeys.slice(1)) lines.push(`  ${k.apiKey} / ${k.sharedKey}  (${k.status}${k.products ? `, only ${k.products.join(', ')}` : ''})`)
  lines.push('', 'Bundles:')
  for (const b of s.bundles) {
    lines.push(`  ${b.code}  "${b.name}"  [${b.status}]  products: ${b.products.join(', ')}`)
    for (const l of b.licenses) {
      const who = l.licenseKey ?? `${l.user}${l.customerAccount ? ` (customer account ${l.customerAccount})` : ''}`
      const password = l.licenseKey === undefined ? b.users.find((u) => u.username === l.user)?.password : undefined
      const devices = l.devices.length > 0 ? l.devices.join(', ') : 'none'
      const blacklisted = l.blacklistedDevices.length > 0 ? `; blacklisted: ${l.blacklistedDevices.join(', ')}` : ''
      lines.push(
        `    #${l.id}  ${who}${password ? `  password ${password}` : ''}  — ${l.state}, ${l.devices.length}/${l.maxActivations} seats${l.validityPeriod ? `, valid until ${l.validityPeriod}` : ''}; devices: ${devices}${blacklisted}`
      )
    }
  }
  lines.push('', 'Customer accounts:')
  for (const a of s.customerAccounts) {
    lines.push(`  ${a.code}  "${a.name}"  SSO ${a.ssoEnabled ? `on${a.redirectUri ? `, redirect ${a.redirectUri}` : ''}` : 'off'}`)
    for (const u of a.users) lines.push(`    ${u.email}  password ${u.password}`)
  }
  const b = s.behaviour
  lines.push(
    '',
    `Behaviour: signature_mismatch answers HTTP ${b.signatureMismatchStatus}; deactivation password ${b.deactivationPassword === 'check' ? 'checked' : 'ignored'}; SSO tokens ${b.reusableSsoTokens ? 'reusable' : 'single-use'}; offline request files from schema v${b.minimumOfflineSchemaVersion}; redirect_uri with a code on deactivate_bundle ${b.deactivationRedirectUri}${b.hardwareIdsTreatedAsMissing.length > 0 ? `; hardware ids answered as missing: ${b.hardwareIdsTreatedAsMissing.join(', ')}` : ''}; device_licenses for a device with no licence answers ${b.deviceLicensesWhenNone === 'empty-list' ? '[]' : 'device_not_found'}`
  )
  lines.push('', 'Public key for response signatures:', s.publicKey.trim())
  const example = exampleDeactivation(s)
  lines.push(
    '',
    'From the command line, in another terminal in this project’s folder:',
    `  export LM_API_URL=${s.apiUrl} LM_API_KEY=${s.apiKey} LM_SHARED_KEY=${s.sharedKey}`,
    `  export LM_PUBLIC_KEY="${s.publicKey.trim().replace(/\r?\n/g, '\\n')}"   # optional: the answers' signatures are then checked`,
    ...(example === undefined ? [] : [`  ${example}`]),
    '  npx license-manager status'
  )
  return lines.join('\n')
}
