import { isAbsolute, resolve } from 'node:path'
import type { SupportContact } from '../../../shared/brand/brand-info'
import { hasHiddenOrControlCharacters } from '../../../shared/display-text'
import { describeError } from '../../../shared/errors'
import { t } from '../../../shared/i18n/current'
import { failure, success, type Outcome } from '../../../shared/outcome'
import { settingWords, type SettingProblem } from '../setting-name'
import { accentExample, checkAccent, type AccentSetting } from './accent-colour'
import { readLogo, type Logo } from './logo-file'

/*
 * The vendor's brand in the configuration: the product's name, its logo, its accent colour and
 * its support address. Each is optional; without them the app is "License Manager" in its own
 * colours. Read by loadConfig (../config.ts) like every other setting: the file, or a variable
 * where variables apply.
 */

export interface BrandConfig {
  /** Replaces "License Manager" wherever the app names itself to a person. */
  productName?: string
  /** The logo, read and checked; `path` is where it was read (the About panel shows a PNG from there). */
  logo?: Logo & { path: string }
  accent?: AccentSetting
  support?: SupportContact
}

/** The variables that set the brand (see CONFIG_ENV in ../config.ts). */
export const BRAND_ENV = {
  productName: 'LM_PRODUCT_NAME',
  logo: 'LM_LOGO',
  accentColor: 'LM_ACCENT_COLOR',
  supportContact: 'LM_SUPPORT_CONTACT'
} as const

export type BrandSetting = keyof typeof BRAND_ENV

export const BRAND_SETTINGS = Object.keys(BRAND_ENV) as BrandSetting[]

/** What a valid value of each brand setting looks like, as `config_invalid` says it (worded when met). */
export const BRAND_EXAMPLES = {
  productName: () => t('errors.config_invalid.example.product-name', { name: '"Tidewater Licence Helper"' }),
  logo: () => t('errors.config_invalid.example.logo', { svg: '"logo.svg"', png: '"logo.png"' }),
  accentColor: accentExample,
  supportContact: () =>
    t('errors.config_invalid.example.support-contact', { email: '"support@tidewater.example"', web: '"https://support.tidewater.example/licences"' })
} as const satisfies Record<BrandSetting, () => string>

export const MAX_PRODUCT_NAME_LENGTH = 60
const MAX_SUPPORT_LENGTH = 2000
const MAX_EMAIL_LENGTH = 254

/** Why a brand setting is refused, worded when met with the setting's name. */
export const BRAND_PROBLEMS = {
  productNameText: (setting: string) => t('errors.config_invalid.problem.not-text', { setting }),
  productNameEmpty: (setting: string) => t('errors.config_invalid.problem.empty', { setting }),
  productNameLength: (setting: string) => t('errors.config_invalid.problem.too-long', { setting, limit: MAX_PRODUCT_NAME_LENGTH }),
  productNameHidden: (setting: string) => t('errors.config_invalid.problem.product-name-hidden', { setting }),
  logoPath: (setting: string) => t('errors.config_invalid.problem.logo-path', { setting }),
  supportText: (setting: string) => t('errors.config_invalid.problem.support-text', { setting }),
  supportLength: (setting: string) => t('errors.config_invalid.problem.too-long', { setting, limit: MAX_SUPPORT_LENGTH }),
  supportWeb: (setting: string) => t('errors.config_invalid.problem.support-web', { setting }),
  supportEmail: (setting: string) => t('errors.config_invalid.problem.support-email', { setting, example: 'support@example.com' })
} as const satisfies Record<string, SettingProblem>

/** A setting's value and the name the user knows it by (a variable, or a file key). */
export interface BrandSource {
  value: unknown
  name: string
  /** From the configuration file (a relative logo path is then read from the file's folder). */
  fromFile: boolean
}

export interface BrandContext {
  /** The folder of the configuration file; relative paths from a variable are read from the working folder. */
  fileDir: string
  /** How config_invalid names a part of a file setting, e.g. `accentColor.dark`. */
  fileField: (key: string) => string
}

function invalid(name: string, problem: SettingProblem, setting: BrandSetting): Outcome<never> {
  return failure(describeError('config_invalid', { field: name, detail: { problem: problem(settingWords(name)), example: BRAND_EXAMPLES[setting]() } }))
}

/** Characters as a person counts them (an accented letter or an emoji is one). */
const characterCount = (text: string): number => [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)].length

