import type {
  AppInfo,
  DeactivateInput,
  DeactivationResult,
  HardwareIdInfo,
  SsoDeactivateInput,
  SsoProgress,
  WarmUpState
} from '../../shared/api'
import { adviseForMethod, describeError } from '../../shared/errors'
import { failure, success, type Outcome } from '../../shared/outcome'
import type { DeactivationRequest } from '../../shared/request'
import { validateDeactivation, type DeactivationInput } from '../../shared/validation'
import { describeServer, type AuthConfig, type EngineConfig } from './config'
import { httpSignInOriginsFor } from './external-url'
import { createHardwareIdSource, type HardwareIdSource } from './hardware-id'
import { secretScrubber } from './errors/scrub-secrets'
import { createLicenseApiClient, type ActivatedLicence, type LicenseApiClient } from './license-api-client'
import { createOfflineRequests, hardwareIdResolver, type OfflineRequests } from './offline/offline-requests'
import { createSsoBrowserFlow, type SsoCredential } from './sso'
import { createWarmUp, type ConnectionWarmer } from './warm-up'

/** The engine as the window reaches it (activation is the CLI's alone). */
export interface WindowLicenseService {
  appInfo(): AppInfo
  hardwareId(): Promise<Outcome<HardwareIdInfo>>
  deactivate(input: EngineDeactivateInput): Promise<Outcome<DeactivationResult>>
  deactivateWithSso(input: SsoDeactivateInput, onProgress: (p: SsoProgress) => void): Promise<Outcome<DeactivationResult>>
  cancelSso(): Outcome<null>
  /**
   * The form is shown (or its bundle filled in): open the connection to the License
   * API and, under OAuth, fetch a token, keeping both fresh while the form stays open.
   * Sends nothing to the License API. `warming` is false when configured off.
   */
  warmUp(): Outcome<WarmUpState>
  /** The form is gone: stop keeping the connection warm. */
  stopWarmUp(): Outcome<null>
  /** Request files for PCs without internet: write, read, upload. */
  readonly offline: OfflineRequests
}

export interface LicenseService extends WindowLicenseService {
  /** Activates the bundle on the hardware id (the CLI's `activate`, for sandboxes and vendors' test set-ups). */
  activate(input: EngineDeactivateInput): Promise<Outcome<ActivationResult>>
}

/** An activation: the bundle's products now active on the hardware id, as the server named them. */
export type ActivationResult = DeactivationResult & { products: string[] }

/**
 * The window's input, plus an SSO code for callers that obtained one themselves (the CLI's `--code`)
 * and the redirect URI that code was issued for (`--redirect-uri`).
 */
export type EngineDeactivateInput = DeactivateInput & { code?: string; redirectUri?: string }

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
  /** Loopback http: sign-in origins allowed besides the rule for the API URL (the bench: a sandbox provider behind a TLS API). */
  httpSignInOrigins?: readonly string[]
}

const INPUT_FIELDS = ['product', 'licenseId', 'licenseKey', 'username', 'password', 'idToken', 'code', 'customerAccountCode'] as const

/** Only the known fields of an untrusted input object. */
function pickFields(input: unknown): DeactivationInput {
  const picked: DeactivationInput = {}
  if (typeof input !== 'object' || input === null) return picked
  const source = input as Record<string, unknown>
  for (const field of INPUT_FIELDS) if (source[field] !== undefined) picked[field] = source[field]
  return picked
}

const MAX_REDIRECT_URI = 2048

/** The optional redirect URI of a code obtained elsewhere: an http(s) address, with a code only. */
function withRedirectUri(request: DeactivationRequest, raw: unknown): Outcome<DeactivationRequest> {
  if (raw === undefined || raw === null || raw === '') return success(request)
  const refuse = (explanation: string) => failure(describeError('invalid_input', { field: 'redirectUri', explanation: `${explanation} Nothing was sent.` }))
  if (request.credentials.method !== 'sso-code') return refuse('A redirect URI goes only with a sign-in code.')
  const valid = typeof raw === 'string' && raw.length <= MAX_REDIRECT_URI && /^https?:\/\//i.test(raw) && URL.canParse(raw)
  if (!valid) return refuse('The redirect URI must be the http(s) address the sign-in returned to.')
  return success({ ...request, credentials: { ...request.credentials, redirectUri: raw } })
}

