import { afterEach, describe, expect, it } from 'vitest'
import { describeError } from '../../src/shared/errors'
import {
  fieldMessage,
  hardwareLoadingMessage,
  hardwareRequiredMessage,
  initialValues,
  valuesForNext,
  valuesForRetry,
  type FormValues,
  type HardwareReading
} from '../../src/renderer/src/form-model'
import { prepareAttempt } from '../../src/renderer/src/form-check'
import { PC_HARDWARE_ID } from './support/fake-api'
import { setTranslator, t } from '../../src/shared/i18n/current'
import { englishTranslator } from '../../src/shared/i18n/english'
import { loadTranslator } from '../../src/shared/i18n/load-translator'

const READY: HardwareReading = { status: 'ready', info: PC_HARDWARE_ID }
const base = (patch: Partial<FormValues>): FormValues => ({ ...initialValues({ product: 'office-suite', customerAccountCode: 'acme' }, {}), ...patch })

describe('prepareAttempt', () => {
  it('reports every faulty field at once, not only the first', () => {
    const result = prepareAttempt(base({ method: 'user', product: ' ', username: '', password: '', licenseId: 'abc' }), READY)
    expect(result).toEqual({
      ok: false,
      errors: {
        product: 'Bundle code is required.',
        licenseId: 'Licence id must be a whole number.',
        username: 'Username is required.',
        password: 'Password is required.'
      }
    })
  })

  it('reports too-long and control-character values with the engine’s wording', () => {
    const result = prepareAttempt(base({ licenseKey: 'A'.repeat(257), hardwareIdOverride: 'id\u0007' }), READY)
    expect(result).toEqual({
      ok: false,
      errors: { hardwareIdOverride: 'Hardware id contains control characters.', licenseKey: 'Licence key is longer than 256 characters.' }
    })
  })

  it('builds a direct request: trimmed identifiers, no hardware id unless overridden', () => {
    const result = prepareAttempt(base({ product: ' office-suite ', licenseKey: ' K-1 ', licenseId: '0042' }), READY)
    expect(result).toEqual({
      ok: true,
      attempt: {
        kind: 'direct',
        method: 'license-key',
        hardware: PC_HARDWARE_ID,
        input: { product: 'office-suite', licenseId: 42, credentials: { method: 'license-key', licenseKey: 'K-1' } }
      }
    })
  })

  it('builds a browser sign-in request without any code or token', () => {
    const result = prepareAttempt(
      base({ method: 'sso-token', idTokenViaBrowser: true, idToken: 'stale', customerAccountCode: ' globex ', hardwareIdOverride: 'HD-9' }),
      READY
    )
    expect(result).toEqual({
      ok: true,
      attempt: {
        kind: 'sso',
        method: 'sso-token',
        hardware: { id: 'HD-9', source: 'override', description: 'Typed into the hardware id override' },
        input: { product: 'office-suite', hardwareId: 'HD-9', customerAccountCode: 'globex', grant: 'token' }
      }
    })
  })

  it('sends only the chosen method’s credentials', () => {
    const result = prepareAttempt(base({ method: 'user', licenseKey: 'LEFT-OVER', idToken: 'left.over', username: 'ann', password: 'pw' }), READY)
    expect(result.ok && result.attempt.input).toEqual({ product: 'office-suite', credentials: { method: 'user', username: 'ann', password: 'pw' } })
  })

  it('needs an override while the hardware id is loading or unreadable', () => {
    const values = base({ licenseKey: 'K-1' })
    expect(prepareAttempt(values, { status: 'loading' })).toEqual({ ok: false, errors: { hardwareIdOverride: hardwareLoadingMessage() } })
    const unavailable: HardwareReading = { status: 'unavailable', error: describeError('hardware_id_unavailable') }
    expect(prepareAttempt(values, unavailable)).toEqual({ ok: false, errors: { hardwareIdOverride: hardwareRequiredMessage() } })
    expect(prepareAttempt({ ...values, hardwareIdOverride: 'HD-1' }, unavailable).ok).toBe(true)
  })
})

describe('values kept between attempts', () => {
  const filled = base({ method: 'user', username: 'ann', password: 'pw', licenseKey: 'K', idToken: 't', hardwareIdOverride: 'HD', licenseId: '7' })

  it('a retry drops only the password', () => {
    expect(valuesForRetry(filled)).toEqual({ ...filled, password: '' })
  })

  it('a fresh start keeps bundle, customer account and method only', () => {
    expect(valuesForNext(filled)).toEqual(base({ method: 'user' }))
  })
})

describe('the message beside a field the engine refused', () => {
  afterEach(() => setTranslator(englishTranslator()))

  it.each(['en', 'de', 'fr', 'es', 'ja'] as const)('is the problem alone, without “nothing was sent”, in %s', async (language) => {
    setTranslator(await loadTranslator(language, ['common', 'errors', 'window']))
    const problem = t('common.field.too-long', { field: t('common.field.licence-key'), limit: 256 })
    for (const nothing of ['sent', 'written', 'changed'] as const) {
      const error = describeError('invalid_input', { field: 'licenseKey', detail: { problem, nothing } })
      expect(error.explanation).not.toBe(problem)
      expect(fieldMessage(error)).toBe(problem)
    }
  })

  it('keeps an explanation that does not end that way whole', () => {
    const error = describeError('device_not_found')
    expect(fieldMessage(error)).toBe(error.explanation)
  })
})
