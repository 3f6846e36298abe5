import { randomBytes } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { SsoProgress } from '../../../shared/api'
import { describeError, ERROR_CATALOGUE, type AppError } from '../../../shared/errors'
import { failure, success, type Outcome } from '../../../shared/outcome'
import { readIncomingBody } from '../../../common/http/incoming-body'
import { urlHost } from '../../../common/http/listen'
import { parseRequestTarget } from '../../../common/http/request-target'
import { t } from '../../../shared/i18n/current'
import { RELAY_HEADER, sendFragmentRelayPage, sendPage, sendText } from './browser-pages'
import { isAuthorizationAnswer, readCallback } from './callback'
import { listenOnLoopback } from './loopback-listener'
import { finalSignInUrl, loopbackRedirect, offersFormPost, vetSignInUrl } from './sign-in-url'
import { BrowserNotOpenedError, type SsoBrowserFlow, type SsoBrowserFlowDeps, type SsoCredential, type SsoSignInQuery } from './types'

/** Optional extras of the flow; the required part is fixed in types.ts. */
export interface SsoBrowserFlowOptions extends SsoBrowserFlowDeps {
  /** Named on the pages the browser shows; default "License Manager". */
  appName?: string
}

/** Largest relayed fragment or posted form: tokens are a few KB. */
const MAX_ANSWER_BYTES = 64 * 1024
const FORM_TYPE = /^application\/x-www-form-urlencoded\s*(;|$)/i
/** Each attempt's own state: 256 bits from the OS's random source (at least 128 are needed), whatever the server's link held. */
const newState = (): string => randomBytes(32).toString('base64url')

/** One sign-in: settles once; every way of ending closes what it opened. */
class Attempt {
  private settle!: (outcome: Outcome<SsoCredential>) => void
  private readonly cleanups: (() => void)[] = []
  readonly outcome = new Promise<Outcome<SsoCredential>>((resolve) => (this.settle = resolve))
  done = false

  finish(outcome: Outcome<SsoCredential>): void {
    if (this.done) return
    this.done = true
    for (const cleanup of this.cleanups.splice(0).reverse()) {
      try {
        cleanup()
      } catch {
        // Cleanup must not stop the other cleanups or the answer.
      }
    }
    this.settle(outcome)
  }

  fail(error: AppError): void {
    this.finish(failure(error))
  }

  /** Runs `cleanup` when the attempt ends (at once when it already has). */
  onEnd(cleanup: () => void): void {
    if (this.done) cleanup()
    else this.cleanups.push(cleanup)
  }
}

/** Text of the page the browser shows once the answer has been taken (or refused). */
function resultPage(outcome: Outcome<SsoCredential>, appName: string): { status: number; title: string; paragraphs: string[] } {
  if (outcome.ok) {
    return { status: 200, title: t('pages.signed-in.title'), paragraphs: [t('pages.return-to-app', { app: appName })] }
  }
  const { error } = outcome
  return {
    status: 400,
    title: error.title,
    paragraphs: [
      error.explanation,
      ...(error.serverMessage ? [t('pages.sign-in-service-said', { message: error.serverMessage })] : []),
      t('pages.return-to-app', { app: appName })
    ]
  }
}

/** The page for a request on the redirect path that is not this sign-in's answer: it ends nothing. */
function ignoredPage(appName: string): { title: string; paragraphs: string[] } {
  const { title, explanation } = ERROR_CATALOGUE.sso_state_mismatch
  return {
    title,
    paragraphs: [explanation, t('pages.still-waiting', { app: appName })]
  }
}

/**
 * The browser sign-in of the SSO login methods: asks the License API for the provider's URL,
 * listens on the loopback redirect, opens the system browser and waits for the answer.
 */