function parseProductName(s: BrandSource): Outcome<string> {
  if (typeof s.value !== 'string') return invalid(s.name, BRAND_PROBLEMS.productNameText, 'productName')
  const name = s.value.trim()
  if (name === '') return invalid(s.name, BRAND_PROBLEMS.productNameEmpty, 'productName')
  if (name.length > MAX_PRODUCT_NAME_LENGTH * 8 || characterCount(name) > MAX_PRODUCT_NAME_LENGTH)
    return invalid(s.name, BRAND_PROBLEMS.productNameLength, 'productName')
  if (hasHiddenOrControlCharacters(name)) return invalid(s.name, BRAND_PROBLEMS.productNameHidden, 'productName')
  return success(name)
}

function parseLogo(s: BrandSource, context: BrandContext): Outcome<Logo & { path: string }> {
  if (typeof s.value !== 'string' || s.value.trim() === '' || s.value.includes('\0')) return invalid(s.name, BRAND_PROBLEMS.logoPath, 'logo')
  const given = s.value.trim()
  const path = isAbsolute(given) ? given : resolve(s.fromFile ? context.fileDir : process.cwd(), given)
  const reading = readLogo(path)
  return reading.ok ? success({ ...reading.logo, path }) : invalid(s.name, reading.problem, 'logo')
}

function parseAccent(s: BrandSource, context: BrandContext): Outcome<AccentSetting> {
  const reading = checkAccent(s.value)
  if (reading.ok) return success(reading.accent)
  const part = reading.part
  const name = part === undefined ? s.name : s.fromFile ? context.fileField(`accentColor.${part}`) : `${s.name} (${part})`
  return invalid(name, reading.problem, 'accentColor')
}

/** An e-mail address as people write one: a local part, "@", and a domain name with a dot. */
const EMAIL =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/

function parseSupport(s: BrandSource): Outcome<SupportContact | undefined> {
  if (s.value === null) return success(undefined)
  if (typeof s.value !== 'string' || s.value.trim() === '') return invalid(s.name, BRAND_PROBLEMS.supportText, 'supportContact')
  const text = s.value.trim()
  if (text.length > MAX_SUPPORT_LENGTH) return invalid(s.name, BRAND_PROBLEMS.supportLength, 'supportContact')
  const mailto = /^mailto:/i.test(text)
  if (!mailto && /^[a-z][a-z0-9+.-]*:/i.test(text)) {
    if (!URL.canParse(text)) return invalid(s.name, BRAND_PROBLEMS.supportWeb, 'supportContact')
    const url = new URL(text)
    if (url.protocol !== 'https:' || url.username !== '' || url.password !== '') return invalid(s.name, BRAND_PROBLEMS.supportWeb, 'supportContact')
    return success({ kind: 'web', address: url.href })
  }
  const address = mailto ? text.slice('mailto:'.length) : text
  if (address.length > MAX_EMAIL_LENGTH || !EMAIL.test(address)) return invalid(s.name, BRAND_PROBLEMS.supportEmail, 'supportContact')
  return success({ kind: 'email', address })
}

/**
 * The brand settings that are set, each checked; `undefined` when none is (the app's own look).
 * A refusal is `config_invalid` naming the setting (or its part, e.g. `accentColor.dark`), the
 * problem and a valid example; it never quotes the value.
 */
export function parseBrand(sources: Partial<Record<BrandSetting, BrandSource>>, context: BrandContext): Outcome<BrandConfig | undefined> {
  const brand: BrandConfig = {}
  if (sources.productName !== undefined && sources.productName.value !== null) {
    const name = parseProductName(sources.productName)
    if (!name.ok) return name
    brand.productName = name.value
  }
  if (sources.logo !== undefined && sources.logo.value !== null) {
    const logo = parseLogo(sources.logo, context)
    if (!logo.ok) return logo
    brand.logo = logo.value
  }
  if (sources.accentColor !== undefined && sources.accentColor.value !== null) {
    const accent = parseAccent(sources.accentColor, context)
    if (!accent.ok) return accent
    brand.accent = accent.value
  }
  if (sources.supportContact !== undefined) {
    const support = parseSupport(sources.supportContact)
    if (!support.ok) return support
    if (support.value !== undefined) brand.support = support.value
  }
  return success(Object.keys(brand).length === 0 ? undefined : brand)
}
