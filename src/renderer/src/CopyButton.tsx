import { useState } from 'react'
import { useClipboard } from './use-clipboard'

interface CopyButtonProps {
  label: string
  /** Computed on click, so the copied text is current. */
  text: () => string
  /** Names the read-only box offered for manual copying when the clipboard refuses. */
  fallbackLabel: string
  disabled?: boolean
}

export function CopyButton({ label, text, fallbackLabel, disabled }: CopyButtonProps) {
  const { state, copy } = useClipboard()
  const [copied, setCopied] = useState('')
  const onClick = () => {
    const value = text()
    setCopied(value)
    void copy(value)
  }
  return (
    <div className="copy">
      <button type="button" className="button-secondary" onClick={onClick} disabled={disabled}>
        {label}
      </button>
      <span role="status" className={`copy-status copy-status-${state}`}>
        {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed: select the text below and copy it yourself.' : ''}
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
