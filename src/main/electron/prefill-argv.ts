import { failure, type Outcome } from '../../shared/outcome'
import { describeError } from '../../shared/errors'
import { t } from '../../shared/i18n/current'
import { parsePrefillLink, PREFILL_SCHEME, validatePrefill, type Prefill } from '../../shared/helpdesk/prefill-link'

/** `--prefill-product=…`, `--prefill-method=…`, `--prefill-account=…`: the link's fields for scripted support. */
const FLAG = /^--prefill-(product|method|account)=(.*)$/s

/**
 * The prefill a command line asks for: a `license-manager://` link (how Windows and Linux
 * hand a clicked link to the app, on first start and through `second-instance`) or the
 * `--prefill-*` flags. Null when it asks for none. Chromium's own switches and the app's
 * path are ignored; a link and flags together are refused.
 */
export function prefillFromArgv(argv: readonly string[]): Outcome<Prefill> | null {
  const links = argv.filter((arg) => arg.toLowerCase().startsWith(`${PREFILL_SCHEME}:`))
  const flags = argv.map((arg) => FLAG.exec(arg)).filter((m): m is RegExpExecArray => m !== null)
  if (links.length === 0 && flags.length === 0) return null
  if (links.length + (flags.length > 0 ? 1 : 0) > 1) {
    return failure(describeError('prefill_link_invalid', { field: 'link', detail: { problem: t('shell.prefill.more-than-one') } }))
  }
  if (links.length === 1) return parsePrefillLink(links[0]!)
  const params = new URLSearchParams()
  for (const [, name, value] of flags) params.append(name!, value!)
  return validatePrefill(params)
}
