import { describe, expect, it } from 'vitest'
import { readCallback } from '../../../src/main/engine/sso/callback'

const answer = (description: string) => new URLSearchParams({ state: 'S', error: 'access_denied', error_description: description })
const codeOf = (description: string) => {
  const reading = readCallback(answer(description), 'S', 'code')
  if (reading.kind !== 'answer') return reading.kind
  return reading.outcome.ok ? 'ok' : reading.outcome.error.code
}

describe('access_denied from the identity provider', () => {
  it.each([
    'the user cancelled the sign-in',
    'End-User aborted interaction',
    'User cancelled',
    'User canceled the login.',
    'AADB2C90091: The user has cancelled entering self-asserted information.'
  ])('"%s" (Cancel pressed on the provider page) is sso_cancelled', (description) => expect(codeOf(description)).toBe('sso_cancelled'))

  it('says the sign-in was cancelled on the provider’s page, in the catalogue entry’s words for that case', () => {
    const reading = readCallback(answer('User cancelled'), 'S', 'code')
    expect(reading).toMatchObject({
      kind: 'answer',
      outcome: { ok: false, error: { code: 'sso_cancelled', explanation: 'You cancelled on your company’s sign-in page. Nothing was changed.' } }
    })
  })

  it.each(['The administrator has not granted access', 'denied', 'user is not assigned to the app; cancel your request'])(
    '"%s" stays a refusal (sso_access_denied)',
    (description) => expect(codeOf(description)).toBe('sso_access_denied')
  )
})
