import type { AppError } from '../../shared/errors'
import { codeAndStatus, EXPLANATION_MAX_LENGTH } from './diagnostics'
import { OutsideText } from './OutsideText'

/** An error shown in place (not as the result of an attempt): title, explanation, what to do, code. */
export function ErrorNotice({ error }: { error: AppError }) {
  return (
    <div className="notice notice-error" role="alert">
      <p>
        <strong>{error.title}</strong>
      </p>
      <p>
        <OutsideText text={error.explanation} max={EXPLANATION_MAX_LENGTH} />
      </p>
      <p>{error.action}</p>
      <p className="code-line">{codeAndStatus(error)}</p>
    </div>
  )
}
