import { useState } from 'react'
import { useClipboard } from './use-clipboard'
import { t } from '../../shared/i18n/current'

interface CopyButtonProps {
  label: string
  /** Computed on click, so the copied text is current. */
  text: () => string
  /** Names the read-only box offered for manual copying when the clipboard refuses. */
  fallbackLabel: string
  disabled?: boolean
  small?: boolean
  /** A longer name for a short visible label (it contains the label). */
  ariaLabel?: string
}

export function CopyButton({ label, text, fallbackLabel, disabled, small, ariaLabel }: CopyButtonProps) {
  const { state, copy } = useClipboard()
  const [copied, setCopied] = useState('')
  const onClick = () => {
    const value = text()
    setCopied(value)
    void copy(value)
  }
  return (
    <div className="copy">
      <button
        type="button"
        className={small ? 'button-secondary button-small copy-small' : 'button-secondary'}
        onClick={onClick}
        disabled={disabled}
        aria-label={ariaLabel}
      >
        {small && state === 'copied' ? t('window.copy.copied') : label}
      </button>
      {/* Always in the layout with room for "Copied" (a small button says it itself), so the confirmation moves nothing. */}
      <span role="status" className={`copy-status copy-status-${state}${small && state !== 'failed' ? ' visually-hidden' : ''}`}>
        {state === 'copied' ? t('window.copy.copied') : state === 'failed' ? t('window.copy.failed') : ''}
      </span>
      {state === 'failed' && (
        <label className="copy-fallback">
          <span>{fallbackLabel}</span>
          <textarea readOnly value={copied} rows={Math.min(12, copied.split('\n').length + 1)} onFocus={(e) => e.currentTarget.select()} />
        </label>
      )}
    </div>
  )
}
