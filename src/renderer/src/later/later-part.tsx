import { lazy, Suspense, useState, type ComponentType, type ReactNode } from 'react'
import { laterWordsReady } from '../i18n/window-language'
import { once } from './once'

/** A part of the window its first form does not need: its own chunk, loaded with the later words when first shown or when the window is idle. */
export interface LaterPart<P extends object> {
  /** The part, shown once its chunk has loaded (`fallback` until then). */
  Component: ComponentType<P & { fallback: ReactNode }>
  /** Loads the chunk ahead of need. */
  preload: () => Promise<unknown>
}

export function laterPart<P extends object>(load: () => Promise<ComponentType<P>>): LaterPart<P> {
  const chunk = once(() => Promise.all([load(), laterWordsReady()]).then(([component]) => component))
  const Lazy = lazy(() => chunk.load().then((component) => ({ default: component })))
  function Component({ fallback, ...props }: P & { fallback: ReactNode }) {
    // Chosen once per mount: a part already loaded is drawn at once; switching later would remount it.
    const [Part] = useState<ComponentType<P>>(() => chunk.loaded() ?? Lazy)
    return (
      <Suspense fallback={fallback}>
        <Part {...(props as P)} />
      </Suspense>
    )
  }
  return { Component, preload: chunk.load }
}
