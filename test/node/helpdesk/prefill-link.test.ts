import { afterEach, describe, expect, it } from 'vitest'
import { parsePrefillLink, prefillLink } from '../../../src/shared/helpdesk/prefill-link'
import { prefillFromArgv } from '../../../src/main/electron/prefill-argv'
import { setTranslator } from '../../../src/shared/i18n/current'
import { speakEnglish } from '../../../src/shared/i18n/english'
import { loadTranslator } from '../../../src/shared/i18n/load-translator'

const errorOf = (outcome: ReturnType<typeof parsePrefillLink> | null) => (outcome && !outcome.ok ? outcome.error : null)

describe('the helpdesk prefill link', () => {
  it('reads bundle, method and account', () => {
    expect(parsePrefillLink('license-manager://deactivate?product=office-suite&method=license-key')).toEqual({
      ok: true,
      value: { product: 'office-suite', method: 'license-key' }
    })
    expect(parsePrefillLink('license-manager://deactivate/?product=design-pack&method=sso-code&account=acme')).toEqual({
      ok: true,
      value: { product: 'design-pack', method: 'sso-code', account: 'acme' }
    })
    expect(parsePrefillLink('LICENSE-MANAGER://DEACTIVATE?method=user')).toEqual({ ok: true, value: { method: 'user' } })
  })

  it('round-trips through prefillLink', () => {
    const prefill = { product: 'design-pack', method: 'sso-token' as const, account: 'acme.eu' }
    expect(parsePrefillLink(prefillLink(prefill))).toEqual({ ok: true, value: prefill })
  })

  it.each([
    ['another scheme', 'https://deactivate?product=office-suite', 'link'],
    ['another action', 'license-manager://activate?product=office-suite', 'link'],
    ['a path', 'license-manager://deactivate/more?product=office-suite', 'link'],
    ['credentials in the authority', 'license-manager://user:pw@deactivate?product=x', 'link'],
    ['a fragment', 'license-manager://deactivate?product=x#licenseKey=K', 'link'],
    ['a licence key', 'license-manager://deactivate?product=office-suite&licenseKey=OFFICE-2222-IN-USE', 'link'],
    ['a password', 'license-manager://deactivate?product=office-suite&password=hunter2', 'link'],
    ['a repeated field', 'license-manager://deactivate?product=a&product=b', 'product'],
    ['a bad bundle code', 'license-manager://deactivate?product=%3Cscript%3E', 'product'],
    ['a bundle code with spaces', 'license-manager://deactivate?product=office%20suite', 'product'],
    ['an unknown method', 'license-manager://deactivate?method=magic', 'method'],
    ['a bad account', 'license-manager://deactivate?account=acme%0A', 'account'],
    ['a too long link', `license-manager://deactivate?product=${'a'.repeat(3000)}`, 'link'],
    ['not a URL', 'license-manager:', 'link'],
    ['no scheme at all', 'deactivate?product=office-suite', 'link']
  ])('refuses %s, naming the field and never the value', (_, link, field) => {
    const error = errorOf(parsePrefillLink(link))
    expect(error).toMatchObject({ code: 'prefill_link_invalid', family: 'input', field })
    expect(error!.explanation).toContain('Nothing was filled in.')
    for (const value of ['OFFICE-2222-IN-USE', 'hunter2', '<script>', 'magic']) expect(JSON.stringify(error)).not.toContain(value)
  })
})

