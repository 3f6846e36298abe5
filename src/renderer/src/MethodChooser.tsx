import type { UseFormRegisterReturn } from 'react-hook-form'
import type { LoginMethod } from '../../shared/request'
import { methodChoiceLabel } from '../../shared/method-choice-labels'
import { t } from '../../shared/i18n/current'
import type { PlainMessageKey } from './i18n/rich'

const METHOD_HINTS: Record<LoginMethod, PlainMessageKey> = {
  'license-key': 'window.method.hint.license-key',
  user: 'window.method.hint.user',
  'sso-code': 'window.method.hint.sso-code',
  'sso-token': 'window.method.hint.sso-token'
}

/** The methods an end user picks from; the ID token method sits under Advanced (see MethodChoice). */
const EVERYDAY_METHODS: readonly LoginMethod[] = ['license-key', 'user', 'sso-code']

/** One radio of the login method group; only the chosen method's hint is shown. */
export function MethodChoice({ method, registration }: { method: LoginMethod; registration: UseFormRegisterReturn<'method'> }) {
  return (
    <div className="method">
      <input type="radio" id={`method-${method}`} value={method} aria-describedby={`method-${method}-hint`} {...registration} />
      <label htmlFor={`method-${method}`}>{methodChoiceLabel(method)}</label>
      <span id={`method-${method}-hint`} className="hint method-hint">
        {t(METHOD_HINTS[method])}
      </span>
    </div>
  )
}

export function MethodChooser({ registration }: { registration: UseFormRegisterReturn<'method'> }) {
  return (
    <fieldset className="methods">
      <legend>{t('window.method.legend')}</legend>
      {EVERYDAY_METHODS.map((method) => (
        <MethodChoice key={method} method={method} registration={registration} />
      ))}
    </fieldset>
  )
}
