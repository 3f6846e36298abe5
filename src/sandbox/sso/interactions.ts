import type { IncomingMessage, ServerResponse } from 'node:http'
import { readIncomingBody } from '../../common/http/incoming-body'
import type { Provider } from 'oidc-provider'
import type { SsoDirectory } from './directory'
import { sendLoginPage, sendProblemPage } from './login-page'

/** The account hint Keycloak understands; the sandbox requires it to pick the customer account. */
export const ACCOUNT_HINT_PARAM = 'kc_idp_hint'

const ROUTE = /^\/interaction\/([A-Za-z0-9_-]{1,128})(?:\/(login|abort))?$/
const MAX_FORM_BYTES = 8 * 1024

/** True when the request belongs to the interaction pages (login, abort) rather than to the provider. */
export const isInteractionPath = (pathname: string): boolean => ROUTE.test(pathname)

/**
 * Serves `/interaction/:uid` (the login form, or an automatic consent for the first-party client),
 * `/interaction/:uid/login` (checks the seeded user) and `/interaction/:uid/abort` (access_denied).
 */
export function createInteractionHandler(provider: Provider, directory: SsoDirectory) {
  return async function handleInteraction(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    const [, uid, action] = ROUTE.exec(pathname) ?? []
    let details: Awaited<ReturnType<Provider['interactionDetails']>>
    try {
      details = await provider.interactionDetails(req, res)
    } catch {
      sendProblemPage(res, 400, 'This sign-in has expired', 'The sign-in page is no longer valid. Start the sign-in again from the app.')
      return
    }
    if (details.uid !== uid) {
      sendProblemPage(res, 400, 'This sign-in has expired', 'Start the sign-in again from the app.')
      return
    }

    const hint = details.params[ACCOUNT_HINT_PARAM]
    const account = typeof hint === 'string' ? directory.account(hint) : undefined
    if (!account || account.sso?.enabled !== true) {
      await provider.interactionFinished(
        req,
        res,
        {
          error: 'invalid_request',
          error_description: 'the sign-in link does not name a customer account with single sign-on'
        },
        { mergeWithLastSubmission: false }
      )
      return
    }
    const accountName = account.name ?? account.code

    if (action === undefined && req.method === 'GET') {
      if (details.prompt.name === 'login') {
        sendLoginPage(res, { interactionUid: details.uid, accountName })
        return
      }
      if (details.prompt.name === 'consent') {
        await grantConsent(provider, req, res, details)
        return
      }
      sendProblemPage(res, 400, 'Unsupported sign-in step', `The step "${details.prompt.name}" is not supported.`)
      return
    }

    if (req.method !== 'POST' || details.prompt.name !== 'login') {
      sendProblemPage(res, 405, 'Unexpected request', 'Start the sign-in again from the app.')
      return
    }

    if (action === 'abort') {
      await provider.interactionFinished(
        req,
        res,
        {
          error: 'access_denied',
          error_description: 'the user cancelled the sign-in'
        },
        { mergeWithLastSubmission: false }
      )
      return
    }

    const body = await readIncomingBody(req, MAX_FORM_BYTES)
    if (!body.ok) {
      sendProblemPage(res, 413, 'The sign-in form was too large', 'Start the sign-in again from the app.')
      return
    }
    const form = new URLSearchParams(body.text)
    const email = form.get('email') ?? ''
    const identity = directory.authenticate(account.code, email, form.get('password') ?? '')
    if (!identity) {
      sendLoginPage(res, {
        interactionUid: details.uid,
        accountName,
        email,
        error: 'Wrong email or password for this company account.'
      })
      return
    }
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: identity.accountId, remember: false } },
      {
        mergeWithLastSubmission: false
      }
    )
  }
}

/** The client is the vendor's own (first-party): consent is granted without asking. */
async function grantConsent(
  provider: Provider,
  req: IncomingMessage,
  res: ServerResponse,
  details: Awaited<ReturnType<Provider['interactionDetails']>>
): Promise<void> {
  const accountId = details.session?.accountId
  const clientId = details.params.client_id
  if (!accountId || typeof clientId !== 'string') {
    sendProblemPage(res, 400, 'This sign-in has expired', 'Start the sign-in again from the app.')
    return
  }
  const existing = details.grantId ? await provider.Grant.find(details.grantId) : undefined
  const grant = existing ?? new provider.Grant({ accountId, clientId })
  const missing = details.prompt.details
  if (Array.isArray(missing.missingOIDCScope)) grant.addOIDCScope(missing.missingOIDCScope.join(' '))
  if (Array.isArray(missing.missingOIDCClaims)) grant.addOIDCClaims(missing.missingOIDCClaims as string[])
  const grantId = await grant.save()
  await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true })
}
