import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { loadRememberedFields, REMEMBERED_FIELDS_KEY, rememberFields } from '../../src/renderer/src/remembered-fields'
import { FakeApi } from './support/fake-api'
import { renderForm, ui } from './support/render-app'

class MemoryStorage implements Pick<Storage, 'getItem' | 'setItem'> {
  readonly items = new Map<string, string>()
  getItem(key: string) {
    return this.items.get(key) ?? null
  }
  setItem(key: string, value: string) {
    this.items.set(key, value)
  }
}

describe('remembered-fields module', () => {
  it('round-trips bundle code, customer account code and method under one versioned key', () => {
    const storage = new MemoryStorage()
    rememberFields(storage, { product: ' design-pack ', customerAccountCode: 'globex', method: 'sso-code' })
    expect([...storage.items.keys()]).toEqual([REMEMBERED_FIELDS_KEY])
    expect(REMEMBERED_FIELDS_KEY).toMatch(/\.v1$/)
    expect(loadRememberedFields(storage)).toEqual({ product: 'design-pack', customerAccountCode: 'globex', method: 'sso-code' })
  })

  it('stores nothing secret or PC-specific, whatever the values carry', () => {
    const storage = new MemoryStorage()
    const formValues = {
      method: 'user' as const,
      product: 'office-suite',
      customerAccountCode: 'acme',
      licenseKey: 'AAAA-BBBB-CCCC-DDDD',
      username: 'bob@example.test',
      password: 'hunter2',
      idToken: 'eyJhbGciOi.payload.sig',
      hardwareIdOverride: 'HELPDESK-ID-0042',
      licenseId: '1001'
    }
    rememberFields(storage, formValues)
    const stored = storage.items.get(REMEMBERED_FIELDS_KEY) ?? ''
    expect(JSON.parse(stored)).toEqual({ product: 'office-suite', customerAccountCode: 'acme', method: 'user' })
    for (const value of ['AAAA-BBBB', 'bob@example.test', 'hunter2', 'eyJhbGciOi', 'HELPDESK', '1001']) expect(stored).not.toContain(value)
  })

  it('ignores malformed, foreign or oversized content', () => {
    const storage = new MemoryStorage()
    for (const raw of ['not json', 'null', '[1,2]', '{"method":"magic","product":42}', JSON.stringify({ product: 'x'.repeat(300) })]) {
      storage.items.set(REMEMBERED_FIELDS_KEY, raw)
      expect(loadRememberedFields(storage)).toEqual({})
    }
  })

  it('survives storage that throws', () => {
    const broken = {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError')
      },
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError')
      }
    }
    expect(loadRememberedFields(broken)).toEqual({})
    expect(() => rememberFields(broken, { product: 'office-suite' })).not.toThrow()
    expect(loadRememberedFields(null)).toEqual({})
  })
})

describe('remembering in the app', () => {
  it('keeps the bundle, customer account and method of a confirmed attempt, and prefills them next run', async () => {
    const first = await renderForm(new FakeApi())
    await first.user.click(ui.method('Company sign-in with an ID token'))
    await first.user.clear(ui.field('Customer account code'))
    await first.user.type(ui.field('Customer account code'), 'globex')
    await first.user.clear(ui.field('Bundle code'))
    await first.user.type(ui.field('Bundle code'), 'design-pack')
    await first.user.type(ui.field('ID token'), 'eyJhbGciOi.payload.sig')
    await first.user.type(screen.getByLabelText('Hardware id override'), 'HELPDESK-ID-0042')
    await first.user.click(ui.submit())
    await first.user.click(within(ui.dialog()).getByRole('button', { name: 'Deactivate' }))
    await screen.findByRole('heading', { name: 'Licence deactivated' })

    const stored = window.localStorage.getItem(REMEMBERED_FIELDS_KEY) ?? ''
    expect(JSON.parse(stored)).toEqual({ product: 'design-pack', customerAccountCode: 'globex', method: 'sso-token' })
    expect(stored).not.toContain('eyJhbGciOi')
    expect(stored).not.toContain('HELPDESK')
    first.unmount()

    await renderForm(new FakeApi())
    expect(ui.method('Company sign-in with an ID token')).toBeChecked()
    expect(ui.field('Bundle code')).toHaveValue('design-pack')
    expect(ui.field('Customer account code')).toHaveValue('globex')
    expect(ui.field('ID token')).toHaveValue('')
    expect(screen.getByLabelText('Hardware id override')).toHaveValue('')
  })

  it('remembers nothing when the confirmation is cancelled', async () => {
    const { user } = await renderForm()
    await user.type(ui.field('Licence key'), 'AAAA-BBBB-CCCC-DDDD')
    await user.click(ui.submit())
    await user.click(within(ui.dialog()).getByRole('button', { name: 'Cancel' }))
    expect(window.localStorage.getItem(REMEMBERED_FIELDS_KEY)).toBeNull()
  })
})