export function createSsoBrowserFlow(deps: SsoBrowserFlowOptions): SsoBrowserFlow {
  const appName = deps.appName ?? 'License Manager'
  let current: Attempt | undefined

  const report = (attempt: Attempt, onProgress: (p: SsoProgress) => void, progress: SsoProgress): void => {
    if (attempt.done) return
    try {
      onProgress(progress)
    } catch {
      // A failing progress listener must not break the sign-in.
    }
  }

  async function run(attempt: Attempt, query: SsoSignInQuery, onProgress: (p: SsoProgress) => void): Promise<void> {
    const answer = await deps.requestSsoUrl(query)
    if (attempt.done) return
    if (!answer.ok) return attempt.finish(answer)

    const vetted = vetSignInUrl(answer.value.url, deps.httpSignInOrigins ?? [])
    if (!vetted.ok) return attempt.finish(vetted)
    const redirect = loopbackRedirect(vetted.value)
    if (!redirect.ok) return attempt.finish(redirect)
    const { listenHost, path: redirectPath } = redirect.value
    const relayPath = `${redirectPath.replace(/\/$/, '')}/fragment`

    let state = ''
    let expectedHost = ''
    /** The provider was asked to post the implicit grant's answer as a form (no tokens in the browser's history). */
    let formPost = false
    /** The redirect URI of the authorization request: a code is redeemed with it. */
    let redirectUri = ''
    /** Its port is one the app chose, because the registered redirect names none. */
    let portChosen = false
    const complete = (res: ServerResponse, outcome: Outcome<SsoCredential>, asText: boolean): void => {
      const page = resultPage(outcome, appName)
      attempt.finish(
        outcome.ok && outcome.value.kind === 'code' ? success({ ...outcome.value, redirectUri, ...(portChosen ? { portChosen: true as const } : {}) }) : outcome
      )
      // The browser is answered once the caller has sent what the answer allows (the
      // deactivation leaves first; the browser's drawing of the page then overlaps its
      // round trip instead of delaying it). The listener lingers for this answer.
      setImmediate(() => {
        if (asText) sendText(res, page.status, [page.title, ...page.paragraphs].join('\n'))
        else sendPage(res, page.status, page)
      })
    }
    /** Only the answer carrying this sign-in's state ends it; anything else is refused and changes nothing. */
    const take = (res: ServerResponse, params: URLSearchParams, asText: boolean): void => {
      const reading = readCallback(params, state, query.grant)
      if (reading.kind === 'answer') return complete(res, reading.outcome, asText)
      const page = ignoredPage(appName)
      if (asText) sendText(res, 400, [page.title, ...page.paragraphs].join('\n'))
      else sendPage(res, 400, page)
    }
    const takeBody = (req: IncomingMessage, res: ServerResponse, asText: boolean): void => {
      readIncomingBody(req, MAX_ANSWER_BYTES).then(
        (body) => {
          if (attempt.done) sendText(res, 409, t('pages.finished.text'))
          else if (!body.ok) sendText(res, 413, t('pages.answer.too-large'))
          else take(res, new URLSearchParams(body.text), asText)
        },
        () => res.destroy()
      )
    }

    const handle = (req: IncomingMessage, res: ServerResponse): void => {
      if ((req.headers.host ?? '').toLowerCase() !== expectedHost) {
        sendText(res, 421, t('pages.answer.misdirected'))
        return
      }
      const target = parseRequestTarget(req.url)
      if (!target) {
        sendText(res, 400, t('pages.answer.bad-request'))
        return
      }
      const onRedirect = target.pathname === redirectPath
      const onRelay = query.grant === 'token' && target.pathname === relayPath
      if (!onRedirect && !onRelay) {
        sendText(res, 404, t('pages.answer.not-found'))
        return
      }
      if (attempt.done) {
        const finished = { title: t('pages.finished.title'), paragraphs: [t('pages.return-to-app', { app: appName })] }
        if (onRelay) sendText(res, 409, [finished.title, ...finished.paragraphs].join('\n'))
        else sendPage(res, 409, finished)
        return
      }
      if (onRedirect) {
        if (req.method === 'GET') {
          const params = new URLSearchParams(target.query)
          if (query.grant === 'token' && !isAuthorizationAnswer(params)) sendFragmentRelayPage(res, relayPath, appName)
          else take(res, params, false)
          return
        }
        if (req.method === 'POST' && formPost) {
          if (!FORM_TYPE.test(req.headers['content-type'] ?? '')) {
            sendText(res, 415, t('pages.answer.unsupported-type'))
            return
          }
          takeBody(req, res, false)
          return
        }
        res.setHeader('Allow', formPost ? 'GET, POST' : 'GET')
        sendText(res, 405, t('pages.answer.method-not-allowed'))
        return
      }
      if (req.method !== 'POST' || req.headers[RELAY_HEADER] !== '1') {
        sendText(res, 403, t('pages.answer.forbidden'))
        return
      }
      takeBody(req, res, true)
    }

    const listening = await listenOnLoopback(listenHost, redirect.value.port, handle)
    if (!listening.ok) return attempt.finish(listening)
    const listener = listening.value
    attempt.onEnd(() => listener.close())
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- Cancel or the time limit may have ended the attempt while the listener opened
    if (attempt.done) return

    expectedHost = `${urlHost(listenHost)}:${listener.port}`
    // A fixed registration is used as registered. When the app chose the port, the server is asked
    // for exactly the redirect it listens on, so the code is issued for (and redeemed with) that URI.
    let signInBase = vetted.value
    let { openidConfiguration } = answer.value
    redirectUri = redirect.value.registered
    if (redirect.value.port === 0) {
      redirectUri = redirect.value.withPort(listener.port)
      portChosen = true
      const exact = await deps.requestSsoUrl({ ...query, redirectUri })
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- Cancel or the time limit may have ended the attempt while sso_url answered
      if (attempt.done) return
      if (!exact.ok) return attempt.finish(exact)
      const exactUrl = vetSignInUrl(exact.value.url, deps.httpSignInOrigins ?? [])
      if (!exactUrl.ok) return attempt.finish(exactUrl)
      signInBase = exactUrl.value
      openidConfiguration = exact.value.openidConfiguration ?? openidConfiguration
    }
    const signIn = finalSignInUrl(signInBase, redirectUri, newState, query.grant === 'token' && offersFormPost(openidConfiguration), query.freshSignIn === true)
    state = signIn.state
    formPost = query.grant === 'token' && signIn.formPost

    report(attempt, onProgress, { stage: 'opening-browser' })
    Promise.resolve()
      .then(() => deps.openExternal(signIn.url))
      .then(
        () => report(attempt, onProgress, { stage: 'waiting-for-browser', signInUrl: signIn.url, browserOpened: true }),
        (error: unknown) =>
          report(attempt, onProgress, {
            stage: 'waiting-for-browser',
            signInUrl: signIn.url,
            browserOpened: false,
            ...(error instanceof BrowserNotOpenedError ? { notOpenedReason: error.reason } : {})
          })
      )
  }

  return {
    async signIn(query, onProgress) {
      current?.fail(describeError('sso_replaced'))
      const attempt = new Attempt()
      current = attempt
      const timer = setTimeout(() => attempt.fail(describeError('sso_timeout')), deps.timeoutMs)
      attempt.onEnd(() => clearTimeout(timer))
      run(attempt, query, onProgress).catch(() => attempt.fail(describeError('app_internal_error')))
      const outcome = await attempt.outcome
      if (current === attempt) current = undefined
      return outcome
    },
    cancel() {
      current?.fail(describeError('sso_cancelled'))
    }
  }
}
