import type { UseFormRegisterReturn } from 'react-hook-form'
import type { LoginMethod } from '../../shared/request'
import { methodChoiceLabel } from '../../shared/method-choice-labels'

const METHOD_HINTS: Record<LoginMethod, string> = {
  'license-key': 'The key the product was activated with.',
  user: 'The account the licence is assigned to.',
  'sso-code': 'Your company account, in your web browser.',
  'sso-token': 'For IT staff: paste an ID token from your company sign-in, or get one in the browser.'
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
        {METHOD_HINTS[method]}
      </span>
    </div>
  )
}

export function MethodChooser({ registration }: { registration: UseFormRegisterReturn<'method'> }) {
  return (
    <fieldset className="methods">
      <legend>Login method</legend>
      {EVERYDAY_METHODS.map((method) => (
        <MethodChoice key={method} method={method} registration={registration} />
      ))}
    </fieldset>
  )
}
