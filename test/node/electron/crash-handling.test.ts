import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ERROR_CATALOGUE } from '../../../src/shared/errors'
import { CRASH_BUTTONS, createCrashHandling, type CrashDialog, type Incident } from '../../../src/main/electron/crash-handling'
import { createLogFile } from '../../../src/main/logging/log-file'
import { createLogger } from '../../../src/main/logging/logger'

let dir: string
let logPath: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lm-crash-'))
  logPath = join(dir, 'main.log')
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const logLines = (): string[] => {
  try {
    return readFileSync(logPath, 'utf8').split('\n').filter(Boolean)
  } catch {
    return []
  }
}

/** The shell's side as src/main/index.ts hands it in, recording what happened; the dialog answers `press`. */
function setup(options: { ready?: boolean; press?: number | (() => Promise<{ response: number }>) } = {}) {
  const dialogs: CrashDialog[] = []
  const errorBoxes: Array<{ title: string; text: string }> = []
  const actions: string[] = []
  const press = options.press ?? 0
  const handle = createCrashHandling({
    logger: createLogger({ file: createLogFile({ path: logPath }) }),
    showDialog: (dialog) => {
      dialogs.push(dialog)
      return typeof press === 'number' ? Promise.resolve({ response: press }) : press()
    },
    showErrorBox: (title, text) => void errorBoxes.push({ title, text }),
    isReady: () => options.ready ?? true,
    reloadWindow: () => void actions.push('reload'),
    quit: () => void actions.push('quit')
  })
  return { handle, dialogs, errorBoxes, actions }
}

const windowCrashed: Incident = { kind: 'window-gone', reason: 'crashed', exitCode: 139 }

describe('the window’s renderer gone (render-process-gone)', () => {
  it('is logged with a reference, and a dialog in the catalogue’s words names that reference and offers a reload', async () => {
    const { handle, dialogs, actions } = setup()
    await handle(windowCrashed)
    const [line] = logLines()
    const reference = /reference=(LM-WCR-000-\w{4})/.exec(line!)?.[1]
    expect(line).toMatch(/ error window\.gone result=failed code=window_crashed status=0 family=server reference=LM-WCR-000-\w{4} reason=crashed exitCode=139$/)
    const entry = ERROR_CATALOGUE.window_crashed
    expect(dialogs).toEqual([
      {
        type: 'error',
        title: entry.title,
        message: entry.title,
        detail: `${entry.explanation}\n\n${entry.action}\n\nReference for the helpdesk: ${reference}`,
        buttons: [CRASH_BUTTONS.reload, CRASH_BUTTONS.quit],
        defaultId: 0,
        cancelId: 0,
        noLink: true
      }
    ])
    expect(actions).toEqual(['reload'])
  })

  it('says when it ran out of memory, and quits when asked to', async () => {
    const { handle, dialogs, actions } = setup({ press: 1 })
    await handle({ kind: 'window-gone', reason: 'oom', exitCode: -1 })
    expect(dialogs[0]?.detail).toContain('ran out of memory')
    expect(actions).toEqual(['quit'])
  })

  it('a renderer that exited on its own (the window closed) is no incident', async () => {
    const { handle, dialogs } = setup()
    await handle({ kind: 'window-gone', reason: 'clean-exit', exitCode: 0 })
    expect(dialogs).toEqual([])
    expect(logLines()).toEqual([])
  })
})

