import type { AppInfo, DeactivationResult, HardwareIdInfo, SsoProgress, WarmUpState } from '../../shared/api'
import type { PcLicences, SeatCheck, UserLicences } from '../../shared/licences-on-pc'
import { adviseForMethod, describeError } from '../../shared/errors'
import { failure, success, type Outcome } from '../../shared/outcome'
import type { Credentials, DeactivationRequest, DeactivationRequestInput, ResolvedRequest, SsoSignInRequestInput } from '../../shared/request'
import { validateDeactivation, validateSsoSignIn } from '../../shared/validation'
import { describeServer, type AuthConfig, type EngineConfig } from './config'
import { brandInfoOf, shownName } from './brand/shown-brand'
import { httpSignInOriginsFor } from './external-url'
import { createHardwareIdSource, type HardwareIdSource } from './hardware-id'
import { secretScrubber } from './errors/scrub-secrets'
import { createLicenseApiClient, type ActivatedLicence, type LicenseApiClient } from './license-api-client'
import { createOfflineRequests, hardwareIdResolver, type OfflineRequests } from './offline/offline-requests'
import { createLicenceReads } from './reads/licence-reads'
import { createSeatCheckMemory } from './reads/seat-check-memory'
import { createSsoBrowserFlow, type SsoCredential } from './sso'
import type { NetworkCheck } from './network-check'
import { createWarmUp, type ConnectionWarmer } from './warm-up'

/** The engine as the window reaches it (activation is the CLI's alone). */
export interface WindowLicenseService {
  appInfo(): AppInfo
  hardwareId(): Promise<Outcome<HardwareIdInfo>>
  deactivate(request: DeactivationRequestInput): Promise<Outcome<DeactivationResult>>
  deactivateWithSso(request: SsoSignInRequestInput, onProgress: (p: SsoProgress) => void): Promise<Outcome<DeactivationResult>>
  cancelSso(): Outcome<null>
  /**
   * The form is shown (or its bundle filled in): open the connection to the License
   * API and, under OAuth, fetch a token, keeping both fresh while the form stays open.
   * Sends nothing to the License API. `warming` is false when configured off.
   */
  warmUp(): Outcome<WarmUpState>
  /** The form is gone: stop keeping the connection warm. */
  stopWarmUp(): Outcome<null>
  /** Opens the vendor's configured help page in the system browser; `help_page_not_opened` when none is configured or it did not open. */
  openHelp(): Promise<Outcome<null>>
  /** Request files for PCs without internet: write, read, upload. */
  readonly offline: OfflineRequests
  /** What a hardware id holds (device_licenses): this PC's, or an override's. Sent only when asked. */
  licencesOnPc(input: unknown): Promise<Outcome<PcLicences>>
  /** After a deactivation made here: whether the server still lists the bundle on that hardware id (check_bundle). */
  checkSeatFree(input: unknown): Promise<Outcome<SeatCheck>>
  /** A user's licences of a bundle (user_licenses, with a username and password), for picking one when there are several. */
  userLicences(input: unknown): Promise<Outcome<UserLicences>>
}

export interface LicenseService extends WindowLicenseService {
  /** Activates the bundle on the hardware id (the CLI's `activate`, for sandboxes and vendors' test set-ups). */
  activate(request: DeactivationRequestInput): Promise<Outcome<ActivationResult>>
}

/** An activation: the bundle's products now active on the hardware id, as the server named them. */
export type ActivationResult = DeactivationResult & { products: string[] }

export interface LicenseServiceDeps {
  config: EngineConfig & { apiUrl: string; auth: AuthConfig }
  /** Global fetch in Node; Electron's net.fetch in the app. */
  fetch: typeof fetch
  /** Opens the system browser (shell.openExternal in the app). */
  openExternal: (url: string) => Promise<void>
  /** Replaces this PC's machine id (tests, demos); default node-machine-id. */
  machineId?: () => string
  app: { name: string; version: string; os: string }
  /** True when the built-in sandbox serves the requests. */
  sandbox: boolean
  /** Tests: a ready hardware id source (wins over `machineId`). */
  hardwareIdSource?: HardwareIdSource
  /** Opens connections for `fetch` ahead of a call (session.preconnect in the app); absent → no warm-up. */
  warmer?: ConnectionWarmer
  /**
   * Whether this PC has a network, asked when a connection fails (Electron's `net.isOnline()` in
   * the app, the network interfaces in the CLI): false → "this PC is offline"; true → the server
   * or the way to it is down. Absent → the words name both.
   */
  isOnline?: NetworkCheck
  /** Loopback http: sign-in origins allowed besides the rule for the API URL (the bench: a sandbox provider behind a TLS API). */
  httpSignInOrigins?: readonly string[]
}

