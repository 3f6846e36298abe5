import type { AppError } from '../../shared/errors'
import { VendorSupport } from './brand/VendorSupport'
import { EXPLANATION_MAX_LENGTH } from './shown-lengths'
import { codeLine } from './code-line'
import { OutsideText } from './OutsideText'
import { ReferenceLine } from './ReferenceLine'

/** An error shown in place (not as the result of an attempt): title, explanation, what to do, code, and the reference where it ends a task. */
export function ErrorNotice({ error, reference }: { error: AppError; reference?: string | undefined }) {
  return (
    <div className="notice notice-error" role="alert">
      <p>
        <strong>{error.title}</strong>
      </p>
      <p>
        <OutsideText text={error.explanation} max={EXPLANATION_MAX_LENGTH} />
      </p>
      <p>{error.action}</p>
      <VendorSupport code={error.code} />
      <p className="code-line">{codeLine(error)}</p>
      {reference !== undefined && <ReferenceLine reference={reference} />}
    </div>
  )
}