const notAnObject = () => failure(describeError('invalid_input', { field: 'request', explanation: 'The request is not an object. Nothing was sent.' }))

/** Input fields that hold a secret (the username is shown, so it is not one). */
const SECRET_FIELDS = ['licenseKey', 'password', 'idToken', 'code'] as const

/** The secrets an untrusted input carries, whatever its shape. */
function inputSecrets(input: unknown): string[] {
  if (typeof input !== 'object' || input === null) return []
  const source = input as Record<string, unknown>
  return SECRET_FIELDS.flatMap((field) => (typeof source[field] === 'string' ? [source[field]] : []))
}

const credentialSecrets = (credential: SsoCredential): string[] =>
  credential.kind === 'code' ? [credential.code] : [credential.idToken ?? '', credential.accessToken ?? '']

/** Every error leaves the engine without a secret of the call in any of its texts. */
function withoutSecrets<T>(outcome: Outcome<T>, secrets: readonly string[]): Outcome<T> {
  return outcome.ok ? outcome : failure(secretScrubber(secrets).error(outcome.error))
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
    sdkVersion: `${deps.app.name} ${deps.app.version}`
  })
  const hardware =
    deps.hardwareIdSource ?? createHardwareIdSource({ ...(config.hardwareIdSource ? { source: config.hardwareIdSource } : {}), ...(deps.machineId ? { fixedMachineId: deps.machineId } : {}) })
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
    appName: deps.app.name,
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

  async function resolveHardwareId(raw: unknown): Promise<Outcome<string> | { passThrough: unknown }> {
    if (raw !== undefined && typeof raw !== 'string') return { passThrough: raw }
    const info = await hardware.resolve(raw)
    return info.ok ? success(info.value.id) : info
  }

  async function buildRequest(fields: DeactivationInput, hardwareIdInput: unknown): Promise<Outcome<DeactivationRequest>> {
    const hardwareId = await resolveHardwareId(hardwareIdInput)
    if ('passThrough' in hardwareId) return validateDeactivation({ ...fields, hardwareId: hardwareId.passThrough })
    if (!hardwareId.ok) return hardwareId
    return validateDeactivation({ ...fields, hardwareId: hardwareId.value })
  }

  async function send(request: DeactivationRequest): Promise<Outcome<DeactivationResult>> {
    const answer = await client.deactivateBundle(request)
    if (!answer.ok) return failure(adviseForMethod(answer.error, request.credentials.method))
    return success({ product: request.product, hardwareId: request.hardwareId, method: request.credentials.method, at: new Date().toISOString() })
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

  function credentialFields(credential: SsoCredential): Outcome<Pick<DeactivationInput, 'code' | 'idToken'>> {
    if (credential.kind === 'code') return success({ code: credential.code })
    const token =
      config.ssoTokenField === 'access_token' ? (credential.accessToken ?? credential.idToken) : (credential.idToken ?? credential.accessToken)
    if (token === undefined || token === '') return failure(describeError('sso_invalid_callback'))
    return success({ idToken: token })
  }

  return {
    appInfo: () => ({
      name: deps.app.name,
      version: deps.app.version,
      os: deps.app.os,
      server: describeServer(config),
      sandbox: deps.sandbox,
      defaultProduct: config.defaultProduct,
      defaultCustomerAccount: config.defaultCustomerAccount
    }),

    hardwareId: () => guarded(() => hardware.machine()),

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

    offline,

    activate: (input) => guarded(async () => withoutSecrets(await activate(input), [...client.secrets(), ...inputSecrets(input)]))
  }

  function activate(input: EngineDeactivateInput): Promise<Outcome<ActivationResult>> {
    return guarded(async () => {
      if (typeof input !== 'object' || input === null) return notAnObject()
      if (sending || signInsWaiting > 0) return failure(describeError('busy'))
      sending = true
      try {
        const request = await buildRequest(pickFields(input), input.hardwareId)
        if (!request.ok) return request
        const answer = await client.activateBundle(request.value)
        if (!answer.ok) return failure(adviseForMethod(answer.error, request.value.credentials.method))
        const { product, hardwareId, credentials } = request.value
        return success({ product, hardwareId, method: credentials.method, at: new Date().toISOString(), products: productsOf(answer.value, product) })
      } finally {
        sending = false
      }
    })
  }

  function deactivate(input: EngineDeactivateInput): Promise<Outcome<DeactivationResult>> {
    return guarded(async () => {
      if (typeof input !== 'object' || input === null) return notAnObject()
      if (sending || signInsWaiting > 0) return failure(describeError('busy'))
      sending = true
      try {
        const built = await buildRequest(pickFields(input), input.hardwareId)
        const request = built.ok ? withRedirectUri(built.value, input.redirectUri) : built
        if (!request.ok) return request
        return await send(request.value)
      } finally {
        sending = false
      }
    })
  }

  /** Signs in in the browser, then deactivates; what the sign-in yielded is added to `signedInWith`. */
  function deactivateWithSso(input: SsoDeactivateInput, onProgress: (p: SsoProgress) => void, signedInWith: string[]): Promise<Outcome<DeactivationResult>> {
    return guarded(async () => {
      if (typeof input !== 'object' || input === null) return notAnObject()
      if (sending) return failure(describeError('busy'))
      if (input.grant !== 'code' && input.grant !== 'token') {
        return failure(describeError('invalid_input', { field: 'grant', explanation: 'The sign-in kind must be "code" or "token". Nothing was sent.' }))
      }
      const fields: DeactivationInput = { product: input.product, licenseId: input.licenseId, customerAccountCode: input.customerAccountCode }
      // Every field but the sign-in result is checked before the browser opens;
      // the placeholder stands in for the code the sign-in will yield.
      const precheck = await buildRequest({ ...fields, code: 'pending-sign-in' }, input.hardwareId)
      if (!precheck.ok) return precheck
      if (sending) return failure(describeError('busy'))
      const { product, credentials } = precheck.value
      if (credentials.method !== 'sso-code') return failure(describeError('app_internal_error'))

      signInsWaiting += 1
      // The callback's deactivation rides on a warm connection, however long the sign-in took.
      warm.start(config.ssoTimeoutMs)
      let signIn: Outcome<SsoCredential>
      try {
        signIn = await sso.signIn(
          { product, customerAccountCode: credentials.customerAccountCode, grant: input.grant, freshSignIn: input.freshSignIn === true },
          onProgress
        )
      } finally {
        signInsWaiting -= 1
      }
      if (!signIn.ok) return signIn
      signedInWith.push(...credentialSecrets(signIn.value))
      if (sending) return failure(describeError('busy'))
      const credential = credentialFields(signIn.value)
      if (!credential.ok) return credential
      const request = validateDeactivation({ ...fields, ...credential.value, hardwareId: precheck.value.hardwareId })
      if (!request.ok) return request
      // The code is redeemed with the redirect URI it was issued for, which the sign-in itself chose.
      const { credentials: sent } = request.value
      if (sent.method === 'sso-code' && signIn.value.kind === 'code' && signIn.value.redirectUri !== undefined)
        sent.redirectUri = signIn.value.redirectUri
      sending = true
      try {
        try {
          onProgress({ stage: 'deactivating' })
        } catch {
          // A failing progress listener must not stop the deactivation.
        }
        return await send(request.value)
      } finally {
        sending = false
      }
    })
  }
}
