import { useEffect, useMemo, useState } from 'react'
import { DEFAULT_PRODUCT_NAME } from '../../shared/brand/brand-info'
import { BrandProvider, type WindowBrand } from './brand/brand-context'
import { useBrandStyle } from './brand/use-brand-style'
import { Deactivator, preloadResults } from './Deactivator'
import { preloadErrorNotice } from './HardwareIdPanel'
import type { FormPrefill } from './form-model'
import { laterWordsReady } from './i18n/window-language'
import { laterPart } from './later/later-part'
import { whenIdle } from './later/when-idle'
import { loadFormCheck } from './later/chunks'
import type { OfflinePrefill } from './offline/offline-model'
import { useAppInfo } from './queries'
import { SandboxBanner } from './SandboxBanner'
import { t } from '../../shared/i18n/current'
import { displayText } from '../../shared/display-text'
import { rich, type PlainMessageKey } from './i18n/rich'
import { LanguageMenu } from './LanguageMenu'
import { useWindowLanguage } from './i18n/language-context'

type View = 'online' | 'on-this-pc' | 'offline' | 'upload'

/** The tasks beside the online form: each its own chunk, loaded once the form is drawn. */
const PcLicencesView = laterPart(() => import('./pc-licences/PcLicencesView').then((m) => m.PcLicencesView))
const OfflineWriter = laterPart(() => import('./offline/OfflineWriter').then((m) => m.OfflineWriter))
const OfflineUpload = laterPart(() => import('./offline/OfflineUpload').then((m) => m.OfflineUpload))
/** Shown only when the vendor configures a help page. */
const VendorHelpLink = laterPart(() => import('./VendorHelpLink').then((m) => m.VendorHelpLink))
/** Shown only when the app cannot start. */
const StartupFailure = laterPart(() => import('./StartupFailure').then((m) => m.StartupFailure))

/**
 * Loads what the first form does not need: the other tasks, what follows a click on "Deactivate",
 * the error views and the catalogue's words. The window starts it once the form is drawn and it
 * is idle; a part that fails to load then is loaded again when it is shown.
 */
export function loadLaterParts(): Promise<unknown> {
  return Promise.all([
    loadFormCheck(),
    preloadResults(),
    preloadErrorNotice(),
    laterWordsReady(),
    PcLicencesView.preload(),
    OfflineWriter.preload(),
    OfflineUpload.preload(),
    StartupFailure.preload(),
    VendorHelpLink.preload()
  ])
}

const VIEWS: ReadonlyArray<{ view: View; label: PlainMessageKey }> = [
  { view: 'online', label: 'window.tasks.online' },
  { view: 'on-this-pc', label: 'window.tasks.on-this-pc' },
  { view: 'offline', label: 'window.tasks.offline' },
  { view: 'upload', label: 'window.tasks.upload' }
]

export function App() {
  // Every part words itself through the one translator while it is drawn: following the language
  // here draws the whole window again when it changes, without losing what was typed.
  useWindowLanguage()
  const reading = useAppInfo()
  const info = reading.status === 'ready' ? reading.info : null
  // The product's name once known (the vendor's, when it gives one); the app's own when it could not start.
  const productName = info ? info.name : reading.status === 'failed' ? DEFAULT_PRODUCT_NAME : null
  const support = info?.brand.support ?? null
  const windowBrand = useMemo<WindowBrand | null>(() => (productName === null ? null : { productName, support }), [productName, support])
  useBrandStyle(productName, info?.brand.accent ?? null)
  const ready = info !== null
  useEffect(() => (ready ? whenIdle(() => void loadLaterParts().catch(() => undefined)) : undefined), [ready])
  const [view, setView] = useState<View>('online')
  const [prefill, setPrefill] = useState<{ key: number; values?: OfflinePrefill }>({ key: 0 })
  /** The form, fresh when "Deactivate…" in "Licences on this PC" fills it in. */
  const [form, setForm] = useState<{ key: number; prefill?: FormPrefill }>({ key: 0 })
  /** "Licences on this PC", fresh each time it opens, for this PC or the override an attempt used. */
  const [onThisPc, setOnThisPc] = useState<{ key: number; override?: string }>({ key: 0 })
  const show = (next: View, values?: OfflinePrefill) => {
    // A fresh offline form each time it is opened from elsewhere, filled from the failed attempt if any.
    if (next === 'offline') setPrefill((p) => ({ key: p.key + 1, ...(values ? { values } : {}) }))
    if (next === 'on-this-pc') setOnThisPc((p) => ({ key: p.key + 1 }))
    // The task bar's form starts as the person left it last time, never with a view's prefill.
    if (next === 'online') setForm((f) => ({ key: f.key + 1 }))
    setView(next)
  }
  const showPcLicences = (override?: string) => {
    setOnThisPc((p) => ({ key: p.key + 1, ...(override === undefined ? {} : { override }) }))
    setView('on-this-pc')
  }
  const deactivateFromView = (filled: FormPrefill) => {
    setForm((f) => ({ key: f.key + 1, prefill: filled }))
    setView('online')
  }
  const loadingCard = (
    <p role="status" className="card">
      {t('window.app.loading')}
    </p>
  )
  const shell = (
    <div className="app">
      <header className={info?.brand.accent ? 'app-header app-header-branded' : 'app-header'}>
        {productName !== null && (
          <h1 className="app-title">
            {info?.brand.logo && <img className="brand-logo" src={info.brand.logo} alt="" />}
            {productName}
          </h1>
        )}
        {info?.sandbox && <SandboxBanner />}
        <LanguageMenu />
      </header>
      <main>
        {reading.status === 'loading' && loadingCard}
        {reading.status === 'failed' && <StartupFailure.Component fallback={loadingCard} error={reading.error} onRetry={reading.retry} />}
        {info && (
          <nav className="views" aria-label={t('window.tasks.label')}>
            {VIEWS.map((v) => (
              <button key={v.view} type="button" aria-current={view === v.view ? 'page' : undefined} onClick={() => show(v.view)}>
                {t(v.label)}
              </button>
            ))}
          </nav>
        )}
        {info && view === 'online' && (
          <Deactivator
            key={form.key}
            appInfo={info}
            prefill={form.prefill}
            onWriteOffline={(values) => show('offline', values)}
            onShowPcLicences={showPcLicences}
          />
        )}
        {info && view === 'on-this-pc' && (
          <PcLicencesView.Component
            key={onThisPc.key}
            fallback={loadingCard}
            appInfo={info}
            initialOverride={onThisPc.override}
            onDeactivate={deactivateFromView}
          />
        )}
        {info && view === 'offline' && <OfflineWriter.Component key={prefill.key} fallback={loadingCard} appInfo={info} prefill={prefill.values} />}
        {info && view === 'upload' && <OfflineUpload.Component fallback={loadingCard} appInfo={info} />}
        {info?.helpUrl && <VendorHelpLink.Component fallback={null} url={info.helpUrl} />}
      </main>
      {info && (
        <footer className="app-footer">
          <p className="server">
            {rich(
              'window.app.server',
              { server: displayText(info.server) },
              {
                value: (children) => (
                  <span className="mono">
                    <bdi>{children}</bdi>
                  </span>
                )
              }
            )}
          </p>
          <p>{t('window.app.version', { product: info.name, version: info.version, os: info.os })}</p>
        </footer>
      )}
    </div>
  )
  return <BrandProvider brand={windowBrand}>{shell}</BrandProvider>
}
