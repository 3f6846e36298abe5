import type { ReactNode } from 'react'
import { useFocusOnMount } from './use-focus-on-mount'

interface ResultCardProps {
  /** success, error, or neutral (a cancel): the card's colour. */
  tone: 'success' | 'error' | 'neutral'
  title: ReactNode
  /** Extra classes, e.g. the error family. */
  className?: string
  children: ReactNode
}

/** The outcome of an attempt: its heading takes the focus, so a screen reader reads the result first. */
export function ResultCard({ tone, title, className, children }: ResultCardProps) {
  const headingRef = useFocusOnMount<HTMLHeadingElement>()
  return (
    <section className={`card result result-${tone}${className ? ` ${className}` : ''}`} aria-labelledby="result-heading">
      <h2 id="result-heading" tabIndex={-1} ref={headingRef}>
        {title}
      </h2>
      {children}
    </section>
  )
}
