import { createHash, timingSafeEqual } from 'node:crypto'
import { describeError } from '../../../shared/errors'
import { failure, success, type Outcome } from '../../../shared/outcome'
import type { SsoGrant } from '../../../shared/request'
import type { SsoCredential } from './types'

const MAX_MESSAGE = 300

const providerMessage = (params: URLSearchParams): string | undefined => {
  const description = params.get('error_description')
  return description ? description.slice(0, MAX_MESSAGE) : undefined
}

/**
 * How identity providers word `access_denied` when the person pressed Cancel on their page
 * (this sandbox and its OpenID provider library, Okta, Azure AD B2C): a cancel, not a refusal.
 */
const PROVIDER_CANCEL =
  /^(?:the user cancell?ed the sign-in|end-user aborted interaction|user cancell?ed(?: the)?(?: login| sign-in| authentication)?|AADB2C90091\b.*)\.?$/i

/** Parameters that only an authorization answer carries: without any, a GET is not an answer. */
const ANSWER_PARAMS = ['state', 'code', 'error', 'id_token', 'access_token']

export const isAuthorizationAnswer = (params: URLSearchParams): boolean => ANSWER_PARAMS.some((name) => params.has(name))

/** What a request on the redirect path turned out to be. */
export type CallbackReading =
  /** Not the answer to this sign-in (no state, another state, the state twice): it changes nothing. */
  | { kind: 'not-this-sign-in' }
  /** The provider's answer to this sign-in: it ends the attempt, with a credential or an error. */
  | { kind: 'answer'; outcome: Outcome<SsoCredential> }

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest()

/** Compares in constant time, whatever the lengths. */
const sameState = (received: string, expected: string): boolean => timingSafeEqual(digest(received), digest(expected))

const answer = (outcome: Outcome<SsoCredential>): CallbackReading => ({ kind: 'answer', outcome })

/**
 * Reads the provider's answer (query or form post for the code grant's redirect, relayed
 * fragment or form post for the implicit grant). Only an answer carrying this sign-in's state,
 * exactly once, can end the attempt: any page that can reach the port could send the rest.
 */
export function readCallback(params: URLSearchParams, expectedState: string, grant: SsoGrant): CallbackReading {
  const states = params.getAll('state')
  if (states.length !== 1 || !sameState(states[0]!, expectedState)) return { kind: 'not-this-sign-in' }
  // RFC 6749 §3.1: a parameter sent twice makes the answer ambiguous, so it is refused whole.
  if (ANSWER_PARAMS.some((name) => params.getAll(name).length > 1)) return answer(failure(describeError('sso_invalid_callback')))

  const error = params.get('error')
  if (error !== null) {
    const serverMessage = providerMessage(params)
    if (error === 'access_denied') {
      if (serverMessage !== undefined && PROVIDER_CANCEL.test(serverMessage.trim())) {
        return answer(failure(describeError('sso_cancelled', { detail: { where: 'provider-page' } })))
      }
      return answer(failure(describeError('sso_access_denied', serverMessage === undefined ? {} : { serverMessage })))
    }
    return answer(
      failure(
        describeError('sso_provider_error', {
          serverMessage: serverMessage === undefined ? error.slice(0, MAX_MESSAGE) : `${error.slice(0, 60)}: ${serverMessage}`
        })
      )
    )
  }

  if (grant === 'code') {
    const code = params.get('code')
    return answer(code ? success({ kind: 'code', code }) : failure(describeError('sso_invalid_callback')))
  }
  const idToken = params.get('id_token') || undefined
  const accessToken = params.get('access_token') || undefined
  if (idToken === undefined && accessToken === undefined) return answer(failure(describeError('sso_invalid_callback')))
  return answer(
    success({
      kind: 'token',
      ...(idToken === undefined ? {} : { idToken }),
      ...(accessToken === undefined ? {} : { accessToken })
    })
  )
}
