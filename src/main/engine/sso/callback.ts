import { describeError } from '../../../shared/errors'
import { failure, success, type Outcome } from '../../../shared/outcome'
import type { SsoGrant } from '../../../shared/api'
import type { SsoCredential } from './types'

const MAX_MESSAGE = 300

const providerMessage = (params: URLSearchParams): string | undefined => {
  const description = params.get('error_description')
  return description ? description.slice(0, MAX_MESSAGE) : undefined
}

/** Parameters that only an authorization answer carries: without any, a GET is not an answer. */
const ANSWER_PARAMS = ['state', 'code', 'error', 'id_token', 'access_token']

export const isAuthorizationAnswer = (params: URLSearchParams): boolean => ANSWER_PARAMS.some((name) => params.has(name))

/**
 * Reads the provider's answer (query for the code grant, relayed fragment for the implicit grant).
 * The state is checked before anything else it carries, so a forged or stale answer can neither
 * deliver nor refuse a sign-in.
 */
export function interpretCallback(params: URLSearchParams, expectedState: string, grant: SsoGrant): Outcome<SsoCredential> {
  if (!isAuthorizationAnswer(params)) return failure(describeError('sso_invalid_callback'))
  // RFC 6749 §3.1: a parameter sent twice makes the answer ambiguous, so it is refused whole.
  if (ANSWER_PARAMS.some((name) => params.getAll(name).length > 1)) return failure(describeError('sso_invalid_callback'))
  if (params.get('state') !== expectedState) return failure(describeError('sso_state_mismatch'))

  const error = params.get('error')
  if (error !== null) {
    const serverMessage = providerMessage(params)
    if (error === 'access_denied') {
      return failure(describeError('sso_access_denied', serverMessage === undefined ? {} : { serverMessage }))
    }
    return failure(
      describeError('sso_provider_error', {
        serverMessage: serverMessage === undefined ? error.slice(0, MAX_MESSAGE) : `${error.slice(0, 60)}: ${serverMessage}`
      })
    )
  }

  if (grant === 'code') {
    const code = params.get('code')
    return code ? success({ kind: 'code', code }) : failure(describeError('sso_invalid_callback'))
  }
  const idToken = params.get('id_token') || undefined
  const accessToken = params.get('access_token') || undefined
  if (idToken === undefined && accessToken === undefined) return failure(describeError('sso_invalid_callback'))
  return success({
    kind: 'token',
    ...(idToken === undefined ? {} : { idToken }),
    ...(accessToken === undefined ? {} : { accessToken })
  })
}
