import { describe, expect, it } from 'vitest'
import { describeServerError, ERROR_CATALOGUE, type KnownErrorCode } from '../../../src/shared/errors'
import { sendsToVendor, VENDOR_CONTACT_CODES } from '../../../src/shared/errors/vendor-contact'

describe('the errors that send the person to the vendor', () => {
  it('are exactly the catalogue entries whose English advice names the vendor', () => {
    const namingTheVendor = (Object.keys(ERROR_CATALOGUE) as KnownErrorCode[]).filter((code) => /vendor/i.test(ERROR_CATALOGUE[code].action))
    expect([...VENDOR_CONTACT_CODES].sort()).toEqual(namingTheVendor.sort())
  })

  it('include a code the app does not know, whose advice is to contact the vendor’s support', () => {
    const unknown = describeServerError('some_new_code', { status: 400 })
    expect(unknown.action).toMatch(/vendor’s support/)
    expect(sendsToVendor(unknown.code)).toBe(true)
  })

  it('leave out errors the person fixes alone', () => {
    for (const code of ['license_not_found', 'date_header_diff', 'cannot_connect_to_server', 'sso_cancelled'] as const)
      expect(sendsToVendor(code), code).toBe(false)
  })
})