/** Credential fields that hold a secret (the username is shown, so it is not one). */
const SECRET_FIELDS = ['licenseKey', 'password', 'idToken', 'code'] as const

/** The secrets an untrusted request carries, whatever its shape. */
export function inputSecrets(input: unknown): string[] {
  if (typeof input !== 'object' || input === null) return []
  const credentials: unknown = (input as { credentials?: unknown }).credentials
  if (typeof credentials !== 'object' || credentials === null) return []
  const source = credentials as Record<string, unknown>
  return SECRET_FIELDS.flatMap((field) => (typeof source[field] === 'string' ? [source[field]] : []))
}

const credentialSecrets = (credential: SsoCredential): string[] =>
  credential.kind === 'code' ? [credential.code] : [credential.idToken ?? '', credential.accessToken ?? '']

/**
 * Every error leaves the engine through its one redaction step: no secret of the call in any of
 * its texts (in any echo form), every hidden or control character visibly escaped, lengths capped.
 */
function withoutSecrets<T>(outcome: Outcome<T>, secrets: readonly string[]): Outcome<T> {
  return secretScrubber(secrets).outcome(outcome)
}

/**
 * What the IPC handlers, the e2e harness and the CLI call. Every method returns an
 * Outcome; nothing is sent before the input validates, and codes, tokens and
 * passwords live only for the duration of the call.
 */
