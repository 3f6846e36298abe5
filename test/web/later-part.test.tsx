import { act, render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { laterPart } from '../../src/renderer/src/later/later-part'

function Greeting({ name }: { name: string }) {
  return <p>Hello {name}</p>
}

/** A chunk that loads when the test says so. */
function chunk() {
  let arrive: () => void = () => undefined
  const arrived = new Promise<typeof Greeting>((resolve) => (arrive = () => resolve(Greeting)))
  let asked = 0
  const part = laterPart(() => {
    asked++
    return arrived
  })
  return { part, arrive: () => act(async () => arrive()), asked: () => asked }
}

describe('a part of the window loaded later', () => {
  it('shows its fallback until its chunk has loaded, then the part with its props', async () => {
    const { part, arrive, asked } = chunk()
    render(<part.Component fallback={<p role="status">Loading…</p>} name="Ann" />)
    expect(screen.getByRole('status')).toHaveTextContent('Loading…')
    await arrive()
    expect(await screen.findByText('Hello Ann')).toBeInTheDocument()
    expect(screen.queryByRole('status')).toBeNull()
    expect(asked()).toBe(1)
  })

  it('is drawn at once, without its fallback, when loaded ahead of need; the chunk is asked for once', async () => {
    const { part, arrive, asked } = chunk()
    const preloaded = part.preload()
    await arrive()
    await preloaded
    render(<part.Component fallback={<p role="status">Loading…</p>} name="Bo" />)
    expect(screen.getByText('Hello Bo')).toBeInTheDocument()
    expect(screen.queryByRole('status')).toBeNull()
    await part.preload()
    expect(asked()).toBe(1)
  })

  it('asks for a chunk that failed to load again the next time', async () => {
    let attempts = 0
    const part = laterPart(() => (++attempts === 1 ? Promise.reject(new Error('offline')) : Promise.resolve(Greeting)))
    await expect(part.preload()).rejects.toThrow('offline')
    await part.preload()
    expect(attempts).toBe(2)
    render(<part.Component fallback={null} name="Cy" />)
    expect(screen.getByText('Hello Cy')).toBeInTheDocument()
  })
})
