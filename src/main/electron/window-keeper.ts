/** The parts of a BrowserWindow the keeper uses. */
export interface KeptWindow {
  isDestroyed(): boolean
  isMinimized(): boolean
  restore(): void
  show(): void
  focus(): void
}

export interface WindowKeeper<W extends KeptWindow> {
  /** The window, unless it was closed. */
  current(): W | null
  /**
   * The one way a window appears: the existing one brought to the front (restored when
   * minimised), or a new one. A second start with a link (Windows, Linux), a link clicked
   * on macOS while no window is open, and a click on the dock icon all come here.
   */
  restoreOrCreate(): W
  /** A window that closed: the next restoreOrCreate makes a new one. */
  forget(window: W): void
}

export function createWindowKeeper<W extends KeptWindow>(create: () => W): WindowKeeper<W> {
  let window: W | null = null
  const current = (): W | null => (window !== null && !window.isDestroyed() ? window : null)
  return {
    current,
    restoreOrCreate() {
      const open = current()
      if (open === null) return (window = create())
      if (open.isMinimized()) open.restore()
      open.show()
      open.focus()
      return open
    },
    forget(closed) {
      if (window === closed) window = null
    }
  }
}
