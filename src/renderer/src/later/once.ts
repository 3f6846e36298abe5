/** A chunk's loader that asks for it once (again only after a failed load); `loaded` answers at once when it is in. */
export function once<M>(load: () => Promise<M>): { load: () => Promise<M>; loaded: () => M | undefined } {
  let module: M | undefined
  let loading: Promise<M> | undefined
  return {
    load: () =>
      (loading ??= load().then(
        (loadedModule) => (module = loadedModule),
        (error: unknown) => {
          loading = undefined
          throw error
        }
      )),
    loaded: () => module
  }
}
