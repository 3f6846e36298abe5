import { describeError, describeServerError, type AppError } from '../../../shared/errors'

/** An HTTP answer, already read: what the mappers need and nothing more. */
export interface HttpAnswer {
  status: number
  contentType: string | null
  body: string
  /** The `LicenseSignature` header (the v2 answer signature), where the answer had one. */
  licenseSignature?: string | null
}

/** A bound on the work done on a message; the service cuts it to its shown length once secrets are removed. */
const MAX_SERVER_MESSAGE = 64 * 1024
const MAX_CODE_LENGTH = 100

/** The License API error envelope `{status, code, message}`; `code` is what matters. */
export function parseErrorEnvelope(body: string): { code: string; message?: string } | undefined {
  const text = body.trim()
  if (!text.startsWith('{')) return undefined
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return undefined
  }
  // The text starts with {, so what JSON.parse made is an object.
  const { code, message } = parsed as { code?: unknown; message?: unknown }
  if (typeof code !== 'string' || code.trim() === '' || code.length > MAX_CODE_LENGTH) return undefined
  return typeof message === 'string' ? { code: code.trim(), message: message.slice(0, MAX_SERVER_MESSAGE) } : { code: code.trim() }
}

export function looksLikeHtml(answer: Pick<HttpAnswer, 'contentType' | 'body'>): boolean {
  if (answer.contentType !== null && /^\s*(text\/html|application\/xhtml\+xml)/i.test(answer.contentType)) return true
  return /^\s*(<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(answer.body)
}

/** A redirect (3xx, or a redirect the fetch refused to follow: status 0): never the License API's own answer. */
export function redirectAnswerError(status: number): AppError {
  return describeError('html_error_body', { status, detail: { answer: 'redirect' } })
}

/**
 * Answers that come from something between this PC and the server, whatever
 * server was asked (License API or OAuth token server): a redirect, or a proxy
 * asking for credentials (407), which the app cannot give.
 */
export function mapIntermediaryAnswer(status: number): AppError | undefined {
  if (status >= 300 && status < 400) return redirectAnswerError(status)
  if (status === 407) return describeError('proxy_auth_required', { status })
  return undefined
}

/**
 * Maps an HTTP answer that is not a success to the catalogue. The server's own
 * envelope wins; without one, the status and the shape of the body decide.
 */
export function mapErrorResponse(answer: HttpAnswer): AppError {
  const { status } = answer
  const envelope = parseErrorEnvelope(answer.body)
  if (envelope) {
    return describeServerError(envelope.code, envelope.message === undefined ? { status } : { status, serverMessage: envelope.message })
  }
  const intermediary = mapIntermediaryAnswer(status)
  if (intermediary) return intermediary
  if (status === 429) return describeError('too_many_requests', { status })
  if (status === 503) return describeError('server_unavailable', { status })
  if (status >= 500) return describeError('internal_error', { status })
  if (status === 404) return describeError('not_found', { status })
  if (answer.body.trim() === '') return describeError('empty_error_body', { status })
  if (looksLikeHtml(answer)) return describeError('html_error_body', { status })
  return describeError('non_json_error_body', { status })
}

/** An answer larger than any the License API gives: not read, so only its status is known. */
export const mapOversizedAnswer = (status: number): AppError => describeError('response_too_large', { status })

/**
 * A 2xx (or other non-error) answer that is not the one expected: a proxy's page
 * is named as such, anything else is `unexpected_response`.
 */
export function mapUnexpectedSuccess(answer: HttpAnswer): AppError {
  if (looksLikeHtml(answer)) return describeError('html_error_body', { status: answer.status })
  return describeError('unexpected_response', { status: answer.status })
}
