import ky, { type KyInstance } from 'ky'
import { failure, success, type Outcome } from '../../shared/outcome'
import type { BundleRequestBody, ResolvedRequest } from '../../shared/request'
import { createAuthorizer, type Authorizer } from './auth/authorizer'
import type { AuthConfig } from './config'
import { mapErrorResponse, mapOversizedAnswer, mapUnexpectedSuccess, parseErrorEnvelope, type HttpAnswer } from './errors/map-response'
import { mapTransportError, neverReachedServer } from './errors/map-transport'
import { readBoundedText } from './http/bounded-response'
import type { NetworkCheck } from './network-check'

export interface LicenseApiClientOptions {
  /** Base URL ending in "/", e.g. https://api.licensespring.com/api/v4/ */
  apiUrl: string
  auth: AuthConfig
  /** Global fetch in Node; Electron's net.fetch in the app. */
  fetch: typeof fetch
  timeoutMs: number
  /** Sent as `sdk_ver`: "<app name> <version>". */
  sdkVersion: string
  /** Milliseconds since the epoch, for the Date header (tests move it). */
  now?: () => number
  /** Asked after a connection failed: whether this PC has a network at all (net.isOnline() in the app). */
  isOnline?: NetworkCheck
}

export interface SsoUrlQuery {
  product: string
  customerAccountCode: string
  responseType: 'code' | 'token'
  /** The exact redirect URI the app listens on, when it chose the port (the node SDK's `redirect_uri`). */
  redirectUri?: string
}

export interface SsoUrlAnswer {
  url: string
  openidConfiguration: Record<string, unknown> | null
}

/** One licence object of an activate_bundle answer (the fields this app relies on). */
export type ActivatedLicence = Record<string, unknown> & { id?: unknown; hardware_id?: unknown }

export interface LicenseApiClient {
  /** POST deactivate_bundle; succeeds only on the server's `license_deactivated`. */
  deactivateBundle(request: ResolvedRequest): Promise<Outcome<'license_deactivated'>>
  /** POST deactivate_bundle_offline with a request file's content as the text body; same answers as deactivateBundle. */
  deactivateBundleOffline(requestFile: string): Promise<Outcome<'license_deactivated'>>
  /** POST activate_bundle (tests and the bench set up seats with it). */
  activateBundle(request: ResolvedRequest): Promise<Outcome<ActivatedLicence[]>>
  /** GET sso_url, always with an explicit response_type. */
  ssoUrl(query: SsoUrlQuery): Promise<Outcome<SsoUrlAnswer>>
  /**
   * A signed GET with its query (the reads of §10): the answer when it is a success (2xx), else its
   * error. The query may hold a licence key or password: nothing here logs or quotes the URL.
   */
  read(path: string, query: URLSearchParams): Promise<Outcome<HttpAnswer>>
  /** The API key, shared key, client secret, bearer tokens and request signatures the calls are authorised with. */
  secrets(): string[]
  /** Obtains the credentials a call will need (OAuth token) without calling the License API. */
  prepareCredentials(): Promise<void>
}

/** A resend after a refused connection waits this long (the request never left). */
const CONNECT_RETRY_DELAY_MS = 150

/** The wire body of deactivate_bundle / activate_bundle. */
export function toBundleRequestBody(request: ResolvedRequest, sdkVersion: string): BundleRequestBody {
  const body: BundleRequestBody = { hardware_id: request.hardwareId, product: request.product }
  const c = request.credentials
  switch (c.method) {
    case 'license-key':
      body.license_key = c.licenseKey
      break
    case 'user':
      body.username = c.username
      body.password = c.password
      break
    case 'sso-token':
      body.id_token = c.idToken
      body.customer_account_code = c.customerAccountCode
      break
    case 'sso-code':
      body.code = c.code
      body.customer_account_code = c.customerAccountCode
      if (c.redirectUri !== undefined) body.redirect_uri = c.redirectUri
      break
  }
  if (request.licenseId !== undefined) body.license_id = request.licenseId
  body.sdk_ver = sdkVersion
  return body
}

function isDeactivatedConfirmation(body: string): boolean {
  const text = body.trim()
  if (text === 'license_deactivated' || text === '"license_deactivated"') return true
  if (!text.startsWith('"')) return false
  try {
    return JSON.parse(text) === 'license_deactivated'
  } catch {
    return false
  }
}

const isLicenceList = (value: unknown): value is ActivatedLicence[] =>
  Array.isArray(value) && value.length > 0 && value.every((l) => typeof l === 'object' && l !== null && !Array.isArray(l))

const isSuccess = (answer: HttpAnswer) => answer.status >= 200 && answer.status <= 299

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body)
  } catch {
    return undefined
  }
}

