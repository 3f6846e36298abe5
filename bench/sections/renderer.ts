import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { gzipSync } from 'node:zlib'
import { chromium, type Browser } from '@playwright/test'
import { REPO_ROOT, spawnedOutput } from '../lib/child'
import { goal, notMeasured, type SectionOutcome } from '../lib/goals'
import { bytesPerPackage, type PackageBytes, type SourceMapV3 } from '../lib/source-map-bytes'
import { DEBIAN_CHROMIUM } from '../../e2e/fixtures/debian-chromium'
import { serveDirectory } from '../../e2e/fixtures/static-server'
import { round, roundSummary, summarize, type Summary } from '../lib/stats'
import { LANGUAGES, SOURCE_LANGUAGE, type ShippedLanguage } from '../../src/shared/i18n/languages'

const OUT_DIR = join(REPO_ROOT, 'out', 'renderer')
const FALLBACK_DIR = join(REPO_ROOT, 'node_modules', '.cache', 'bench-renderer')
const MINIFIED_DIR = join(REPO_ROOT, 'node_modules', '.cache', 'bench-renderer-minified')
const SOURCE_DIRS = [join(REPO_ROOT, 'src', 'renderer'), join(REPO_ROOT, 'src', 'shared')]
const JS_GOAL_BYTES = 110 * 1024
const INTERACTIVE_GOAL_MS = 300

export interface AssetSize {
  file: string
  raw: number
  gzip: number
}

export interface RendererData {
  build: 'up to date' | 'rebuilt' | 'renderer-only build' | 'failed'
  /** The directory measured. */
  dir?: string
  buildLog?: string
  js: SizeTotals
  /**
   * The JS the page loads before its first form is interactive (the entry chunk and the chunks it
   * imports at start, such as the active language's messages); the goal's figure. Lazily loaded
   * chunks (the other languages' messages) are in `js` only.
   */
  initialJs?: SizeTotals
  /** The initial JS (gzip bytes) with the browser set to each other language: its own messages load instead of English's. */
  initialJsByLanguage?: Partial<Record<ShippedLanguage, number>>
  css: SizeTotals
  firstForm?: FirstFormData
  /** Only when the JS goal is missed: the same sources built minified. */
  whatIfMinified?: { change: string; js: SizeTotals; css: SizeTotals; composition: PackageBytes[]; firstForm: FirstFormData }
  whatIfMinifiedError?: string
}

export interface SizeTotals {
  raw: number
  gzip: number
  files: AssetSize[]
}

export interface RendererOptions {
  runs: number
  warmupRuns: number
  rebuild: boolean
  /** A prebuilt directory to measure instead of out/renderer (no build step). */
  outDir?: string
}

function newestMtime(dir: string): number {
  if (!existsSync(dir)) return 0
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs)
  }
  return newest
}

/**
 * Measures out/renderer when it is newer than its sources; otherwise builds it with
 * the project's own `npm run build`. When that fails (e.g. main or preload do not
 * build yet), builds the renderer alone with the same resolved config into
 * node_modules/.cache/bench-renderer, and says so.
 */
function ensureBuild(force: boolean): { state: RendererData['build']; dir: string; log?: string } {
  const index = join(OUT_DIR, 'index.html')
  const fresh = existsSync(index) && statSync(index).mtimeMs >= Math.max(...SOURCE_DIRS.map(newestMtime))
  if (fresh && !force) return { state: 'up to date', dir: OUT_DIR }
  const full = spawnSync('npm', ['run', '-s', 'build'], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 180_000 })
  if (full.status === 0 && existsSync(index)) return { state: 'rebuilt', dir: OUT_DIR }
  const fullLog = tail(spawnedOutput(full))
  const alone = spawnSync(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'bench', 'children', 'build-renderer.ts'), FALLBACK_DIR], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    timeout: 180_000
  })
  if (alone.status === 0 && existsSync(join(FALLBACK_DIR, 'index.html'))) {
    return { state: 'renderer-only build', dir: FALLBACK_DIR, log: `npm run build failed:\n${fullLog}` }
  }
  return {
    state: 'failed',
    dir: OUT_DIR,
    log: `npm run build failed:\n${fullLog}\nrenderer-only build failed:\n${tail(spawnedOutput(alone))}`
  }
}

const tail = (text: string): string => text.split('\n').slice(-15).join('\n')

function assetSizes(outDir: string, extension: string): SizeTotals {
  const files: AssetSize[] = []
  for (const entry of readdirSync(outDir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith(extension)) continue
    const path = join(entry.parentPath, entry.name)
    // A what-if build carries source maps; its map comment is not part of the app.
    const content = Buffer.from(readFileSync(path, 'latin1').replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, ''), 'latin1')
    // zlib's default level (6), which is what vite prints as "gzip".
    files.push({ file: relative(outDir, path), raw: content.length, gzip: gzipSync(content).length })
  }
  files.sort((a, b) => b.raw - a.raw)
  return { raw: files.reduce((s, f) => s + f.raw, 0), gzip: files.reduce((s, f) => s + f.gzip, 0), files }
}

