import { useMutation } from '@tanstack/react-query'
import { useRef, useState, type DragEvent } from 'react'
import type { AppInfo, OfflineRequestSummary, OfflineUploadResult } from '../../../shared/api'
import { describeError, type AppError } from '../../../shared/errors'
import { MAX_REQUEST_FILE_BYTES } from '../../../shared/offline-request-file'
import { failure, type Outcome } from '../../../shared/outcome'
import { CopyButton } from '../CopyButton'
import { buildUploadDiagnostics } from '../diagnostics'
import { ErrorNotice } from '../ErrorNotice'
import { formatLocalTime } from '../../../shared/format-time'
import { ErrorView } from '../ErrorView'
import { useServices } from '../services'
import { unexpectedFailure } from '../unexpected-failure'
import { laterWordsReady } from '../i18n/window-language'
import { ResultCard } from '../ResultCard'
import { RequestSummary } from './RequestSummary'
import { displayText } from '../../../shared/display-text'
import { t, translator } from '../../../shared/i18n/current'
import { rich } from '../i18n/rich'
import { makeReference } from '../../../shared/helpdesk/reference'
import { ReferenceLine } from '../ReferenceLine'

/** A request file that was read and understood, ready to upload. */
interface ChosenFile {
  name: string
  content: string
  summary: OfflineRequestSummary
}

type Reading =
  { status: 'idle' } | { status: 'reading' } | { status: 'refused'; name: string; error: AppError; reference: string } | { status: 'ready'; file: ChosenFile }

/** A file refused before anything was sent, with its reference (its status part says PC). */
const refused = (name: string, error: AppError): Reading => ({ status: 'refused', name, error, reference: makeReference(error) })

/** A file the window itself refuses, in the catalogue's words. */
async function refusedHere(name: string, code: 'offline_file_too_large' | 'offline_file_wrong_type'): Promise<Reading> {
  await laterWordsReady()
  return refused(name, describeError(code, { field: 'file' }))
}

async function guarded<T>(call: () => Promise<Outcome<T>>): Promise<Outcome<T>> {
  try {
    return await call()
  } catch {
    return failure(await unexpectedFailure())
  }
}

function SeatFreedView({
  result,
  reference,
  diagnostics,
  onNext
}: {
  result: OfflineUploadResult
  reference: string
  diagnostics: () => string
  onNext: () => void
}) {
  return (
    <ResultCard tone="success" title={t('views.upload.freed.title')}>
      <p>{t('views.upload.freed.body')}</p>
      <RequestSummary summary={result.summary} />
      <p className="hint">
        {rich(
          'views.upload.freed.confirmed',
          { at: formatLocalTime(result.at, { locale: translator().locale }) },
          { time: (children) => <time dateTime={result.at}>{children}</time> }
        )}
      </p>
      <ReferenceLine reference={reference} />
      <div className="actions">
        <button type="button" className="button-primary" onClick={onNext}>
          {t('views.upload.another')}
        </button>
        <CopyButton label={t('views.actions.copy-diagnostics')} text={diagnostics} fallbackLabel={t('views.actions.diagnostics')} />
      </div>
    </ResultCard>
  )
}

