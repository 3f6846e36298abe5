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
import { ResultCard } from '../ResultCard'
import { RequestSummary } from './RequestSummary'
import { OutsideText } from '../OutsideText'
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

async function guarded<T>(call: () => Promise<Outcome<T>>): Promise<Outcome<T>> {
  try {
    return await call()
  } catch {
    return failure(unexpectedFailure())
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
    <ResultCard tone="success" title="Seat freed">
      <p>
        The licence server accepted the request file: every product of the bundle is deactivated on the PC it names, and the seat is free for another machine.
      </p>
      <RequestSummary summary={result.summary} />
      <p className="hint">
        Confirmed at <time dateTime={result.at}>{formatLocalTime(result.at)}</time>. The file cannot be used again.
      </p>
      <ReferenceLine reference={reference} />
      <div className="actions">
        <button type="button" className="button-primary" onClick={onNext}>
          Upload another file
        </button>
        <CopyButton label="Copy diagnostics" text={diagnostics} fallbackLabel="Diagnostics" />
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
      setReading(refused(file.name, describeError('offline_file_too_large', { field: 'file' })))
      return
    }
    setReading({ status: 'reading' })
    let content: string
    try {
      content = await file.text()
    } catch {
      setReading(refused(file.name, describeError('offline_file_wrong_type', { field: 'file' })))
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
      <h2 id="upload-heading">Upload a request file</h2>
      <p className="lead">
        On a computer with internet: upload the request file written on a PC without internet. The licence server then frees that PC’s seat.
      </p>
      <div
        className={`drop-zone${dragging ? ' drop-zone-active' : ''}`}
        onDragOver={(event) => {
          event.preventDefault()
          setDragging(true)
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        role="group"
        aria-label="Drop zone for the request file"
      >
        <label htmlFor="request-file">Request file</label>
        <p className="hint" id="request-file-hint">
          Choose the .req file, or drop it here. At most 64 KiB; nothing is sent before you confirm.
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
          Reading the file…
        </p>
      )}
      {reading.status === 'refused' && (
        <>
          <p>
            The file{' '}
            <code>
              <OutsideText text={reading.name} max={200} />
            </code>{' '}
            cannot be uploaded:
          </p>
          <ErrorNotice error={reading.error} reference={reading.reference} />
        </>
      )}
      {reading.status === 'ready' && (
        <section className="panel" aria-labelledby="will-free-heading">
          <h3 id="will-free-heading">This file will free</h3>
          <p className="hint">
            From{' '}
            <code>
              <OutsideText text={reading.file.name} max={200} />
            </code>
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
              Upload and free the seat
            </button>
            <button type="button" disabled={upload.isPending} onClick={chooseAnother}>
              Choose another file
            </button>
          </div>
          {upload.isPending && (
            <p role="status" className="progress">
              Uploading…
            </p>
          )}
        </section>
      )}
    </section>
  )
}
