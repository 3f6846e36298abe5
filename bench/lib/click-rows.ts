/**
 * A row of click-to-confirmation figures: the samples of one login method, client and form-open
 * time, their medians, and the row's cells in a table. The bench's engine and SDK rows
 * (bench/sections/click-to-confirmation.ts) and the app's own rows measured in Electron
 * (e2e/measure-click.spec.ts) are summarized and printed alike.
 */
import { round, summarize } from './stats'
import { ms } from './table'

export type ClickMethod = 'licence key' | 'username' | 'OAuth (licence key)' | 'SSO code (from callback)'

export interface ClickSample {
  ok: boolean
  error?: string
  ms: number
  connections: number
  tls: { full: number; resumed: number }
  /** Requests over the link from the form's opening to the confirmation, by path. */
  requests: Record<string, number>
  /** License API requests before the click (the warm-up must send none). */
  apiRequestsBeforeClick: number
  /**
   * The sandbox's own time on the requests the click waited for (from a request's headers
   * to its answer's last byte; the sign-in URL requests of SSO, made before the browser
   * opened, excluded). For an SSO code it includes the server redeeming the code at the
   * identity provider.
   */
  serverMs: number
}

/** What a row is of: its login method, its client, how long the form was open before the click. */
export interface ClickRowHead<Client extends string> {
  method: ClickMethod
  client: Client
  openForMs: number
}

export interface ClickRow<Client extends string = string> extends ClickRowHead<Client> {
  samples: ClickSample[]
  medianMs: number
  p90Ms: number
  medianRoundTrips: number
  p90RoundTrips: number
  /** Median of the server's own time per sample, and the click less it: what the link and the client cost. */
  medianServerMs: number
  medianLessServerMs: number
  medianLessServerRoundTrips: number
  p90LessServerRoundTrips: number
  failures: number
  /** Per-sample medians. */
  connections: number
  tlsFull: number
  tlsResumed: number
  requests: number
  apiRequestsBeforeClick: number
}

const medianOf = (values: number[]): number => summarize(values).median

/** The row of `samples`: latencies over the samples that went through, counts over all of them. */
export function summarizeClickRow<Client extends string>(head: ClickRowHead<Client>, samples: ClickSample[], roundTripMs: number): ClickRow<Client> {
  const ok = samples.filter((s) => s.ok)
  const latency = summarize(ok.map((s) => s.ms))
  const lessServer = summarize(ok.map((s) => s.ms - s.serverMs))
  return {
    method: head.method,
    client: head.client,
    openForMs: head.openForMs,
    samples: samples.map((s) => ({ ...s, ms: round(s.ms) })),
    medianMs: round(latency.median),
    p90Ms: round(latency.p90),
    medianRoundTrips: round(latency.median / roundTripMs, 2),
    p90RoundTrips: round(latency.p90 / roundTripMs, 2),
    medianServerMs: round(medianOf(ok.map((s) => s.serverMs))),
    medianLessServerMs: round(lessServer.median),
    medianLessServerRoundTrips: round(lessServer.median / roundTripMs, 2),
    p90LessServerRoundTrips: round(lessServer.p90 / roundTripMs, 2),
    failures: samples.length - ok.length,
    connections: medianOf(samples.map((s) => s.connections)),
    tlsFull: medianOf(samples.map((s) => s.tls.full)),
    tlsResumed: medianOf(samples.map((s) => s.tls.resumed)),
    requests: medianOf(samples.map((s) => Object.values(s.requests).reduce((a, b) => a + b, 0))),
    apiRequestsBeforeClick: Math.max(...samples.map((s) => s.apiRequestsBeforeClick))
  }
}

/** The header of `clickRowCells`' columns. */
export const CLICK_ROW_HEADER: readonly string[] = [
  'Method',
  'Form open',
  'Client',
  'median',
  'p90',
  'median ms',
  'p90 ms',
  'server ms',
  'less server',
  'p90 less server',
  'connections',
  'TLS full / resumed',
  'requests',
  'API before click',
  'failed'
]

const rtt = (value: number): string => (Number.isFinite(value) ? `${value.toFixed(2)} RTT` : '—')

/** A row's cells, in `CLICK_ROW_HEADER`'s order. */
export function clickRowCells(r: ClickRow): string[] {
  return [
    r.method,
    `${r.openForMs / 1000} s`,
    r.client,
    rtt(r.medianRoundTrips),
    rtt(r.p90RoundTrips),
    ms(r.medianMs, 1),
    ms(r.p90Ms, 1),
    ms(r.medianServerMs, 1),
    rtt(r.medianLessServerRoundTrips),
    rtt(r.p90LessServerRoundTrips),
    String(r.connections),
    `${r.tlsFull} / ${r.tlsResumed}`,
    String(r.requests),
    String(r.apiRequestsBeforeClick),
    `${r.failures}/${r.samples.length}`
  ]
}
