import { useEffect, useRef } from 'react'
import type { FieldValues, UseFormReturn } from 'react-hook-form'
import { useWindowLanguage } from './language-context'

/**
 * When the window's language changes, the form's field messages are checked again so they are
 * worded in the new language; the form-level message (from the last submit) is dropped.
 */
export function useErrorsReworded<V extends FieldValues>(form: Pick<UseFormReturn<V>, 'formState' | 'trigger' | 'clearErrors'>): void {
  const language = useWindowLanguage()?.language
  const shown = useRef(language)
  const { formState, trigger, clearErrors } = form
  useEffect(() => {
    if (shown.current === language) return
    shown.current = language
    // A message the engine gave (type "server") is the main process's and stays as it came.
    const errors = formState.errors as Record<string, { type?: unknown } | undefined>
    const fields = Object.keys(errors).filter((name) => name !== 'root' && errors[name]?.type !== 'server')
    clearErrors('root')
    if (fields.length > 0) void trigger(fields as never)
  }, [language, formState, trigger, clearErrors])
}