/**
 * Runs in the page before its scripts: a fake `window.licenseManager` whose every method
 * answers at once, and a watcher that stamps performance.now() when the first form's first
 * text field is visible, enabled and editable (checked on every DOM mutation, with
 * an animation-frame fallback for style-only changes).
 */
const INIT_SCRIPT = `(() => {
  const ok = (value) => Promise.resolve({ ok: true, value })
  const api = Object.freeze({
    getAppInfo: () => ok({ name: 'License Manager', version: '0.1.0', os: 'linux 6.1 (x64)',
      server: 'http://127.0.0.1:1/api/v4/', sandbox: true, defaultProduct: 'office-suite', defaultCustomerAccount: 'acme',
      helpUrl: null, brand: { accent: null, logo: null, support: null } }),
    getHardwareId: () => ok({ id: '${'ab'.repeat(32)}', source: 'machine-id', description: 'SHA-256 of the OS machine id' }),
    deactivate: (input) => ok({ product: input.product, hardwareId: '${'ab'.repeat(32)}', method: 'license-key', at: new Date().toISOString() }),
    deactivateWithSso: (input) => ok({ product: input.product, hardwareId: '${'ab'.repeat(32)}', method: 'sso-code', at: new Date().toISOString() }),
    cancelSso: () => ok(null),
    warmUp: () => ok({ warming: true })
  })
  // Every other method of the window's API answers at once too: listeners ('on…') get a
  // no-op unsubscribe, the rest an empty success (no prefill waiting, nothing to report).
  const answering = new Proxy(api, {
    get: (target, key) => key in target ? target[key] : String(key).startsWith('on') ? () => () => {} : () => ok(null)
  })
  Object.defineProperty(window, 'licenseManager', { value: answering, enumerable: true })

  const textTypes = new Set(['', 'text', 'search', 'email', 'url', 'tel', 'password'])
  const firstField = () => {
    const form = document.querySelector('form')
    if (!form) return null
    for (const el of form.querySelectorAll('input, textarea')) {
      if (el.tagName === 'TEXTAREA' || textTypes.has((el.getAttribute('type') || '').toLowerCase())) return el
    }
    return null
  }
  const ready = (el) => {
    if (!el || el.matches(':disabled') || el.readOnly || !el.isConnected) return false
    const box = el.getBoundingClientRect()
    if (box.width === 0 || box.height === 0) return false
    return el.checkVisibility({ opacityProperty: true, visibilityProperty: true })
  }
  let stamp = null
  let observer = null
  const report = () => {
    if (!stamp || stamp.nextFrame === null || document.readyState !== 'complete') return
    const nav = performance.getEntriesByType('navigation')[0]
    window.__benchDone(JSON.stringify({ ...stamp, domContentLoaded: nav.domContentLoadedEventEnd, loadEvent: nav.loadEventEnd }))
  }
  const check = () => {
    if (stamp) return
    const el = firstField()
    if (!ready(el)) return
    stamp = { at: performance.now(), nextFrame: null,
      field: el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.name ? '[name=' + el.name + ']' : '') }
    observer && observer.disconnect()
    requestAnimationFrame(() => { stamp.nextFrame = performance.now(); report() })
  }
  observer = new MutationObserver(check)
  observer.observe(document, { childList: true, subtree: true, attributes: true, characterData: true })
  const frame = () => { check(); if (!stamp) requestAnimationFrame(frame) }
  requestAnimationFrame(frame)
  // loadEventEnd is set once the load handlers have returned.
  window.addEventListener('load', () => setTimeout(report, 0))
})()`

interface Stamp {
  at: number
  nextFrame: number | null
  field: string
  domContentLoaded: number
  loadEvent: number
}

/** The page's first form's first text-like field, as the init script picks it. */
const FIRST_TEXT_FIELD = 'input:is([type=text i], [type=search i], [type=email i], [type=url i], [type=tel i], [type=password i], :not([type])), textarea'

