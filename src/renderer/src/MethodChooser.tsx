import type { UseFormRegisterReturn } from 'react-hook-form'
import { LOGIN_METHOD_LABELS, type LoginMethod } from '../../shared/request'
import { LOGIN_METHODS } from './form-model'

const METHOD_HINTS: Record<LoginMethod, string> = {
  'license-key': 'The key the product was activated with.',
  user: 'The account the licence is assigned to.',
  'sso-code': 'Sign in with your company account in your web browser.',
  'sso-token': 'Paste an ID token from your company sign-in, or get one in the browser.'
}

export function MethodChooser({ registration }: { registration: UseFormRegisterReturn<'method'> }) {
  return (
    <fieldset className="methods">
      <legend>Login method</legend>
      {LOGIN_METHODS.map((method) => (
        <div className="method" key={method}>
          <input type="radio" id={`method-${method}`} value={method} aria-describedby={`method-${method}-hint`} {...registration} />
          <label htmlFor={`method-${method}`}>{LOGIN_METHOD_LABELS[method]}</label>
          <span id={`method-${method}-hint`} className="hint">
            {METHOD_HINTS[method]}
          </span>
        </div>
      ))}
    </fieldset>
  )
}