export function createLicenseService(deps: LicenseServiceDeps): LicenseService {
  const { config } = deps
  const client: LicenseApiClient = createLicenseApiClient({
    apiUrl: config.apiUrl,
    auth: config.auth,
    fetch: deps.fetch,
    timeoutMs: config.timeoutMs,
    sdkVersion: `${deps.app.name} ${deps.app.version}`,
    ...(deps.isOnline ? { isOnline: deps.isOnline } : {})
  })
  const hardware =
    deps.hardwareIdSource ??
    createHardwareIdSource({
      ...(config.hardwareIdSource ? { source: config.hardwareIdSource } : {}),
      ...(deps.machineId ? { fixedMachineId: deps.machineId } : {})
    })
  const memory = createSeatCheckMemory()
  const reads = createLicenceReads({
    client,
    sdkVersion: `${deps.app.name} ${deps.app.version}`,
    hardware,
    memory,
    ...(config.publicKey === undefined ? {} : { publicKey: config.publicKey }),
    ...(config.bundleProducts ? { bundleProducts: config.bundleProducts } : {})
  })
  const warm = createWarmUp({
    apiOrigin: new URL(config.apiUrl).origin,
    warmer: config.warmUp === false ? undefined : deps.warmer,
    prepareCredentials: () => client.prepareCredentials()
  })
  const offline = createOfflineRequests({
    auth: config.auth,
    app: deps.app,
    sdkVersion: `${deps.app.name} ${deps.app.version}`,
    resolveHardwareId: hardwareIdResolver(hardware),
    configSecrets: () => client.secrets(),
    send: (content) => client.deactivateBundleOffline(content)
  })
  const sso = createSsoBrowserFlow({
    appName: shownName(config.brand, deps.app.name),
    timeoutMs: config.ssoTimeoutMs,
    openExternal: deps.openExternal,
    httpSignInOrigins: deps.httpSignInOrigins?.length ? deps.httpSignInOrigins : httpSignInOriginsFor(config.apiUrl),
    async requestSsoUrl(query) {
      const answer = await client.ssoUrl({
        product: query.product,
        customerAccountCode: query.customerAccountCode,
        responseType: query.grant === 'code' ? 'code' : 'token',
        ...(query.redirectUri === undefined ? {} : { redirectUri: query.redirectUri })
      })
      return answer.ok ? success({ url: answer.value.url, openidConfiguration: answer.value.openidConfiguration }) : answer
    }
  })

  /** A deactivation call is on the wire. */
  let sending = false
  /** Browser sign-ins waiting; a new one replaces the old inside the flow. */
  let signInsWaiting = 0

  /** The request with this PC's hardware id, or the override it names. */
  async function resolved(request: DeactivationRequest): Promise<Outcome<ResolvedRequest>> {
    const hardwareId = await hardware.resolve(request.hardwareId)
    return hardwareId.ok ? success({ ...request, hardwareId: hardwareId.value.id }) : hardwareId
  }

  async function send(request: ResolvedRequest): Promise<Outcome<DeactivationResult>> {
    const answer = await client.deactivateBundle(request)
    if (!answer.ok) return failure(adviseForMethod(answer.error, request.credentials.method))
    memory.remember(request)
    return success({
      product: request.product,
      products: bundleProductsOf(request.product),
      hardwareId: request.hardwareId,
      method: request.credentials.method,
      at: new Date().toISOString()
    })
  }

  /** The bundle's products as the configuration names them; null when it does not (the License API's answer names none). */
  function bundleProductsOf(bundle: string): string[] | null {
    const known = config.bundleProducts
    return known !== undefined && Object.hasOwn(known, bundle) ? [...(known[bundle] ?? [])] : null
  }

  /** The products an activation answer names (`product_details.short_code`), in its order; the bundle's own licence is left out. */
  function productsOf(licences: ActivatedLicence[], bundle: string): string[] {
    return licences.flatMap((l) => {
      const details = l['product_details']
      const code = typeof details === 'object' && details !== null ? (details as Record<string, unknown>)['short_code'] : undefined
      return typeof code === 'string' && code !== bundle ? [code] : []
    })
  }

  /** Keeps the promise contract: an unexpected throw becomes a typed error, never a rejection. */
  async function guarded<T>(work: () => Promise<Outcome<T>>): Promise<Outcome<T>> {
    try {
      return await work()
    } catch {
      return failure(describeError('app_internal_error'))
    }
  }

  /**
   * A code refused for its redirect URI after the app chose the port: the server redeemed it with the
   * vendor's port-free registration instead (it ignores the `redirect_uri` sent), so only a fixed
   * registered port helps — the entry's own words for that case.
   */
  function adviseForChosenPort(outcome: Outcome<DeactivationResult>): Outcome<DeactivationResult> {
    if (outcome.ok || outcome.error.code !== 'sso_redirect_uri_mismatch') return outcome
    const { status, serverMessage } = outcome.error
    return failure(
      describeError('sso_redirect_uri_mismatch', { status, ...(serverMessage !== undefined ? { serverMessage } : {}), detail: { redirect: 'port-chosen' } })
    )
  }

  /** The credentials a browser sign-in yielded; a code is redeemed with the redirect URI it was issued for, which the sign-in chose. */
  function signedInCredentials(credential: SsoCredential, customerAccountCode: string): Outcome<Credentials> {
    if (credential.kind === 'code') {
      const { code, redirectUri } = credential
      return success({ method: 'sso-code', code, customerAccountCode, ...(redirectUri === undefined ? {} : { redirectUri }) })
    }
    const token = config.ssoTokenField === 'access_token' ? (credential.accessToken ?? credential.idToken) : (credential.idToken ?? credential.accessToken)
    if (token === undefined || token === '') return failure(describeError('sso_invalid_callback'))
    return success({ method: 'sso-token', idToken: token, customerAccountCode })
  }

  return {
    appInfo: () => ({
      name: shownName(config.brand, deps.app.name),
      version: deps.app.version,
      os: deps.app.os,
      server: describeServer(config),
      sandbox: deps.sandbox,
      defaultProduct: config.defaultProduct,
      defaultCustomerAccount: config.defaultCustomerAccount,
      helpUrl: config.helpUrl ?? null,
      brand: brandInfoOf(config.brand)
    }),

    hardwareId: () => guarded(async () => withoutSecrets(await hardware.machine(), client.secrets())),

    deactivate: (input) => guarded(async () => withoutSecrets(await deactivate(input), [...client.secrets(), ...inputSecrets(input)])),

    deactivateWithSso: (input, onProgress) =>
      guarded(async () => {
        const signedInWith: string[] = []
        const outcome = await deactivateWithSso(input, onProgress, signedInWith)
        return withoutSecrets(outcome, [...client.secrets(), ...inputSecrets(input), ...signedInWith])
      }),

    cancelSso() {
      sso.cancel()
      return success(null)
    },

    warmUp: () => success({ warming: warm.start() }),

    stopWarmUp() {
      warm.stop()
      return success(null)
    },

    async openHelp() {
      if (config.helpUrl === undefined) return failure(describeError('help_page_not_opened', { detail: { configured: false } }))
      try {
        await deps.openExternal(config.helpUrl)
        return success(null)
      } catch {
        return failure(describeError('help_page_not_opened', { detail: { configured: true } }))
      }
    },

    offline,

    licencesOnPc: (input) => reads.onPc(input),
    checkSeatFree: (input) => reads.checkSeatFree(input),
    userLicences: (input) => guarded(async () => withoutSecrets(await reads.userLicences(input), [...client.secrets(), ...inputSecrets(input)])),

    activate: (input) => guarded(async () => withoutSecrets(await activate(input), [...client.secrets(), ...inputSecrets(input)]))
  }

  /** One call at a time: validates and resolves the request, then runs `call` with it. */
  function withValidRequest<T>(input: DeactivationRequestInput, call: (request: ResolvedRequest) => Promise<Outcome<T>>): Promise<Outcome<T>> {
    return guarded(async () => {
      if (sending || signInsWaiting > 0) return failure(describeError('busy'))
      sending = true
      try {
        const valid = validateDeactivation(input)
        const request = valid.ok ? await resolved(valid.value) : valid
        if (!request.ok) return request
        return await call(request.value)
      } finally {
        sending = false
      }
    })
  }

  function activate(input: DeactivationRequestInput): Promise<Outcome<ActivationResult>> {
    return withValidRequest(input, async (request) => {
      const answer = await client.activateBundle(request)
      if (!answer.ok) return failure(adviseForMethod(answer.error, request.credentials.method))
      const { product, hardwareId, credentials } = request
      return success({ product, hardwareId, method: credentials.method, at: new Date().toISOString(), products: productsOf(answer.value, product) })
    })
  }

  function deactivate(input: DeactivationRequestInput): Promise<Outcome<DeactivationResult>> {
    return withValidRequest(input, send)
  }

  /** Signs in in the browser, then deactivates; what the sign-in yielded is added to `signedInWith`. */
  function deactivateWithSso(input: SsoSignInRequestInput, onProgress: (p: SsoProgress) => void, signedInWith: string[]): Promise<Outcome<DeactivationResult>> {
    return guarded(async () => {
      // Every field but the sign-in's result is checked before the browser opens.
      const signInRequest = validateSsoSignIn(input)
      if (!signInRequest.ok) return signInRequest
      if (sending) return failure(describeError('busy'))
      const { customerAccountCode, grant, freshSignIn, ...target } = signInRequest.value
      const pc = await hardware.resolve(target.hardwareId)
      if (!pc.ok) return pc
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- another call may have started sending while this one awaited
      if (sending) return failure(describeError('busy'))

      signInsWaiting += 1
      // The callback's deactivation rides on a warm connection, however long the sign-in took.
      warm.start(config.ssoTimeoutMs)
      let signIn: Outcome<SsoCredential>
      try {
        signIn = await sso.signIn({ product: target.product, customerAccountCode, grant, freshSignIn: freshSignIn === true }, onProgress)
      } finally {
        signInsWaiting -= 1
      }
      if (!signIn.ok) return signIn
      signedInWith.push(...credentialSecrets(signIn.value))
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- another call may have started sending while this one awaited
      if (sending) return failure(describeError('busy'))
      const credentials = signedInCredentials(signIn.value, customerAccountCode)
      if (!credentials.ok) return credentials
      const request = validateDeactivation({ ...target, hardwareId: pc.value.id, credentials: credentials.value })
      if (!request.ok) return request
      sending = true
      try {
        try {
          onProgress({ stage: 'deactivating' })
        } catch {
          // A failing progress listener must not stop the deactivation.
        }
        const outcome = await send({ ...request.value, hardwareId: pc.value.id })
        return signIn.value.kind === 'code' && signIn.value.portChosen === true ? adviseForChosenPort(outcome) : outcome
      } finally {
        sending = false
      }
    })
  }
}