async function measureOnce(browser: Browser, url: string, locale?: string): Promise<Stamp & { typed: boolean; scripts: string[] }> {
  const context = await browser.newContext(locale === undefined ? {} : { locale })
  try {
    // Every script the page fetched before the form was interactive: the initial JS.
    const scripts: string[] = []
    // Nothing but the app's own origin may load.
    await context.route(/^(?!http:\/\/127\.0\.0\.1:)/, (route) => route.abort())
    // The app's CSP forbids eval, so the page reports through a binding instead of being polled.
    let reportStamp: (stamp: Stamp) => void = () => undefined
    const reported = new Promise<Stamp>((resolve) => (reportStamp = resolve))
    await context.exposeFunction('__benchDone', (json: string) => reportStamp(JSON.parse(json) as Stamp))
    await context.addInitScript({ content: INIT_SCRIPT })
    const page = await context.newPage()
    page.on('response', (response) => {
      const path = new URL(response.url()).pathname
      if (path.endsWith('.js')) scripts.push(path.replace(/^\//, ''))
    })
    page.setDefaultTimeout(10_000)
    await page.goto(url, { waitUntil: 'commit' })
    let timer: NodeJS.Timeout | undefined
    const stamp = await Promise.race([
      reported,
      new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('no interactive form within 10 s')), 10_000)))
    ]).finally(() => clearTimeout(timer))
    const loadedBeforeInteractive = [...scripts]
    const field = page.locator('form').first().locator(FIRST_TEXT_FIELD).first()
    await field.focus()
    const before = await field.inputValue()
    await field.pressSequentially('Zq7')
    const after = await field.inputValue()
    return { ...stamp, typed: after === before + 'Zq7' || after.endsWith('Zq7'), scripts: loadedBeforeInteractive }
  } finally {
    await context.close()
  }
}

interface FirstFormData {
  runs: number
  warmupRuns: number
  /** Navigation start → first form's first text field visible, enabled, editable (DOM commit). */
  interactiveMs: Summary
  /** The animation frame after that commit: when the field is on screen. */
  nextFrameMs: Summary
  domContentLoadedMs: Summary
  loadEventMs: Summary
  field: string
  typingVerified: boolean
  /** The scripts (paths under the build directory) the page loaded before the form was interactive. */
  initialScripts: string[]
  /** The same, in one run with the browser set to each other language (the window follows the browser's language outside the app). */
  initialScriptsByLanguage: Partial<Record<ShippedLanguage, string[]>>
  chromium: string
  /** Runs that failed and were repeated (at most two). */
  failedRuns: string[]
}

async function measureFirstForm(dir: string, options: RendererOptions): Promise<FirstFormData> {
  const server = await serveDirectory(dir)
  const browser = await chromium.launch({ ...DEBIAN_CHROMIUM, timeout: 30_000 })
  try {
    const samples: Array<Stamp & { typed: boolean; scripts: string[] }> = []
    const failures: string[] = []
    // A run may fail while someone rebuilds out/; two failures are tolerated and reported.
    for (let run = 0; samples.length < options.runs; run++) {
      try {
        const stamp = await measureOnce(browser, `${server.origin}/`)
        if (run >= options.warmupRuns) samples.push(stamp)
      } catch (error) {
        failures.push(error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error))
        if (failures.length > 2) throw new Error(`first-form runs failed: ${failures.join('; ')}`)
      }
    }
    const initialScriptsByLanguage: Partial<Record<ShippedLanguage, string[]>> = {}
    for (const language of LANGUAGES) {
      if (language !== SOURCE_LANGUAGE) initialScriptsByLanguage[language] = (await measureOnce(browser, `${server.origin}/`, language)).scripts
    }
    return {
      runs: options.runs,
      warmupRuns: options.warmupRuns,
      interactiveMs: roundSummary(summarize(samples.map((s) => s.at))),
      nextFrameMs: roundSummary(summarize(samples.map((s) => s.nextFrame ?? Number.NaN))),
      domContentLoadedMs: roundSummary(summarize(samples.map((s) => s.domContentLoaded))),
      loadEventMs: roundSummary(summarize(samples.map((s) => s.loadEvent))),
      field: samples[0]?.field ?? '',
      typingVerified: samples.every((s) => s.typed),
      initialScripts: [...new Set(samples.flatMap((s) => s.scripts))].sort(),
      initialScriptsByLanguage,
      chromium: browser.version(),
      failedRuns: failures
    }
  } finally {
    await browser.close()
    await server.close()
  }
}

/** Minified JS bytes per npm package ("app" = src/), from the what-if build's source maps. */
function composition(dir: string): PackageBytes[] {
  const totals = new Map<string, PackageBytes>()
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.js')) continue
    const path = join(entry.parentPath, entry.name)
    if (!existsSync(`${path}.map`)) continue
    const map = JSON.parse(readFileSync(`${path}.map`, 'utf8')) as SourceMapV3
    for (const p of bytesPerPackage(readFileSync(path, 'utf8'), map)) {
      const sum = totals.get(p.name) ?? { name: p.name, raw: 0, gzip: 0 }
      totals.set(p.name, { name: p.name, raw: sum.raw + p.raw, gzip: sum.gzip + p.gzip })
    }
  }
  return [...totals.values()].sort((a, b) => b.raw - a.raw)
}

