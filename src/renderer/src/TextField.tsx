import type { ReactNode } from 'react'
import type { UseFormRegisterReturn } from 'react-hook-form'

interface TextFieldProps {
  id: string
  label: string
  registration: UseFormRegisterReturn
  hint?: ReactNode
  error?: string | undefined
  type?: 'text' | 'password'
  multiline?: boolean
  autoComplete?: string
  inputMode?: 'text' | 'numeric'
  monospace?: boolean
}

/** A labelled input whose hint and error are tied to it with aria-describedby. */
export function TextField({ id, label, registration, hint, error, type = 'text', multiline, autoComplete = 'off', inputMode, monospace }: TextFieldProps) {
  const hintId = `${id}-hint`
  const errorId = `${id}-error`
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined
  const common = {
    id,
    className: monospace ? 'mono' : undefined,
    'aria-invalid': error ? (true as const) : undefined,
    'aria-describedby': describedBy,
    spellCheck: false,
    autoCapitalize: 'off',
    autoCorrect: 'off',
    ...registration
  }
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      {multiline ? <textarea rows={4} {...common} /> : <input type={type} autoComplete={autoComplete} inputMode={inputMode} {...common} />}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  )
}
