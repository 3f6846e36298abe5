import { displayText } from './display-text'
import { t, translator } from './i18n/current'
import type { BundleOnPc, LicenceFacts, LicenceHolder, ProductOnPc, Seats, SignatureCheck } from './licences-on-pc'

/*
 * The words for what the reads say about a licence, shared by "Licences on this PC", the licence
 * picker, the diagnostics and `license-manager status`, so each fact is said one way everywhere,
 * in the language the process speaks.
 */

/** The server's names and identifiers as they may be shown: hidden and control characters escaped, long ones cut. */
const shown = (value: string): string => displayText(value, 200)

/** Names side by side ("Writer, Sheets, Slides"), as the language lists them. */
export const listOfNames = (names: readonly string[]): string => translator().formatList(names, { type: 'conjunction', style: 'narrow' })

/** "licence key ••••-USE" or "user ann@acme.test (customer account acme)". */
export function describeHolder(holder: LicenceHolder): string {
  if (holder.kind === 'key') return t('common.licence.holder.key', { key: shown(holder.maskedKey) })
  return holder.customerAccount === null
    ? t('common.licence.holder.user', { email: shown(holder.email) })
    : t('common.licence.holder.user-in-account', { email: shown(holder.email), account: shown(holder.customerAccount) })
}

/** Under the label "Seats": "2 of 5 in use", "1 in use, no limit", or the server's silence said plainly. */
export function describeSeats(seats: Seats | null): string {
  if (seats === null) return t('common.licence.seats.not-stated')
  return seats.allowed === null
    ? t('common.licence.seats.no-limit', { used: seats.used })
    : t('common.licence.seats.limited', { used: seats.used, allowed: seats.allowed })
}

/**
 * The day of an ISO time, as the server gave it (UTC), in the reader's language: a licence ends on
 * the day the vendor set, wherever the reader is. Text that is no time is shown as it came.
 */
function day(iso: string): string {
  const time = new Date(iso)
  return Number.isNaN(time.getTime()) ? shown(iso) : translator().formatDate(time, { dateStyle: 'medium', timeZone: 'UTC' })
}

/** "until 31 Dec 2030", "no end date", and the start where the answer names one. */
export function describeValidity(l: Pick<LicenceFacts, 'validUntil' | 'startDate'>): string {
  if (l.startDate === null)
    return l.validUntil === null ? t('common.licence.validity.no-end') : t('common.licence.validity.until', { until: day(l.validUntil) })
  const start = day(l.startDate)
  return l.validUntil === null
    ? t('common.licence.validity.from-no-end', { start })
    : t('common.licence.validity.from-until', { start, until: day(l.validUntil) })
}

/** What is wrong with the licence where the answer says so ("expired", "disabled by the vendor"…); null when nothing is. */
export function describeLicenceState(l: Pick<LicenceFacts, 'enabled' | 'active' | 'expired'>): string | null {
  const problems = [
    l.enabled === false ? t('common.licence.state.disabled') : null,
    l.active === false ? t('common.licence.state.not-active') : null,
    l.expired === true ? t('common.licence.state.expired') : null
  ].filter((p): p is string => p !== null)
  return problems.length === 0 ? null : listOfNames(problems)
}

/** "Writer, Sheets, Slides" (names where the answer gives them, else codes); null when the answer named none. */
export function describeProducts(products: readonly ProductOnPc[]): string | null {
  return products.length === 0 ? null : listOfNames(products.map((p) => shown(p.name ?? p.code)))
}

/** "Office Suite (office-suite)", or the code alone. */
export const describeBundle = (b: Pick<BundleOnPc, 'bundle' | 'bundleName'>): string =>
  b.bundleName === null || b.bundleName === b.bundle ? shown(b.bundle) : t('common.licence.bundle', { name: shown(b.bundleName), code: shown(b.bundle) })

/** Whether the server's signatures were checked, in plain words (read when shown, in the language spoken then). */
export const SIGNATURE_WORDS: Readonly<Record<SignatureCheck, string>> = {
  get verified() {
    return t('common.licence.signatures.verified')
  },
  get 'not-configured'() {
    return t('common.licence.signatures.not-configured')
  }
}

/** The License API's reads name no activation time for a device: said once, where a person would look for it. */
export const noActivationTime = (): string => t('common.licence.no-activation-time')
