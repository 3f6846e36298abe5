/** The parts of a terminal's stdin and stderr the prompt uses. */
export interface PromptTerminal {
  input: NodeJS.ReadStream
  output: { write(text: string): unknown }
}

const ENTER = new Set(['\r', '\n'])
const CTRL_C = '\u0003'
const CTRL_D = '\u0004'
const BACKSPACE = new Set(['\u007f', '\b'])

/**
 * Reads a password from a terminal without echoing it (raw mode, nothing written back but
 * the question and a line break). Resolves undefined when stdin is not a terminal or the
 * person presses Ctrl+C / Ctrl+D.
 */
export function promptPassword(question: string, terminal: PromptTerminal): Promise<string | undefined> {
  const { input, output } = terminal
  if (!input.isTTY || typeof input.setRawMode !== 'function') return Promise.resolve(undefined)
  output.write(question)
  return new Promise((resolve) => {
    let typed = ''
    const finish = (value: string | undefined) => {
      input.off('data', onData)
      input.setRawMode(false)
      input.pause()
      output.write('\n')
      resolve(value)
    }
    const onData = (chunk: Buffer | string) => {
      for (const char of chunk.toString('utf8')) {
        if (ENTER.has(char)) return finish(typed)
        if (char === CTRL_C || char === CTRL_D) return finish(undefined)
        if (BACKSPACE.has(char)) typed = typed.slice(0, -1)
        else if (char >= ' ') typed += char
      }
    }
    input.setRawMode(true)
    input.resume()
    input.on('data', onData)
  })
}
