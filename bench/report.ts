/** Turns results.json's content into the printed tables and the section of docs/performance.md. */
import { readFileSync } from 'node:fs'
import { CLICK_ROW_HEADER, clickRowCells } from './lib/click-rows'
import { PERFORMANCE_PAGE, RESULTS_FILE, writeBenchSection } from './lib/docs-section'
import type { GoalResult } from './lib/goals'
import type { MachineInfo } from './lib/machine'
import type { ProfileSummary } from './lib/profile'
import { count, kb, mb, ms, ratio, renderMarkdownTable, renderTable } from './lib/table'
import type { ClickData } from './sections/click-to-confirmation'
import type { EngineStartData } from './sections/engine-start'
import type { KyAnatomyData } from './sections/ky-anatomy'
import type { OverheadData } from './sections/overhead'
import type { RendererData } from './sections/renderer'
import type { RoundTripsData } from './sections/round-trips'
import type { SigningCeiling, ThroughputData } from './sections/throughput'
import type { UnitTierData } from './sections/unit-tier'

export interface BenchResults {
  date: string
  machine: MachineInfo
  command: string
  config: Record<string, number | number[]>
  overhead?: OverheadData
  kyAnatomy?: KyAnatomyData
  roundTrips?: RoundTripsData
  /** Click to confirmation over an emulated slow link, engine and SDK side by side. */
  click?: ClickData
  /** Two workloads: a new device per pair (fresh RSA signatures), then the same device per client. */
  throughput?: ThroughputData[]
  /** RSA signing alone on this machine: the new-device workload's upper bound. */
  signingCeiling?: SigningCeiling
  renderer?: RendererData
  engineStart?: EngineStartData
  /** The fast test tier's wall time, as a developer waits for it. */
  unitTier?: UnitTierData
  /** With --profile: CPU self time by area for N deactivations through each client (arming included). */
  profiles?: Record<string, ProfileSummary>
  goals: GoalResult[]
  /** Loopback per-call comparisons, reported beside the goals but not goals themselves. */
  context?: GoalResult[]
  errors: Record<string, string>
  /** Wall time per section, to keep the run within its budget. */
  sectionSeconds: Record<string, number>
  totalSeconds?: number
}

type Rows = string[][]

function goalRows(goals: GoalResult[]): Rows {
  return [['Goal', 'Target', 'Measured', 'Met'], ...goals.map((g) => [g.goal, g.target, g.measured, g.met ? 'yes' : 'NO'])]
}

function overheadRows(data: OverheadData): Rows {
  const floor = data.latency['floor (node:http keep-alive)']
  return [
    ['Client (one deactivation)', 'median', 'p90', 'p99', 'mean', 'Δ median vs floor'],
    ...Object.entries(data.latency).map(([name, s]) => [name, ms(s.median), ms(s.p90), ms(s.p99), ms(s.mean), floor ? ms(s.median - floor.median) : '—'])
  ]
}

function kyRows(data: KyAnatomyData): Rows {
  return [
    ['Variant', 'median', 'p99', 'Δ median vs floor'],
    ...data.variants.map((v) => [v.name, ms(v.latency.median), ms(v.latency.p99), ms(v.overMedianFloor)])
  ]
}

function microRows(data: KyAnatomyData): Rows {
  return [['Per-call object ky builds (no network)', 'µs'], ...data.micro.map((m) => [m.operation, m.microseconds.toFixed(2)])]
}

function roundTripRows(data: RoundTripsData): Rows {
  return [
    ['Login method', 'API round trips', 'Minimum', 'Calls'],
    ...data.cases.map((c) => [
      c.method,
      c.roundTrips === null ? '—' : String(c.roundTrips),
      String(c.minimum),
      c.note ??
        Object.entries(c.byPath)
          .map(([p, n]) => `${p.replace('/api/v4/', '')}×${n}`)
          .join(', ')
    ])
  ]
}

function clickRows(data: ClickData): Rows {
  return [[...CLICK_ROW_HEADER], ...data.rows.map((r) => clickRowCells(r))]
}

