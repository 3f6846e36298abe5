import { describeError, type AppError } from '../../shared/errors'
import { failure } from '../../shared/outcome'
import { DEFAULT_PRODUCT_NAME } from '../../shared/brand/brand-info'
import { t } from '../../shared/i18n/current'
import { errorFields, logOutcome, type LogFields, type Logger } from '../logging/logger'

/*
 * What the main process does when something dies or throws where nothing catches it: the
 * window's renderer gone (app 'render-process-gone'), a helper process gone ('child-process-gone'),
 * an exception or a rejected promise nothing handled (process 'uncaughtException',
 * 'unhandledRejection'). Each is logged with a reference; the person gets a dialog that names
 * it and offers to reload the window. One dialog at a time: what happens while one is open is
 * logged only. A helper process (graphics, network) is restarted by Chromium itself, so its
 * dialog comes once per kind of process and run.
 */

export type Incident =
  | { kind: 'window-gone'; reason: string; exitCode: number }
  | { kind: 'helper-gone'; type: string; reason: string; exitCode: number; name?: string | undefined }
  | { kind: 'main-error'; source: 'uncaughtException' | 'unhandledRejection'; error: unknown }

/** The options of Electron's `dialog.showMessageBox` this module uses. */
export interface CrashDialog {
  type: 'error' | 'warning'
  title: string
  message: string
  detail: string
  buttons: string[]
  defaultId: number
  cancelId: number
  noLink: true
}

export interface CrashHandlingDeps {
  logger: Logger
  /** `dialog.showMessageBox`: resolves with the index of the button pressed. */
  showDialog: (dialog: CrashDialog) => Promise<{ response: number }>
  /** `dialog.showErrorBox`, the only dialog that works before the app is ready. */
  showErrorBox: (title: string, text: string) => void
  isReady: () => boolean
  /** Reloads the window, or opens a new one when it is gone. */
  reloadWindow: () => void
  quit: () => void
}

/** The dialog's buttons, in the app's language (read when a dialog opens). */
export const CRASH_BUTTONS = {
  get reload(): string {
    return t('shell.crash.reload')
  },
  get quit(): string {
    return t('shell.crash.quit', { product: DEFAULT_PRODUCT_NAME })
  },
  get close(): string {
    return t('shell.crash.close')
  }
}

interface Response {
  error: AppError
  event: string
  fields: LogFields
  /** The buttons after "Reload the window": quitting, or closing the dialog. */
  other: 'quit' | 'close'
}

function respond(incident: Incident): Response {
  switch (incident.kind) {
    case 'window-gone': {
      const { reason, exitCode } = incident
      const error = reason === 'oom' || reason === 'killed' ? describeError('window_crashed', { detail: { reason } }) : describeError('window_crashed')
      return { error, event: 'window.gone', fields: { reason, exitCode }, other: 'quit' }
    }
    case 'helper-gone': {
      const { type, name, reason, exitCode } = incident
      return { error: describeError('helper_process_stopped'), event: 'helper.gone', fields: { process: type, name, reason, exitCode }, other: 'close' }
    }
    case 'main-error':
      return { error: describeError('app_unexpected_error'), event: `main.${incident.source}`, fields: errorFields(incident.error), other: 'quit' }
  }
}

export function createCrashHandling(deps: CrashHandlingDeps): (incident: Incident) => Promise<void> {
  let dialogOpen = false
  const helpersShown = new Set<string>()

  return async (incident) => {
    // A renderer or helper that exited on its own (the window closed, the app quitting) is no incident.
    if (incident.kind !== 'main-error' && incident.reason === 'clean-exit') return
    const { error, event, fields, other } = respond(incident)
    const reference = logOutcome(deps.logger, event, failure(error), { fields })
    // The advice, then the reference the log holds the incident under.
    const text = t('shell.crash.detail', { explanation: error.explanation, action: error.action, reference })
    if (!deps.isReady()) {
      // Nothing can be shown but a plain error box before the app is ready, and nothing can run without it.
      deps.showErrorBox(error.title, text)
      deps.quit()
      return
    }
    if (incident.kind === 'helper-gone') {
      if (helpersShown.has(incident.type)) return
      helpersShown.add(incident.type)
    }
    if (dialogOpen) return
    dialogOpen = true
    try {
      const buttons = [CRASH_BUTTONS.reload, other === 'quit' ? CRASH_BUTTONS.quit : CRASH_BUTTONS.close]
      const { response } = await deps.showDialog({
        type: incident.kind === 'helper-gone' ? 'warning' : 'error',
        title: error.title,
        message: error.title,
        detail: text,
        buttons,
        defaultId: 0,
        // Escape never quits: it reloads, or closes the dialog where that is the other choice.
        cancelId: other === 'close' ? 1 : 0,
        noLink: true
      })
      if (response === 0) deps.reloadWindow()
      else if (other === 'quit') deps.quit()
    } catch {
      // The dialog could not be shown: the log line stands.
    } finally {
      dialogOpen = false
    }
  }
}