describe('the prefill link at its edges', () => {
  const words = (link: string) => errorOf(parsePrefillLink(link))?.explanation

  it.each([
    ['license-manager://deactivate?product=x&licenseKey=K', 'The link has a parameter this app does not take; it takes only product, method, account.'],
    ['license-manager://deactivate?method=user&method=sso-code', 'The link gives "method" more than once.'],
    ['license-manager://deactivate?product=-x', 'The bundle code in the link is not a bundle code (letters, digits, ".", "_" or "-", at most 128).'],
    ['license-manager://deactivate?method=magic', 'The login method in the link must be one of license-key, user, sso-code, sso-token.'],
    [
      'license-manager://deactivate?account=ac%20me',
      'The customer account in the link is not an account code (letters, digits, ".", "_" or "-", at most 128).'
    ],
    [`license-manager://deactivate?product=${'a'.repeat(2048)}`, 'The link is longer than 2,048 characters.'],
    ['deactivate?product=office-suite', 'The link is not a valid address.'],
    ['license-manager://deactivate:8080?product=x', 'The link must start with license-manager://deactivate?'],
    ['license-manager://deactivate?product=x#licenseKey', 'The link must not have a "#" part.']
  ])('%s is refused saying why, and that nothing was filled in', (link, problem) => {
    expect(words(link)).toBe(`${problem} Nothing was filled in.`)
  })

  it('a bundle code or account of 128 characters is taken; one more is refused', () => {
    const at = (length: number) => 'a'.repeat(length)
    expect(parsePrefillLink(`license-manager://deactivate?product=${at(128)}&account=${at(128)}`)).toEqual({
      ok: true,
      value: { product: at(128), account: at(128) }
    })
    expect(errorOf(parsePrefillLink(`license-manager://deactivate?product=${at(129)}`))).toMatchObject({ field: 'product' })
    expect(errorOf(parsePrefillLink(`license-manager://deactivate?account=${at(129)}`))).toMatchObject({ field: 'account' })
  })

  it('a link of 2048 characters is read; one character more is refused', () => {
    // Padded with empty parameters, which the link reader skips.
    const linkOf = (length: number) => {
      const start = 'license-manager://deactivate?product=a'
      return start + '&'.repeat(length - start.length)
    }
    expect(parsePrefillLink(linkOf(2048))).toMatchObject({ ok: true, value: { product: 'a' } })
    expect(errorOf(parsePrefillLink(linkOf(2049)))).toMatchObject({ field: 'link' })
  })

  it('slashes after the action are no path; anything after them is', () => {
    for (const link of ['license-manager://deactivate/?method=user', 'license-manager://deactivate//?method=user'])
      expect(parsePrefillLink(link), link).toEqual({ ok: true, value: { method: 'user' } })
    for (const link of ['license-manager://deactivate//x?method=user', 'license-manager://deactivate/x/?method=user'])
      expect(errorOf(parsePrefillLink(link)), link).toMatchObject({ field: 'link' })
  })

  it('a link for a bundle only carries the bundle and nothing else', () => {
    expect(prefillLink({ product: 'office-suite' })).toBe('license-manager://deactivate?product=office-suite')
  })
})

describe('the prefill on the app’s command line', () => {
  it('finds the link Windows and Linux append to the command line, among Chromium switches', () => {
    const argv = [
      '/opt/License Manager/license-manager',
      '--no-sandbox',
      '--allow-file-access-from-files',
      'license-manager://deactivate?product=office-suite&method=user'
    ]
    expect(prefillFromArgv(argv)).toEqual({ ok: true, value: { product: 'office-suite', method: 'user' } })
  })

  it('takes --prefill-* flags for scripted support, validated the same way', () => {
    expect(prefillFromArgv(['app', '--prefill-product=design-pack', '--prefill-method=sso-code', '--prefill-account=acme'])).toEqual({
      ok: true,
      value: { product: 'design-pack', method: 'sso-code', account: 'acme' }
    })
    expect(errorOf(prefillFromArgv(['app', '--prefill-method=password']))).toMatchObject({ code: 'prefill_link_invalid', field: 'method' })
  })

  it('asks for nothing without a link or flag, and refuses two links', () => {
    expect(prefillFromArgv(['app', '--inspect=0', 'somefile.txt'])).toBeNull()
    expect(errorOf(prefillFromArgv(['app', 'license-manager://deactivate?product=a', 'license-manager://deactivate?product=b']))).toMatchObject({
      field: 'link'
    })
    expect(errorOf(prefillFromArgv(['app', 'license-manager://deactivate?product=a', '--prefill-product=b']))).toMatchObject({ field: 'link' })
  })
})

describe('a refused link in the language the app speaks', () => {
  afterEach(speakEnglish)

  it('says why in German, with the limit as German writes numbers', async () => {
    setTranslator(await loadTranslator('de', ['common', 'errors', 'shell']))
    const error = errorOf(parsePrefillLink(`license-manager://deactivate?product=${'a'.repeat(2048)}`))
    expect(error).toMatchObject({ title: 'Der Support-Link konnte nicht verwendet werden', field: 'link' })
    expect(error!.explanation).toBe('Der Link ist länger als 2.048 Zeichen. Es wurde nichts ausgefüllt.')
  })

  it('names the parameters it takes in Japanese words around them', async () => {
    setTranslator(await loadTranslator('ja', ['common', 'errors', 'shell']))
    expect(errorOf(parsePrefillLink('license-manager://deactivate?licenseKey=K'))!.explanation).toBe(
      'リンクに、このアプリが受け付けないパラメーターがあります。受け付けるのは product, method, account だけです。何も入力されていません。'
    )
  })
})