describe('a helper process gone (child-process-gone)', () => {
  it('is logged every time; its dialog comes once per kind of process, and "Close" only closes it', async () => {
    const { handle, dialogs, actions } = setup({ press: 1 })
    await handle({ kind: 'helper-gone', type: 'GPU', reason: 'crashed', exitCode: 1 })
    await handle({ kind: 'helper-gone', type: 'GPU', reason: 'crashed', exitCode: 1 })
    await handle({ kind: 'helper-gone', type: 'Utility', name: 'Network Service', reason: 'killed', exitCode: 9 })
    await handle({ kind: 'helper-gone', type: 'Utility', name: 'Audio Service', reason: 'clean-exit', exitCode: 0 })
    expect(logLines()).toEqual([
      expect.stringMatching(/ error helper\.gone result=failed code=helper_process_stopped .*process=GPU reason=crashed exitCode=1$/),
      expect.stringMatching(/helper\.gone .*process=GPU reason=crashed/),
      expect.stringMatching(/helper\.gone .*process=Utility name="Network Service" reason=killed exitCode=9$/)
    ])
    expect(dialogs.map((d) => [d.type, d.title, d.buttons, d.cancelId])).toEqual([
      ['warning', ERROR_CATALOGUE.helper_process_stopped.title, [CRASH_BUTTONS.reload, CRASH_BUTTONS.close], 1],
      ['warning', ERROR_CATALOGUE.helper_process_stopped.title, [CRASH_BUTTONS.reload, CRASH_BUTTONS.close], 1]
    ])
    expect(actions).toEqual([])
  })
})

describe('an exception or rejection nothing handled in the main process', () => {
  it('is logged with its kind and place, never its message, and the dialog offers a reload (Escape does not quit)', async () => {
    const { handle, dialogs, actions } = setup()
    const error = new Error('server answered with licence OFFICE-2222-IN-USE')
    await handle({ kind: 'main-error', source: 'uncaughtException', error })
    await handle({ kind: 'main-error', source: 'unhandledRejection', error: 'a reason that is no Error' })
    const lines = logLines()
    expect(lines[0]).toMatch(/ error main\.uncaughtException result=failed code=app_unexpected_error .*reference=LM-ZAP-000-\w{4} error=Error at=/)
    expect(lines[1]).toMatch(/ error main\.unhandledRejection result=failed code=app_unexpected_error .*error=string$/)
    expect(lines.join('\n')).not.toContain('OFFICE-2222')
    expect(dialogs.map((d) => [d.title, d.buttons, d.cancelId])).toEqual([
      [ERROR_CATALOGUE.app_unexpected_error.title, [CRASH_BUTTONS.reload, CRASH_BUTTONS.quit], 0],
      [ERROR_CATALOGUE.app_unexpected_error.title, [CRASH_BUTTONS.reload, CRASH_BUTTONS.quit], 0]
    ])
    expect(actions).toEqual(['reload', 'reload'])
  })

  it('shows one dialog at a time: what happens while it is open is logged only', async () => {
    let answer: (value: { response: number }) => void = () => undefined
    const { handle, dialogs } = setup({ press: () => new Promise((resolve) => (answer = resolve)) })
    const first = handle({ kind: 'main-error', source: 'uncaughtException', error: new Error('one') })
    await handle({ kind: 'main-error', source: 'unhandledRejection', error: new Error('two') })
    expect(dialogs).toHaveLength(1)
    answer({ response: 0 })
    await first
    expect(logLines()).toHaveLength(2)
  })

  it('before the app is ready: an error box (the only dialog possible then), then quit', async () => {
    const { handle, dialogs, errorBoxes, actions } = setup({ ready: false })
    await handle({ kind: 'main-error', source: 'uncaughtException', error: new Error('early') })
    expect(dialogs).toEqual([])
    expect(errorBoxes).toEqual([
      { title: ERROR_CATALOGUE.app_unexpected_error.title, text: expect.stringMatching(/Reference for the helpdesk: LM-ZAP-000-\w{4}$/) as string }
    ])
    expect(actions).toEqual(['quit'])
  })

  it('a dialog that cannot be shown leaves the log line standing', async () => {
    const { handle } = setup({ press: () => Promise.reject(new Error('no display')) })
    await expect(handle(windowCrashed)).resolves.toBeUndefined()
    expect(logLines()).toHaveLength(1)
  })
})