/** The same renderer built with `build.minify: true`, to size the fix when the JS goal is missed. */
function buildMinified(): { dir: string } | { error: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'bench', 'children', 'build-renderer.ts'), MINIFIED_DIR, '--minify'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    timeout: 180_000
  })
  if (result.status === 0 && existsSync(join(MINIFIED_DIR, 'index.html'))) return { dir: MINIFIED_DIR }
  return { error: tail(spawnedOutput(result)) }
}

export async function measureRenderer(options: RendererOptions): Promise<SectionOutcome<RendererData>> {
  const jsGoal = 'Renderer initial JS size (gzip)'
  const ttiGoal = 'First form interactive (median)'
  const build = options.outDir ? { state: 'up to date' as const, dir: options.outDir } : ensureBuild(options.rebuild)
  if (build.state === 'failed') {
    return {
      data: {
        build: build.state,
        ...(build.log === undefined ? {} : { buildLog: build.log }),
        js: { raw: 0, gzip: 0, files: [] },
        css: { raw: 0, gzip: 0, files: [] }
      },
      goals: [
        notMeasured('renderer-js', jsGoal, '≤ 110 KB', 'renderer build failed (see renderer.buildLog)'),
        notMeasured('first-form', ttiGoal, `≤ ${INTERACTIVE_GOAL_MS} ms`, 'renderer build failed')
      ]
    }
  }
  const outDir = build.dir
  const js = assetSizes(outDir, '.js')
  const css = assetSizes(outDir, '.css')
  const data: RendererData = { build: build.state, dir: relative(REPO_ROOT, outDir), js, css }
  if ('log' in build && build.log) data.buildLog = build.log
  const firstForm = await measureFirstForm(outDir, options)
  data.firstForm = firstForm
  // What the window loads at start; the other languages' message chunks load only when chosen.
  const initialFilesOf = (scripts: readonly string[]) => js.files.filter((f) => scripts.includes(f.file.split(sep).join('/')))
  const initialFiles = initialFilesOf(firstForm.initialScripts)
  const initial: SizeTotals = { raw: initialFiles.reduce((s, f) => s + f.raw, 0), gzip: initialFiles.reduce((s, f) => s + f.gzip, 0), files: initialFiles }
  data.initialJs = initial
  const byLanguage = Object.entries(firstForm.initialScriptsByLanguage).map(
    ([language, scripts]) => [language as ShippedLanguage, initialFilesOf(scripts).reduce((s, f) => s + f.gzip, 0)] as const
  )
  data.initialJsByLanguage = Object.fromEntries(byLanguage)
  const largest = byLanguage.reduce<readonly [ShippedLanguage, number] | null>((top, entry) => (top === null || entry[1] > top[1] ? entry : top), null)
  const goals = [
    goal(
      'renderer-js',
      jsGoal,
      '≤ 110 KB',
      round(initial.gzip / 1024),
      `${(initial.gzip / 1024).toFixed(1)} KB in English (raw ${(initial.raw / 1024).toFixed(1)} KB; all ${js.files.length} chunks ${(js.gzip / 1024).toFixed(1)} KB)` +
        (largest === null ? '' : `; the largest other language, ${largest[0]}: ${(largest[1] / 1024).toFixed(1)} KB`),
      initial.gzip <= JS_GOAL_BYTES && byLanguage.every(([, gzip]) => gzip <= JS_GOAL_BYTES)
    )
  ]

  const interactive = firstForm.interactiveMs
  goals.push(
    goal(
      'first-form',
      ttiGoal,
      `≤ ${INTERACTIVE_GOAL_MS} ms`,
      interactive.median,
      `${interactive.median.toFixed(1)} ms (p90 ${interactive.p90.toFixed(1)} ms)`,
      interactive.median <= INTERACTIVE_GOAL_MS && firstForm.typingVerified,
      firstForm.typingVerified ? undefined : 'typing into the field did not change its value'
    )
  )

  if (initial.gzip > JS_GOAL_BYTES && !options.outDir) {
    const minified = buildMinified()
    if ('dir' in minified) {
      data.whatIfMinified = {
        change: "electron.vite.config.ts → renderer.build.minify: true (electron-vite's renderer preset defaults to minify: false)",
        js: assetSizes(minified.dir, '.js'),
        css: assetSizes(minified.dir, '.css'),
        composition: composition(minified.dir),
        firstForm: await measureFirstForm(minified.dir, options)
      }
      const whatIf = data.whatIfMinified
      goals[0]!.note = `unminified build; with minify: true it would be ${(whatIf.js.gzip / 1024).toFixed(1)} KB gzip (raw ${(whatIf.js.raw / 1024).toFixed(1)} KB)`
      goals[1]!.note = [goals[1]!.note, `minified build: ${whatIf.firstForm.interactiveMs.median.toFixed(1)} ms median`].filter(Boolean).join('; ')
    } else data.whatIfMinifiedError = minified.error
  }
  return { data, goals }
}
