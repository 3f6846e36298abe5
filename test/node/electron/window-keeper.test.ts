import { describe, expect, it } from 'vitest'
import { createWindowKeeper, type KeptWindow } from '../../../src/main/electron/window-keeper'

class FakeWindow implements KeptWindow {
  readonly calls: string[] = []
  destroyed = false
  minimized = false
  constructor(readonly id: number) {}
  isDestroyed = () => this.destroyed
  isMinimized = () => this.minimized
  restore = () => void this.calls.push('restore')
  show = () => void this.calls.push('show')
  focus = () => void this.calls.push('focus')
}

function keeper() {
  const created: FakeWindow[] = []
  const windows = createWindowKeeper(() => {
    const window = new FakeWindow(created.length + 1)
    created.push(window)
    return window
  })
  return { windows, created }
}

describe('restoreOrCreate', () => {
  it('opens the window the first time', () => {
    const { windows, created } = keeper()
    expect(windows.current()).toBeNull()
    expect(windows.restoreOrCreate()).toBe(created[0])
    expect(windows.current()).toBe(created[0])
  })

  it('brings the open window to the front, restoring it when minimised, and opens no second one', () => {
    const { windows, created } = keeper()
    const first = windows.restoreOrCreate()
    first.minimized = true
    expect(windows.restoreOrCreate()).toBe(first)
    expect(first.calls).toEqual(['restore', 'show', 'focus'])
    first.minimized = false
    windows.restoreOrCreate()
    expect(first.calls.slice(3)).toEqual(['show', 'focus'])
    expect(created).toHaveLength(1)
  })

  it('opens a new window once the last one closed (macOS: the app keeps running without one)', () => {
    const { windows, created } = keeper()
    const first = windows.restoreOrCreate()
    windows.forget(first)
    expect(windows.current()).toBeNull()
    expect(windows.restoreOrCreate()).toBe(created[1])
  })

  it('a destroyed window is not brought back, even before its "closed" arrived', () => {
    const { windows, created } = keeper()
    windows.restoreOrCreate().destroyed = true
    expect(windows.restoreOrCreate()).toBe(created[1])
  })

  it('forgetting a window that is not the current one changes nothing', () => {
    const { windows, created } = keeper()
    const first = windows.restoreOrCreate()
    windows.forget(new FakeWindow(99))
    expect(windows.current()).toBe(first)
    expect(created).toHaveLength(1)
  })
})