export function createLicenseApiClient(options: LicenseApiClientOptions): LicenseApiClient {
  const authorizer: Authorizer = createAuthorizer(options.auth, {
    fetch: options.fetch,
    timeoutMs: options.timeoutMs,
    ...(options.now ? { now: options.now } : {})
  })
  const api: KyInstance = ky.create({
    prefixUrl: options.apiUrl,
    fetch: options.fetch,
    // One deadline, the signal passed per call, covers headers and body alike.
    timeout: false,
    throwHttpErrors: false,
    redirect: 'manual',
    retry: {
      limit: 1,
      methods: ['get', 'post'],
      statusCodes: [],
      afterStatusCodes: [],
      shouldRetry: ({ error }) => neverReachedServer(error),
      delay: () => CONNECT_RETRY_DELAY_MS
    }
  })

  /** Sends one call; a refused OAuth token is renewed and the call repeated once. */
  async function send(method: 'get' | 'post', path: string, body?: string, contentType = 'application/json'): Promise<Outcome<HttpAnswer>> {
    for (let attempt = 1; ; attempt++) {
      const auth = await authorizer.headers()
      if (!auth.ok) return auth
      const headers: Record<string, string> = { accept: 'application/json', date: auth.value.date, authorization: auth.value.authorization }
      if (body !== undefined) headers['content-type'] = contentType
      let answer: HttpAnswer
      try {
        const response = await api(path, { method, headers, ...(body === undefined ? {} : { body }), signal: AbortSignal.timeout(options.timeoutMs) })
        const text = await readBoundedText(response)
        if (!text.ok) return failure(mapOversizedAnswer(response.status))
        answer = {
          status: response.status,
          contentType: response.headers.get('content-type'),
          body: text.text,
          licenseSignature: response.headers.get('licensesignature')
        }
      } catch (error) {
        return failure(mapTransportError(error, options.isOnline))
      }
      if (attempt === 1 && answer.status >= 400) {
        const envelope = parseErrorEnvelope(answer.body)
        if (envelope && authorizer.renewAfter(envelope.code, auth.value)) continue
      }
      return success(answer)
    }
  }

  /**
   * Both deactivation calls succeed only on the server's `license_deactivated`; the
   * offline one also on "the list of affected licenses" one page of the docs speaks of.
   */
  async function deactivation(sent: Outcome<HttpAnswer>, acceptLicenceList = false): Promise<Outcome<'license_deactivated'>> {
    if (!sent.ok) return sent
    const answer = sent.value
    if (!isSuccess(answer)) return failure(mapErrorResponse(answer))
    const confirmed = isDeactivatedConfirmation(answer.body) || (acceptLicenceList && isLicenceList(parseJson(answer.body)))
    if (!confirmed) return failure(mapUnexpectedSuccess(answer))
    return success('license_deactivated')
  }

  return {
    secrets: () => authorizer.secrets(),
    prepareCredentials: () => authorizer.prepare(),

    deactivateBundle: async (request) =>
      deactivation(await send('post', 'deactivate_bundle', JSON.stringify(toBundleRequestBody(request, options.sdkVersion)))),

    // The node SDK sends the file's text as text/plain; the documented multipart form is for browsers.
    deactivateBundleOffline: async (requestFile) =>
      deactivation(await send('post', 'deactivate_bundle_offline', requestFile, 'text/plain; charset=utf-8'), true),

    async activateBundle(request) {
      const sent = await send('post', 'activate_bundle', JSON.stringify(toBundleRequestBody(request, options.sdkVersion)))
      if (!sent.ok) return sent
      const answer = sent.value
      if (!isSuccess(answer)) return failure(mapErrorResponse(answer))
      const licences = parseJson(answer.body)
      if (!isLicenceList(licences)) return failure(mapUnexpectedSuccess(answer))
      return success(licences)
    },

    async ssoUrl(query) {
      const search = new URLSearchParams({
        product: query.product,
        customer_account_code: query.customerAccountCode,
        response_type: query.responseType
      })
      if (query.redirectUri !== undefined) search.set('redirect_uri', query.redirectUri)
      const sent = await send('get', `sso_url?${search.toString()}`)
      if (!sent.ok) return sent
      const answer = sent.value
      if (!isSuccess(answer)) return failure(mapErrorResponse(answer))
      const json = parseJson(answer.body)
      const parsed = typeof json === 'object' && json !== null ? (json as { url?: unknown; openid_configuration?: unknown }) : undefined
      if (parsed === undefined || typeof parsed.url !== 'string' || !URL.canParse(parsed.url)) {
        return failure(mapUnexpectedSuccess(answer))
      }
      const config = parsed.openid_configuration
      return success({
        url: parsed.url,
        openidConfiguration: typeof config === 'object' && config !== null && !Array.isArray(config) ? (config as Record<string, unknown>) : null
      })
    },

    async read(path, query) {
      const sent = await send('get', `${path}?${query.toString()}`)
      if (!sent.ok) return sent
      return isSuccess(sent.value) ? sent : failure(mapErrorResponse(sent.value))
    }
  }
}
