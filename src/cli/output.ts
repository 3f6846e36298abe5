import type { DeactivationResult, HardwareIdInfo, OfflineRequestSummary, OfflineUploadResult } from '../shared/api'
import type { WrittenRequestFile } from './offline-commands'
import type { ActivationResult } from '../main/engine/service'
import { displayText, terminalSafeJson } from '../shared/display-text'
import type { AppError } from '../shared/errors'
import type { SupportContact } from '../shared/brand/brand-info'
import { sendsToVendor } from '../shared/errors/vendor-contact'
import type { Outcome } from '../shared/outcome'
import { formatLocalTime } from '../shared/format-time'
import { hardwareIdFingerprint, inGroupsOfFour } from '../shared/helpdesk/hardware-id-format'
import { describeProductsFreed } from '../shared/products-freed'
import type { PcLicences } from '../shared/licences-on-pc'
import {
  describeBundle,
  describeHolder,
  describeLicenceState,
  describeProducts,
  describeSeats,
  describeValidity,
  listOfNames,
  noActivationTime,
  SIGNATURE_WORDS
} from '../shared/licence-words'
import { methodLabel } from '../shared/method-label'
import { t, translator, type MessageKey } from '../shared/i18n/current'
import stringWidth from 'string-width'

/*
 * Every value interpolated into the human output passes through displayText: a server message,
 * a file's field, a link or a setting stays on its one line, its control, bidi and zero-width
 * characters shown as visible escapes, so no outside text can print a line of the app's own.
 */

/** A value that came from outside (or from a person), as one line of the human output. */
const shown = (value: string): string => displayText(value)

/**
 * One line of JSON: the typed Outcome, which never carries a secret, and the result's reference;
 * hidden and control characters of its values written as `\uXXXX` escapes (the same values).
 */
export const jsonLine = (outcome: Outcome<unknown>, reference?: string): string =>
  terminalSafeJson(JSON.stringify(reference === undefined ? outcome : { ...outcome, reference }))

/**
 * `flagOf` names the command-line flag of a request field (`product` → `--product`). Only the
 * catalogue's own words stand at the start of a line: a server's message always follows
 * "Server said:", even when it is the whole explanation (a code the catalogue does not know).
 */
export function formatError(error: AppError, flagOf: (field: string) => string = (f) => f, support?: SupportContact): string {
  const fromServer = error.serverMessage !== undefined && error.serverMessage === error.explanation
  const lines = [
    t('cli.error.title', { title: shown(error.title) }),
    fromServer ? t('cli.error.server-said', { message: shown(error.explanation) }) : shown(error.explanation),
    t('cli.error.what-to-do', { action: shown(error.action) })
  ]
  if (support !== undefined && sendsToVendor(error.code)) lines.push(t('cli.error.vendor-support', { address: shown(support.address) }))
  const field = error.field ? flagOf(error.field) : undefined
  lines.push(
    t('cli.error.code', {
      code: shown(error.code),
      http: error.status ? String(error.status) : 'none',
      kind: field === undefined ? 'none' : field.startsWith('--') ? 'flag' : 'field',
      name: field === undefined ? '' : shown(field)
    })
  )
  if (error.networkCause) lines.push(t('cli.error.cause', { cause: shown(error.networkCause) }))
  if (error.serverMessage && !fromServer) lines.push(t('cli.error.server-said', { message: shown(error.serverMessage) }))
  return lines.join('\n')
}

/** Every label of the human output: their values stand in one column, however long the labels are in the language spoken. */
const LABELS = [
  'cli.label.products',
  'cli.label.hardware-id',
  'cli.label.method',
  'cli.label.server',
  'cli.label.at',
  'cli.label.source',
  'cli.label.how',
  'cli.label.licence',
  'cli.label.seats',
  'cli.label.valid',
  'cli.label.state',
  'cli.label.signatures',
  'cli.label.checked-at',
  'cli.label.bundle',
  'cli.label.licence-key',
  'cli.label.username',
  'cli.label.written',
  'cli.label.request-id',
  'cli.label.format',
  'cli.label.reference'
] as const satisfies readonly MessageKey[]

type Label = (typeof LABELS)[number]

/** The narrowest column English values stood in before the labels were translated. */
const MIN_LABEL_COLUMN = 13
const labelColumns = new WeakMap<object, number>()

/** Where values start after their label, in terminal columns (a CJK character takes two). */
function labelColumn(): number {
  const current = translator()
  const known = labelColumns.get(current)
  if (known !== undefined) return known
  const column = Math.max(MIN_LABEL_COLUMN, ...LABELS.map((label) => stringWidth(t(label)) + 1))
  labelColumns.set(current, column)
  return column
}

/** "  Products:    Writer, Sheets": a label and its value, the value in the labels' column. */
export function labelled(label: Label, value: string, indent = '  '): string {
  const text = t(label)
  return `${indent}${text}${' '.repeat(labelColumn() - stringWidth(text))}${value}`
}

/** Text whose lines after the first are indented as the first line's text starts (a message with line breaks). */
const hanging = (text: string, indent: string): string =>
  text
    .split('\n')
    .map((line) => indent + line)
    .join('\n')

/**
 * The hardware id as the window shows it: whole (to copy), then in groups of four with its
 * fingerprint, the short value a helpdesk compares by voice.
 */
