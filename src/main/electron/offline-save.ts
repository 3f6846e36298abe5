import { writeFile } from 'node:fs/promises'
import type { OfflineRequestSaved } from '../../shared/api'
import { describeError } from '../../shared/errors'
import { failure, success, type Outcome } from '../../shared/outcome'
import { t } from '../../shared/i18n/current'
import type { OfflineRequestFile } from '../engine/offline/offline-requests'
import type { SenderContents } from './sender-check'

/** The options this app passes to Electron's `dialog.showSaveDialog`. */
export interface SaveDialogOptions {
  title: string
  defaultPath: string
  buttonLabel: string
  filters: Array<{ name: string; extensions: string[] }>
  properties: Array<'createDirectory' | 'showOverwriteConfirmation'>
}

/**
 * `dialog.showSaveDialog` for the window that asked. Electron resolves
 * `{canceled: true, filePath: ''}` when the person cancels (older versions: no filePath).
 */
export type ShowSaveDialog = (window: SenderContents, options: SaveDialogOptions) => Promise<{ canceled: boolean; filePath?: string | undefined }>

export interface SaveRequestFileDeps {
  showSaveDialog: ShowSaveDialog
  /** Node's writeFile unless a test hands in another. */
  writeFile?: (path: string, content: string) => Promise<void>
}

const writeUtf8 = (path: string, content: string) => writeFile(path, content, { encoding: 'utf8' })

/** Asks where to save the request file, then writes it there; a cancelled dialog writes nothing. */
export async function saveRequestFile(file: OfflineRequestFile, window: SenderContents, deps: SaveRequestFileDeps): Promise<Outcome<OfflineRequestSaved>> {
  const choice = await deps.showSaveDialog(window, {
    title: t('shell.save.title'),
    defaultPath: file.fileName,
    buttonLabel: t('shell.save.button'),
    filters: [{ name: t('shell.save.filter'), extensions: ['req'] }],
    properties: ['createDirectory', 'showOverwriteConfirmation']
  })
  if (choice.canceled || !choice.filePath) return success({ saved: false })
  try {
    await (deps.writeFile ?? writeUtf8)(choice.filePath, file.content)
  } catch {
    return failure(describeError('offline_save_failed'))
  }
  return success({ saved: true, path: choice.filePath, summary: file.summary })
}