function throughputRows(runs: ThroughputData[]): Rows {
  return [
    ['Workload', 'Clients', 'req/s', 'pairs/s', 'p50', 'p99', 'activate p99', 'deactivate p99', 'errors', 'RSS before → after', 'heap after GC'],
    ...runs.map((data) => [
      data.workload.split(':')[0] ?? '',
      String(data.clients),
      count(data.requestsPerSecond),
      count(data.pairsPerSecond),
      ms(data.latency.median, 2),
      ms(data.latency.p99, 2),
      ms(data.activateLatency.p99, 2),
      ms(data.deactivateLatency.p99, 2),
      String(data.errors),
      `${mb(data.sandboxMemoryBefore.rss)} → ${mb(data.sandboxMemoryAfter.rss)}`,
      mb(data.sandboxMemoryAfterGc?.heapUsed)
    ])
  ]
}

function rendererRows(data: RendererData): Rows {
  const rows: Rows = [
    ['Renderer', 'value'],
    ['JS (all chunks) raw / gzip', `${kb(data.js.raw)} / ${kb(data.js.gzip)}`],
    ['CSS raw / gzip', `${kb(data.css.raw)} / ${kb(data.css.gzip)}`]
  ]
  if (data.firstForm) {
    const f = data.firstForm
    rows.push(
      [`First form interactive, median of ${f.runs} (p90)`, `${ms(f.interactiveMs.median, 1)} (${ms(f.interactiveMs.p90, 1)})`],
      ['Next frame after it, median', ms(f.nextFrameMs.median, 1)],
      ['DOMContentLoaded / load, median', `${ms(f.domContentLoadedMs.median, 1)} / ${ms(f.loadEventMs.median, 1)}`]
    )
  }
  if (data.whatIfMinified) {
    const w = data.whatIfMinified
    rows.push(
      ['What if build.minify: true — JS raw / gzip', `${kb(w.js.raw)} / ${kb(w.js.gzip)}`],
      ['What if build.minify: true — first form, median (p90)', `${ms(w.firstForm.interactiveMs.median, 1)} (${ms(w.firstForm.interactiveMs.p90, 1)})`],
      [
        'Minified JS by package (raw / gzip alone)',
        w.composition
          .slice(0, 6)
          .map((p) => `${p.name} ${kb(p.raw)}/${kb(p.gzip)}`)
          .join(', ')
      ]
    )
  }
  return rows
}

function engineStartRows(data: EngineStartData): Rows {
  return [['Engine start (median of fresh processes)', 'value'], ...data.rows.map((r) => [r.label, ms(r.median, 3)])]
}

/** The docs page's compact view of the renderer and engine-start figures. */
function startupRows(results: BenchResults): Rows {
  const rows: Rows = [['Figure', 'value']]
  const r = results.renderer
  if (r && r.build !== 'failed') {
    rows.push(['Renderer JS, raw / gzip', `${kb(r.js.raw)} / ${kb(r.js.gzip)}`], ['Renderer CSS, raw / gzip', `${kb(r.css.raw)} / ${kb(r.css.gzip)}`])
    if (r.firstForm)
      rows.push([
        `First form interactive, median of ${r.firstForm.runs} (p90)`,
        `${ms(r.firstForm.interactiveMs.median, 1)} (${ms(r.firstForm.interactiveMs.p90, 1)})`
      ])
  }
  const e = results.engineStart
  const row = (key: string): number | undefined => e?.rows.find((x) => x.key === key)?.median
  if (e) {
    rows.push(
      ['Main bundle, out/main/index.js, raw', kb(e.mainBundleBytes)],
      ['Engine modules import (fresh process, tsx)', ms(row('importEngineMs'), 1)],
      ['Hardware id, first call / cached', `${ms(row('hardwareIdFirstMs'), 2)} / ${ms(row('hardwareIdSecondMs'))}`]
    )
    if (row('mainBundleRequireMs') !== undefined) {
      rows.push([
        'Main bundle load, out/main/index.js (require / until the window opens)',
        `${ms(row('mainBundleRequireMs'), 1)} / ${ms(row('mainBundleWindowMs'), 1)}`
      ])
    }
  }
  return rows
}

