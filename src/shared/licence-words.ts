import { displayText } from './display-text'
import type { BundleOnPc, LicenceFacts, LicenceHolder, ProductOnPc, Seats, SignatureCheck } from './licences-on-pc'

/*
 * The words for what the reads say about a licence, shared by "Licences on this PC", the licence
 * picker, the diagnostics and `license-manager status`, so each fact is said one way everywhere.
 */

/** The server's names and identifiers as they may be shown: hidden and control characters escaped, long ones cut. */
const shown = (value: string): string => displayText(value, 200)

/** "licence key ••••-USE" or "user ann@acme.test (customer account acme)". */
export function describeHolder(holder: LicenceHolder): string {
  if (holder.kind === 'key') return `licence key ${shown(holder.maskedKey)}`
  return `user ${shown(holder.email)}${holder.customerAccount === null ? '' : ` (customer account ${shown(holder.customerAccount)})`}`
}

/** Under the label "Seats": "2 of 5 in use", "1 in use, no limit", or the server's silence said plainly. */
export function describeSeats(seats: Seats | null): string {
  if (seats === null) return 'not stated by the server'
  return seats.allowed === null ? `${seats.used} in use, no limit` : `${seats.used} of ${seats.allowed} in use`
}

/** The date part of an ISO time, as the server gave it (UTC): what a helpdesk agent can read back. */
const day = (iso: string): string => iso.slice(0, 10)

/** "until 2030-12-31", "no end date", and the start where the answer names one. */
export function describeValidity(l: Pick<LicenceFacts, 'validUntil' | 'startDate'>): string {
  const until = l.validUntil === null ? 'no end date' : `until ${day(l.validUntil)}`
  return l.startDate === null ? until : `from ${day(l.startDate)}, ${until}`
}

/** What is wrong with the licence where the answer says so ("expired", "disabled by the vendor"…); null when nothing is. */
export function describeLicenceState(l: Pick<LicenceFacts, 'enabled' | 'active' | 'expired'>): string | null {
  const problems = [
    l.enabled === false ? 'disabled by the vendor' : null,
    l.active === false ? 'not active' : null,
    l.expired === true ? 'expired' : null
  ].filter((p): p is string => p !== null)
  return problems.length === 0 ? null : problems.join(', ')
}

/** "Writer, Sheets, Slides" (names where the answer gives them, else codes); null when the answer named none. */
export function describeProducts(products: readonly ProductOnPc[]): string | null {
  return products.length === 0 ? null : products.map((p) => shown(p.name ?? p.code)).join(', ')
}

/** "Office Suite (office-suite)", or the code alone. */
export const describeBundle = (b: Pick<BundleOnPc, 'bundle' | 'bundleName'>): string =>
  b.bundleName === null || b.bundleName === b.bundle ? shown(b.bundle) : `${shown(b.bundleName)} (${shown(b.bundle)})`

/** Whether the server's signatures were checked, in plain words. */
export const SIGNATURE_WORDS: Record<SignatureCheck, string> = {
  verified: 'The answer’s signatures were checked with the software vendor’s public key.',
  'not-configured': 'The answer’s signatures were not checked: this app has no public key of the software vendor configured.'
}

/** The License API's reads name no activation time for a device: said once, where a person would look for it. */
export const NO_ACTIVATION_TIME = 'The licence server does not say when a licence was activated on a PC; the software vendor can see it in its records.'
