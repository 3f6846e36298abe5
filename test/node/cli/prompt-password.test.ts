import { PassThrough } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { promptPassword } from '../../../src/cli/prompt-password'

/** A stand-in terminal: a stream with isTTY and setRawMode, as process.stdin has on a TTY. */
function terminal(isTTY = true) {
  const input = Object.assign(new PassThrough(), {
    isTTY,
    rawModes: [] as boolean[],
    setRawMode(mode: boolean) {
      input.rawModes.push(mode)
      return input
    }
  })
  let written = ''
  return { input, output: { write: (text: string) => (written += text) }, written: () => written }
}

describe('the password prompt', () => {
  it('reads a line in raw mode without echoing it, and honours backspace', async () => {
    const t = terminal()
    const answer = promptPassword('Password: ', { input: t.input as unknown as NodeJS.ReadStream, output: t.output })
    t.input.write('hunter3\u007f2\r')
    expect(await answer).toBe('hunter2')
    expect(t.written()).toBe('Password: \n')
    expect(t.input.rawModes).toEqual([true, false])
  })

  it('gives up on Ctrl+C, and when stdin is not a terminal asks nothing', async () => {
    const t = terminal()
    const answer = promptPassword('Password: ', { input: t.input as unknown as NodeJS.ReadStream, output: t.output })
    t.input.write('abc\u0003')
    expect(await answer).toBeUndefined()
    const piped = terminal(false)
    expect(await promptPassword('Password: ', { input: piped.input as unknown as NodeJS.ReadStream, output: piped.output })).toBeUndefined()
    expect(piped.written()).toBe('')
  })
})
