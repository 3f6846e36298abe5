/**
 * `npm run ci:figures -- <folder>`: the measurements a CI run uploaded (the `measurements-<os>`
 * artifacts: startup-*.json, click-to-confirmation-*.json, in any sub-folder) are copied into
 * docs/ci-figures/ and rendered into docs/ci.md between the ci-figures markers. Without a folder
 * it re-renders from docs/ci-figures/. test/node/ci/ci-figures.test.ts keeps the section equal
 * to that rendering.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { basename, join, resolve } from 'node:path'
import { clickMarkdown, startupMarkdown, type AppClickData, type MeasurementFile, type StartupData } from '../e2e/fixtures/measurements'

const ROOT = resolve(__dirname, '..')
export const FIGURES_DIR = join(ROOT, 'docs', 'ci-figures')
export const CI_DOC = join(ROOT, 'docs', 'ci.md')
export const FIGURES_START = '<!-- ci-figures:start -->'
export const FIGURES_END = '<!-- ci-figures:end -->'
const MEASUREMENT_FILE = /^(startup|click-to-confirmation)-[\w-]+\.json$/

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name)
    return statSync(path).isDirectory() ? filesUnder(path) : MEASUREMENT_FILE.test(name) ? [path] : []
  })
}

export function readFigures(folder = FIGURES_DIR): { startup: MeasurementFile<StartupData>[]; click: MeasurementFile<AppClickData>[] } {
  const files = existsSync(folder) ? filesUnder(folder).sort() : []
  const parsed = files.map((path) => JSON.parse(readFileSync(path, 'utf8')) as MeasurementFile<unknown>)
  return {
    startup: parsed.filter((f): f is MeasurementFile<StartupData> => f.measurement === 'startup'),
    click: parsed.filter((f): f is MeasurementFile<AppClickData> => f.measurement === 'click-to-confirmation')
  }
}

/** The section between the markers, markers included. */
export function renderFigures(figures: ReturnType<typeof readFigures>): string {
  const all = [...figures.startup, ...figures.click]
  const body =
    all.length === 0
      ? 'No CI run has been recorded here yet: the figures exist only once the workflow has run on GitHub (see "Reading the figures" below).'
      : [
          `Recorded from ${[...new Set(all.map((f) => f.runner.run ?? f.runner.label))].join(', ')}; measured ${[...new Set(all.map((f) => f.measuredAt.slice(0, 10)))].join(', ')}.`,
          `Runners: ${[...new Map(all.map((f) => [f.runner.label, `${f.runner.label}: ${f.runner.cpus} × ${f.runner.cpuModel}, ${f.runner.memoryGb} GB, ${f.runner.os}`])).values()].join('; ')}.`,
          `App: Electron ${all[0]!.app.electron} (Node ${all[0]!.app.node}, Chromium ${all[0]!.app.chrome}).`,
          figures.startup.length ? startupMarkdown(figures.startup).trimEnd() : '',
          figures.click.length ? clickMarkdown(figures.click).trimEnd() : ''
        ]
          .filter((part) => part !== '')
          .join('\n\n')
  return `${FIGURES_START}\n\n${body}\n\n${FIGURES_END}`
}

export function withFigures(doc: string, section: string): string {
  const start = doc.indexOf(FIGURES_START)
  const end = doc.indexOf(FIGURES_END)
  if (start < 0 || end < start) throw new Error(`docs/ci.md has no ${FIGURES_START} … ${FIGURES_END} section`)
  return doc.slice(0, start) + section + doc.slice(end + FIGURES_END.length)
}

function main(): void {
  const from = process.argv[2]
  if (from !== undefined) {
    const files = filesUnder(resolve(from))
    if (files.length === 0) throw new Error(`no startup-*.json or click-to-confirmation-*.json under ${from}`)
    mkdirSync(FIGURES_DIR, { recursive: true })
    for (const file of files) copyFileSync(file, join(FIGURES_DIR, basename(file)))
    process.stdout.write(`copied ${files.length} measurement files into docs/ci-figures/\n`)
  }
  writeFileSync(CI_DOC, withFigures(readFileSync(CI_DOC, 'utf8'), renderFigures(readFigures())))
  process.stdout.write('docs/ci.md: figures section rewritten\n')
}

if (require.main === module) main()
