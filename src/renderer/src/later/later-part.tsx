import { lazy, Suspense, useState, type ComponentType, type ReactNode } from 'react'

/** A part of the window its first form does not need: its own chunk, loaded when first shown or when the window is idle. */
export interface LaterPart<P extends object> {
  /** The part, shown once its chunk has loaded (`fallback` until then). */
  Component: ComponentType<P & { fallback: ReactNode }>
  /** Loads the chunk ahead of need. */
  preload: () => Promise<unknown>
}

export function laterPart<P extends object>(load: () => Promise<ComponentType<P>>): LaterPart<P> {
  let loaded: ComponentType<P> | undefined
  let loading: Promise<{ default: ComponentType<P> }> | undefined
  const preload = () =>
    (loading ??= load().then(
      (component) => {
        loaded = component
        return { default: component }
      },
      (error: unknown) => {
        loading = undefined
        throw error
      }
    ))
  const Lazy = lazy(preload)
  function Component({ fallback, ...props }: P & { fallback: ReactNode }) {
    // Chosen once per mount: a part already loaded is drawn at once; switching later would remount it.
    const [Part] = useState<ComponentType<P>>(() => loaded ?? Lazy)
    return (
      <Suspense fallback={fallback}>
        <Part {...(props as P)} />
      </Suspense>
    )
  }
  return { Component, preload }
}
