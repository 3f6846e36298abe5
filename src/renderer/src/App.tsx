import { Deactivator } from './Deactivator'
import { ErrorView } from './ErrorView'
import { useAppInfo } from './queries'
import { SandboxBanner } from './SandboxBanner'

export function App() {
  const reading = useAppInfo()
  const info = reading.status === 'ready' ? reading.info : null
  return (
    <div className="app">
      <header className="app-header">
        <h1>License Manager</h1>
        {info?.sandbox && <SandboxBanner />}
        {info && (
          <p className="server">
            Server: <span className="mono">{info.server}</span>
          </p>
        )}
      </header>
      <main>
        {reading.status === 'loading' && (
          <p role="status" className="card">
            Loading…
          </p>
        )}
        {reading.status === 'failed' && <ErrorView error={reading.error} onRetry={reading.retry} />}
        {info && <Deactivator appInfo={info} />}
      </main>
      {info && (
        <footer className="app-footer">
          {info.name} {info.version} · {info.os}
        </footer>
      )}
    </div>
  )
}
