/** Something a `beforeAll` opens; `afterAll` runs even when that `beforeAll` failed before opening it. */
type Opened = { close(): unknown } | undefined

/** Closes each in turn, skipping what was never opened. */
export async function closeOpened(...opened: Opened[]): Promise<void> {
  for (const thing of opened) await thing?.close()
}