function hardwareIdLines(id: string, indent = '  '): string[] {
  return [
    labelled('cli.label.hardware-id', shown(id), indent),
    `${' '.repeat(indent.length + labelColumn())}${t('cli.output.hardware-id.groups', { groups: shown(inGroupsOfFour(id)), fingerprint: hardwareIdFingerprint(id) })}`
  ]
}

export function formatDeactivation(result: DeactivationResult, server: string): string {
  return [
    t('cli.output.deactivated', { bundle: shown(result.product) }),
    labelled('cli.label.products', shown(describeProductsFreed(result))),
    ...hardwareIdLines(result.hardwareId),
    labelled('cli.label.method', methodLabel(result.method)),
    labelled('cli.label.server', shown(server)),
    labelled('cli.label.at', formatLocalTime(result.at))
  ].join('\n')
}

export function formatActivation(result: ActivationResult, server: string): string {
  const bundle = shown(result.product)
  return [
    result.products.length > 0
      ? t('cli.output.activated.products', { bundle, products: shown(listOfNames(result.products)) })
      : t('cli.output.activated', { bundle }),
    ...hardwareIdLines(result.hardwareId),
    labelled('cli.label.method', methodLabel(result.method)),
    labelled('cli.label.server', shown(server)),
    labelled('cli.label.at', formatLocalTime(result.at))
  ].join('\n')
}

export function formatHardwareId(info: HardwareIdInfo): string {
  return [
    ...hardwareIdLines(info.id, ''),
    labelled('cli.label.source', info.source === 'override' ? t('cli.output.hardware-id.source.override') : t('cli.output.hardware-id.source.this-pc'), ''),
    labelled('cli.label.how', shown(info.description), '')
  ].join('\n')
}

/** `status`: the licences a hardware id holds, each under its bundle with its products, seats and dates; or that it holds none. */
export function formatPcLicences(result: PcLicences, server: string): string {
  const which = { source: result.source === 'override' ? 'override' : 'this-pc', id: shown(result.hardwareId) }
  const lines: string[] = []
  if (result.bundles.length === 0) {
    lines.push(t('cli.status.none', which), `  ${t('cli.status.none.hint')}`)
  } else {
    lines.push(t('cli.status.holds', { ...which, count: result.bundles.length }))
    for (const b of result.bundles) {
      const products = describeProducts(b.products)
      const state = describeLicenceState(b)
      lines.push(
        `  ${describeBundle(b)}`,
        labelled('cli.label.licence', t('cli.status.licence', { holder: describeHolder(b.holder), id: String(b.licenceId) }), '    '),
        ...(products === null ? [] : [labelled('cli.label.products', products, '    ')]),
        labelled('cli.label.seats', describeSeats(b.seats), '    '),
        labelled('cli.label.valid', describeValidity(b), '    '),
        ...(state === null ? [] : [labelled('cli.label.state', state, '    ')])
      )
    }
    lines.push(`  ${noActivationTime()}`)
  }
  lines.push(
    labelled('cli.label.signatures', SIGNATURE_WORDS[result.signatures]),
    labelled('cli.label.server', shown(server)),
    labelled('cli.label.checked-at', formatLocalTime(result.checkedAt))
  )
  return lines.join('\n')
}

function requestLines(summary: OfflineRequestSummary): string[] {
  const writer = shown(summary.writtenBy)
  const written =
    summary.writtenAt === null
      ? summary.writtenText === ''
        ? t('cli.request.written.not-stated', { writer })
        : t('cli.request.written.as-stated', { text: shown(summary.writtenText), writer })
      : t('cli.request.written.at', { at: formatLocalTime(summary.writtenAt), writer })
  return [
    labelled('cli.label.bundle', shown(summary.product)),
    ...hardwareIdLines(summary.hardwareId),
    labelled(summary.method === 'license-key' ? 'cli.label.licence-key' : 'cli.label.username', shown(summary.licence)),
    labelled('cli.label.written', written),
    labelled('cli.label.request-id', shown(summary.requestId)),
    labelled('cli.label.format', summary.format === 'v2' ? t('cli.request.format.v2') : t('cli.request.format.v1')),
    ...(summary.otherFields.length > 0
      ? [
          `  ${t('cli.request.other-fields')}`,
          ...summary.otherFields.map((f) => `    ${shown(f.name)}: ${shown(f.value)}`),
          ...(summary.otherFieldsNotShown > 0 ? [`    ${t('cli.request.other-fields.more', { count: summary.otherFieldsNotShown })}`] : [])
        ]
      : [])
  ]
}

export function formatWrittenRequest(written: WrittenRequestFile): string {
  return [
    t('cli.request.file-written', { path: shown(written.path) }),
    ...requestLines(written.summary),
    '',
    t('cli.request.next.heading'),
    hanging(t('cli.request.next.not-free'), '  '),
    hanging(t('cli.request.next.upload'), '  '),
    hanging(t('cli.request.next.stop-using'), '  '),
    // The reference follows at the margin, apart from the last step.
    ''
  ].join('\n')
}

export function formatUpload(result: OfflineUploadResult, server: string): string {
  return [
    t('cli.upload.freed', { bundle: shown(result.summary.product) }),
    ...requestLines(result.summary),
    labelled('cli.label.server', shown(server)),
    labelled('cli.label.at', formatLocalTime(result.at))
  ].join('\n')
}