export function renderReport(results: BenchResults): { text: string; markdown: string } {
  const m = results.machine
  const header = `License Manager benchmarks — ${results.date} — ${m.cpuModel}, ${m.cpus} CPUs, Node ${m.node}, ${m.platform} ${m.release} — load average ${m.loadAverageAtStart[0]} at start, ${m.loadAverageAtEnd?.[0] ?? '?'} at end`
  const parts: string[] = [`\n${header}\n`]
  const md: string[] = [
    `Measured with \`npm run bench\` on ${results.date.slice(0, 10)}: ${m.cpus} × ${m.cpuModel}, ${Math.round(m.totalMemoryMb / 1024)} GB, Node ${m.node}, ${m.platform}. Full figures: \`bench/results.json\`.`,
    ''
  ]
  /** Printed always; on the docs page only when `onPage`. */
  const add = (title: string, rows: Rows, onPage: boolean): void => {
    parts.push(renderTable(rows, title))
    if (onPage) md.push(`**${title}**`, '', renderMarkdownTable(rows))
  }
  add('Goals', goalRows(results.goals), true)
  if (results.context?.length) {
    add(
      'Context on loopback (not goals: differences of a fraction of a millisecond)',
      [['Figure', 'Former target', 'Measured', 'Within it'], ...results.context.map((g) => [g.goal, g.target, g.measured, g.met ? 'yes' : 'no'])],
      true
    )
  }
  if (results.overhead) {
    add(`Engine overhead per deactivation (${results.overhead.rounds} rounds each, sandbox on loopback)`, overheadRows(results.overhead), true)
    const r = results.overhead.ratios
    const line = `engine/floor ${ratio(r.engineOverFloorMedian)} · engine/SDK ${ratio(r.engineOverSdkMedian)} (p99 ${ratio(r.engineOverSdkP99)}) · SDK/floor ${ratio(r.sdkOverFloorMedian)} · engine−floor ${ms(r.engineMinusFloorMedian)} median, ${ms(r.engineMinusFloorP99)} p99 (goals use: ${results.overhead.engineForGoals ?? 'n/a'})`
    parts.push(`${line}\n`)
    md.push(line, '')
    if (results.overhead.engineSteps) {
      parts.push(
        renderTable([['Engine step (no network)', 'µs per call'], ...results.overhead.engineSteps.map((m) => [m.operation, m.microseconds.toFixed(2)])])
      )
    }
  }
  if (results.click) {
    const c = results.click
    add(
      `Click to confirmation on a ${c.roundTripMs} ms round-trip link over TLS (${c.samplesPerRow} samples per row; per-sample medians of connections, handshakes, requests)`,
      clickRows(c),
      true
    )
    const notes = c.notes.map((n) => `- ${n}`).join('\n')
    parts.push(`${notes}\n`)
  }
  if (results.roundTrips) add('Round trips per deactivation (counted by the sandbox)', roundTripRows(results.roundTrips), false)
  if (results.throughput?.[0])
    add(`Sandbox throughput (${results.throughput[0].durationMs / 1000} s each, signed activate/deactivate pairs)`, throughputRows(results.throughput), true)
  if (results.signingCeiling) {
    const s = results.signingCeiling
    const line = `Signing ceiling: in this run the machine made ${count(s.signaturesPerSecond)} RSA-2048 signatures/s with every core busy and nothing else to do; a new-device pair is 2 requests and 2 signatures, so signing alone caps that workload at ${count(s.requestsPerSecondCeiling)} req/s, the figure the throughput goal divides by.`
    parts.push(`${line}\n`)
    md.push(line, '')
  }
  if (results.renderer) add('Renderer (production build, headless Chromium)', rendererRows(results.renderer), false)
  if (results.engineStart) add('Engine start', engineStartRows(results.engineStart), false)
  const startup = startupRows(results)
  if (startup.length > 1) md.push('**Renderer and engine start**', '', renderMarkdownTable(startup))
  if (results.kyAnatomy) {
    parts.push(renderTable(kyRows(results.kyAnatomy), 'Where the HTTP client time goes (same rounds, sandbox)'))
    parts.push(renderTable(microRows(results.kyAnatomy)))
  }
  for (const [name, p] of Object.entries(results.profiles ?? {})) {
    const rows: Rows = [['Area (self time)', 'ms', '%'], ...p.areas.slice(0, 12).map((a) => [a.area, a.ms.toFixed(1), a.share.toFixed(1)])]
    parts.push(renderTable(rows, `CPU profile: ${name} (${p.totalMs.toFixed(0)} ms busy${p.file ? `, ${p.file.replace(/^.*\/out\//, 'out/')}` : ''})`))
  }
  const errors = Object.entries(results.errors)
  if (errors.length) parts.push(`Errors:\n${errors.map(([k, v]) => `  ${k}: ${v}`).join('\n')}\n`)
  md.push(HOW_TO_READ)
  return { text: parts.join('\n'), markdown: md.join('\n') }
}

const HOW_TO_READ = `**How to read it**

- *Click to confirmation* (the goal that matters to a user on a slow link): the sandbox serves the License API over TLS 1.3 with a certificate made for the run (the engine trusts it through its fetch's CA option, the SDK through \`NODE_EXTRA_CA_CERTS\`; verification stays on), behind a TCP proxy per sample on 127.0.0.1 that delays every chunk 50 ms each way and holds a new connection's first bytes one round trip (the TCP handshake); the proxies run on a thread of their own, so a busy sandbox does not make their timers late. The sandbox closes connections idle for 60 s, as a load balancer does, so the 90 s form outlives the first warm connection. Each sample is a fresh client: the engine's service with its warm-up (called when the form is shown, as the window does), or a fresh \`LicenseAPI\` of LicenseSpring's Node SDK (own process, Node's global-agent settings). The click is timed from the call to the confirmed answer; for SSO from the moment the engine has the browser callback's code to the confirmation, the sign-in (and the \`sso_url\` calls before the browser opens) having taken the given time. *Server ms* is the sandbox's own time on the requests the click waited for (from a request's headers to its answer's last byte): for an SSO code it includes the server redeeming the code at its identity provider, a back-channel call of the server's that no client can shorten. *Less server* is the click less that time: what the link and the client cost, the figure the goal is about (≤ 120 ms plus the engine's own work). *Connections*, *TLS full / resumed* and *requests* are counted by the sandbox per sample, from the form's opening to the confirmation; *API before click* is the largest number of License API requests any sample sent before its click (the warm-up must send none; under OAuth the token request goes to the token endpoint). The goal row takes the worst engine median (less server time) among the licence key, username and OAuth rows and the SSO rows whose sign-in took under a minute.
- *Context on loopback*: the per-call engine and SDK figures below, where a call costs half a millisecond; they explain the engine's own cost and are no longer goals.
- *Engine overhead*: each round re-activates the seat (untimed), then times one deactivation per client, in rotating order, against the sandbox in its own process on 127.0.0.1. The *floor* is a bare \`node:http\` keep-alive request with the engine's exact headers and body: the cost no client can avoid. *Engine − floor* is what the engine adds; *engine / SDK* compares it with \`@licensespring/node-sdk\` (axios) making the same call. The context figures use the whole \`service.deactivate\` path (what the window's IPC call runs). Median = typical call, p99 = tail (GC, timers).
- *Round trips* (goals table): API calls the sandbox counted per deactivation — key, user, OAuth without and with a cached token, SSO (\`sso_url\` twice — the registered redirect, then the exact one the app listens on — + deactivation; the browser sign-in itself is not an API call).
- *Throughput*: 32 clients, each with its own keep-alive socket and licence, loop signed activate → deactivate pairs for 5 s; load generator and sandbox are separate processes (one core each). The goal's workload uses a new hardware id every pair, so every activation answer is RSA-signed afresh, and the goal is a ratio: its req/s over the *signing ceiling* measured in the same run (the RSA-2048 signatures per second this machine makes with nothing else to do), since no absolute req/s holds from one machine to the next. The second row re-activates the same device, which the sandbox answers from its signature memo. Memory is the sandbox process's.
- *Main bundle load* (engine-start section): a fresh process \`require\`s the built \`out/main/index.js\` with a stand-in \`electron\` module and a configured server (so the sandbox chunk stays unloaded), timed until the module is evaluated and until it has opened its window; Electron's own start-up is not included.
- *Renderer*: production build sizes (gzip as vite prints it); *first form interactive* is \`performance.now()\` from navigation start until the first form's first text field is visible, enabled and editable (headless Chromium, fresh context each run, instant fake \`window.licenseManager\`).
- Figures move with the machine's load (recorded in results.json): compare runs on the same, otherwise idle machine. \`npm run bench -- --quick\` gives rough figures in ~20 s; \`--profile\` writes CPU profiles to \`out/bench-profiles/\`.
`

/** `npx tsx bench/report.ts`: rewrites the page's section from bench/results.json, without measuring anything. */
if (require.main === module) {
  const results = JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as BenchResults
  writeBenchSection(PERFORMANCE_PAGE, renderReport(results).markdown)
  process.stdout.write('docs/performance.md: the bench section rewritten from bench/results.json\n')
}