/** The upload screen: pick or drop a request file, see what it frees, upload it. */
export function OfflineUpload({ appInfo }: { appInfo: AppInfo }) {
  const { api } = useServices()
  const [reading, setReading] = useState<Reading>({ status: 'idle' })
  const [dragging, setDragging] = useState(false)
  const inputRef = useRef<HTMLInputElement>(null)
  const upload = useMutation({
    mutationFn: async (file: ChosenFile) => {
      const outcome = await guarded(() => api.uploadOfflineRequest({ content: file.content }))
      // The report describes the file that was uploaded and when its answer came.
      const at = new Date()
      const reference = makeReference(outcome.ok ? { success: 'server' } : outcome.error)
      return { outcome, reference, diagnostics: () => buildUploadDiagnostics({ app: appInfo, summary: file.summary, outcome, at, reference }) }
    }
  })

  async function read(file: File): Promise<void> {
    upload.reset()
    // Checked before the file is read: a huge file is never loaded.
    if (file.size > MAX_REQUEST_FILE_BYTES) {
      setReading(await refusedHere(file.name, 'offline_file_too_large'))
      return
    }
    setReading({ status: 'reading' })
    let content: string
    try {
      content = await file.text()
    } catch {
      setReading(await refusedHere(file.name, 'offline_file_wrong_type'))
      return
    }
    const summary = await guarded(() => api.inspectOfflineRequest({ content }))
    setReading(summary.ok ? { status: 'ready', file: { name: file.name, content, summary: summary.value } } : refused(file.name, summary.error))
  }

  const chooseAnother = () => {
    upload.reset()
    setReading({ status: 'idle' })
    if (inputRef.current) inputRef.current.value = ''
  }

  const uploaded = upload.data
  if (uploaded?.outcome.ok)
    return <SeatFreedView result={uploaded.outcome.value} reference={uploaded.reference} diagnostics={uploaded.diagnostics} onNext={chooseAnother} />
  if (uploaded && !uploaded.outcome.ok)
    return <ErrorView error={uploaded.outcome.error} reference={uploaded.reference} diagnostics={uploaded.diagnostics} onRetry={() => upload.reset()} />

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault()
    setDragging(false)
    const file = event.dataTransfer.files[0]
    if (file) void read(file)
  }

  return (
    <section className="card" aria-labelledby="upload-heading">
      <h2 id="upload-heading">{t('views.upload.heading')}</h2>
      <p className="lead">{t('views.upload.lead')}</p>
      <div
        className={`drop-zone${dragging ? ' drop-zone-active' : ''}`}
        onDragOver={(event) => {
          event.preventDefault()
          setDragging(true)
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        role="group"
        aria-label={t('views.upload.drop-zone')}
      >
        <label htmlFor="request-file">{t('views.upload.file')}</label>
        <p className="hint" id="request-file-hint">
          {t('views.upload.file.hint', { size: MAX_REQUEST_FILE_BYTES / 1024 })}
        </p>
        <input
          ref={inputRef}
          id="request-file"
          type="file"
          accept=".req,text/plain"
          aria-describedby="request-file-hint"
          disabled={upload.isPending}
          onChange={(event) => {
            const file = event.target.files?.[0]
            if (file) void read(file)
          }}
        />
      </div>
      {reading.status === 'reading' && (
        <p role="status" className="progress">
          {t('views.upload.reading')}
        </p>
      )}
      {reading.status === 'refused' && (
        <>
          <p>
            {rich(
              'views.upload.refused',
              { name: displayText(reading.name, 200) },
              {
                code: (children) => (
                  <code>
                    <bdi>{children}</bdi>
                  </code>
                )
              }
            )}
          </p>
          <ErrorNotice error={reading.error} reference={reading.reference} />
        </>
      )}
      {reading.status === 'ready' && (
        <section className="panel" aria-labelledby="will-free-heading">
          <h3 id="will-free-heading">{t('views.upload.will-free')}</h3>
          <p className="hint">
            {rich(
              'views.upload.from',
              { name: displayText(reading.file.name, 200) },
              {
                code: (children) => (
                  <code>
                    <bdi>{children}</bdi>
                  </code>
                )
              }
            )}
          </p>
          <RequestSummary summary={reading.file.summary} />
          <div className="actions">
            <button
              type="button"
              className="button-primary"
              disabled={upload.isPending}
              aria-busy={upload.isPending || undefined}
              onClick={() => upload.mutate(reading.file)}
            >
              {t('views.upload.confirm')}
            </button>
            <button type="button" disabled={upload.isPending} onClick={chooseAnother}>
              {t('views.upload.choose-another')}
            </button>
          </div>
          {upload.isPending && (
            <p role="status" className="progress">
              {t('views.upload.uploading')}
            </p>
          )}
        </section>
      )}
    </section>
  )
}
